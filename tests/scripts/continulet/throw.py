# cont.throw(): into suspended, unstarted, finished, uninitialized; normalisation and TypeErrors (spec B.4).
from _continuation import continulet, error


def catcher(cont):
    reply = "parked"
    while True:
        try:
            cont.switch(reply)
            reply = "plain"
        except Exception as e:
            reply = (type(e).__name__, e.args)


c = continulet(catcher)
print(c.switch())
print(c.throw(ValueError))
print(c.throw(ValueError, "one"))
print(c.throw(ValueError, (1, 2)))
inst = KeyError("inst")
print(c.throw(inst))
print(c.throw(LookupError, inst))
print(c.throw(IndexError, "positional"))

for args in [("not exc",), (inst, "separate"), (ValueError, None, "tb")]:
    try:
        c.throw(*args)
    except TypeError as e:
        print("TypeError:", e)
print("still pending:", c.is_pending(), c.switch())


# Uncaught: goes back to the thrower and the continulet is finished.
def parked(cont):
    try:
        cont.switch()
    finally:
        print("parked: finally")


p = continulet(parked)
p.switch()
try:
    p.throw(OSError("uncaught"))
except OSError as e:
    print("thrower got", repr(e), p.is_pending())

# Unstarted: the callable never runs; the exception comes straight back.
u = continulet(parked)
try:
    u.throw(RuntimeError, "at start")
except RuntimeError as e:
    print("unstarted:", repr(e), u.is_pending())

# Finished.
try:
    u.throw(RuntimeError)
except error as e:
    print("finished:", e)

# Uninitialized without to=: raised straight away in the caller.
z = continulet.__new__(continulet)
try:
    z.throw(ZeroDivisionError, "direct")
except ZeroDivisionError as e:
    print("uninitialized:", repr(e))


# A caught exception, then a later switch returns a value to the thrower.
def recovers(cont):
    try:
        cont.switch()
    except ValueError:
        return "recovered"


print(continulet(recovers).switch() is None)
r = continulet(recovers)
r.switch()
print(r.throw(ValueError))
