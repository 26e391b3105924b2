# sys.exc_info() is saved and restored per continuation; a fresh callable sees none (spec B.8).
import sys
from _continuation import continulet


def current():
    t = sys.exc_info()[0]
    return t.__name__ if t is not None else None


def body(cont):
    print("callable starts with", current())
    try:
        raise KeyError("inside")
    except KeyError:
        print("callable handling", current())
        cont.switch()
        print("callable resumed, handling", current())
        cont.switch()
    print("callable after except", current())


c = continulet(body)
try:
    raise ValueError("outside")
except ValueError:
    print("main handling", current())
    c.switch()
    print("main back, handling", current())
print("main after except", current())
c.switch()
print("main between", current())
try:
    raise IndexError("again")
except IndexError:
    c.switch()
    print("main still", current())


# A callable suspended in an except block re-raises after resuming.
def reraiser(cont):
    try:
        raise OSError("kept")
    except OSError:
        cont.switch("parked in except")
        raise


r = continulet(reraiser)
print(r.switch())
try:
    r.switch()
except OSError as e:
    print("re-raised:", repr(e))
print("main at end", current())
