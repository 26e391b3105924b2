# Generators over closure cells (shared and rebound while suspended) and generator resumption near the recursion limit.
def counter(start):
    n = start
    def gen():
        nonlocal n
        while n < start + 3:
            yield n
            n += 1
    return gen
g = counter(5)
print(list(g()), list(g()))
def outer():
    x = 10
    def g2():
        for i in range(3):
            yield x + i
    it = g2()
    print(next(it))
    x = 100
    print(list(it))
outer()
import sys
sys.setrecursionlimit(60)
def rec(n):
    def gen():
        yield n
    it = gen()
    if n == 0:
        return next(it)
    return rec(n - 1) + next(it)
try:
    print(rec(200))
except RecursionError as e:
    print("RecursionError")
print(rec(10))
