# Exception classes with a script __init__ are made by the loop (BaseException.__new__'s
# work, then __init__ as a frame): args, attributes, super().__init__, errors from
# __init__, a __new__ of the class's own, and keyword arguments must behave as CPython's.


class Retry(Exception):
    def __init__(self, attempt, note="none"):
        super().__init__(attempt)
        self.attempt = attempt
        self.note = note


class NoSuper(Exception):
    def __init__(self, a, b):
        self.total = a + b


class Loud(ValueError):
    def __init__(self, *parts):
        super().__init__("-".join(parts))


class Broken(Exception):
    def __init__(self):
        raise RuntimeError("init failed")


class BadReturn(Exception):
    def __init__(self):
        return 5


class OwnNew(Exception):
    def __new__(cls, *args):
        obj = super().__new__(cls, "from __new__")
        obj.made_by = "new"
        return obj

    def __init__(self, x):
        self.x = x


for make in (lambda: Retry(3), lambda: Retry(4, note="kw"), lambda: NoSuper(1, 2),
             lambda: Loud("a", "b"), lambda: OwnNew(9)):
    try:
        raise make()
    except Exception as e:
        print(type(e).__name__, e.args, str(e), repr(e), sorted(vars(e).items()))

for make in (Broken, BadReturn):
    try:
        make()
    except Exception as e:
        print(type(e).__name__, e)

try:
    Retry()
except TypeError as e:
    print("TypeError:", e)

caught = 0
for i in range(1000):
    try:
        raise Retry(i)
    except Retry as r:
        caught += r.attempt
print(caught)
