# A `yield` statement drops whatever is sent to it; a `yield` expression receives it.
# Both must resume, throw, close and report their state as CPython's generators do.

def stmt_gen():
    yield 1
    yield
    x = yield 3
    print("received", x)
    yield x


g = stmt_gen()
print(next(g), g.send("ignored"), g.send("also ignored"), g.send("kept"))
try:
    next(g)
except StopIteration:
    print("done")

g = stmt_gen()
try:
    g.send("early")
except TypeError as e:
    print("TypeError:", e)
print(next(g), g.send(None))


def guarded():
    try:
        yield "a"
        yield "b"
    finally:
        print("cleanup")


g = guarded()
print(next(g), g.send(123))
g.close()

g = guarded()
next(g)
try:
    g.throw(ValueError("boom"))
except ValueError as e:
    print("ValueError:", e)


def catches():
    while True:
        try:
            yield
        except KeyError as e:
            print("caught", e)
            yield "after"


g = catches()
next(g)
print(g.throw(KeyError("k")))
print(g.send("x"), g.send("y"))


ge = (i * i for i in range(4))
print(next(ge), ge.send("dropped"), list(ge))


def nested():
    yield (yield 1) * 2


g = nested()
print(next(g), g.send(21))


def delegate():
    yield from stmt_gen()


print(list(delegate()))
d = delegate()
print(next(d), d.send("s1"), d.send("s2"), d.send("s3"))

lam = lambda: (yield)
g = lam()
next(g)
try:
    g.send("returned")
except StopIteration as e:
    print("StopIteration value:", e.value)
