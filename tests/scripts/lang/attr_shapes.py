# Instances keep attribute values laid out by shapes shared among instances built alike;
# `__dict__`, deletion, odd orders and many names move an instance to a dict. Every path
# must keep Python's behaviour: insertion order, sharing with __dict__, identity.
import gc


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


# Many instances built alike, then one given more attributes than the others.
pts = [Point(i, -i) for i in range(5)]
pts[2].z = "extra"
print([(p.x, p.y) for p in pts], pts[2].z, hasattr(pts[1], "z"))
print([list(vars(p)) for p in pts[1:3]])

# __dict__ shares with the instance from then on, both ways.
p = Point(1, 2)
d = p.__dict__
d["y"] = 20
p.x = 10
d["w"] = "via dict"
print(p.x, p.y, p.w, d, p.__dict__ is d, vars(p) is d)
del p.w
print(d, hasattr(p, "w"))

# Deleting an attribute keeps the order of those left; adding it again goes last.
q = Point(3, 4)
q.a = "a"
del q.x
print(list(vars(q)), q.y, q.a)
q.x = "back"
print(list(vars(q)))
try:
    q.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    del q.missing
except AttributeError as e:
    print("AttributeError:", e)

# Names made at run time (not interned) find the same attributes.
name = "".join(["x"])
r = Point(5, 6)
print(getattr(r, name), r.__getattribute__("y"))
setattr(r, "".join(["y"]), 60)
print(r.y, list(vars(r)))

# The same names in many orders, and more names than a shape holds.
class Bag:
    pass


bags = []
for k in range(40):
    b = Bag()
    names = [f"n{(k + j) % 7}" for j in range(7)]
    for n in names:
        setattr(b, n, n)
    bags.append(b)
print(all(getattr(b, f"n{j}") == f"n{j}" for b in bags for j in range(7)))
print(list(vars(bags[3]))[:3], list(vars(bags[39]))[:3])
firsts = []
for k in range(30):
    b = Bag()
    setattr(b, f"first{k}", k)
    b.common = -k
    firsts.append(b)
print([getattr(b, f"first{k}") + b.common for k, b in enumerate(firsts)] == [0] * 30)
print(list(vars(firsts[29])), hasattr(firsts[29], "first28"))
big = Bag()
for i in range(50):
    setattr(big, f"a{i}", i)
print(len(vars(big)), big.a0, big.a49, sum(getattr(big, f"a{i}") for i in range(50)))

# dir() and equality of reads before and after a dict takes over.
s = Point("x", "y")
print([n for n in dir(s) if not n.startswith("_")])
before = (s.x, s.y)
s.__dict__
print(before == (s.x, s.y))

# Cycles through instance attributes are collected.
class Node:
    def __init__(self):
        self.other = None


gc.collect()
for _ in range(100):
    a, b = Node(), Node()
    a.other, b.other = b, a
del a, b
print(gc.collect() >= 200)

# Slots classes keep their rules.
class Slotted:
    __slots__ = ("u", "v")

    def __init__(self):
        self.u = 1


t = Slotted()
t.v = 2
print(t.u, t.v)
try:
    t.w = 3
except AttributeError as e:
    print("AttributeError:", e)
