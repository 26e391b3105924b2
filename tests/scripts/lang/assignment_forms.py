# Assignment targets, chained/augmented/annotated assignment, del, global.

a = b = c = 1
b = 2
print(a, b, c)
x: int = 5
y: list
print(x, "y" in dir(), __annotations__)


class Annotated:
    count: int = 0
    name: str
    print("class annotations", __annotations__)


print(Annotated.count, hasattr(Annotated, "name"), Annotated.__annotations__)


def local_annotations():
    z: int = 3
    w: str
    return z


print(local_annotations())


class Obj:
    pass


o = Obj()
o.attr = 1
o.attr += 10
o.other = o.attr * 2
print(o.attr, o.other, sorted(vars(o)))
del o.attr
print(hasattr(o, "attr"), vars(o))
try:
    del o.attr
except AttributeError as e:
    print(type(e).__name__, e)

lst = [1, 2, 3, 4, 5]
lst[0] = 10
lst[-1] += 100
del lst[1]
print(lst)
del lst[:2]
print(lst)
d = {"a": 1}
d["b"] = 2
d["a"] += 5
del d["b"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print(type(e).__name__, e)
name = "value"
del name
try:
    print(name)
except NameError as e:
    print(type(e).__name__, e)
p, q = r = (1, 2)
print(p, q, r)
m = [[0] * 3 for _ in range(2)]
m[1][2] = 7
m[0][0] += 1
print(m)
aliased = [[0] * 2] * 2
aliased[0][0] = 9
print(aliased)
counter = 0


def bump():
    global counter
    counter += 1


bump()
bump()
print(counter)


def shadow():
    counter = "local"
    return counter


print(shadow(), counter)
i = j = k = 0
i += 1
j -= 1
k ^= 3
print(i, j, k)
nested = {"l": [1, {"k": 0}]}
nested["l"][1]["k"] += 5
nested["l"][0] *= 7
print(nested)
t = ([1], 2)
try:
    t[0] += [2]
except TypeError as e:
    print(type(e).__name__, e, t)
del a, b
print("a" in globals(), "c" in globals())
s = "abc"
try:
    s[0] = "z"
except TypeError as e:
    print(type(e).__name__, e)
try:
    (1, 2)[0] = 5
except TypeError as e:
    print(type(e).__name__, e)
v1, v2 = v2, v1 = 1, 2
print(v1, v2)
first = second = []
first.append("shared")
print(second)
for idx, lst[0] in enumerate("xy"):
    pass
print(idx, lst)
