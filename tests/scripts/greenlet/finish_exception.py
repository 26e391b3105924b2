# Uncaught exceptions travel to the parent, then to the grandparent (spec A.5).
from greenlet import greenlet, getcurrent

main = getcurrent()


def fail():
    raise ValueError("bad value")


g = greenlet(fail)
try:
    g.switch()
except ValueError as e:
    print("main caught:", repr(e))
print(g.dead)


# Exception goes to the parent where it is suspended, not to the last switcher.
def parent_run():
    try:
        main.switch("parent parked")
    except KeyError as e:
        print("parent caught", repr(e))
        return "parent handled"


def child_run():
    main.switch("child parked")
    raise KeyError("k")


p = greenlet(parent_run)
print(p.switch())
c = greenlet(child_run, parent=p)
print(c.switch())
print("main got", c.switch())
print(c.dead, p.dead)


# Not caught by the parent: goes on to the grandparent (main).
def relay():
    inner = greenlet(lambda: 1 / 0)
    inner.switch()
    print("never")


try:
    greenlet(relay).switch()
except ZeroDivisionError as e:
    print("main caught from grandchild:", e)

# BaseExceptions travel the same way.
for exc in (SystemExit(3), KeyboardInterrupt(), StopIteration("s")):
    def run(exc=exc):
        raise exc
    try:
        greenlet(run).switch()
    except BaseException as e:
        print("caught", type(e).__name__, e is exc)


# An exception raised in a greenlet has no __context__ from the starter.
def plain():
    raise IndexError("in greenlet")


try:
    raise RuntimeError("outer")
except RuntimeError:
    try:
        greenlet(plain).switch()
    except IndexError as e:
        print("context is outer:", type(e.__context__).__name__)
