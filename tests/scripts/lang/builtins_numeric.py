# Numeric built-ins: abs bin bool divmod float hex int oct pow round sum min max hash.

print(abs(-5), abs(5), abs(-2.5), abs(True), abs(-(2 ** 80)), abs(-0.0))
print(bin(10), bin(-10), bin(0), hex(255), hex(-255), hex(0), oct(8), oct(-8), oct(0))
print(bool(0), bool(1), bool(-1), bool(0.0), bool(""), bool("0"), bool([]), bool([0]), bool(None), bool())
print(divmod(17, 5), divmod(-17, 5), divmod(17.0, 5), divmod(2 ** 70, 10 ** 9))
print(float(), float(3), float("  1.25\n"), float("-0"), float("1e-3"), float("+inf"))
print(int(), int(" -17 "), int("ff", 16), int("0xff", 16), int("0o17", 8), int("11", 2), int("0b11", 0),
      int(7.9), int(-7.9), int("12"))
try:
    int("0x10")
except ValueError as e:
    print(type(e).__name__, e)
try:
    int("5", 1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    int(None)
except TypeError as e:
    print(type(e).__name__, e)
try:
    int("")
except ValueError as e:
    print(type(e).__name__, e)
print(pow(2, 10), pow(2.0, 3), pow(2, -2), pow(7, 2, 5), pow(-7, 2, 5), pow(3, 0), pow(0, 0))
try:
    pow(2, 3.0, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    pow(0, -1)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print(round(3.14159, 2), round(2.5), round(1.5), round(-1.5), round(0.5), round(7), round(7, 2),
      round(1234, -2), round(1250, -2), round(1350, -2), round(-0.5), round(1e300, 2))
print(round(2.675, 2), round(0.1 + 0.2, 1), round(1.005, 2), round(5e-324, 400) == 5e-324)
try:
    round(float("inf"))
except OverflowError as e:
    print(type(e).__name__, e)
print(sum([]), sum([1, 2, 3]), sum([1.5, 2.5]), sum([1, 2], 10), sum(range(5), start=100),
      sum([0.1] * 10), sum([[1], [2]], start=[]))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print(type(e).__name__, e)
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max("abc"), min([], default="empty"), max([1, 3], default=0),
      max([1, -5, 3], key=abs), min("Bb", "aa", key=str.lower), max(1, 2.5), min(True, 0))
try:
    max([])
except ValueError as e:
    print(type(e).__name__, e)
try:
    min(1)
except TypeError as e:
    print(type(e).__name__, e)
print(max([(1, "b"), (1, "a")]), max([2, 2.0]), type(max([2, 2.0])).__name__, max([2.0, 2]))
print(hash(0), hash(1), hash(-1), hash(-2), hash(True), hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)),
      hash(1.0), hash(0.0), hash(0.5), hash(-1.0), hash(1e100), hash(float("-inf")), hash(None) == hash(None))
print(hash((1, 2)), hash(()), hash((1,)), hash(("a",)) == hash(("a",)), hash(frozenset({1, 2})))
print(1 .real, (5).imag, (10).numerator, (10).denominator, (2.5).real, int.bit_count(255) if hasattr(int, "bit_count") else 8)
print((17).__index__() if hasattr(17, "__index__") else 17, True.__int__(), (3.9).__int__(), (3).__float__())
print(abs(-7) + abs(-7.0), divmod(7, -2), divmod(-7.5, -2), 10 ** -1, (-1) ** 0.5 if False else "no complex")
