# `x op= literal` keeps the literal in the constants (InplaceConst): numbers, text and
# bytes, with in-place dunders, reflected operators, shared strings and the errors.


def numbers():
    i, f, big = 1, 0.5, 2**62
    i += 100000
    i -= 2.5
    f *= 3.0
    f /= 4
    f **= 2
    big += 2**62
    big //= 3
    n = 17
    n %= 5
    n <<= 70
    n |= 1
    n &= 0xFF
    n ^= 0b101
    return i, f, big, n


print(numbers())


def texts():
    s = "ab"
    alias = s
    s += "cd"
    s *= 2
    b = b"x"
    b += b"yz"
    acc = ""
    for _ in range(3):
        acc += "."
    return s, alias, b, acc


print(texts())


class Acc:
    def __init__(self):
        self.items = []

    def __iadd__(self, other):
        self.items.append(other)
        return self


class OnlyAdd:
    def __add__(self, other):
        return f"OnlyAdd + {other!r}"


class Reflected:
    def __radd__(self, other):
        return "radd"


def objects():
    a = Acc()
    a += 1.5
    a += "s"
    o = OnlyAdd()
    o += 3
    lst = [0]
    same = lst
    lst += "ab"
    lst *= 2
    return a.items, o, lst, same is lst


print(objects())


def errors():
    out = []
    x = 1
    try:
        x += "a"
    except TypeError as e:
        out.append(str(e))
    s = "a"
    try:
        s -= "b"
    except TypeError as e:
        out.append(str(e))
    try:
        s += 1.0
    except TypeError as e:
        out.append(str(e))
    return out


print(errors())


def unbound():
    if False:
        y = 0
    y += 2.0
    return y


try:
    unbound()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
try:
    missing_global += 1.5
except NameError as e:
    print("NameError:", e)


class Box:
    def __init__(self):
        self.v = 1.0
        self.d = {"k": "x"}


b = Box()
b.v += 0.25
b.d["k"] += "y"
print(b.v, b.d)
