# The run attribute: replaceable before start, removed on start, exact errors afterwards (spec A.9).
from greenlet import greenlet, getcurrent

main = getcurrent()


def first():
    return "first"


def second():
    return "second"


def report(label, fn):
    try:
        r = fn()
        print(label, "->", r)
    except AttributeError as e:
        print(label, "AttributeError:", e)


g = greenlet(first)
print(g.run is first)
g.run = second
print(g.run is second)
g.run = first
g.run = second
print(g.switch())


def setrun(x, v):
    x.run = v


report("dead read", lambda: g.run)
report("dead hasattr", lambda: hasattr(g, "run"))
report("dead set", lambda: setrun(g, first))


def running():
    me = getcurrent()
    report("running read", lambda: me.run)
    report("running set", lambda: setrun(me, first))
    main.switch()


s = greenlet(running)
s.switch()
report("suspended read", lambda: s.run)
report("suspended hasattr", lambda: hasattr(s, "run"))
report("suspended set", lambda: setrun(s, first))

# Killed by throw() before starting: no run either.
k = greenlet(first)
k.throw()
report("thrown read", lambda: k.run)
report("thrown set", lambda: setrun(k, first))

# Built without run.
n = greenlet()
report("no run read", lambda: n.run)
report("no run switch", lambda: n.switch())
report("no run throw", lambda: n.throw())
print(n.dead, bool(n))
n.run = first
report("after setting", lambda: n.switch())

# Main greenlet.
report("main read", lambda: main.run)
report("main hasattr", lambda: hasattr(main, "run"))


# run=None is stored; starting with it fails with TypeError inside the greenlet.
z = greenlet(None)
print(z.run is None)
try:
    z.switch()
except TypeError:
    print("TypeError: None is not callable")
print(z.dead)
