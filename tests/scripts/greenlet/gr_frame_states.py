# bool/dead/gr_frame-is-None in each state: unstarted, running, suspended, dead, main (spec A.1, A.10).
from greenlet import greenlet, getcurrent

main = getcurrent()


def state(g):
    return (bool(g), g.dead, g.gr_frame is None)


print("main", state(main))


def body():
    me = getcurrent()
    print("running", state(me))
    print("main seen from child", state(main))
    main.switch()
    print("running again", state(me))
    return None


g = greenlet(body)
print("unstarted", state(g))
g.switch()
print("suspended", state(g))
g.switch()
print("dead", state(g))


# Nested: the outer greenlet is suspended while the inner one runs.
def inner(outer_g):
    print("outer while inner runs", state(outer_g))
    print("inner itself", state(getcurrent()))
    main.switch()


def outer():
    greenlet(inner).switch(getcurrent())


h = greenlet(outer)
h.switch()
print("outer parked behind inner", state(h))

# Killed before starting by throw(): dead, frame None.
k = greenlet(body)
k.throw()
print("thrown unstarted", state(k))

# Raised out of run: dead, frame None.
e = greenlet(lambda: 1 / 0)
try:
    e.switch()
except ZeroDivisionError:
    pass
print("raised", state(e))
