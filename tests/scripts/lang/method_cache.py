# Method calls at one call site stay correct when the receiver's class changes, when
# a class attribute is rebound or deleted, and when an instance attribute shadows a method.


class Base:
    def who(self):
        return "Base.who"


class Derived(Base):
    def who(self):
        return "Derived.who"


class Plain(Base):
    pass


def call_who(objs):
    return [o.who() for o in objs]


objs = [Base(), Derived(), Plain(), Derived(), Base()]
print(call_who(objs))
print(call_who(objs))

# Rebinding the method on the class is seen at the next call.
Base.who = lambda self: "patched Base.who"
print(call_who(objs))


def new_who(self):
    return "new Derived.who"


Derived.who = new_who
print(call_who(objs))

# Deleting the override falls back to the base class.
del Derived.who
print(call_who(objs))

# An instance attribute shadows the class's method.
shadowed = Plain()
shadowed.who = lambda: "instance who"
print(call_who([Plain(), shadowed, Plain()]))
del shadowed.who
print(call_who([shadowed]))

# Built-in methods at one site, across types.
for value in ["abc", [3, 1, 2], (1, 2, 1), b"ab"]:
    print(type(value).__name__, value.count(1) if not isinstance(value, (str, bytes)) else value.count(value[:1]))


class MyList(list):
    def append(self, x):
        super().append(x * 10)


for target in [[], MyList(), []]:
    for i in range(3):
        target.append(i)
    print(type(target).__name__, target)

# Classes created and dropped repeatedly at one site: each new class resolves afresh.
results = []
for i in range(5):
    class Local:
        def value(self, i=i):
            return i * i
    results.append(Local().value())
print(results)

# Methods replaced inside the loop that calls them.
class Counter:
    def step(self):
        Counter.step = Counter.step2
        return "step"

    def step2(self):
        return "step2"


c = Counter()
print([c.step() for _ in range(3)])
