"""Pi with floats and the same Chudnovsky series as pi_decimal.py (math.factorial).

Two terms already exhaust a float's 53 bits.  The value goes to stdout, the timing of
10 runs to stderr.
"""
import math
import sys
import timeit


def calc(terms=3):
    total = 0.0
    for k in range(terms):
        num = math.factorial(6 * k) * (13591409 + 545140134 * k)
        den = math.factorial(3 * k) * math.factorial(k) ** 3 * 640320 ** (3 * k)
        total += (-1) ** k * num / den
    return 426880 * math.sqrt(10005) / total


print(repr(calc()))
elapsed = timeit.timeit("calc()", setup="from __main__ import calc", number=10)
print("10 runs: %.6f s" % elapsed, file=sys.stderr)
