# A generator resumed while suspended in `yield from` keeps its frame off the stack while
# its delegate runs: the delegate's return value, its exceptions (caught or not, with
# their tracebacks), re-entry and close() must all find the delegating frame as if it
# had been there all along, at every depth of a chain.


def leaf(n):
    for i in range(n):
        got = yield i
        if got == "boom":
            raise KeyError("from leaf")
        if got == "stop":
            raise StopIteration("leaked")
    return f"leaf({n}) done"


def middle(n):
    try:
        r = yield from leaf(n)
    except KeyError as e:
        yield f"middle caught {e!r}"
        return "middle recovered"
    yield f"middle got {r}"
    return "middle done"


def outer(n):
    r = yield from middle(n)
    yield f"outer got {r}"
    r2 = yield from middle(1)
    return (r, r2)


# Return values through a chain, resumed by each consumer kind.
print(list(outer(3)))
print(sum(1 for _ in outer(2)), [x for x in outer(1)])
g = outer(2)
print(next(g), g.send(None), next(g), next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("returned", e.value)

# An exception raised in the leaf meets the handler of the generator two levels down.
g = outer(5)
print(next(g), next(g), g.send("boom"), next(g), next(g))

# Uncaught: the traceback names every frame of the chain, outermost first.
def report(g, send):
    try:
        next(g)
        next(g)
        g.send(send)
    except Exception as e:
        tb, entries = e.__traceback__, []
        while tb is not None:
            entries.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
            tb = tb.tb_next
        print(type(e).__name__, e, entries)
        print("cause", repr(e.__cause__))


def plain_chain(n):
    yield from leaf(n)


def deeper(n):
    total = yield from plain_chain(n)
    return total


report(deeper(4), "boom")
# StopIteration out of a generator becomes RuntimeError at the leaf, and the chain sees that.
report(deeper(4), "stop")

# Re-entering a generator whose frame is off the stack.
def reenter():
    yield "first"
    try:
        holder[0].send(None)
    except ValueError as e:
        yield f"ValueError: {e}"
    try:
        holder[0].close()
    except ValueError as e:
        yield f"close: ValueError: {e}"
    try:
        holder[0].throw(KeyError("x"))
    except ValueError as e:
        yield f"throw: ValueError: {e}"


def via(gen):
    yield from gen


holder = [None]
holder[0] = via(via(reenter()))
print(list(holder[0]))

# A generator closing itself while running.
def closes_itself():
    try:
        me.close()
    except ValueError as e:
        yield f"ValueError: {e}"
    yield "after"


me = closes_itself()
print(list(me))

# The chain resumed, then thrown into and closed, between item-by-item resumes.
g = outer(6)
print(next(g), next(g), next(g))
print(g.throw(KeyError("thrown")))
print(next(g))
g.close()
print("closed", next(g, "exhausted"))

# A finally block in each level runs once, in order, when the chain is closed.
def guarded(name, inner):
    try:
        if inner is None:
            while True:
                yield name
        else:
            yield from inner
    finally:
        print("finally", name)


g = guarded("a", guarded("b", guarded("c", None)))
print(next(g), next(g))
g.close()

# Deep chains: every level off the stack at once.
def nest(depth):
    if depth == 0:
        yield from range(3)
        return 0
    r = yield from nest(depth - 1)
    return r + 1


g = nest(200)
print(list(g), sum(nest(50)))
r = None
g = nest(300)
for x in g:
    pass
def ret_of(gen):
    r = yield from gen
    yield r
print(list(ret_of(nest(120))))
