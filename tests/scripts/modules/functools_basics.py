# functools: reduce, partial, wraps, cmp_to_key, total_ordering, cached_property.
import functools
import operator

print(functools.reduce(operator.add, [1, 2, 3, 4]), functools.reduce(lambda a, b: a * b, [], 1))
print(functools.reduce(lambda acc, x: acc + [x * 2], range(3), []))
try:
    functools.reduce(operator.add, [])
except TypeError as e:
    print("TypeError:", e)

p = functools.partial(int, base=2)
print(p("1010"), p.func, p.args, p.keywords)
print(repr(p))
def power(base, exp, mod=None):
    return pow(base, exp, mod)
sq = functools.partial(power, exp=2)
print(sq(7), functools.partial(power, 2)(5), functools.partial(power, 3, mod=5)(4))
nested = functools.partial(functools.partial(power, 2), 3)
print(nested(), nested.args, nested.func is power)
print(repr(functools.partial(max, 1, 2, key=abs)).replace(" at 0x", "@").split("@")[0])

def deco(f):
    @functools.wraps(f)
    def wrapper(*args, **kw):
        """wrapper doc"""
        return f(*args, **kw) + 1
    return wrapper

@deco
def answer(x):
    """Return x."""
    return x
print(answer(41), answer.__name__, answer.__doc__, answer.__wrapped__.__name__)

def cmp(a, b):
    return (a > b) - (a < b)
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: cmp(b, a))))
print(sorted(["bb", "a", "ccc"], key=functools.cmp_to_key(lambda a, b: len(a) - len(b))))

@functools.total_ordering
class Version:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        return self.n == other.n
    def __lt__(self, other):
        return self.n < other.n
a, b = Version(1), Version(2)
print(a < b, a > b, a <= b, a >= b, b >= a, a <= Version(1))

@functools.total_ordering
class Rev:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        return self.n == other.n
    def __gt__(self, other):
        return self.n > other.n
print(Rev(1) < Rev(2), Rev(3) <= Rev(3), Rev(1) >= Rev(2))
try:
    functools.total_ordering(type("Empty", (), {}))
except ValueError as e:
    print("ValueError:", e)

class Circle:
    def __init__(self, r):
        self.r = r
    @functools.cached_property
    def area(self):
        print("computing")
        return self.r * self.r * 3
c = Circle(2)
print(c.area, c.area, "area" in c.__dict__)
del c.area
print(c.area)
