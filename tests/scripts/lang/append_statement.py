# `xs.append(x)` as a statement, with locals for both: the list case appends and skips
# the statement's cleanup; every other receiver makes the call, whose result is dropped.
import collections


class Loud(list):
    def append(self, x):
        print("Loud.append", x)
        super().append(x * 2)
        return "ignored"


class Counter:
    def __init__(self):
        self.n = 0

    def append(self, x):
        self.n += x


class Broken:
    def append(self, x):
        raise ValueError(f"cannot take {x}")


def fill(target, items):
    for x in items:
        target.append(x)
    return target


print(fill([], range(5)))
print(fill(Loud(), [1, 2]))
print(list(fill(collections.deque(maxlen=2), "abc")))
print(fill(Counter(), [1, 2, 3]).n)
try:
    fill(Broken(), [7])
except ValueError as e:
    print("ValueError:", e)
try:
    fill(object(), [1])
except AttributeError as e:
    print("AttributeError:", e)


def chunks(items, size):
    chunk = []
    out = []
    for x in items:
        chunk.append(x)
        if len(chunk) == size:
            out.append(chunk)
            chunk = []
    if chunk:
        out.append(chunk)
    return out


print(chunks(range(10), 3))


def rebinding(items):
    # The receiver rebound between appends: each statement uses the list it names then.
    a = []
    first = a
    for x in items:
        a.append(x)
        a = [x]
    return first, a


print(rebinding("xyz"))
