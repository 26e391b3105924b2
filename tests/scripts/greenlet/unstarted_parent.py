# Finishing into an unstarted parent starts it with the result as its only argument (spec A.5).
from greenlet import greenlet, getcurrent

main = getcurrent()


def parent_run(value):
    print("parent started with", repr(value))
    return "parent finished"


p = greenlet(parent_run)
c = greenlet(lambda: "child value", parent=p)
print("main got", repr(c.switch()))
print(p.dead, c.dead)

# A chain of unstarted ancestors, each started with the previous result.
top = greenlet(lambda v: "top(" + v + ")")
mid = greenlet(lambda v: "mid(" + v + ")", parent=top)
low = greenlet(lambda: "low", parent=mid)
print(low.switch())
print(top.dead, mid.dead, low.dead)

# A tuple result is still a single argument.
p = greenlet(lambda *args: args)
c = greenlet(lambda: (1, 2), parent=p)
print(c.switch())

# An exception from the child does not start the parent: it dies unstarted and passes it on.
p = greenlet(lambda v: "should not run")
c = greenlet(lambda: 1 / 0, parent=p)
try:
    c.switch()
except ZeroDivisionError:
    print("ZeroDivisionError reached main")
print("parent dead:", p.dead, "has run:", hasattr(p, "run"))

# Parent run cannot take one argument: TypeError travels up, parent dies.
p = greenlet(lambda: "no args")
c = greenlet(lambda: "value", parent=p)
try:
    c.switch()
except TypeError:
    print("TypeError reached main")
print(p.dead, c.dead)
