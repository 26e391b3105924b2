# Implicit parent: a finished callable returns to whatever continuation its continulet holds then (spec B.1).
from _continuation import continulet


# Result goes to the most recent resumer, not to the starter.
def worker(cont):
    v = cont.switch("worker parked")
    return "worker result for " + v


def resumer(cont, w):
    r = w.switch("resumer")
    return "resumer got: " + r


w = continulet(worker)
print(w.switch())
print(continulet(resumer, w).switch())

# Switching to a continulet whose callable is lower in the current stack is allowed.
def outer(cont):
    def inner():
        return cont.switch("suspended from a nested call")
    return "outer returns " + inner()


o = continulet(outer)
print(o.switch())
print(o.switch("resume"))


# Crossed stacks: f1 starts c2; f2 leaves through c1.switch(); main resumes c2,
# which continues f1; f1's result then goes to the continuation in c1 (f2's switch).
def f1(cont):
    print("f1: starting c2")
    r = c2.switch()
    print("f1: c2.switch() returned", repr(r))
    return "f1 result"


def f2(cont):
    print("f2: leaving through c1")
    r = c1.switch("from f2")
    print("f2: c1.switch() returned", repr(r))
    return "f2 result"


c1 = continulet(f1)
c2 = continulet(f2)
print("main got", repr(c1.switch()))
print("main got", repr(c2.switch("main resumes c2")))
print(c1.is_pending(), c2.is_pending())
