# Keeps many greenlets suspended at once; prints the RSS per greenlet to stderr.
import sys
from greenlet import greenlet, getcurrent

N = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000


def rss_kib():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def parked(i):
    getcurrent().parent.switch(i)


before = rss_kib()
alive = []
for i in range(N):
    g = greenlet(parked)
    g.switch(i)
    alive.append(g)
after = rss_kib()
print("alive", len(alive), all(not g.dead for g in alive))
print(f"{(after - before) * 1024 / N:.0f} bytes of RSS per suspended greenlet", file=sys.stderr)
