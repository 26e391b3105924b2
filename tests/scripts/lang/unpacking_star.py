# Tuple/list unpacking with one starred target, starred and double-starred
# unpacking in calls and displays.

a, b = 1, 2
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
[f, g] = "xy"
print(f, g)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = range(5)
print(init, last)
head, *mid, tail = "abcdef"
print(head, mid, tail)
x, *y = [1]
print(x, y)
p, (q, *r), s = 1, (2, 3, 4), 5
print(p, q, r, s)
for i, (j, k) in enumerate([(1, 2), (3, 4)]):
    print(i, j, k)
for n, *more in [(1, 2, 3), (4,)]:
    print(n, more)

try:
    a, b = [1, 2, 3]
except ValueError as err:
    print(type(err).__name__, err)
try:
    a, b, c = [1, 2]
except ValueError as err:
    print(type(err).__name__, err)
try:
    a, *b, c = [1]
except ValueError as err:
    print(type(err).__name__, err)
try:
    a, b = 5
except TypeError as err:
    print(type(err).__name__, err)

print([*range(3), *"ab", 9])
print((*[1, 2], 3))
print({*[1, 2, 2], 3} == {1, 2, 3})
print({**{"a": 1, "b": 2}, "c": 3, **{"a": 10}})
print({"x": 0, **dict(y=1)})


def show(*args, **kwargs):
    return f"args={args} kwargs={kwargs}"


print(show(*[1, 2], 3, *(4,)))
print(show(**{"a": 1}, b=2, **{"c": 3}))
print(show(*"hi", sep="-", **{"end": "!"}))
try:
    show(**{"a": 1}, a=2)
except TypeError as err:
    print(type(err).__name__, err)


def point(x, y, z=0):
    return (x, y, z)


print(point(*[1, 2]), point(*(1,), **{"y": 5}), point(**{"z": 3, "x": 1, "y": 2}))
print(*[1, 2, 3], sep=", ")
print(*"abc")
t = 1, 2, 3
print(t, type(t).__name__)
single = 1,
print(single)
empty = ()
print(empty, len(empty))
a = b = c = [0]
a.append(1)
print(a, b, c, a is c)
m, n = n_pair = (7, 8)
print(m, n, n_pair)
d = {}
d["k"], d["j"] = 1, 2
print(d)


class Box:
    pass


bx = Box()
bx.u, bx.v = "uv"
print(bx.u, bx.v)
lst = [0, 0, 0]
lst[0], lst[2] = 10, 20
print(lst)
i = 0
i, lst[i] = 1, 99
print(i, lst)
