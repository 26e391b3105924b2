# `super().name(...)` calls the function found after the class in the MRO with the
# instance as its first argument (no bound method is made); every other kind of
# attribute, and super() of a class, still goes through the super object. Attribute
# stores into exceptions: their own fields, and everything else into `__dict__`.


class Base:
    def greet(self, who):
        return f"Base.greet({who}) on {type(self).__name__}"

    @classmethod
    def make(cls):
        return f"Base.make for {cls.__name__}"

    @staticmethod
    def tool(x):
        return x * 2

    @property
    def label(self):
        return "Base.label"

    kind = "base-kind"


class Left(Base):
    def greet(self, who):
        return "Left>" + super().greet(who)


class Right(Base):
    def greet(self, who):
        return "Right>" + super().greet(who)


class Diamond(Left, Right):
    def greet(self, who):
        return "Diamond>" + super().greet(who)

    @classmethod
    def make(cls):
        return "Diamond>" + super().make()

    def others(self):
        return (
            super().tool(21),
            super().label,
            super().kind,
            super().__class__.__name__,
            super().__thisclass__.__name__,
            super().__self__ is self,
            super().__self_class__.__name__,
        )

    def builtin_ones(self):
        return (super().__repr__()[:9], super().__eq__(self), super().__eq__(1), super().__hash__() == hash(self))


d = Diamond()
print(d.greet("you"))
print(Diamond.make(), d.make())
print(d.others(), d.builtin_ones())
print([c.__name__ for c in Diamond.__mro__])

try:
    super(Diamond, d).missing()
except AttributeError as e:
    print("AttributeError:", e)


class WithNew:
    def __new__(cls, *args):
        obj = super().__new__(cls)
        obj.args_seen = args
        return obj


print(WithNew(1, 2).args_seen)


class Shadow(Base):
    def greet(self, who):
        # The instance's own attribute of the same name does not hide the class's.
        self.greet_attr = "instance"
        return super().greet(who)


print(Shadow().greet("me"))


class MyList(list):
    def append(self, x):
        super().append(x * 10)


ml = MyList()
ml.append(1)
ml.append(2)
print(ml, super(MyList, ml).__len__())


class Retry(Exception):
    def __init__(self, attempt, note=None):
        super().__init__(attempt)
        self.attempt = attempt
        self.note = note


class Slotted(Exception):
    __slots__ = ("code",)


class Guarded(Exception):
    @property
    def level(self):
        return self._level

    @level.setter
    def level(self, v):
        self._level = v * 100


r = Retry(3, "x")
r.attempt += 1
r.args = ("changed", 1)
cause = ValueError("root")
r.__cause__ = cause
r.__context__ = KeyError("ctx")
r.__suppress_context__ = False
print(r.attempt, r.note, r.args, repr(r.__cause__), repr(r.__context__), r.__suppress_context__)
print(sorted(k for k in vars(r)))
s = Slotted("boom")
s.code = 7
try:
    s.other = 1
except AttributeError as e:
    print("AttributeError:", e)
print(s.code, s.args)
g = Guarded()
g.level = 2
print(g.level, vars(g))
for i in range(3):
    try:
        raise Retry(i)
    except Retry as e:
        print(e.attempt, e.args, e.note)
