# Method calls and attribute reads through the code site's caches: a cached method must
# give way to an instance attribute that shadows it, to a property added to the class
# later, and to a class attribute rebound later; functions stored on instances and
# classes are called with and without a receiver.

class P:
    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v

    def twice(self, k):
        return self.v * k


def call_get(o):
    return o.get()


ps = [P(i) for i in range(5)]
print([call_get(p) for p in ps])

# An instance built alike, then given an attribute of the method's name.
q = P(10)
print(call_get(q))
q.get = lambda: "shadowed"
print(call_get(q))
print([call_get(p) for p in ps[:2]])

# Another shape (attributes added in another order) that does not shadow.
r = P.__new__(P)
r.extra = 1
r.v = 7
print(call_get(r))
r.get = lambda: "shadowed too"
print(call_get(r))
del r.get
print(call_get(r))

# A class attribute rebound after the site cached the method.
P.get = lambda self: -self.v
print(call_get(ps[1]))


# A plain function as a class attribute of another class at the same site.
class Q:
    def get(self, *args):
        return ("Q", args)


print(call_get(Q()))


# Functions stored on an instance are called without a receiver.
class Holder:
    pass


h = Holder()
h.get = lambda: "from instance"
print(call_get(h))


def read_v(o):
    return o.v


# A property added to the class takes precedence over the instance's value.
print([read_v(p) for p in ps[:3]])
P.v = property(lambda self: "property")
print(read_v(ps[0]))
del P.v
print(read_v(ps[0]))


# Argument count mismatches through the fast path still raise CPython's errors.
class A:
    def one(self, x):
        return x


a = A()
for args in [(), (1,), (1, 2)]:
    try:
        print(a.one(*args) if len(args) != 1 else a.one(args[0]))
    except TypeError as e:
        print("TypeError:", e)
try:
    a.one()
except TypeError as e:
    print("TypeError:", e)
try:
    a.one(1, 2)
except TypeError as e:
    print("TypeError:", e)


# Deep recursion through method calls reaches RecursionError, not a crash.
class R:
    def down(self, n):
        return self.down(n + 1)


try:
    R().down(0)
except RecursionError as e:
    print("RecursionError:", e)


# A bound method taken once and called many times, and a static method.
class S:
    @staticmethod
    def st(x):
        return x + 1

    def m(self, x):
        return x * 2


s = S()
bm = s.m
print(sum(bm(i) for i in range(10)), S.st(1), s.st(2))
