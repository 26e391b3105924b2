# `x = yield v` receives the value sent in straight into the local: the value yielded is
# read before, a throw or a close at the yield leaves the local as it was, and a plain
# `next()` stores None.
def accumulator():
    total = 0
    while True:
        x = yield total
        total += x


acc = accumulator()
next(acc)
print([acc.send(i) for i in range(5)])


def keeps_old_on_throw():
    x = "old"
    while True:
        try:
            x = yield
        except KeyError:
            yield f"after throw x={x!r}"
        else:
            yield f"received x={x!r}"


g = keeps_old_on_throw()
next(g)
print(g.send("one"))
next(g)
print(g.throw(KeyError("k")))
next(g)
print(g.send(None))


def echo():
    x = 1
    while x is not None:
        x = yield x
    x = yield "ended"
    return x


e = echo()
print(next(e), e.send(2), e.send(3), next(e))
try:
    e.send(("returned",))
except StopIteration as stop:
    print("StopIteration", stop.value)


def closes():
    x = "before"
    try:
        x = yield x
    finally:
        print("finally sees", x)


c = closes()
print(next(c))
c.close()
c = closes()
next(c)
try:
    c.send("sent")
except StopIteration:
    print("finished")


def self_reference():
    x = 10
    x = yield x + 1
    x = yield x * 2
    yield x


s = self_reference()
print(next(s), s.send(5), s.send(None))
