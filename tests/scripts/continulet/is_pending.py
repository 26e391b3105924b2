# is_pending(): uninitialized, bound, running, suspended, finished (by return, raise or throw) (spec B.1, B.5).
from _continuation import continulet

u = continulet.__new__(continulet)
print("uninitialized:", u.is_pending())


def body(cont):
    print("while running:", cont.is_pending())
    cont.switch()
    return 1


c = continulet(body)
print("bound, not started:", c.is_pending())
c.switch()
print("suspended:", c.is_pending())
c.switch()
print("returned:", c.is_pending())

r = continulet(lambda cont: 1 / 0)
try:
    r.switch()
except ZeroDivisionError:
    print("raised, pending:", r.is_pending())

t = continulet(body)
try:
    t.throw(ValueError)
except ValueError:
    print("thrown before start, pending:", t.is_pending())

t2 = continulet(body)
t2.switch()
try:
    t2.throw(KeyError)
except KeyError:
    print("thrown while suspended, pending:", t2.is_pending())

# Bad callable: fails only at the first switch, then finished.
b = continulet(42)
print("bad callable bound:", b.is_pending())
try:
    b.switch()
except TypeError:
    print("TypeError at first switch, pending:", b.is_pending())
w = continulet(lambda cont, x: x)
try:
    w.switch()
except TypeError:
    print("wrong arity, pending:", w.is_pending())
