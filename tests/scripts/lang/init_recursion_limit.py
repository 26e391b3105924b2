# RecursionError raised by the instantiation of a class whose `__init__` needs its
# arguments bound in general (a default here), caught further up inside another class's
# `__init__`: that outer instantiation still gives its own instance.
import sys


class Inner:
    def __init__(self, a, b=1):
        self.a = a


class Plain:
    def __init__(self, a):
        self.a = a


def dive(cls):
    try:
        dive(cls)
    except RecursionError:
        cls(0)


class Outer:
    def __init__(self, cls):
        self.cls = cls.__name__
        try:
            dive(cls)
        except RecursionError:
            pass


sys.setrecursionlimit(60)
for cls in (Inner, Plain):
    o = Outer(cls)
    print(cls.__name__, type(o).__name__, o.cls)
sys.setrecursionlimit(1000)
print(type(Outer(Inner)).__name__, Inner(5).a, Plain(6).a)
