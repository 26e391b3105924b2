# `len(x)` and `x.append(y)` of locals compile to one instruction each (CallLen,
# CallAppend), which reads a length or appends to a list in place and otherwise makes the
# call the general sequence would. Both paths, and what the call sees when `len` or
# `.append` is something else.
import builtins
import collections


def lengths(a):
    n = len(a)
    return n


print([lengths(x) for x in ([1, 2, 3], "héllo", {1: 2}, (1,), "", set("ab"), range(4), b"xy")])


class Sized:
    def __len__(self):
        return 42


class Appender:
    def __init__(self):
        self.seen = []

    def append(self, x):
        self.seen.append(x)
        return "appended"


def use(obj, item):
    result = obj.append(item)
    return len(obj), result


print(use([], 1))
a = Appender()
print(a.append(7), a.seen)
print(use(collections.deque([0]), 1))
print(len(Sized()), lengths(Sized()))


def grow(items):
    out = []
    for x in items:
        out.append(x)
        out.append(out)  # the list holding itself: collected as a cycle later
        if len(out) == 4:
            break
    return len(out), out[0], out[1] is out


print(grow(range(10)))


class ListChild(list):
    def append(self, x):
        list.append(self, x * 10)


def child(c, x):
    c.append(x)
    return c


print(child(ListChild(), 3))


def errors(x):
    try:
        len(x)
    except TypeError as e:
        print("TypeError:", e)
    try:
        x.append(1)
    except AttributeError as e:
        print("AttributeError:", e)


errors(5)


# A global `len` of the module's own, set from outside the compiler's sight.
globals()["len"] = lambda x: "global len"
print(lengths([1]))
del globals()["len"]
builtins.len = lambda x: "patched builtin"
print(lengths([1]))
del builtins.len
try:
    lengths([1])
except NameError as e:
    print("NameError:", e)
