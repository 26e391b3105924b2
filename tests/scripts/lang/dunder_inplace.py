# In-place operator dunders, fallback from += to +, NotImplemented in both directions.

class Acc:
    def __init__(self, items):
        self.items = list(items)

    def __repr__(self):
        return f"Acc({self.items})"

    def __iadd__(self, other):
        self.items.extend(other)
        return self

    def __add__(self, other):
        return Acc(self.items + list(other))

    def __isub__(self, other):
        self.items = [i for i in self.items if i not in other]
        return self

    def __imul__(self, k):
        self.items = self.items * k
        return self

    def __itruediv__(self, k):
        return "itruediv result"

    def __ifloordiv__(self, k):
        return "ifloordiv"

    def __imod__(self, k):
        return "imod"

    def __ipow__(self, k):
        return "ipow"

    def __ilshift__(self, k):
        return "ilshift"

    def __irshift__(self, k):
        return "irshift"

    def __iand__(self, k):
        return "iand"

    def __ior__(self, k):
        return "ior"

    def __ixor__(self, k):
        return "ixor"


acc = Acc([1])
alias = acc
acc += [2, 3]
print(acc, alias, acc is alias)
acc -= [2]
acc *= 2
print(acc)
results = []
for op in ["/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^="]:
    t = Acc([])
    if op == "/=":
        t /= 1
    elif op == "//=":
        t //= 1
    elif op == "%=":
        t %= 1
    elif op == "**=":
        t **= 1
    elif op == "<<=":
        t <<= 1
    elif op == ">>=":
        t >>= 1
    elif op == "&=":
        t &= 1
    elif op == "|=":
        t |= 1
    else:
        t ^= 1
    results.append(t)
print(results)


class OnlyAdd:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return OnlyAdd(self.v + (o.v if isinstance(o, OnlyAdd) else o))


x = OnlyAdd(1)
y = x
x += 5
print(x.v, y.v, x is y)


class Left:
    def __add__(self, o):
        return NotImplemented


class Right:
    def __radd__(self, o):
        return "Right.__radd__"


print(Left() + Right())


try:
    Left() + Left()
except TypeError as e:
    print(type(e).__name__, e)
try:
    -Left()
except TypeError as e:
    print(type(e).__name__, e)
