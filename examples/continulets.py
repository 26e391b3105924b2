# Continulets (PyPy's _continuation): a generator built by hand, the same with the
# `generator` decorator, and a round-robin scheduler of three tasks.
from _continuation import continulet, generator


def countdown(cont, n):
    while n > 0:
        cont.switch(n)
        n -= 1


c = continulet(countdown, 3)
while c.is_pending():
    value = c.switch()
    if value is not None:
        print("countdown", value)


@generator
def squares(cont, n):
    for i in range(n):
        cont.switch(i * i)


print("squares", list(squares(5)))


def task(cont, name, steps):
    for i in range(steps):
        print(f"{name} step {i}")
        cont.switch()
    return name + " done"


tasks = [continulet(task, name, steps) for name, steps in (("a", 2), ("b", 3), ("c", 1))]
while tasks:
    for t in list(tasks):
        result = t.switch()
        if not t.is_pending():
            print(result)
            tasks.remove(t)
