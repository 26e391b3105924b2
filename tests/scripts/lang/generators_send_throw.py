# Generator methods: send, throw, close, GeneratorExit handling, StopIteration inside
# generators, return values, re-entrancy errors.

def echo():
    received = []
    try:
        while True:
            value = yield len(received)
            received.append(value)
    except GeneratorExit:
        print("GeneratorExit with", received)
        raise


g = echo()
print(g.send(None), g.send("a"), g.send("b"))
g.close()
g.close()
try:
    next(g)
except StopIteration:
    print("closed generator raises StopIteration")

g2 = echo()
try:
    g2.send("too early")
except TypeError as e:
    print(type(e).__name__, e)


def thrower():
    try:
        yield 1
    except KeyError as e:
        yield f"handled {e!r}"
    yield "after"


g = thrower()
print(next(g), g.throw(KeyError("k")), next(g))
g = thrower()
next(g)
try:
    g.throw(ValueError("not handled"))
except ValueError as e:
    print("propagated", e)
try:
    next(g)
except StopIteration:
    print("generator finished after unhandled throw")

g = thrower()
try:
    g.throw(RuntimeError("before start"))
except RuntimeError as e:
    print("thrown into unstarted generator:", e)


def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield "bad"


g = ignores_exit()
next(g)
try:
    g.close()
except RuntimeError as e:
    print(type(e).__name__, e)


def stop_inside():
    yield 1
    raise StopIteration("manual")


try:
    list(stop_inside())
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)


def returns_value():
    yield 1
    return {"result": 42}


g = returns_value()
next(g)
try:
    next(g)
except StopIteration as e:
    print(e.value, e.args)


def self_ref():
    yield next(me)


me = self_ref()
try:
    next(me)
except ValueError as e:
    print(type(e).__name__, e)
