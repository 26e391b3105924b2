# Finishing with a return value: delivered unchanged to the parent, not to the last switcher (spec A.5).
from greenlet import greenlet, getcurrent

main = getcurrent()

# Return values come back as one object.
print(repr(greenlet(lambda: None).switch()))
print(repr(greenlet(lambda: (1, 2)).switch()))
print(repr(greenlet(lambda: (1,)).switch()))
print(repr(greenlet(lambda: ()).switch()))
print(repr(greenlet(lambda: {"a": 1}).switch()))


# After finishing: dead, not true, gr_frame None, no run.
g = greenlet(lambda: 5)
g.switch()
print(g.dead, bool(g), g.gr_frame is None, hasattr(g, "run"))


# The parent gets the value even when another greenlet switched in last.
def parent_run():
    print("parent: starting child")
    v = child.switch()
    print("parent: child result", repr(v))
    return "parent result"


def middle_run():
    print("middle: switching to child")
    r = child.switch("from middle")
    print("middle: never resumed?", r)


def child_run():
    print("child: started, back to main")
    x = main.switch("child suspended")
    print("child: resumed with", repr(x))
    return "child result"


child = greenlet(child_run)
parent = greenlet(parent_run)
child.parent = parent
print("main got", repr(parent.switch()))
middle = greenlet(middle_run)
print("main got", repr(middle.switch()))
print("dead:", child.dead, parent.dead, middle.dead)
print("middle still suspended:", bool(middle), middle.gr_frame is not None)


# A chain of nested greenlets returning through their parents.
def level(n):
    if n == 0:
        return 0
    sub = greenlet(level)
    return sub.switch(n - 1) + 1


print("nested depth", greenlet(level).switch(20))
