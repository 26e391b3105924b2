# Classes with neither `__new__` nor `__init__` of their own along the MRO are
# instantiated directly; the result must be what the full protocol gives, and a class
# changed later must stop taking the shortcut.


class Plain:
    pass


class Skip(Exception):
    pass


class Deeper(Skip):
    pass


p = Plain()
print(type(p).__name__, vars(p))
try:
    Plain(1)
except TypeError as e:
    print("TypeError:", e)
try:
    Plain(x=1)
except TypeError as e:
    print("TypeError:", e)

for args in [(), (1,), ("a", 2)]:
    e = Deeper(*args)
    print(repr(e), e.args, str(e), isinstance(e, Skip), e.__traceback__, e.__cause__)
try:
    Skip(code=3)
except TypeError as e:
    print("TypeError:", e)

# Given an __init__ later, the class runs it from then on.
def late_init(self, *args):
    self.seen = args


Plain.__init__ = late_init
print(vars(Plain(1, 2)))
del Plain.__init__
print(vars(Plain()))


def skip_init(self, *args):
    super(Skip, self).__init__("wrapped", *args)


Skip.__init__ = skip_init
print(Deeper(5).args, Skip().args)
del Skip.__init__
print(Deeper(5).args)


# A base gaining __new__ reaches its subclasses too.
class Base:
    pass


class Child(Base):
    pass


print(type(Child()).__name__)


def odd_new(cls, *args):
    return ("made by __new__", cls.__name__, args)


Base.__new__ = odd_new
print(Child(), Child(1))


# BaseException.__init__ takes no keywords, whether it is reached or only implied.
class WithInit(Exception):
    def __init__(self, x):
        super().__init__(x, code=1)


for make in (lambda: Exception(code=3), lambda: ValueError(1, code=3), lambda: WithInit(1)):
    try:
        make()
    except TypeError as e:
        print("TypeError:", e)


# The classes whose constructors do take keywords.
class MyImportError(ImportError):
    def __init__(self, msg):
        super().__init__(msg, name="pkg", path="/x")


print(MyImportError("m").args, ImportError("m", name="mod").name)
print(AttributeError("a", name="n", obj=1).args, NameError("b", name="n").args)


# Keywords are refused whatever __new__ took, by OSError's own constructor too, and
# reach a subclass's own __init__.
class OwnNew(Exception):
    def __new__(cls, *args, **kwargs):
        return super().__new__(cls, *args)


class OwnOSInit(OSError):
    def __init__(self, errno, text, extra=None):
        super().__init__(errno, text)
        self.extra = extra


for make in (lambda: OwnNew(1, x=2), lambda: OSError(1, "x", x=1), lambda: FileNotFoundError(2, "x", x=1)):
    try:
        make()
    except TypeError as e:
        print("TypeError:", e)
o = OwnOSInit(2, "gone", extra=5)
print(o.errno, o.strerror, o.extra)
