# continulet basics: lazy start, switch as yield in both directions, return value, finished state (spec B.1, B.2).
from _continuation import continulet, error


def body(cont, a, b=0):
    print("body started with", a, b)
    x = cont.switch(a + b)
    print("body got", x)
    y = cont.switch(x * 2)
    print("body got", y)
    return "returned " + str(y)


c = continulet(body, 1, b=2)
print("created, pending:", c.is_pending())
print("main got", c.switch())
print("main got", c.switch(10))
print("main got", c.switch("last"))
print("pending:", c.is_pending())
try:
    c.switch()
except error as e:
    print("error:", e)

# The callable receives the continulet itself as first argument.
seen = []
c2 = continulet(lambda cont: seen.append(cont is c2))
c2.switch()
print("first arg is the continulet:", seen)


# A subclass instance passes itself.
class Sub(continulet):
    def __init__(self):
        continulet.__init__(self, Sub.work)

    def work(self):
        return type(self).__name__


s = Sub()
print(s.switch())

# switch() packing: one value only; None by default.
c3 = continulet(lambda cont: [cont.switch(), cont.switch((1, 2)), cont.switch(value=None)])
print(repr(c3.switch()))
print(repr(c3.switch(5)))
print(repr(c3.switch(value=(3,))))
print(repr(c3.switch("end")))
print(issubclass(error, Exception))
