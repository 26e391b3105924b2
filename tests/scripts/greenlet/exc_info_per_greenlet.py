# sys.exc_info() and bare raise are per greenlet, saved and restored on switch (spec A.14).
import sys
from greenlet import greenlet, getcurrent

main = getcurrent()


def current_exc():
    t = sys.exc_info()[0]
    return t.__name__ if t is not None else None


def child():
    print("child starts with", current_exc())
    try:
        raise
    except RuntimeError as e:
        print("bare raise in fresh greenlet: RuntimeError")
    try:
        raise KeyError("child's")
    except KeyError:
        print("child handling", current_exc())
        main.switch()
        print("child resumed, still handling", current_exc())
        main.switch()
    print("child after except", current_exc())
    return "child done"


g = greenlet(child)
try:
    raise ValueError("main's")
except ValueError:
    print("main handling", current_exc())
    g.switch()
    print("main back, handling", current_exc())
print("main after except", current_exc())
g.switch()
print("main between", current_exc())
try:
    raise IndexError("again")
except IndexError:
    print(g.switch())
    print("main still", current_exc())


# A greenlet suspended inside an except block can re-raise after resuming.
def reraiser():
    try:
        raise OSError("kept")
    except OSError:
        main.switch("parked in except")
        raise


r = greenlet(reraiser)
print(r.switch())
try:
    r.switch()
except OSError as e:
    print("re-raised after resume:", repr(e))
print("main after", current_exc())
