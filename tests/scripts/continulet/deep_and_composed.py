# A 10,000-frame recursion inside a continulet parked at the bottom; genlets used inside greenlets (spec B.8, B.9).
import sys
from _continuation import continulet, generator
from greenlet import greenlet, getcurrent

sys.setrecursionlimit(50000)


def down(cont, n):
    if n == 0:
        return cont.switch("parked at the bottom")
    return down(cont, n - 1) + 1


c = continulet(down, 10000)
print(c.switch())


def count(n):
    return 0 if n == 0 else count(n - 1) + 1


print("main recursion while parked:", count(3000))
print("resumed:", c.switch(0))


# Composability: a genlet iterated inside a greenlet that switches to main between items.
@generator
def numbers(cont, n):
    for i in range(n):
        cont.switch(i)


main = getcurrent()


def consumer():
    total = 0
    for v in numbers(4):
        total += v
        main.switch("saw %d" % v)
    return "total %d" % total


g = greenlet(consumer)
out = [g.switch() for _ in range(5)]
print(out)


# A greenlet started from inside a genlet's callable.
@generator
def via_greenlet(cont):
    for i in range(3):
        cont.switch(greenlet(lambda x: x * 10).switch(i))


print(list(via_greenlet()))
