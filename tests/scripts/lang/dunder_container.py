# Container and protocol dunders: __len__, __getitem__/__setitem__/__delitem__,
# __contains__, __iter__/__next__, __call__, __bool__.

class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}

    def __len__(self):
        return self.w * self.h

    def __getitem__(self, key):
        x, y = key
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError(f"cell {key} out of range")
        return self.cells.get(key, ".")

    def __setitem__(self, key, value):
        self.cells[key] = value

    def __delitem__(self, key):
        del self.cells[key]

    def __contains__(self, value):
        return value in self.cells.values()

    def __iter__(self):
        for y in range(self.h):
            for x in range(self.w):
                yield self[x, y]

    def __bool__(self):
        return bool(self.cells)


g = Grid(3, 2)
print(len(g), bool(g), g[0, 0], "#" in g)
g[1, 1] = "#"
g[2, 0] = "@"
print(bool(g), "#" in g, "!" not in g, "".join(g), list(g))
del g[1, 1]
print("".join(g))
try:
    g[5, 5]
except IndexError as e:
    print(type(e).__name__, e)
try:
    del g[0, 0]
except KeyError as e:
    print(type(e).__name__, e)


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


print(list(Countdown(4)), sum(Countdown(10)), [x for x in Countdown(3)], max(Countdown(5)))
it = iter(Countdown(2))
print(next(it), next(it), next(it, "exhausted"))


class OldSeq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError
        return i * 10


print(list(OldSeq()), 20 in OldSeq(), 25 in OldSeq(), list(reversed([*OldSeq()])))


class Adder:
    def __init__(self, base):
        self.base = base

    def __call__(self, x, *, twice=False):
        return (self.base + x) * (2 if twice else 1)


add5 = Adder(5)
print(add5(1), add5(1, twice=True), callable(add5), callable(Adder), callable(5))
print(list(map(add5, [1, 2, 3])))


class LenOnly:
    def __len__(self):
        return 0


class BoolOverLen:
    def __len__(self):
        return 0

    def __bool__(self):
        return True


print(bool(LenOnly()), bool(BoolOverLen()), not LenOnly(), "yes" if BoolOverLen() else "no", bool(object()))
