# Generators written with greenlets: a yield() helper, iteration, early close via throw().
from greenlet import greenlet, getcurrent, GreenletExit


class GreenGen:
    def __init__(self, fn, *args):
        self.fn = fn
        self.args = args
        self.g = greenlet(self._run)

    def _run(self):
        self.fn(*self.args)
        raise StopIteration

    def __iter__(self):
        return self

    def __next__(self):
        self.g.parent = getcurrent()
        if self.g.dead:
            raise StopIteration
        return self.g.switch()


def gyield(value):
    getcurrent().parent.switch(value)


def squares(n):
    for i in range(n):
        gyield(i * i)


print(list(GreenGen(squares, 5)))


# Yield from nested helper calls (something plain generators cannot do).
def walk(tree):
    if isinstance(tree, list):
        for sub in tree:
            walk(sub)
    else:
        gyield(tree)


print(list(GreenGen(walk, [1, [2, [3, 4]], [[5]], 6])))


# Two generators interleaved with zip.
print(list(zip(GreenGen(squares, 4), GreenGen(walk, ["a", ["b", "c"], "d", "e"]))))


# Closing a half-consumed generator early: GreenletExit runs its finally.
def with_cleanup():
    try:
        for i in range(10):
            gyield(i)
    finally:
        print("generator cleanup ran")


gen = GreenGen(with_cleanup)
print(next(gen), next(gen), next(gen))
result = gen.g.throw(GreenletExit)
print("close returned", type(result).__name__, gen.g.dead)
