# A 10,000-frame-deep recursion inside a greenlet that switches out at the bottom and back (spec A.14).
import sys
from greenlet import greenlet, getcurrent

sys.setrecursionlimit(50000)
main = getcurrent()


def down(n):
    if n == 0:
        v = main.switch("at bottom")
        return v
    return down(n - 1) + 1


def run():
    return down(10000)


g = greenlet(run)
print(g.switch())


# While g is parked 10,000 frames deep, main and another greenlet recurse deeply too.
def count(n):
    return 0 if n == 0 else count(n - 1) + 1


print("main recursion", count(5000))
other = greenlet(lambda: count(10000))
print("other greenlet recursion", other.switch())
print("resume deep:", g.switch(0))
print(g.dead)


# Two deep greenlets parked at the same time, resumed in turn.
def parked_deep(n, tag):
    if n == 0:
        return main.switch(tag)
    return parked_deep(n - 1, tag) + 1


a = greenlet(parked_deep)
b = greenlet(parked_deep)
print(a.switch(8000, "a parked"))
print(b.switch(9000, "b parked"))
print(b.switch(1), a.switch(2))
