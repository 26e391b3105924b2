# Chained comparisons (single evaluation, short-circuit), is / in / not in, mixed types.

def v(x, log):
    log.append(x)
    return x


log = []
print(v(1, log) < v(2, log) < v(3, log), log)
log = []
print(v(3, log) < v(2, log) < v(10, log), log)
log = []
print(v(1, log) == v(1, log) != v(2, log) is not None, log)
x = 5
print(1 < x <= 5, 0 <= x < 5, 1 < x > 2, x == 5 == 5.0, 3 < x < 4)
print(1 < 2 > 1 < 2 != 3 == 3)
print("a" < "b" < "c", "abc" < "abd", "Z" < "a", "" < "a", "apple" > "app")
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, "a") < (1, "b"), (2,) > (1, 9, 9), [] < [0])
print(1 == 1.0 == True, 0 == False, 2 != 2.0, 1 < 1.5 < 2)
print(None is None, [] is [], 1 in [1, 2], 3 not in [1, 2], "ell" in "hello", "x" not in "abc")
print(2 in {1: 0, 2: 0}, 2 in {1, 2}, 2 in range(0, 10, 2), 3 in range(0, 10, 2), (1, 2) in [(1, 2)])
print(b"b" in b"abc", 98 in b"abc", [] in [[]], None in [0, False])
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c, not a is c)
# Two separately made NaNs are distinct objects in CPython; stacklet keeps floats inline,
# so NaN identity is by bits there (docs/scripting.md): that case is left out.
print(1e400 == float("inf"))
nan = float("nan")
print(nan in [nan], nan == nan, [nan] == [nan])
try:
    print(1 < "a")
except TypeError as e:
    print(type(e).__name__, e)
try:
    print([1] < (1,))
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(None < None)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print({1} < {1, 2}, {1, 2} <= {1, 2}, {1} > set())
except TypeError as e:
    print(type(e).__name__, e)
try:
    print({} < {})
except TypeError as e:
    print(type(e).__name__, e)


class Cmp:
    def __init__(self, n):
        self.n = n

    def __lt__(self, o):
        print(f"lt {self.n} {o.n}")
        return self.n < o.n

    def __eq__(self, o):
        print(f"eq {self.n} {o.n}")
        return self.n == o.n


print(Cmp(1) < Cmp(2) < Cmp(0))
print(Cmp(1) == Cmp(1))
print(Cmp(2) > Cmp(1))
r = 10
print(0 < r < 100 and r % 2 == 0, not 0 < r < 5)
print(2 ** 100 > 2 ** 99 > 1e29 > 10, -1 < -0.5 < 0 == -0.0)
