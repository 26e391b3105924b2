# Every binary, unary and boolean operator on ints, floats, bools, strings and containers.

a, b = 17, 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b, -a, +a, ~a)
print(a & b, a | b, a ^ b, a << b, a >> 2)
print(a == b, a != b, a < b, a <= b, a > b, a >= b)
x, y = 7.5, 2.0
print(x + y, x - y, x * y, x / y, x // y, x % y, x ** y, -x, +x)
print(a + x, a * y, a / y, a // y, b ** -1, 2 ** 0.5)
print(True + 1, True & False, True | False, True ^ True, ~True, -False, True // 1, False ** 0)
print(type(True & True).__name__, type(True + True).__name__, type(1 // 1.0).__name__)
print("ab" + "cd", "ab" * 3, 3 * "ab", "x" * 0, "x" * -1, [1] * 3, 2 * (1, 2), [0] + [1], (1,) + (2,))
print("%s is %d years and %.2f%%" % ("Ann", 30, 99.5), "%5s|%-5s|%05d|%x|%o|%r|%c" % ("a", "b", 42, 255, 8, "q", 65))
print("%(name)s=%(val)03d" % {"name": "k", "val": 7}, "%e" % 12345.678, "%g" % 0.00001, "%+.1f" % 2.25, "%%")
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or 0, [] and 1, "a" or "b", not 1, not 0)


def side(v, log):
    log.append(v)
    return v


log = []
result = side(0, log) and side(1, log)
print(result, log)
log = []
result = side(1, log) or side(2, log)
print(result, log)
log = []
result = side(0, log) or side("", log) or side(3, log)
print(result, log)
print(-2 ** 2, (-2) ** 2, 2 ** -2, 2 ** 3 ** 2, -3 % 5, 10 - 3 - 2, 100 / 10 / 5, 2 * 3 + 4, 2 * (3 + 4))
print(1 + 2 * 3 ** 2 // 4 % 5, 1 << 2 + 1, 1 | 2 ^ 3 & 4, ~1 + 1, not 1 == 2)
print(6 & 3 == 2, (6 & 3) == 2, 5 - -3, - - 4, + - + 5)
n = 10
n += 5
n -= 3
n *= 2
n //= 5
n **= 3
n %= 50
n <<= 2
n >>= 1
n |= 1
n &= 0xFF
n ^= 0b1010
print(n)
f = 1.0
f /= 4
f += 0.5
print(f)
s = "a"
s += "b"
s *= 3
print(s)
lst = [1]
lst += [2]
lst *= 2
print(lst)
t = (1,)
t2 = t
t += (2,)
print(t, t2)
try:
    [1] + (2,)
except TypeError as e:
    print(type(e).__name__, e)
try:
    "a" * 1.5
except TypeError as e:
    print(type(e).__name__, e)
try:
    1 @ 2
except TypeError as e:
    print(type(e).__name__, e)
try:
    ~1.5
except TypeError as e:
    print(type(e).__name__, e)
try:
    1.5 & 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    -"s"
except TypeError as e:
    print(type(e).__name__, e)
try:
    {} + {}
except TypeError as e:
    print(type(e).__name__, e)
try:
    "%d" % "x"
except TypeError as e:
    print(type(e).__name__, e)
try:
    "%s %s" % ("only one",)
except TypeError as e:
    print(type(e).__name__, e)
print(divmod(-17, 5), divmod(17, -5), divmod(-17.5, 5), 2 ** 10 % 1000, 7 ** 2 // 3)
