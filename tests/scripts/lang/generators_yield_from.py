# Generators: yield, yield from with return values, delegation of send/throw.

def count_up(n):
    for i in range(n):
        yield i


print(list(count_up(4)))
g = count_up(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)


def inner():
    x = yield 1
    print("inner got", x)
    y = yield 2
    print("inner got", y)
    return "inner result"


def outer():
    result = yield from inner()
    print("outer got result", result)
    yield 3
    return "outer done"


g = outer()
print(next(g))
print(g.send("a"))
print(g.send("b"))
try:
    g.send("c")
except StopIteration as e:
    print("finished with", repr(e.value))


def flatten(items):
    for item in items:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item


print(list(flatten([1, [2, [3, [4, 5]], 6], [[7]]])))


def yield_from_iterables():
    yield from range(3)
    yield from "ab"
    yield from (x * x for x in range(3))
    yield from [None]


print(list(yield_from_iterables()))


def catcher():
    while True:
        try:
            yield "waiting"
        except ValueError as e:
            print("caught", e)
            yield "recovered"


def delegate():
    yield from catcher()


g = delegate()
print(next(g))
print(g.throw(ValueError("boom")))
print(next(g))
g.close()
print("closed")


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


out = []
for v in fib():
    if v > 100:
        break
    out.append(v)
print(out)


def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("generator cleanup")


g = with_finally()
print(next(g))
g.close()


def gen_return_early(n):
    if n < 0:
        return "negative"
    yield n


print(list(gen_return_early(-1)), list(gen_return_early(5)))


def genexpr_laziness():
    seen = []
    def note(x):
        seen.append(x)
        return x
    ge = (note(x) for x in range(5))
    first = next(ge)
    return first, seen


print(genexpr_laziness())
print(sum(x for x in range(101)))
print(type(count_up(1)).__name__)


def running_total():
    total = 0
    while True:
        value = yield total
        if value is None:
            return total
        total += value


g = running_total()
next(g)
for v in (5, 10, 20):
    print(g.send(v))
try:
    g.send(None)
except StopIteration as e:
    print("final", e.value)
