# Float repr (shortest round-trip), str, arithmetic edge cases, special values.

vals = [0.1, 0.2, 0.1 + 0.2, 1.0, -0.0, 1 / 3, 2 / 3, 1e16, 1e17, 123456789.0, 1e-5, 1e-4, 0.0001234,
        1.5e300 * 1e10, 5e-324, 1.7976931348623157e308, 2.0 ** 0.5, 100.0, 1e22, 1e21, 12345678912345678.0]
for v in vals:
    print(repr(v), str(v))
print(0.1 * 3, 0.3, 0.1 * 3 == 0.3)
print(3.0 // 2, -3.0 // 2, 3.5 % 2, -3.5 % 2, 3.5 % -2, divmod(7.5, 2), divmod(-7.5, 2))
print(2.0 ** 10, 2 ** 0.5, 4 ** 0.5, 10.0 ** -2, (-8.0) ** 3)
print(float("1.5"), float("  -2.25 "), float("1e3"), float("inf"), float("-inf"), float("nan"))
print(float("Infinity"), float("-iNF"), float(" 1_000.5 "), float(7), float(True))
inf = float("inf")
nan = float("nan")
print(inf + 1, inf - inf, inf * 0, -inf, inf > 1e308, nan == nan, nan != nan, nan < 1)
print(round(2.5), round(3.5), round(-2.5), round(0.125, 2), round(0.375, 2), round(2.675, 2))
print(round(1234.5678, -2), round(1234.5678, 1), round(5.0), type(round(5.5)).__name__, type(round(5.5, 0)).__name__)
print(int(2.9), int(-2.9), int(1e18), float(2 ** 53 + 1))
print((0.5).as_integer_ratio(), (0.1).as_integer_ratio(), (2.0).is_integer(), (2.5).is_integer())
print((1.5).hex(), float.fromhex("0x1.8p1"), (0.1).hex())
print(1e308 * 10, -1e308 * 10)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    1.0 // 0.0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    5.0 % 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    float("abc")
except ValueError as e:
    print(type(e).__name__, e)
try:
    int(float("inf"))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    int(float("nan"))
except ValueError as e:
    print(type(e).__name__, e)
try:
    2.0 ** 10000
except OverflowError as e:
    print(type(e).__name__, e)
try:
    0.0 ** -1
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print(1 == 1.0, hash(1) == hash(1.0), hash(0.5), hash(-0.0), hash(1.5), hash(inf), 2 ** 53 == 2.0 ** 53)
print(0.1 + 0.7, 1.1 * 1.1, 1e-10 + 1, 3 * 1.1, 100 * 1.1, 1 - 0.9)
print(sum([0.1] * 10), 0.1 * 10, 1e100, 1e-100, 123e-20)
print(min(1.5, 2), max(-0.0, 0.0), abs(-3.25), -(-0.0), abs(-0.0))
print(sorted([3.5, -1.0, 2, 0.0, 1e-9]))
print(f"{1e16:.1f} {0.1:.20f} {1/7:.17g} {2.5:.0f} {-0.0:.1f}")
print(str(1e15), str(1e16), repr(1.0e-4), repr(9.999999999999999e22))
print(float.__name__, isinstance(1.0, float), isinstance(1, float))
x = 0.0
for i in range(10):
    x += 0.1
print(x)
print(7 / 2, -7 / 2, 1 / 8, 2 / 1, 10 / 4)
print(1e308 + 1e308, -(1e308 + 1e308))
print(float(10 ** 20), float(-(2 ** 63)), 2 ** 63 / 1)
