# collections.namedtuple: fields, _make, _asdict, _replace, repr, defaults, rename, errors.
from collections import namedtuple

Point = namedtuple("Point", ["x", "y"])
p = Point(1, y=2)
print(p, p.x, p.y, p[0], len(p), tuple(p), isinstance(p, tuple))
print(Point._fields, Point.__name__, Point.__doc__, type(p).__name__)
print(p._asdict(), p._replace(x=10), Point._make([5, 6]))
x, y = p
print(x + y, p == (1, 2), p + (3,), hash(p) == hash((1, 2)))
print(sorted([Point(2, 1), Point(1, 5)]))
Color = namedtuple("Color", "red green, blue")
print(Color(1, 2, 3), Color._fields)
Opt = namedtuple("Opt", "a b c", defaults=[0, None])
print(Opt(1), Opt(1, 2, 3), Opt._field_defaults)
R = namedtuple("R", ["ok", "def", "_x", "ok"], rename=True)
print(R._fields)
Single = namedtuple("Single", "only")
print(Single(5), Single._make([1]))
Empty = namedtuple("Empty", "")
print(Empty(), Empty._fields)
for f in [lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, z=2),
          lambda: Point._make([1]), lambda: p._replace(z=1)]:
    try:
        f()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
for args in [("P", "a a"), ("P", "a _b"), ("P", "a class"), ("1P", "a"), ("P", "a-b")]:
    try:
        namedtuple(*args)
    except ValueError as e:
        print("ValueError:", e)
try:
    p.x = 5
except AttributeError:
    print("AttributeError: can't set")

class Pt3(namedtuple("Pt3", "x y z")):
    __slots__ = ()
    def norm1(self):
        return abs(self.x) + abs(self.y) + abs(self.z)
q = Pt3(1, -2, 3)
print(q, q.norm1(), q._replace(z=0))
