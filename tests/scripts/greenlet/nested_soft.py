# Greenlets created, finished, thrown into and dropped from inside other greenlets: results,
# exceptions and kills land on parents that were parked from script code.
import sys
from greenlet import greenlet, getcurrent, GreenletExit

main = getcurrent()


def outer():
    me = getcurrent()
    inner = greenlet(lambda x: x * 2)
    print("inner parent is outer:", inner.parent is me)
    print("inner returned", inner.switch(21))

    def failing():
        raise ValueError("from inner")

    try:
        greenlet(failing).switch()
    except ValueError as e:
        print("caught in outer:", e)

    def exiting():
        raise GreenletExit("bye")

    print("GreenletExit as value:", repr(greenlet(exiting).switch()))
    return "outer done"


print(greenlet(outer).switch())


# throw() between two children; switch() with keyword arguments into a parked child.
def target():
    try:
        got = thrower_g.switch("parked")
        print("target got", got)
        thrower_g.switch("again")
    except KeyError as e:
        return "target caught %s" % e


def thrower(t):
    print(t.switch())
    print(t.switch(1, 2, key="v"))
    return t.throw(KeyError("k"))


t = greenlet(target)
thrower_g = greenlet(thrower)
print(thrower_g.switch(t))


# Dropping the last reference to a parked child from inside another child kills it there.
def victim():
    try:
        getcurrent().parent.switch()
    except GreenletExit:
        print("victim killed")
        raise


def killer():
    v = greenlet(victim, parent=getcurrent())
    v.switch()
    print("victim parked")
    del v
    print("after del")
    return "killer done"


killer_g = greenlet(killer)
print(killer_g.switch())
print(killer_g.switch())


# Parent reassignment while parked; the result goes to the new parent, parked itself.
def child():
    main.switch("child parked")
    return "child result"


def new_parent():
    got = main.switch("new parent parked")
    print("new parent got", got)
    return "new parent done"


c = greenlet(child)
print(c.switch())
np = greenlet(new_parent)
print(np.switch())
c.parent = np
print(c.switch())
print(np.dead, c.dead)


# gr_frame, bool() and dead of a parked child; self-switch.
def parked():
    print("self switch:", getcurrent().switch("me"))
    main.switch()


p = greenlet(parked)
p.switch()
print(p.gr_frame is not None, bool(p), p.dead)


# A RecursionError inside a child counts that child's frames only.
sys.setrecursionlimit(200)


def rec(n):
    return rec(n + 1)


def recursing():
    try:
        rec(0)
    except RecursionError:
        return "recursion error in child"


print(greenlet(recursing).switch())
