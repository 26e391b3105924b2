# decimal: arithmetic operators, mixing with int, rounding modes, comparisons.
import decimal
from decimal import Decimal, getcontext, localcontext

a, b = Decimal("1.1"), Decimal("2.20")
print(a + b, a - b, a * b, a / b, b / a, a // b, b // a, a % b, b % a, divmod(b, a))
print(-a, +a, abs(Decimal("-0.5")), a + 1, 1 + a, 3 - a, a * 2, 2 * a, 10 / Decimal(4), 7 // Decimal(2))
print(Decimal(-7) // 2, Decimal(-7) % 2, Decimal(7) % -2, divmod(Decimal(-7), 2), Decimal("7.5") % Decimal("2"))
print(Decimal(1) / 3, Decimal(2) / 3, Decimal(-2) / 3, Decimal(1) / 7, Decimal(100) / 4, Decimal("1.00") / 4)
print(Decimal("1E+20") + 1, Decimal("1E+30") + Decimal("1E-30"), Decimal("0.1") + Decimal("0.2") - Decimal("0.3"))
print(Decimal("0.00") + Decimal("0"), Decimal("-0") + Decimal("0"), Decimal("-0") - Decimal("0"), Decimal("5") - Decimal("5.0"))
print(Decimal(2) ** 10, Decimal(2) ** 100, Decimal("1.5") ** 3, Decimal(2) ** -2, Decimal("-2") ** 3, Decimal(10) ** -3,
      Decimal(3) ** 0, Decimal("1.1") ** 50, Decimal(7) ** -5, pow(Decimal(3), 4, 5), 2 ** Decimal(3))
print(Decimal(2) ** Decimal("0.5"), Decimal("1.5") ** Decimal("2.5"), Decimal(10) ** Decimal("-0.5"))
print(Decimal("inf") + 1, Decimal("-inf") * -2, Decimal(5) / Decimal("inf"), Decimal("nan") + 1, Decimal("inf") ** 2)
modes = [decimal.ROUND_HALF_EVEN, decimal.ROUND_HALF_UP, decimal.ROUND_HALF_DOWN, decimal.ROUND_UP,
         decimal.ROUND_DOWN, decimal.ROUND_CEILING, decimal.ROUND_FLOOR, decimal.ROUND_05UP]
values = ["2.5", "3.5", "-2.5", "2.51", "-2.49", "1.05", "10.5", "-0.05", "0.5"]
for mode in modes:
    with localcontext(prec=2, rounding=mode):
        print(mode, [str(+Decimal(v)) for v in values], Decimal(2) / 3, Decimal(-2) / 3, Decimal("9.96") + 0)
for mode in modes:
    print(mode, [str(Decimal(v).quantize(Decimal(1), rounding=mode)) for v in values])
print(Decimal(1) < 2, Decimal("1.5") > 1, Decimal(2) == 2, Decimal("2.0") == 2, Decimal("0.5") == 0.5,
      Decimal("0.1") == 0.1, Decimal(3) >= Decimal("3.000"), Decimal("-inf") < -10 ** 100, Decimal("nan") == Decimal("nan"),
      Decimal("1") != 1, 2 > Decimal("1.99"), Decimal("0.1") < 0.1)
print(sorted([Decimal("3"), Decimal("-1.5"), Decimal("2.25"), Decimal("0")]), max(Decimal(1), Decimal("1.5")),
      min([Decimal(4), Decimal(-4)]), sum([Decimal("0.1")] * 10))
print(Decimal(3).max(Decimal("3.0")), Decimal(1).min(Decimal("nan")), Decimal(-5).copy_sign(Decimal(1)),
      Decimal(5).copy_sign(-1), Decimal("1.23").copy_abs(), Decimal("1.23").copy_negate(), Decimal(3).compare(4),
      Decimal(-2).max(1), Decimal(-2).min(1), Decimal(5).compare(Decimal("5.0")))
print(round(Decimal("2.5")), round(Decimal("3.5")), round(Decimal("-2.5")), round(Decimal("1.2345"), 2),
      round(Decimal("12345"), -2), round(Decimal("0.125"), 2), int(Decimal("1e3")), type(round(Decimal(1))).__name__)
import math
print(math.floor(Decimal("-1.5")), math.ceil(Decimal("1.2")), math.trunc(Decimal("-1.7")))
getcontext().prec = 50
print(Decimal(1) / 7, Decimal(2) ** 200)
getcontext().prec = 3
print(Decimal("1234") + 0, Decimal("0.99999") * 1, Decimal(1) / 3 * 3, Decimal("999") + 1)
