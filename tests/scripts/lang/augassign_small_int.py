# `x += n` and `x -= n` with a small int literal take the constant as an immediate: every
# kind of target and operand must behave as the general in-place operator does.
import sys

i = 0
i += 1
i -= 3
i += -2
i -= -10
print(i)

big = sys.maxsize
big += 1
print(big, type(big).__name__)
small = -sys.maxsize - 1
small -= 1
print(small)
f = 0.5
f += 1
f -= 3
print(f)
b = True
b += 1
print(b)


def counter(n):
    c = 0
    while c < n:
        c += 1
    total = 100
    for _ in range(n):
        total -= 2
    return c, total


print(counter(1000))


class Acc:
    def __init__(self):
        self.log = []

    def __iadd__(self, n):
        self.log.append(("iadd", n))
        return self

    def __sub__(self, n):
        self.log.append(("sub", n))
        return self


a = Acc()
a += 5
a -= 7
print(a.log)

for bad in ([1], "s", None, (1,)):
    try:
        bad += 1
    except TypeError as e:
        print("TypeError:", e)
    try:
        bad -= 1
    except TypeError as e:
        print("TypeError:", e)


def unbound():
    x += 1  # noqa: F821
    return x


try:
    unbound()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)

g = 10


def bump_global():
    global g
    g += 1
    g -= 4


bump_global()
print(g)


def closure():
    n = 0

    def inc():
        nonlocal n
        n += 1
        return n

    inc()
    return inc()


print(closure())


class Obj:
    pass


o = Obj()
o.count = 0
for _ in range(5):
    o.count += 1
o.count -= 10
print(o.count)

d = {"k": 1}
d["k"] += 1
d["k"] -= 5
lst = [1, 2, 3]
lst[0] += 1
lst[-1] -= 1
print(d, lst)
try:
    d["missing"] += 1
except KeyError as e:
    print("KeyError:", e)

# The general in-place operators name themselves in their errors.
for op in ("+=", "-=", "*=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^=", "@="):
    x = None
    try:
        exec("x " + op + " 1.5")
    except TypeError as e:
        print(op, "TypeError:", e)
y = 2
try:
    y **= "a"
except TypeError as e:
    print("TypeError:", e)
try:
    y @= 3
except TypeError as e:
    print("TypeError:", e)
for a, b in ((True, 1), (1.5, 2), (2, 3)):
    try:
        a @ b
    except TypeError as e:
        print("TypeError:", e)
