# throw() into unstarted, dead, current and main greenlets (spec A.6).
from greenlet import greenlet, getcurrent, GreenletExit

main = getcurrent()


def never():
    print("run was called!")  # must not happen


# Unstarted: run is never called, the greenlet dies, exception comes to the parent.
u = greenlet(never)
try:
    u.throw(ValueError("into unstarted"))
except ValueError as e:
    print("caught", repr(e))
print(u.dead, hasattr(u, "run"))

u = greenlet(never)
v = u.throw()
print(type(v).__name__, u.dead, hasattr(u, "run"))

# Unstarted without run: AttributeError in the caller, stays unstarted.
n = greenlet()
try:
    n.throw(ValueError)
except AttributeError as e:
    print("AttributeError:", e)
print(n.dead, bool(n))

# Dead: raised in the nearest live ancestor (main = the caller).
d = greenlet(lambda: None)
d.switch()
try:
    d.throw(KeyError("dead target"))
except KeyError as e:
    print("caught", repr(e))
v = d.throw(GreenletExit("ge"))
print("GreenletExit returned:", type(v).__name__, v.args)


# Dead target whose parent is suspended: the parent gets it.
def parent_run():
    try:
        main.switch("parked")
    except KeyError as e:
        return "parent caught " + str(e.args[0])


p = greenlet(parent_run)
p.switch()
d = greenlet(lambda: None, parent=p)
d.parent = main
d.switch()
d.parent = p
print(d.throw(KeyError("via dead")))

# Current greenlet: raised right there.
try:
    main.throw(IndexError("self throw"))
except IndexError as e:
    print("main caught own", repr(e))
try:
    main.throw()
except GreenletExit:
    print("main: GreenletExit simply raised")


def self_exit():
    getcurrent().throw()
    print("never")


v = greenlet(self_exit).switch()
print("self_exit delivered", type(v).__name__)


def self_throw():
    try:
        getcurrent().throw(ZeroDivisionError)
    except ZeroDivisionError:
        return "caught own throw"


print(greenlet(self_throw).switch())

# Throw into main from a child: main's switch raises; child stays in its throw().
def child():
    r = main.throw(TypeError("to main"))
    print("child resumed with", repr(r))
    return "child end"


c = greenlet(child)
try:
    c.switch()
except TypeError as e:
    print("main caught", repr(e))
print(bool(c), c.dead)
print(c.switch("resume"))
