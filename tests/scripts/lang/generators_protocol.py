# Generator laziness, pipelines, state kept between send() calls, generator attributes,
# generator expressions, and finally blocks run when a loop breaks.

def lazy_evaluation():
    print("body starts")
    yield "first"
    print("body resumes")
    yield "second"


g = lazy_evaluation()
print("created")
print(next(g))
print(next(g))
print(next(g, "default when exhausted"))


def pipeline():
    def numbers():
        n = 0
        while True:
            yield n
            n += 1

    def evens(src):
        for x in src:
            if x % 2 == 0:
                yield x

    def take(n, src):
        for x in src:
            if n <= 0:
                return
            n -= 1
            yield x

    return list(take(5, evens(numbers())))


print(pipeline())


def gen_with_state():
    x = yield
    while True:
        x = yield x * 2


g = gen_with_state()
next(g)
print([g.send(i) for i in range(5)])
print(iter(g) is g, hasattr(g, "__next__"), type(g).__name__, g.__name__)


def yield_expression_values():
    a = yield
    b = yield a
    print("a, b =", a, b)


g = yield_expression_values()
next(g)
print(g.send(1))
try:
    g.send(2)
except StopIteration:
    print("done")


def genexp_in_function():
    data = [3, 1, 2]
    return sorted(x * 10 for x in data)


print(genexp_in_function())
gen = (x for x in [1, 2])
print(list(zip(gen, gen)))


def yield_in_try_finally():
    for i in range(3):
        try:
            yield i
        finally:
            print("cleanup", i)


for v in yield_in_try_finally():
    if v == 1:
        break
print("after break")
