# pi to 100 digits with decimal.Decimal and the Chudnovsky series, many times over (the
# seed article's benchmark, examples/pi_decimal.py, repeated enough to time).
from decimal import Decimal, getcontext
from math import factorial


def calc(digits):
    ctx = getcontext()
    ctx.prec = digits + 10
    total = Decimal(0)
    k = 0
    while True:
        num = Decimal(factorial(6 * k) * (13591409 + 545140134 * k))
        den = Decimal(factorial(3 * k) * factorial(k) ** 3) * Decimal(640320) ** (3 * k)
        term = num / den
        total += -term if k % 2 else term
        if term < Decimal(10) ** -(digits + 5):
            break
        k += 1
    pi = Decimal(426880) * Decimal(10005).sqrt() / total
    ctx.prec = digits
    return +pi


for _ in range(20_000):
    pi = calc(100)
print(pi)
print(calc(1000))
