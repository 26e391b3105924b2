# Ping-pong between two greenlets; prints the switch rate to stderr.
import sys
import time
from greenlet import greenlet

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000


def pong():
    main_gr = ping
    while True:
        main_gr.switch()


def run():
    p = pong_gr
    for _ in range(N):
        p.switch()


pong_gr = greenlet(pong)
ping = greenlet(run)
t0 = time.perf_counter()
ping.switch()
elapsed = time.perf_counter() - t0
print("switches", 2 * N)
print(f"{2 * N / elapsed / 1e6:.2f} M switches/s", file=sys.stderr)
