# Arbitrary-precision integers: arithmetic, division semantics, bit operations, conversions.

big = 2 ** 100
print(big, big - 1, -big)
print(big * big)
print(3 ** 200)
print(10 ** 30 // 7, 10 ** 30 % 7, -(10 ** 30) // 7, -(10 ** 30) % 7)
print(divmod(10 ** 25, 12345), divmod(-(10 ** 25), 12345), divmod(10 ** 25, -12345))
print(7 // 2, -7 // 2, 7 // -2, -7 // -2)
print(7 % 3, -7 % 3, 7 % -3, -7 % -3)
print(2 ** -1, 2 ** 0, 0 ** 0, (-2) ** 3, (-2) ** 64)
print(pow(3, 100, 1000), pow(2, 10 ** 6, 10 ** 9 + 7), pow(3, -1, 7), pow(-3, 3, 5))
print(1 << 100, (1 << 100) >> 99, -1 >> 10, -(2 ** 70) >> 3)
print(0xFF & 0x0F, 0xF0 | 0x0F, 0xFF ^ 0x0F, ~0, ~5, ~(-(2 ** 80)))
print((2 ** 100) & (2 ** 100 - 1), (2 ** 100) | 1, (-(2 ** 100)) & 0xFFFF, (-(2 ** 64)) ^ 12345)
print(int("123456789012345678901234567890"), int("-0x1f", 16), int("0b101", 0), int("z", 36))
print(int("  42  "), int("1_000_000"), int(3.99), int(-3.99), int(True), int(1e20))
print(str(2 ** 64), repr(-(2 ** 63)), hex(2 ** 64), oct(2 ** 40), bin(2 ** 20 + 1))
print((2 ** 64).bit_length(), (0).bit_length(), (-255).bit_length())
print((255).to_bytes(2, "big"), (1024).to_bytes(4, "little"), int.from_bytes(b"\x01\x00", "big"))
print((-1).to_bytes(2, "big", signed=True), int.from_bytes(b"\xff\xff", "big", signed=True))
print(abs(-(10 ** 40)), -(-(10 ** 40)), +(10 ** 40))
print(10 ** 40 == 10 ** 40, 10 ** 40 < 10 ** 41, 2 ** 100 > 2.0 ** 99, 2 ** 53 + 1 == 2.0 ** 53)
print(2 ** 100 / 2 ** 98, 10 ** 20 / 3, 7 / 7, 1 / 3)
print(float(2 ** 100), float(10 ** 30), int(float(2 ** 60)))
try:
    float(10 ** 400)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    10 ** 400 / 1
except OverflowError as e:
    print(type(e).__name__, e)
try:
    1 // 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    5 % 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    int("12a")
except ValueError as e:
    print(type(e).__name__, e)
try:
    1 << -1
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(2, -1, 4)
except ValueError as e:
    print(type(e).__name__, e)
print(True + True, True * 10, False - 1, True << 3, -True)
print(hash(10 ** 30) == hash(10 ** 30), hash(5), hash(-1), hash(2 ** 61 - 1), hash(2 ** 61))
print(sum(range(10 ** 6)), sum([2 ** 64] * 3))
n = 1
for i in range(1, 31):
    n *= i
print("30! =", n, len(str(n)))
print(int.__name__, isinstance(2 ** 100, int), type(2 ** 100) is int)
print(round(123456, -2), round(-2 ** 70, -20), round(15, -1), round(25, -1))
print(12345678901234567890 * 98765432109876543210 // 1234567)
print((2 ** 200 + 7) % 97, (-(2 ** 200) - 7) % 97)
print(max(2 ** 70, 2 ** 69), min(-(2 ** 70), 5), sorted([2 ** 65, -3, 2 ** 64, 0]))
x = 2 ** 62
x += x
x *= 4
x -= 1
print(x, x // 3, x % 1000)
print(int.from_bytes(bytes(range(1, 17)), "little"))
print(1_000_000 * 1_000_000, 0o777, 0b1111_0000, 0xdead_beef)
