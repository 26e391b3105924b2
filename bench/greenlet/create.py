# Create, switch into and finish many greenlets; prints the cost per greenlet to stderr.
import sys
import time
from greenlet import greenlet

N = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000


def body(x):
    return x + 1


t0 = time.perf_counter()
total = 0
for i in range(N):
    total += greenlet(body).switch(i)
elapsed = time.perf_counter() - t0
print("total", total)
print(f"{elapsed / N * 1e9:.0f} ns per create+switch+finish", file=sys.stderr)
