# Object built-ins: callable dir getattr setattr delattr hasattr id isinstance issubclass globals
# locals vars type super object classmethod staticmethod property slice.

class Animal:
    legs = 4

    def __init__(self, name):
        self.name = name

    def speak(self):
        return "..."


class Dog(Animal):
    def speak(self):
        return "Woof from " + super().speak()


d = Dog("rex")
print(callable(d.speak), callable(Dog), callable(d), callable(len), callable(None), callable(lambda: 0))
print([n for n in dir(d) if not n.startswith("_")], "speak" in dir(Dog), dir(d) == sorted(dir(d)))
print(getattr(d, "name"), getattr(d, "legs"), getattr(d, "x", None), hasattr(d, "speak"), hasattr(d, "fly"))
setattr(d, "tricks", ["sit"])
print(d.tricks, vars(d))
delattr(d, "tricks")
print(vars(d), vars(Dog)["speak"].__name__, "speak" in vars(Dog), "legs" in vars(Animal))
try:
    vars(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    delattr(d, "nope")
except AttributeError as e:
    print(type(e).__name__, e)
print(id(d) == id(d), id(d) != id(Dog("other")), type(id(d)).__name__, id(None) == id(None))
print(isinstance(d, Dog), isinstance(d, Animal), isinstance(d, object), isinstance(d, (int, Animal)),
      isinstance(Dog, type), issubclass(Dog, Animal), issubclass(Dog, Dog), issubclass(Animal, Dog),
      issubclass(Dog, (int, Animal)), issubclass(int, object))
try:
    issubclass(d, Animal)
except TypeError as e:
    print(type(e).__name__, e)
g = globals()
print(g["__name__"], "Dog" in g, g is globals(), type(g).__name__)
g["injected"] = "via globals()"
print(injected)


def with_locals(a, b=2):
    c = a + b
    return sorted(locals().items())


print(with_locals(1))
print(locals() is globals() or locals() == globals())
print(type(d).__name__, type(d) is Dog, type(Dog).__name__, type(type).__name__)
print(d.speak(), super(Dog, d).speak(), Dog.__mro__[1].__name__)


class Base:
    def greet(self):
        return "base"


class Mid(Base):
    def greet(self):
        return "mid+" + super().greet()


class Leaf(Mid):
    def greet(self):
        return "leaf+" + super().greet()

    def skip(self):
        return super(Mid, self).greet()


print(Leaf().greet(), Leaf().skip())
o = object()
print(type(o).__name__, isinstance(o, object), object.__name__, type(object()).__mro__)


class Util:
    @staticmethod
    def double(x):
        return x * 2

    @classmethod
    def name(cls):
        return cls.__name__

    area = property(lambda self: 3 * 4)


print(Util.double(4), Util().double(5), Util.name(), Util().area, type(Util.__dict__["double"]).__name__)
sl = slice(1, 10, 3)
print(sl, slice(5), slice(None), sl.start, sl.stop, sl.step, list(range(20))[sl], "abcdefghij"[slice(2, None, 2)])
print(slice(1, 2) == slice(1, 2), sl.indices(7))
print(type(classmethod(len)).__name__, type(staticmethod(len)).__name__, type(property()).__name__)
