# send() on generators: values in and out, StopIteration with the return value, errors
# raised inside the generator, and misuse, all at the line of the send() call.


def averager():
    total = count = 0
    average = None
    while True:
        value = yield average
        if value is None:
            return (count, average)
        total += value
        count += 1
        average = total / count


def run():
    avg = averager()
    next(avg)
    for v in [10, 20, 60]:
        print("average", avg.send(v))
    try:
        avg.send(None)
    except StopIteration as stop:
        print("returned", stop.value, stop.args)
    try:
        avg.send(5)
    except StopIteration as stop:
        print("finished generator:", repr(stop.value), stop.args)


run()


def fails_on(bad):
    while True:
        x = yield
        if x == bad:
            raise ValueError(f"bad value {x}")
        print("got", x)


g = fails_on(3)
next(g)
g.send(1)
try:
    g.send(3)
except ValueError as e:
    print("ValueError from inside:", e)
try:
    g.send(4)
except StopIteration:
    print("dead after the error")

fresh = fails_on(0)
try:
    fresh.send("early")
except TypeError as e:
    print("TypeError:", e)


def reentrant():
    yield me.send(None)


me = reentrant()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)


def leaks_stop_iteration():
    yield 1
    raise StopIteration("inside")


leaky = leaks_stop_iteration()
print(leaky.send(None))
try:
    leaky.send(None)
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))


# send() from inside another generator, with yield from in between.
def inner():
    got = yield "inner ready"
    while got != "stop":
        got = yield f"inner saw {got}"
    return "inner done"


def outer():
    result = yield from inner()
    yield f"outer got {result}"


o = outer()
print(o.send(None), "|", o.send("a"), "|", o.send("b"), "|", o.send("stop"))


def pump(gen, values):
    out = [gen.send(None)]
    for v in values:
        out.append(gen.send(v))
    return out


print(pump(outer(), ["x", "y", "stop"]))
send = averager().send
try:
    send(1)
except TypeError as e:
    print("TypeError:", e)
