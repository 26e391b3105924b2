# A seeded random walk over greenlets: switches from plain script code and from inside
# native callbacks (map, sorted keys), throws, greenlets created inside greenlets, finishing
# ones handing results to parents. Any difference in where a switch lands changes the
# random sequence and the log, so this compares the whole switching machinery with
# CPython's greenlet.
import random
import sys

from greenlet import greenlet, getcurrent

SEED = int(sys.argv[1]) if len(sys.argv) > 1 else 20261206

rng = random.Random(SEED)
main = getcurrent()
log = []
gs = []


def show(v):
    if isinstance(v, tuple):
        return "(" + ",".join(show(x) for x in v) + ")"
    if isinstance(v, list):
        return "[" + ",".join(show(x) for x in v) + "]"
    if isinstance(v, BaseException):
        return type(v).__name__ + show(v.args)
    if isinstance(v, greenlet):
        return "<greenlet>"
    return repr(v)


def live_targets():
    return [g for g in gs if not g.dead] + [main]


def step(name, n):
    target = rng.choice(live_targets())
    action = rng.randrange(7)
    try:
        if action <= 2:
            got = target.switch((name, n))
        elif action == 3:
            got = list(map(lambda t: t.switch(("map", name, n)), [target]))[0]
        elif action == 4:
            seen = []
            sorted([1, 2], key=lambda k: seen.append(target.switch(("key", name, n))) or k)
            got = seen
        elif action == 5 and target is not getcurrent():
            got = target.throw(KeyError(name, n))
        else:
            child = greenlet(body)
            gs.append(child)
            got = child.switch("child of " + name, 3)
    except KeyError as e:
        got = ("caught", e.args)
    log.append("%s step %d action %d got %s" % (name, n, action, show(got)))


def body(name="?", steps=3, *rest):
    name = name if isinstance(name, str) else show(name)
    for n in range(steps if isinstance(steps, int) else 3):
        step(name, n)
    return ("done", name)


for i in range(10):
    gs.append(greenlet(body))


for round_ in range(300):
    g = rng.choice(gs)
    try:
        if g.dead:
            got = ("dead", g.switch("to dead"))
        elif not g:
            got = g.switch("g%d" % round_, rng.randrange(4, 16))
        else:
            got = g.switch(("main", round_))
    except KeyError as e:
        got = ("main caught", e.args)
    log.append("main round %d got %s" % (round_, show(got)))

for line in log:
    print(line)
print(len(log), "entries;", sum(g.dead for g in gs), "of", len(gs), "greenlets dead")
