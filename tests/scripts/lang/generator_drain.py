# Native consumers of a generator (sum, list, any, join, ...) run it in one run of the
# loop; each of these checks behaviour at the edges of that.


def naturals(n):
    i = 0
    while i < n:
        yield i
        i += 1


def delegating(n):
    yield from naturals(n)
    r = yield from (x * 10 for x in range(3))
    yield r


print("sum", sum(naturals(10)), sum(x * x for x in naturals(5)))
print("list", list(delegating(3)))
print("tuple", tuple(naturals(4)), sorted(naturals(4), reverse=True))
print("join", "-".join(str(x) for x in naturals(5)))
print("min max", min(naturals(5)), max(x % 3 for x in naturals(10)))

# A consumer that stops early leaves the generator suspended where it was.
g = naturals(10)
print("any", any(x > 3 for x in g), "then", next(g))
g = naturals(10)
print("any on the generator itself", any(x == 2 for x in iter(g)), next(g), next(g))
h = naturals(6)
print("all", all(x < 3 for x in h), list(h))


# The generator raising part-way: the error reaches the consumer's caller.
def breaks(n):
    for i in range(n):
        if i == 3:
            raise ValueError("at %d" % i)
        yield i


try:
    sum(breaks(10))
except ValueError as e:
    print("ValueError:", e)


# The consumer failing part-way: the generator stays suspended and usable.
def mixed():
    yield 1
    yield 2
    yield "three"
    yield 4


m = mixed()
try:
    sum(m)
except TypeError as e:
    print("TypeError:", e)
print("after the failed sum", list(m))

# Raised inside an except block: the context is the exception being handled.
try:
    try:
        raise KeyError("outer")
    except KeyError:
        sum(mixed())
except TypeError as e:
    print("context", repr(e.__context__))


# A consumer whose item code resumes the same generator.
class Pulls:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        return Pulls(self.v + other.v)

    def __radd__(self, other):
        return Pulls(other + self.v)


def pulls():
    yield Pulls(1)
    yield Pulls(next(source).v * 100)
    yield Pulls(3)


source = pulls()
try:
    print("re-entered", sum(source).v)
except ValueError as e:
    print("ValueError:", e)


# Drained inside a generator that is itself drained, and in a deep recursion.
def outer(n):
    for k in range(n):
        yield sum(naturals(k))


print("nested", list(outer(6)))


def depth(n):
    return 0 if n == 0 else 1 + sum(depth(n - 1) for _ in range(1))


print("recursive", depth(50))


# An empty generator and one that returns a value.
def returns():
    return 5
    yield


print("empty", sum(naturals(0)), list(returns()))
gen = naturals(3)
print("exhausted", list(gen), list(gen), sum(gen))
