# Uncaught exception raised inside a generator frame consumed by a for loop.

def numbers():
    yield 1
    yield 2
    raise RuntimeError("generator failed")


def consume():
    total = 0
    for n in numbers():
        total += n
        print("got", n)
    return total


consume()
