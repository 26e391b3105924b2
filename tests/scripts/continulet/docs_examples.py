# The two examples from PyPy's continulet docs: a genlet, and unlimited recursion via a bootstrap continulet (spec B.9).
from _continuation import continulet, generator


@generator
def f(cont, a, b):
    cont.switch(a + b)
    cont.switch(a + b + 1)


for i in f(10, 20):
    print(i)


# Unlimited recursion: every CHUNK levels the recursion moves to a fresh
# continulet, entered through a double switch from the bootstrap continulet.
CHUNK = 100


def invoke(_, callable, arg):
    return callable(arg)


def bootstrap(c):
    # c is the bootstrap continulet; only operate on c itself.
    callable, arg = c.switch()
    while True:
        to = continulet(invoke, callable, arg)
        callable, arg = c.switch(to=to)


c = continulet(bootstrap)
c.switch()


def recursive(n):
    if n == 0:
        return ("ok", n)
    if n % CHUNK == 0:
        prev = c.switch((recursive, n - 1))
    else:
        prev = recursive(n - 1)
    return (prev[0], prev[1] + 1)


print("result:", recursive(30007))


def failing(n):
    if n == 0:
        raise ValueError("bottom reached")
    if n % CHUNK == 0:
        return c.switch((failing, n - 1))
    return failing(n - 1)


try:
    failing(5003)
except ValueError as e:
    print("unwound from the bottom:", e)
print("bootstrap pending:", c.is_pending())
