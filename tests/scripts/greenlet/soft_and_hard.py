# Greenlets switching from script code and from inside native calls (sort keys, map,
# __next__ of a class) mixed freely: every switch lands where python-greenlet lands.
import sys
from greenlet import greenlet, getcurrent

main = getcurrent()
log = []


# A greenlet that parks inside a sort key (native code calling back into script code),
# resumed by one that parked from plain script code.
def sorter():
    def key(x):
        log.append(("key", x))
        return main.switch(x)

    return sorted([3, 1, 2], key=key)


s = greenlet(sorter)
got = s.switch()
while not s.dead:
    got = s.switch(-got)
print("sorted by negated keys:", got)
print(log)


# Ping-pong between two children, one switching from a map() callback.
def ping(n):
    other = pong_g
    return list(map(lambda i: other.switch(i), range(n)))


def pong(first):
    seen = [first]
    while len(seen) < 5:
        seen.append(ping_g.switch(first * 10 + len(seen)))
    main.switch(("pong saw", seen))


pong_g = greenlet(pong)
ping_g = greenlet(ping)
print(ping_g.switch(5))
print(ping_g.switch(99))
print(ping_g.dead, pong_g.dead)


# The main greenlet resumed while a child is parked under native code, then that child
# finishing normally.
def parked_in_native():
    return [main.switch("parked in map"), *map(lambda x: main.switch(x), ["a", "b"])]


p = greenlet(parked_in_native)
print(p.switch())
print(p.switch(1))
print(p.switch(2))
print(p.switch(3))
print(p.dead)


# An iterator class whose __next__ switches: the for loop calls it natively.
class Feed:
    def __init__(self):
        self.g = greenlet(self.produce)

    def produce(self):
        for word in ["x", "y", "z"]:
            main.switch(word)

    def __iter__(self):
        return self

    def __next__(self):
        v = self.g.switch()
        if self.g.dead:
            raise StopIteration
        return v


print([w for w in Feed()])


# run given as a builtin and as a class: started by calling it natively.
b = greenlet(sorted)
print(b.switch([3, 2, 1]), b.dead)
c = greenlet(dict)
print(c.switch(a=1), c.dead)


# Exceptions: raised in a soft-parked greenlet by throw(), escaping to the parent, caught
# across a native frame.
def catcher():
    try:
        main.switch("ready")
    except KeyError as e:
        return "caught %r" % (e,)


t = greenlet(catcher)
print(t.switch())
print(t.throw(KeyError("k")))


def raiser():
    list(map(lambda x: 1 // x, [1, 0]))


r = greenlet(raiser)
try:
    r.switch()
except ZeroDivisionError as e:
    print("to parent:", type(e).__name__, r.dead)


# sys.exc_info() and the recursion depth belong to each greenlet.
def handler_inside():
    try:
        raise ValueError("inside")
    except ValueError:
        main.switch(sys.exc_info()[0].__name__)
        return sys.exc_info()[0].__name__


h = greenlet(handler_inside)
try:
    raise TypeError("outside")
except TypeError:
    print(h.switch(), sys.exc_info()[0].__name__)
    print(h.switch(), sys.exc_info()[0].__name__)


def deep(n):
    if n == 0:
        return main.switch("bottom")
    return deep(n - 1) + 1


d = greenlet(deep)
print(d.switch(500))
print(d.switch(0))


# A generator running inside a greenlet that switches out between items.
def gen_user():
    def numbers():
        for i in range(3):
            yield i
            main.switch(("between", i))

    return sum(numbers())


gu = greenlet(gen_user)
out = [gu.switch()]
while not gu.dead:
    out.append(gu.switch())
print(out)


# Many soft-parked greenlets resumed in reverse order.
def parker(i):
    return main.switch(i) * 2


many = [greenlet(parker) for _ in range(1000)]
firsts = [g.switch(i) for i, g in enumerate(many)]
results = [g.switch(i) for i, g in reversed(list(enumerate(many)))]
print(sum(firsts), sum(results), all(g.dead for g in many))
