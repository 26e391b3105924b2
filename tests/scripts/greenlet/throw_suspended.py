# throw() into a suspended greenlet: caught, uncaught, return value to thrower (spec A.6).
from greenlet import greenlet, getcurrent

main = getcurrent()


def catcher():
    try:
        main.switch("parked")
    except ValueError as e:
        print("caught in greenlet:", repr(e))
        main.switch("after catch")
    return "finished"


g = greenlet(catcher)
print(g.switch())
print("throw returned", repr(g.throw(ValueError, "v1")))
print("switch returned", repr(g.switch()))
print(g.dead)


# Uncaught: the exception goes to the parent (main here), and the target dies.
def parked():
    main.switch("parked")
    print("never")


g = greenlet(parked)
g.switch()
try:
    g.throw(KeyError, "k")
except KeyError as e:
    print("main caught", repr(e))
print(g.dead, g.gr_frame is None)


# Uncaught with a parent different from the thrower.
def parent_run():
    try:
        main.switch("parent parked")
    except IndexError as e:
        print("parent got", repr(e))
        return "parent done"


p = greenlet(parent_run)
p.switch()
c = greenlet(parked, parent=p)
c.switch()
print("throw into child returned", repr(c.throw(IndexError("i"))))


# The exception is raised where the target is suspended, in a nested call.
def deep(n):
    if n == 0:
        try:
            main.switch("deep parked")
        finally:
            print("finally at depth 0")
    else:
        try:
            deep(n - 1)
        finally:
            print("finally at depth", n)


g = greenlet(deep)
print(g.switch(3))
try:
    g.throw(RuntimeError("unwind"))
except RuntimeError as e:
    print("main caught", e)


# Throwing into a greenlet suspended inside its own throw() call.
def thrower_child():
    try:
        main.throw(OSError("from child"))
    except LookupError as e:
        print("child caught", repr(e))
    return "child done"


t = greenlet(thrower_child)
try:
    t.switch()
except OSError as e:
    print("main caught", repr(e))
print(t.throw(LookupError("back")))
