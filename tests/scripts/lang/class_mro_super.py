# Multiple inheritance, C3 MRO, zero-argument super(), class attributes.

class Base:
    kind = "base"

    def __init__(self):
        self.trail = ["Base"]

    def hello(self):
        return "Base.hello"

    def who(self):
        return ["Base"]


class Left(Base):
    def __init__(self):
        super().__init__()
        self.trail.append("Left")

    def who(self):
        return ["Left"] + super().who()


class Right(Base):
    kind = "right"

    def __init__(self):
        super().__init__()
        self.trail.append("Right")

    def who(self):
        return ["Right"] + super().who()


class Child(Left, Right):
    def __init__(self):
        super().__init__()
        self.trail.append("Child")

    def who(self):
        return ["Child"] + super().who()


c = Child()
print([k.__name__ for k in Child.__mro__])
print([k.__name__ for k in Child.mro()])
print(c.trail)
print(c.who())
print(c.kind, Child.kind, Left.kind)
print(c.hello())
print(isinstance(c, Base), isinstance(c, Right), issubclass(Child, Left), issubclass(Base, Child))
print(Child.__bases__ == (Left, Right), Base.__bases__ == (object,))
print(Child.__name__, Child.__qualname__)


class A:
    pass


class B:
    pass


try:
    class Bad(A, B, A):
        pass
except TypeError as e:
    print(type(e).__name__, e)


class X:
    pass


class Y(X):
    pass


try:
    class Z(X, Y):
        pass
except TypeError as e:
    print(type(e).__name__, e)


class Z2(Y, X):
    pass


print([k.__name__ for k in Z2.__mro__])


# super() with explicit arguments and in classmethods.
class P:
    @classmethod
    def make(cls):
        return "P.make for " + cls.__name__

    def value(self):
        return 1


class Q(P):
    @classmethod
    def make(cls):
        return "Q.make -> " + super().make()

    def value(self):
        return super(Q, self).value() + 10


print(Q.make())
print(Q().value())

# Class attribute vs instance attribute shadowing.
class Counter:
    count = 0

    def bump(self):
        self.count += 1
        return self.count


k = Counter()
k.bump()
k.bump()
print(k.count, Counter.count)
Counter.count = 100
print(Counter().count, k.count)
print("count" in k.__dict__, sorted(Counter.__dict__.keys() & {"count", "bump"}) == ["bump", "count"])


# Class decorator.
def register(cls):
    cls.registered = True
    return cls


@register
class Deco:
    pass


print(Deco.registered)


# Diamond with method defined only on one branch.
class D1:
    def f(self):
        return "D1"


class D2(D1):
    pass


class D3(D1):
    def f(self):
        return "D3"


class D4(D2, D3):
    pass


print(D4().f(), [k.__name__ for k in D4.__mro__])
