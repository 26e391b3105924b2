# permute(): rotating stored continuations without switching, and its error cases (spec B.6).
from _continuation import continulet, permute, error


def parked(cont, name):
    v = cont.switch(name + " parked")
    return name + " resumed with " + repr(v)


# permute(c1, c2): c1 gets what c2 held, c2 gets what c1 held.
c1 = continulet(parked, "one")
c2 = continulet(parked, "two")
print(c1.switch(), c2.switch())
permute(c1, c2)
# Resumes two's stack (now in c1); two's return goes to what c2 holds (one's
# stack), and one's return goes to what c1 holds by then (main).
print(c1.switch("x"))
print(c1.is_pending(), c2.is_pending())


# Typical use: from inside c2, send c2's return value to where c1 points.
def parent_body(cont):
    r = cont.switch("parent parked")
    return "parent received " + repr(r)


def child_body(cont):
    permute(parent, cont)
    return "child result"


parent = continulet(parent_body)
print(parent.switch())
child = continulet(child_body)
print(child.switch())

# Three-way rotation.
a = continulet(parked, "A")
b = continulet(parked, "B")
c = continulet(parked, "C")
a.switch(); b.switch(); c.switch()
permute(a, b, c)  # a holds C's, b holds A's, c holds B's
# Resuming a runs C, whose result resumes B (in c), whose result resumes A (in b).
print(a.switch(1))
print(a.is_pending(), b.is_pending(), c.is_pending())

# Zero or one argument: nothing happens; uninitialized ones are skipped.
permute()
d = continulet(parked, "D")
permute(d)
u = continulet.__new__(continulet)
print(d.switch())
permute(u, d)
print(d.switch("after skip"))

# Errors.
fin = continulet(lambda cont: None)
fin.switch()
e = continulet(parked, "E")
try:
    permute(e, fin)
except error as ex:
    print("error:", ex)
try:
    permute(e, 42)
except TypeError:
    print("TypeError for non-continulet")
print(e.switch())
