# The parent attribute: reading, writing in every state, and its exact errors (spec A.7).
from greenlet import greenlet, getcurrent

main = getcurrent()
print(main.parent is None)


def show(label, fn):
    try:
        fn()
        print(label, "ok")
    except (TypeError, ValueError, AttributeError) as e:
        print(label, type(e).__name__ + ":", e)


g = greenlet(lambda: None)
h = greenlet(lambda: None, parent=g)
print(g.parent is main, h.parent is g)


def setp(x, v):
    x.parent = v


show("int", lambda: setp(g, 1))
show("None", lambda: setp(g, None))
show("str", lambda: setp(g, "p"))
show("float", lambda: setp(g, 1.5))
show("self", lambda: setp(g, g))
show("cycle", lambda: setp(g, h))
show("main", lambda: setp(main, g))


def delp():
    del g.parent


show("del", delp)
print("unchanged:", g.parent is main, h.parent is g)

# Writing is allowed on unstarted, suspended, dead and current greenlets.
k = greenlet(lambda: None)
show("unstarted", lambda: setp(h, k))
print(h.parent is k)


def suspended_run():
    me = getcurrent()
    me.parent = main
    print("set own parent while running")
    main.switch("parked")
    return "suspended done"


s = greenlet(suspended_run, parent=k)
print(s.switch())
# Changing a suspended greenlet's parent changes where its result goes.
def new_parent_run():
    v = main.switch("np parked")
    return "new parent got " + repr(v)


np = greenlet(new_parent_run)
np.switch()
s.parent = np
print(s.switch())

d = greenlet(lambda: "d")
d.switch()
d.parent = np
print("dead parent set:", d.parent is np)
d.parent = main
print(repr(d.switch("forwarded to main")))


# A subclass instance is accepted as a parent.
class Sub(greenlet):
    pass


sub = Sub(lambda v: "sub got " + v)
c = greenlet(lambda: "child", parent=sub)
print(c.parent is sub, c.switch())
