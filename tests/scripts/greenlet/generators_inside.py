# Generators running inside greenlets: switching out of a generator frame, killing a greenlet
# suspended in one, and collecting a greenlet parked with a suspended generator. Each
# generator frame runs in its own register file, which must travel with the greenlet.
from greenlet import greenlet, getcurrent, GreenletExit
import gc

log = []

def gen(tag):
    try:
        for i in range(3):
            x = yield i
            log.append((tag, "got", x))
            getcurrent().parent.switch((tag, i))
    except GreenletExit:
        log.append((tag, "exit in gen"))
        raise
    finally:
        log.append((tag, "finally"))

def body(tag):
    local = [tag] * 2
    g = gen(tag)
    out = [next(g)]
    for k in range(2):
        out.append(g.send(k))
    return out, local

g1 = greenlet(body)
g2 = greenlet(body)
print(g1.switch("a"))
print(g2.switch("b"))
print(g1.switch())
g2.throw(GreenletExit)
print(g2.dead, g1.switch())
print(g1.dead)
print(log)

def lazy():
    d = {"k": 1}
    yield d
    yield sum(x for x in range(5))

def driver():
    acc = []
    for v in lazy():
        acc.append(v)
        greenlet(lambda: acc.append("inner")).switch()
    return acc

print(greenlet(driver).switch())

def recurse_gen(n):
    if n:
        yield from recurse_gen(n - 1)
    yield n

print(sum(recurse_gen(200)))

def killer():
    g = gen("k")
    next(g)
    getcurrent().parent.switch("parked")

gk = greenlet(killer)
print(gk.switch())
del gk
gc.collect()
print(log[-2:])
