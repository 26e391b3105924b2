# Generator frames run in register files of their own, swapped in on resume and out on
# yield: callers' registers must survive every way a generator frame is left, and the
# frames a generator calls must work in its register file.
import sys


def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


def calls_deep(k):
    # Calls that grow the generator's own register file, with locals on both sides.
    before = "before"
    for i in range(k):
        yield fact(i), before
    after = "after"
    yield sum(range(100)), after


def caller():
    a, b, c = "a", [1, 2], {"k": 3}
    out = []
    for item in calls_deep(6):
        out.append(item)
    return a, b, c, out


print(caller())


def deep_inside(n):
    def down(m):
        return 0 if m == 0 else 1 + down(m - 1)

    yield down(n)


sys.setrecursionlimit(100_000)
print(next(deep_inside(50_000)))


def raises_after(n):
    for i in range(n):
        yield i
    raise KeyError("inside")


def catches():
    keep = "kept"
    got = []
    try:
        for v in raises_after(3):
            got.append(v)
    except KeyError as e:
        got.append(str(e))
    return keep, got


print(catches())


def stop_iteration_inside():
    yield 1
    raise StopIteration("x")


try:
    list(stop_iteration_inside())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))


def inner():
    x = yield 1
    y = yield x * 10
    return x + y


def outer():
    local = "outer local"
    r = yield from inner()
    yield (r, local)


g = outer()
print(next(g), g.send(2), g.send(3))


def thrower():
    try:
        yield 1
    except ValueError:
        yield "handled"
    yield "after"


def wraps():
    z = "z"
    res = yield from thrower()
    yield z, res


g = wraps()
print(next(g), g.throw(ValueError()), next(g), next(g))


def with_finally(log):
    try:
        yield 1
        yield 2
    finally:
        log.append("finally")


log = []
g = with_finally(log)
next(g)
del g
print(log)


def nested_levels(n):
    if n == 0:
        yield "leaf"
        return
    local = n
    for v in nested_levels(n - 1):
        yield (local, v)


print(list(nested_levels(4)))


def gen_in_gen():
    squares = (i * i for i in range(5))
    total = 0
    for s in squares:
        total += s
        yield total


print(list(gen_in_gen()), sum(x for x in gen_in_gen()))


def early_return():
    yield 1
    return "done"


def consumer():
    values = []
    for v in early_return():
        values.append(v)
    return values


print(consumer())

# A greenlet suspended inside a generator: the frames below the generator still show
# their own locals.
from greenlet import greenlet, getcurrent


def gen_switching():
    marker = "in generator"
    yield getcurrent().parent.switch("paused")
    yield marker


def body():
    outer_local = "below the generator"
    out = []
    for v in gen_switching():
        out.append(v)
    return out


gr = greenlet(body)
print(gr.switch())
frame = gr.gr_frame
names = []
while frame is not None:
    shown = {k: v for k, v in frame.f_locals.items() if isinstance(v, str)}
    names.append((frame.f_code.co_name, sorted(shown.items())))
    frame = frame.f_back
print(names)
print(gr.switch("resumed"))
