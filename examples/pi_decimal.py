"""Pi to N digits (default 100) with decimal.Decimal and the Chudnovsky series.

    426880 * sqrt(10005) / pi = sum_k (-1)**k (6k)! (13591409 + 545140134 k)
                                      / ((3k)! (k!)**3 640320**(3k))

Each term adds about 14 digits.  The digits go to stdout (deterministic, identical to
CPython's), the timing of 10 runs to stderr.  Usage: pi_decimal.py [digits]
"""
import sys
import timeit
from decimal import Decimal, getcontext
from math import factorial

DIGITS = int(sys.argv[1]) if len(sys.argv) > 1 and __name__ == "__main__" else 100


def calc(digits=DIGITS):
    ctx = getcontext()
    ctx.prec = digits + 10  # guard digits for the summation
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
    return +pi  # round to the requested number of digits


if __name__ == "__main__":
    print(calc())
    elapsed = timeit.timeit("calc()", setup="from __main__ import calc", number=10)
    print("10 runs: %.4f s" % elapsed, file=sys.stderr)
