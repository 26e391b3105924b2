# Switch target resolution: dead greenlets skipped, self-switch, missing run, bad run (spec A.4).
from greenlet import greenlet, getcurrent

main = getcurrent()

# Switching to the current greenlet returns the packed arguments at once.
print(repr(main.switch()))
print(repr(main.switch(1)))
print(repr(main.switch(1, 2)))
print(repr(main.switch(a=1)))


def selfswitch():
    me = getcurrent()
    return me.switch("to myself", k=1)


print(greenlet(selfswitch).switch())

# A dead greenlet forwards the switch to its parent (here: main itself).
d = greenlet(lambda: "finished")
print(d.switch())
print(d.dead, repr(d.switch("again")), repr(d.switch(1, 2)))


# Dead target with a suspended parent: the parent resumes.
def parent_fn():
    v = main.switch("parent suspended")
    print("parent resumed with", repr(v))
    return "parent done"


p = greenlet(parent_fn)
print(p.switch())
child = greenlet(lambda: "child done", parent=p)
print("child finished; main got", repr(child.switch()))
# child's result went to p (its parent), p returned to main
print("p dead:", p.dead)


# Dead chain: dead child of dead parent with an unstarted grandparent.
def grand(v):
    print("grand started with", repr(v))
    return "grand done"


gp = greenlet(grand)
p2 = greenlet(lambda: "p2 done", parent=gp)
p2.parent = main
print(p2.switch())
p2.parent = gp
c2 = greenlet(lambda: "c2 done", parent=p2)
print(c2.switch())
print(c2.dead, p2.dead, gp.dead)
print(repr(c2.switch("x")))

# Missing run: AttributeError in the caller, greenlet stays unstarted.
n = greenlet()
try:
    n.switch()
except AttributeError as e:
    print("AttributeError:", e)
print(bool(n), n.dead)
n.run = lambda x: "late " + x
print(n.switch("start"), n.dead)

# run not callable / wrong arguments: TypeError raised inside, reaches the parent.
bad = greenlet(42)
try:
    bad.switch()
except TypeError as e:
    print("TypeError from uncallable run")
print(bad.dead)
bad2 = greenlet(lambda a: a)
try:
    bad2.switch(1, 2)
except TypeError as e:
    print("TypeError from wrong arguments")
print(bad2.dead)
