# `return` with no value and the end of a body return None (ReturnNone): from plain
# functions, methods, __init__, generators, and through finally blocks.
log = []


def falls_off():
    log.append("falls_off")


def bare(x):
    if x:
        return
    log.append("bare kept going")


def through_finally():
    try:
        return
    finally:
        log.append("finally ran")


def gen():
    yield 1
    return
    yield 2


class Thing:
    def __init__(self):
        self.ok = True


def early_in_loop(items):
    for i in items:
        if i == 2:
            return
        log.append(i)


print(falls_off(), bare(True), bare(False), through_finally(), list(gen()), Thing().ok)
print(early_in_loop([0, 1, 2, 3]), log)
g = gen()
next(g)
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value)
print((lambda: None)(), [f() for f in (falls_off, through_finally)])
