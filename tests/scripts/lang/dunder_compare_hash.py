# Rich comparison and hashing dunders, NotImplemented fallbacks, default identity
# equality, and the errors for objects lacking a protocol.

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        if not isinstance(other, Point):
            return NotImplemented
        return (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __lt__(self, other):
        return (self.x, self.y) < (other.x, other.y)

    def __le__(self, other):
        return (self.x, self.y) <= (other.x, other.y)

    def __gt__(self, other):
        return (self.x, self.y) > (other.x, other.y)

    def __ge__(self, other):
        return (self.x, self.y) >= (other.x, other.y)

    def __repr__(self):
        return f"P{self.x}{self.y}"


pts = [Point(2, 1), Point(1, 5), Point(1, 2)]
print(sorted(pts), max(pts), min(pts), Point(1, 1) == Point(1, 1), Point(1, 1) != Point(1, 2))
print(Point(1, 1) <= Point(1, 1), Point(2, 0) >= Point(1, 9), Point(0, 0) == "P00", Point(1, 2) in pts)
print(len({Point(1, 1), Point(1, 1), Point(2, 2)}), {Point(3, 3): "found"}[Point(3, 3)])


class OnlyEq:
    def __eq__(self, other):
        return True


try:
    hash(OnlyEq())
except TypeError as e:
    print(type(e).__name__, e)
print(OnlyEq() == 1, OnlyEq() != 1, 1 == OnlyEq())


class NeDefault:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        return self.v == o.v


print(NeDefault(1) != NeDefault(1), NeDefault(1) != NeDefault(2))


class Ident:
    pass


i1, i2 = Ident(), Ident()
print(i1 == i1, i1 == i2, i1 != i2, hash(i1) == hash(i1), len({i1, i1, i2}))
try:
    i1 < i2
except TypeError as e:
    print(type(e).__name__, e)


class Reflected:
    def __gt__(self, other):
        return "Reflected.__gt__"


print(5 < Reflected())


class BadLen:
    def __len__(self):
        return -1


try:
    len(BadLen())
except ValueError as e:
    print(type(e).__name__, e)


class NotIterable:
    pass


try:
    iter(NotIterable())
except TypeError as e:
    print(type(e).__name__, e)
try:
    for _ in 5:
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    5 in 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    NotIterable()()
except TypeError as e:
    print(type(e).__name__, e)
try:
    NotIterable()[0]
except TypeError as e:
    print(type(e).__name__, e)
