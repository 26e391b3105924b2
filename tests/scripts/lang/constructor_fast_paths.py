# float(), range() and math.factorial() on small ints take shortcuts; their results,
# errors and edge cases must be exactly the general path's.
import math

# float() of each kind of argument
class Real:
    def __float__(self):
        return 2.5

class Index:
    def __index__(self):
        return 7

class F(float):
    pass

for x in [0, -3, 2**53 + 1, 10**30, True, 1.5, "  -1_000.25 ", "inf", Real(), Index(), F(4.0)]:
    print(repr(float(x)), type(float(x)).__name__)
for bad in ["x1", None, [1]]:
    try:
        float(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    float(10**400)
except OverflowError as e:
    print("OverflowError", e)
print(float(), F(), type(F(2)).__name__)

# range() with ints in and out of the machine range
big = 2**63
cases = [
    (5,), (0,), (-5,), (2, 9), (9, 2), (2, 20, 3), (20, 2, -3), (-10, 10, 7),
    (-big, big - 1), (-big, big - 1, 2**62), (big - 3, big + 3), (3, -big, -(2**62)),
    (True, 4),
]
for args in cases:
    r = range(*args)
    try:
        n = len(r)
    except OverflowError as e:
        n = "OverflowError: " + str(e)
    print(args, r, n, list(r[:3]), r[-1] if r else None, (args[-1] - 1) in r)
for args in [(1, 2, 0), (1.5,), ("3",), (), (1, 2, 3, 4)]:
    try:
        range(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(range(Index()), list(range(Index(), 10)))
total = 0
for n in range(50):
    for i in range(n, -1, -2):
        total += i
print(total)

# factorial across the machine-word boundary
print([math.factorial(n) for n in range(0, 26)])
print(math.factorial(Index()), math.factorial(True))
for bad in [-1, 2.0, "3"]:
    try:
        math.factorial(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

# slices of ranges, small and big, as CPython computes them
class Two:
    def __index__(self):
        return 2

for r in [range(10), range(3, 40, 4), range(20, -5, -3), range(0, 2**63 - 1, 3),
          range(-big, big - 1), range(big - 3, big + 3), range(10**30, -(10**30), -(10**29))]:
    for sl in [slice(None), slice(2, 5), slice(5, 2), slice(-3, None), slice(None, None, -1),
               slice(1, 100, 2), slice(-100, 100, -3), slice(Two(), None, Two()),
               slice(10**20, None), slice(None, -(10**20))]:
        print(r[sl], end=" ")
    print()
try:
    range(5)[::0]
except ValueError as e:
    print("ValueError", e)
try:
    range(5)["a":]
except TypeError as e:
    print("TypeError", e)
