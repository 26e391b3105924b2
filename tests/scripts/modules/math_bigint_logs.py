# Logarithms of ints too big for a float, computed as CPython does (mantissa and exponent).
import math

for n in (10 ** 400, 2 ** 1000, 3 ** 2000, 10 ** 300 + 1, 7):
    print(math.log10(n), math.log2(n), math.log(n), math.log(n, 10))
for bad in (0, -(10 ** 400)):
    try:
        math.log10(bad)
    except ValueError as e:
        print(type(e).__name__, e)
