# property (decorator and call forms), setters/deleters, classmethod, staticmethod.

class Temperature:
    scale = "C"

    def __init__(self, celsius):
        self._c = celsius

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._c = value

    @celsius.deleter
    def celsius(self):
        print("deleting celsius")
        del self._c

    def _get_f(self):
        return self._c * 9 / 5 + 32

    def _set_f(self, f):
        self._c = (f - 32) * 5 / 9

    fahrenheit = property(_get_f, _set_f, None, "degrees F")

    @classmethod
    def from_fahrenheit(cls, f):
        t = cls(0)
        t.fahrenheit = f
        return t

    @staticmethod
    def valid(c):
        return c >= -273.15

    @classmethod
    def describe(cls):
        return f"{cls.__name__} in {cls.scale}"


t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.celsius = 100
print(t.celsius, t.fahrenheit)
t.fahrenheit = 32
print(t.celsius)
try:
    t.celsius = -300
except ValueError as e:
    print(type(e).__name__, e)
del t.celsius
print(hasattr(t, "_c"))
print(Temperature.from_fahrenheit(212).celsius)
print(Temperature.valid(-10), t.valid(-500), Temperature.describe(), t.describe())
print(Temperature.fahrenheit.__doc__, type(Temperature.celsius).__name__)
print(isinstance(Temperature.__dict__["valid"], staticmethod), isinstance(Temperature.__dict__["describe"], classmethod))


class Kelvin(Temperature):
    scale = "K"


print(Kelvin.describe(), type(Kelvin.from_fahrenheit(50)).__name__)


class ReadOnly:
    @property
    def value(self):
        return 42


r = ReadOnly()
print(r.value)
try:
    r.value = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del r.value
except AttributeError as e:
    print(type(e).__name__, e)


class Lazy:
    def __init__(self):
        self.calls = 0

    @property
    def computed(self):
        self.calls += 1
        return self.calls * 10


lz = Lazy()
print(lz.computed, lz.computed, lz.calls)


class Registry:
    items = []

    @classmethod
    def add(cls, item):
        cls.items.append(item)
        return cls

    @staticmethod
    def helper(a, b=2):
        return a * b


Registry.add(1).add(2)
print(Registry.items, Registry.helper(3), Registry().helper(3, b=3))
sm = staticmethod(lambda: "plain")
cm = classmethod(lambda cls: cls.__name__)


class Attach:
    s = sm
    c = cm


print(Attach.s(), Attach.c(), Attach().c())
p = property(lambda self: "via property()")


class UsesP:
    attr = p


print(UsesP().attr)
print(property.__name__, classmethod.__name__, staticmethod.__name__)


class PropErr:
    @property
    def bad(self):
        raise KeyError("inside getter")


try:
    PropErr().bad
except KeyError as e:
    print(type(e).__name__, e)
