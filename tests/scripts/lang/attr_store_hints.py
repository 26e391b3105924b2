# Attribute stores decided by the code site's hint: updates in place, additions along a
# shape transition taken before, and every case where the hint must not decide (a
# property or __setattr__ added to the class later, __slots__, exceptions, dict mode).

class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def bump(o):
    o.x = o.x + 1
    return o.x


ps = [P(i, -i) for i in range(4)]
print([bump(p) for p in ps], [vars(p) for p in ps[:2]])

# A property added to the class later takes the store.
log = []
P.x = property(lambda self: 100, lambda self, v: log.append(v))
print(bump(ps[2]), log)
del P.x
print(bump(ps[2]))


# __setattr__ added to the class later takes the store, including additions.
def noisy(self, name, value):
    log.append(name)
    object.__setattr__(self, name, value)


P.__setattr__ = noisy
q = P(1, 2)
print(bump(q), log[-3:], vars(q))
del P.__setattr__
r = P(5, 6)
print(bump(r), log[-1], vars(r))


# __slots__: a name outside the slots fails even where another class took it.
class S:
    __slots__ = ("x",)

    def __init__(self, x):
        self.x = x


class D:
    def __init__(self, x):
        self.x = x


def set_y(o, v):
    o.y = v
    return o.y


print(set_y(D(1), 10), set_y(D(2), 20))
try:
    set_y(S(1), 30)
except AttributeError as e:
    print("AttributeError:", e)
print([S(i).x for i in range(3)])


# Exceptions keep their own attribute rules.
class E(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


errs = [E(i) for i in range(3)]
for e in errs:
    e.args = ("changed", e.code)
print([e.args for e in errs], [e.code for e in errs])

# An instance in dict mode, then shaped ones again at the same site.
d = P(0, 0)
d.__dict__["z"] = 1
print(bump(d), vars(d))
print(bump(P(7, 8)))

# Attributes added in different orders at one site.
def add(o, name, v):
    setattr(o, name, v)


class B:
    pass


b1, b2 = B(), B()
b1.a = 1
b1.b = 2
b2.b = 3
b2.a = 4
for o in (b1, b2):
    o.c = o.a + o.b
print(vars(b1), vars(b2))
