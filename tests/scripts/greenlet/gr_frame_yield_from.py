# gr_frame of a greenlet suspended inside a chain of `yield from`: each generator of the
# chain is a frame of the greenlet, innermost first, with its own locals, although the
# delegating ones are not on the stack while their delegate runs.
from greenlet import greenlet, getcurrent

main = getcurrent()


def leaf(n):
    for i in range(n):
        main.switch(("leaf", i))
        yield i


def middle(n):
    m = n * 10
    r = yield from leaf(n)
    return r


def top(n):
    t = "top"
    yield from middle(n)


def consume():
    total = 0
    for v in top(3):
        total += v
    return total


def describe(f):
    chain = []
    while f is not None:
        names = sorted(k for k in f.f_locals if k not in ("main",))
        chain.append((f.f_code.co_name, f.f_lineno, names))
        f = f.f_back
    return chain


g = greenlet(consume)
print(g.switch())
for entry in describe(g.gr_frame):
    print(entry)
print(g.switch())
for entry in describe(g.gr_frame):
    print(entry)
while not g.dead:
    r = g.switch()
print(r)
