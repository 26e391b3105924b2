# The first greenlet program: two greenlets passing control back and forth.
from greenlet import greenlet


def ping():
    print("ping 1")
    pong_g.switch()
    print("ping 2")
    pong_g.switch()
    print("ping 3")


def pong():
    print("pong 1")
    ping_g.switch()
    print("pong 2")
    ping_g.switch()
    print("pong never")


ping_g = greenlet(ping)
pong_g = greenlet(pong)
ping_g.switch()
print("back in main")
print("ping dead:", ping_g.dead, "pong dead:", pong_g.dead)
print("pong bool:", bool(pong_g))


# The classic counting version: values flow both ways.
def counter(n):
    while n > 0:
        n = main.switch(n) - 1
    return "done"


from greenlet import getcurrent
main = getcurrent()
c = greenlet(counter)
v = c.switch(3)
while isinstance(v, int):
    print("got", v)
    v = c.switch(v)
print("final", v, c.dead)
