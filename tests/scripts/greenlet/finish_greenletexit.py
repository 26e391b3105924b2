# GreenletExit escaping run is delivered to the parent as a value, not raised (spec A.5).
from greenlet import greenlet, getcurrent, GreenletExit

main = getcurrent()

exc = GreenletExit("stop")


def quit_run():
    raise exc


v = greenlet(quit_run).switch()
print(type(v).__name__, v is exc, str(v))


class MyExit(GreenletExit):
    pass


def sub_run():
    raise MyExit("sub")


v = greenlet(sub_run).switch()
print(type(v).__name__, isinstance(v, GreenletExit), v.args)


# throw() of GreenletExit into a suspended greenlet that does not catch it.
def parked():
    main.switch("parked")
    print("never")


g = greenlet(parked)
print(g.switch())
v = g.throw()
print(type(v).__name__, g.dead)

# With a value
g = greenlet(parked)
g.switch()
v = g.throw(GreenletExit, "with value")
print(type(v).__name__, v.args, g.dead)


# Caught GreenletExit: run returns normally.
def catcher():
    try:
        main.switch("waiting")
    except GreenletExit as e:
        print("caught in greenlet:", type(e).__name__)
        return "cleaned up"


g = greenlet(catcher)
g.switch()
print(g.throw())


# GreenletExit delivered to a suspended parent other than the thrower.
def parent_run():
    r = main.switch("parent parked")
    print("parent received", type(r).__name__)
    return "parent done"


p = greenlet(parent_run)
p.switch()
c = greenlet(parked, parent=p)
c.switch()
print(c.throw())
