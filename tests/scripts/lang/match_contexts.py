# match inside closures (captures into cells), generators, and deep recursion through class patterns.
def outer(v):
    def show():
        return (a, rest)
    match v:
        case [a, *rest]:
            return show()
        case {"k": a, **rest}:
            return show()
        case _:
            a, rest = None, None
            return show()
print(outer([1, 2, 3]), outer({"k": 5, "z": 1}), outer(7))
def gen(items):
    for it in items:
        match it:
            case (x, y) if x < y:
                yield x
            case (x, y):
                yield y
            case str() as s:
                yield s.upper()
print(list(gen([(1, 2), (5, 3), "ab"])))
class P:
    __match_args__ = ("a",)
    def __init__(self, a): self.a = a
def deep(n):
    match n:
        case P(a=0):
            return 0
        case P(a):
            return 1 + deep(P(a - 1))
import sys
sys.setrecursionlimit(100000)
print(deep(P(50000)))
