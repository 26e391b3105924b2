# The double switch `switch(value, to=...)`: three-way move, ping-pong between callables (spec B.3).
from _continuation import continulet

log = []


def ping(cont, n):
    # ping and pong hand control to each other directly, never back to main.
    for i in range(n):
        log.append("ping %d" % i)
        cont.switch(i, to=c_pong)
    return "ping finished"


def pong(cont):
    while True:
        v = cont.switch(to=c_ping)
        log.append("pong got %r" % (v,))


c_ping = continulet(ping, 3)
c_pong = continulet(pong)
# Starting pong: its first double switch moves main's continuation into c_ping
# and starts ping; ping's return value then goes to main.
print("main got", c_pong.switch())
print(log)
print("ping pending:", c_ping.is_pending(), "pong pending:", c_pong.is_pending())


# What to= does: the current continuation goes into self, self's into `to`,
# and `to`'s is resumed. a.switch(to=b) puts main into a, a's parked stack
# into b, and starts b; b's plain switch() then resumes what b holds: a's stack.
def a_body(cont):
    print("a started")
    cont.switch("a parked")
    print("a resumed")
    return "a done"


def b_body(cont):
    print("b started")
    v = cont.switch("b says hi")
    print("b got", v)
    return "b done"


a = continulet(a_body)
b = continulet(b_body)
print(a.switch())
print(a.switch(to=b))
print(b.switch("to b"))
print(a.is_pending(), b.is_pending())


# to= with an uninitialized `to` acts like to=None.
u = continulet.__new__(continulet)
c = continulet(lambda cont: cont.switch("plain") or "end")
print(c.switch(to=u))
# Uninitialized self with to=x behaves like x.switch(value).
print(u.switch("via uninit", to=c))
print(u.switch("nothing happens"))
