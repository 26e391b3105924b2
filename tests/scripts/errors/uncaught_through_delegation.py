# An error raised in a delegate resumed together with the generators delegating to it
# (a `for` loop resuming the outermost): the traceback names each `yield from` line.
def failing():
    yield 1
    raise RuntimeError("deep")


def via():
    yield from failing()


def top():
    yield from via()


for item in top():
    print("got", item)
