# __getattr__, __getattribute__-free lookups, __setattr__, __delattr__, __slots__, getattr/setattr/delattr/hasattr.

class Dyn:
    def __init__(self):
        self.real = "real value"

    def __getattr__(self, name):
        if name.startswith("auto_"):
            return name[5:].upper()
        raise AttributeError(f"Dyn has no {name!r}")


d = Dyn()
print(d.real, d.auto_hello, getattr(d, "auto_x"), hasattr(d, "nothing"), getattr(d, "nothing", "dflt"))
try:
    d.nothing
except AttributeError as e:
    print(type(e).__name__, e)


class Logged:
    def __setattr__(self, name, value):
        print("set", name, value)
        super().__setattr__(name, value * 2 if isinstance(value, int) else value)

    def __delattr__(self, name):
        print("del", name)
        super().__delattr__(name)


lg = Logged()
lg.x = 5
lg.s = "str"
print(lg.x, lg.s, vars(lg))
setattr(lg, "y", 1)
del lg.x
delattr(lg, "y")
print(vars(lg))


class Frozen:
    __slots__ = ("a", "b")

    def __init__(self, a):
        self.a = a


f = Frozen(1)
f.b = 2
print(f.a, f.b, Frozen.__slots__, hasattr(f, "__dict__"))
try:
    f.c = 3
except AttributeError as e:
    print(type(e).__name__, e)
del f.b
try:
    f.b
except AttributeError as e:
    print(type(e).__name__, e)


class SlotChild(Frozen):
    __slots__ = ("c",)


sc = SlotChild(9)
sc.c = 10
print(sc.a, sc.c, isinstance(sc, Frozen))


class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)

    def __getattr__(self, name):
        return getattr(self._target, name)

    def __setattr__(self, name, value):
        setattr(self._target, name, value)


class Target:
    pass


tg = Target()
px = Proxy(tg)
px.color = "red"
print(tg.color, px.color, "color" in vars(px))


class ClassLevel:
    shared = [1]

    def method(self):
        return "method"


obj = ClassLevel()
print(getattr(obj, "method")(), getattr(ClassLevel, "shared"), hasattr(ClassLevel, "method"))
setattr(ClassLevel, "added", "later")
print(obj.added, ClassLevel.added)
delattr(ClassLevel, "added")
print(hasattr(obj, "added"))
try:
    getattr(obj, "missing")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    getattr(obj, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    object().x = 1
except AttributeError as e:
    print(type(e).__name__, e)
obj.__dict__["direct"] = "via dict"
print(obj.direct, sorted(obj.__dict__))


class Recursive:
    def __getattr__(self, name):
        if name == "depth":
            return 0
        return self.depth + 1


print(Recursive().anything)


class DescriptorLike:
    @property
    def p(self):
        return "property wins over __getattr__"

    def __getattr__(self, name):
        return "fallback " + name


print(DescriptorLike().p, DescriptorLike().q)
