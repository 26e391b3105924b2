# A seeded random walk over greenlets whose bodies drive continulets, some switching
# greenlets from inside a continulet's callable: where every switch lands must match PyPy,
# or the random sequence and the log diverge. Takes a seed argument; 130 seeds matched.
import random
import sys

from greenlet import greenlet, getcurrent
from _continuation import continulet

rng = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
main = getcurrent()
log = []
gs = []


def gen_body(c, name):
    for i in range(4):
        # inside a continulet: sometimes switch greenlets from here
        if rng.randrange(3) == 0:
            t = rng.choice([g for g in gs if not g.dead] + [main])
            log.append((name, "greenlet switch from continulet", str(t.switch(("cont", name, i)))[:40]))
        c.switch((name, i))
    return (name, "cont done")


def body(name="?", steps=3, *rest):
    name = name if isinstance(name, str) else str(name)[:20]
    c = continulet(gen_body, name)
    for n in range(steps if isinstance(steps, int) else 3):
        a = rng.randrange(4)
        if a == 0 and c.is_pending() is not None:
            try:
                log.append((name, n, "cont", str(c.switch())[:40]))
            except Exception as e:
                log.append((name, n, "cont err", type(e).__name__))
        else:
            t = rng.choice([g for g in gs if not g.dead] + [main])
            if a == 1:
                got = list(map(lambda t: t.switch((name, n)), [t]))[0]
            else:
                got = t.switch((name, n))
            log.append((name, n, "got", str(got)[:40]))
    return ("done", name)

for i in range(6):
    gs.append(greenlet(body))
for r in range(150):
    g = rng.choice(gs)
    try:
        got = g.switch("g%d" % r, rng.randrange(2, 8)) if not g else g.switch(("main", r))
    except Exception as e:
        got = ("main caught", type(e).__name__)
    log.append(("main", r, str(got)[:40]))
for l in log:
    print(l)
