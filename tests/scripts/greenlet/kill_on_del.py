# Dropping the last reference to a suspended greenlet throws GreenletExit into it (spec A.11).
from greenlet import greenlet, getcurrent, GreenletExit

try:
    import gc
except ImportError:
    gc = None


def collect():
    if gc is not None:
        gc.collect()


main = getcurrent()
log = []


def worker(name):
    try:
        getcurrent().parent.switch("parked")
    except GreenletExit:
        log.append(name + " got GreenletExit")
        raise
    finally:
        log.append(name + " finally")


g = greenlet(worker)
print(g.switch("w1"))
del g
collect()
print("after del:", log)
log.clear()


# The return value of the killed greenlet is thrown away; main continues.
def returner():
    try:
        main.switch()
    except GreenletExit:
        log.append("returner caught, returning")
        return "ignored value"


g = greenlet(returner)
g.switch()
g = None
collect()
print("after rebinding:", log)
log.clear()

# Unstarted and dead greenlets are freed without running anything.
u = greenlet(lambda: log.append("unstarted ran"))
del u
d = greenlet(lambda: log.append("dead ran once"))
d.switch()
del d
collect()
print("unstarted/dead:", log)
log.clear()


# Dropped from inside another greenlet: the killed one comes back to the dropper.
def dropper():
    victim = greenlet(worker)
    log.append("dropper: victim " + victim.switch("w2"))
    log.append("dropper: deleting")
    del victim
    collect()
    log.append("dropper: continues")
    return "dropper done"


print(greenlet(dropper).switch())
print(log)
log.clear()

# Several greenlets in a list cleared at once.
gs = [greenlet(worker) for _ in range(3)]
for i, gg in enumerate(gs):
    gg.switch("L%d" % i)
del gg
gs.clear()
collect()
print(sorted(log))
