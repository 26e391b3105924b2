# pi to 100 digits with decimal.Decimal and the Chudnovsky series, many times over: the
# seed article's benchmark (examples/pi_decimal.py's calc), repeated enough to time.
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples"))
from pi_decimal import calc  # noqa: E402

for _ in range(20_000):
    pi = calc(100)
print(pi)
print(calc(1000))
