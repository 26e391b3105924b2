# Error cases of continulet and their exact messages (spec B.2, B.3, B.10).
from _continuation import continulet, error


def show(label, fn):
    try:
        r = fn()
        print(label, "->", repr(r))
    except (error, TypeError) as e:
        print(label, type(e).__name__ + ":", e)


def body(cont):
    cont.switch("parked")
    return "done"


c = continulet(body)
show("reinit unstarted", lambda: c.__init__(body))
c.switch()
show("reinit suspended", lambda: c.__init__(body))


def reinit_self(cont):
    try:
        cont.__init__(body)
    except error as e:
        print("reinit running error:", e)


continulet(reinit_self).switch()
c.switch()
show("reinit finished", lambda: c.__init__(body))
show("switch finished", lambda: c.switch())
show("throw finished", lambda: c.throw(ValueError))

# Non-None value into a just-started continulet: TypeError, then finished.
fresh = continulet(body)
show("send 5 to fresh", lambda: fresh.switch(5))
print("fresh pending:", fresh.is_pending())
show("switch it again", lambda: fresh.switch())

# to= errors
a = continulet(body)
done = continulet(lambda cont: None)
done.switch()
show("to=finished", lambda: a.switch(to=done))
print("a still pending:", a.is_pending())
try:
    a.switch(to=42)
except TypeError:
    print("to=non-continulet TypeError")  # message not specified
print("a still pending:", a.is_pending())
show("to=self", lambda: a.switch("same", to=a))
print("a pending after to=self:", a.is_pending())
show("start a normally", lambda: a.switch())
