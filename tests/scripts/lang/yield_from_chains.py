# Resuming a generator suspended in `yield from` resumes its delegates in the same step;
# every way of resuming, sending and throwing must still reach the innermost one, and
# a delegate that is finished, shared or missing leaves the `yield from` to decide.
def leaf(n, tag):
    got = []
    for i in range(n):
        x = yield f"{tag}{i}"
        if x is not None:
            got.append(x)
    return got


def middle(n):
    got = yield from leaf(n, "m")
    yield ("middle got", got)
    return "middle done"


def outer(n):
    r = yield from middle(n)
    yield ("outer got", r)


print(list(outer(3)))
print(sum(1 for _ in outer(4)), [x for x in outer(2)])
g = outer(3)
print(next(g), g.send("a"), g.send("b"), g.send("c"), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)


def catcher():
    try:
        yield "waiting"
    except KeyError as e:
        yield f"caught {e!r}"


def chain_to_catcher():
    yield from catcher()


c = chain_to_catcher()
print(next(c), c.throw(KeyError("k")))
c.close()

# The delegate finished by someone else: the `yield from` gets None from it.
inner = leaf(5, "x")


def delegate_to(gen):
    r = yield from gen
    yield ("result", r)


d = delegate_to(inner)
print(next(d))
inner.close()
print(next(d))

# A delegate shared and advanced directly between resumes.
shared = leaf(6, "s")
d = delegate_to(shared)
print(next(d), next(shared), next(d), next(shared), next(d))


# A delegate that re-enters the generator delegating to it.
def reentrant():
    yield "first"
    try:
        next(holder[0])
    except ValueError as e:
        yield f"ValueError: {e}"


holder = [None]
holder[0] = delegate_to(reentrant())
print(next(holder[0]), next(holder[0]))


# A deep chain of delegation.
def nest(depth):
    if depth == 0:
        yield "bottom"
        yield "bottom again"
    else:
        yield from nest(depth - 1)


print(list(nest(200)))
