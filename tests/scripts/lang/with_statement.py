# with: several items, exception suppression, __exit__ arguments, nesting, return through with.

class Res:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc, tb is not None)
        return self.suppress


with Res("a") as a:
    print("body", a)

with Res("x") as x, Res("y") as y:
    print("body", x, y)

with Res("outer", suppress=True):
    with Res("inner"):
        raise ValueError("oops")
    print("not reached")
print("after suppression")

try:
    with Res("nosuppress"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", repr(e))


def returns_inside():
    with Res("ret"):
        return "returned value"


print(returns_inside())

for i in range(3):
    with Res(f"loop{i}"):
        if i == 0:
            continue
        if i == 1:
            break
print("loop done")


class NoTarget:
    def __enter__(self):
        print("enter NoTarget")

    def __exit__(self, *args):
        print("exit NoTarget", args)


with NoTarget() as nt:
    print("bound", nt)

with Res("t1") as (first, *others):
    print(first, others)


class Bad:
    pass


try:
    with Bad():
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__)


class ExitRaises:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        raise RuntimeError("from exit")


try:
    with ExitRaises():
        raise ValueError("original")
except RuntimeError as e:
    print(type(e).__name__, e, "context:", repr(e.__context__))


class Tracker:
    depth = 0

    def __enter__(self):
        Tracker.depth += 1
        return Tracker.depth

    def __exit__(self, *a):
        Tracker.depth -= 1
        return False


with Tracker() as d1, Tracker() as d2, Tracker() as d3:
    print("depths", d1, d2, d3)
print("depth after", Tracker.depth)


class EnterFails:
    def __enter__(self):
        raise OSError("cannot enter")

    def __exit__(self, *a):
        print("never called")


try:
    with Res("before"), EnterFails():
        print("never")
except OSError as e:
    print(type(e).__name__, e)
