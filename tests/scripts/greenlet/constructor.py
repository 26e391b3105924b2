# Constructor: run/parent by position and keyword, defaults, subclass run method (spec A.3).
from greenlet import greenlet, getcurrent

main = getcurrent()


def f(*args, **kwargs):
    return ("f", args, kwargs)


a = greenlet(f)
print(a.run is f, a.parent is main)
b = greenlet(run=f)
print(b.run is f, b.parent is main)
c = greenlet(f, a)
print(c.parent is a)
d = greenlet(run=f, parent=b)
print(d.parent is b)
e = greenlet(None, None)
print(e.run is None, e.parent is main)
n = greenlet()
print(hasattr(n, "run"), n.parent is main)
print(greenlet(parent=a).parent is a)

print(a.switch(1, 2, k=3))
print(b.switch())


# A greenlet created inside another greenlet has that one as its parent.
def outer():
    inner = greenlet(lambda: "inner result")
    print("inner parent is outer:", inner.parent is getcurrent())
    print("outer parent is main:", getcurrent().parent is main)
    return inner.switch()


print(greenlet(outer).switch())


# Subclass with a run method; no run argument needed.
class Worker(greenlet):
    def __init__(self, name):
        greenlet.__init__(self)
        self.name = name

    def run(self, x):
        print(self.name, "running with", x)
        y = self.parent.switch(x * 2)
        return self.name + " got " + str(y)


w = Worker("w1")
print(w.switch(5))
print(w.switch("hello"))
print(w.dead)


# Subclass passing parent by keyword through greenlet.__init__
class Child(greenlet):
    def run(self):
        return "child done"


ch = Child(parent=main)
print(ch.parent is main, ch.switch())
