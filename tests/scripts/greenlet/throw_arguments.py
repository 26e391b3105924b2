# throw() argument normalisation like `raise`, and the TypeErrors raised before any switch (spec A.6).
from greenlet import greenlet, getcurrent

main = getcurrent()


def target():
    reply = "parked"
    while True:
        try:
            main.switch(reply)
            reply = "plain switch"
        except BaseException as e:
            reply = (type(e).__name__, e.args)


g = greenlet(target)
g.switch()


class Pair(Exception):
    def __init__(self, a, b):
        Exception.__init__(self, a, b)


inst = ValueError("instance")
print(g.throw(ValueError))
print(g.throw(ValueError, "one"))
print(g.throw(ValueError, 5))
print(g.throw(Pair, (1, 2)))
print(g.throw(ValueError, ()))
print(g.throw(ValueError, inst))
print(g.throw(inst))
print(g.throw(LookupError, KeyError("sub instance")))

# Errors: TypeError in the caller, target untouched.
cases = [
    lambda: g.throw("not an exception"),
    lambda: g.throw(42),
    lambda: g.throw(int),
    lambda: g.throw(inst, "separate"),
    lambda: g.throw(ValueError, None, "not a tb"),
    lambda: g.throw(ValueError, "v", 12),
]
for case in cases:
    try:
        case()
        print("no error")
    except TypeError as e:
        print("TypeError:", e)
print("still suspended:", bool(g), not g.dead)
print(g.switch())


# throw(typ, val, tb) with a real traceback is accepted.
try:
    raise OSError("with tb")
except OSError as e:
    tb = e.__traceback__
print(g.throw(OSError, "x", tb))

# Errors also happen before starting an unstarted greenlet.
u = greenlet(lambda: print("ran"))
try:
    u.throw("bad")
except TypeError as e:
    print("TypeError:", e)
print("unstarted still:", not u.dead and not bool(u), hasattr(u, "run"))
