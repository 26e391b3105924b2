# Instantiating a class whose `__init__` is a plain function: the instance takes the
# class's register and `__init__` runs as a frame of the loop. Covers what must stay as
# CPython does it around that path.
import sys


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(1, 2)
print("point", p.x, p.y, type(p).__name__)
points = [Point(i, -i) for i in range(5)]
print("in a comprehension", [q.x + q.y for q in points], points[3].x)


class Defaults:
    def __init__(self, a, b=10):
        self.total = a + b


print("defaults", Defaults(1).total, Defaults(1, 2).total)


class Returns:
    def __init__(self):
        return 5


try:
    Returns()
except TypeError as e:
    print("TypeError:", e)


class Fails:
    def __init__(self, v):
        self.v = v
        raise ValueError(v)


try:
    f = Fails(7)
except ValueError as e:
    print("ValueError:", e, "f" in dir())


class Counted:
    made = 0

    def __init__(self):
        Counted.made += 1


Counted()
print("made", Counted.made)


class Later:
    def __init__(self, a):
        self.a = a


print("before", Later(1).a)
Later.__init__ = lambda self, a, b=2: setattr(self, "a", a * b)
print("replaced", Later(3).a)


def init_again(self, a):
    self.a = -a


Later.__init__ = init_again
print("replaced again", Later(4).a)


class Base:
    def __init__(self, v):
        self.v = v


class Derived(Base):
    pass


print("inherited", Derived(9).v)


class MyError(Exception):
    def __init__(self, code):
        self.code = code


try:
    raise MyError(42)
except MyError as e:
    print("exception", e.code, e.args)


class Node:
    def __init__(self, depth):
        self.child = Node(depth - 1) if depth else None


n = Node(50)
d = 0
while n.child is not None:
    n = n.child
    d += 1
print("nested", d)

sys.setrecursionlimit(200)
try:
    Node(10_000)
except RecursionError as e:
    print("RecursionError:", e)
sys.setrecursionlimit(1000)
print("after", Node(3).child.child.child.child)


class Selfish:
    def __init__(self):
        self.me = self


s = Selfish()
print("cycle", s.me is s)
del s
import gc
print("collected", gc.collect() >= 1)
