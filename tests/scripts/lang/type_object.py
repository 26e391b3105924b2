# type() and object: type of values, three-argument type(), isinstance with tuples, instance
# creation, methods as first-class values, modules as objects.

import sys

values = [1, 1.5, True, None, "s", b"b", bytearray(), [], (), {}, set(), frozenset(), range(1), slice(1),
          len, print, object(), type, int, Exception(), iter([]), (x for x in [])]
print([type(v).__name__ for v in values])
print(type(1) is int, type(type) is type, type(object) is type, isinstance(type, object), isinstance(object, type))
print(int.__mro__, bool.__mro__, type.__mro__, object.__bases__, type.__bases__)
Dyn = type("Dyn", (object,), {"x": 5, "hello": lambda self: f"hello from {type(self).__name__}"})
print(Dyn.__name__, Dyn.x, Dyn().hello(), isinstance(Dyn(), Dyn))
Child = type("Child", (Dyn,), {})
print(Child().hello(), Child.__mro__[1] is Dyn, issubclass(Child, object))
print(isinstance(1, (str, int)), isinstance("s", (list, tuple)), issubclass(bool, (str, int)), isinstance(True, int))
try:
    isinstance(1, 2)
except TypeError as e:
    print(type(e).__name__, e)


class Widget:
    count = 0

    def __init__(self, name):
        self.name = name
        Widget.count += 1

    def label(self, suffix=""):
        return self.name + suffix


w = Widget("w1")
Widget("w2")
bound = w.label
unbound = Widget.label
print(bound("!"), unbound(w, "?"), Widget.count, bound.__self__ is w, bound.__func__ is unbound)
print(type(bound).__name__, type(unbound).__name__, bound == w.label, bound.__name__)
o = object()
try:
    o.attr = 1
except AttributeError as e:
    print(type(e).__name__, e)
print(type(o).__name__, o == o, o != object(), object.__name__, type(object.__init__).__name__ != "")
print(type(sys).__name__, sys.__name__, type(Widget).__name__, Widget.__module__, Widget.__name__)
print(w.__class__ is Widget, w.__class__.__name__, type(w) is Widget, w.__dict__)
print(int("5"), str(5), float(5), bool(5), list("ab"), tuple([1]), set([1]), dict(a=1), type(5)("7"))
print(type(None)(), type(True)(0), type(1.0)(), type("")(), type([])(), type(())())


print(isinstance(Widget, type), type(Widget) is type, callable(Widget), callable(w), callable(w.label))
print(NotImplemented.__class__.__name__, type(...).__name__, type(None).__name__)
print(int.__name__, int.__qualname__, Widget.label.__qualname__, Widget.__init__.__name__)
print(dir(Widget) == sorted(dir(Widget)), "label" in dir(Widget), "name" in dir(w), "count" in dir(w))


def f():
    return 1


f.custom = "attached"
print(f.custom, f.__name__, f.__module__, type(f).__name__, f.__dict__)
