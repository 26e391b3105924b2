# __repr__, __str__, __format__, __new__, default reprs avoided (they contain addresses).

class Plain:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return f"Plain({self.v!r})"


class WithStr(Plain):
    def __str__(self):
        return f"<{self.v}>"


p, w = Plain("a"), WithStr(3)
print(p, str(p), repr(p), w, repr(w), [p, w], (w,), {"k": w}, f"{w} {w!r}")
print(str([w]), "%s %r" % (w, w), format(w), "{} {!r} {!s}".format(w, w, w))


class Fmt:
    def __format__(self, spec):
        return f"Fmt[{spec}]"


print(format(Fmt(), ""), format(Fmt(), "x>10"), f"{Fmt():abc}", "{:q}".format(Fmt()))


class NoFormat:
    def __str__(self):
        return "nf"


print(format(NoFormat()), f"{NoFormat()}")
try:
    format(NoFormat(), "x")
except TypeError as e:
    print(type(e).__name__, e)


class Singleton:
    _instance = None

    def __new__(cls, *args):
        if cls._instance is None:
            print("creating", args)
            cls._instance = super().__new__(cls)
        return cls._instance

    def __init__(self, *args):
        print("init with", args)


s1 = Singleton(1)
s2 = Singleton(2)
print(s1 is s2)


class Positive(int):
    def __new__(cls, value):
        return super().__new__(cls, abs(value))


pv = Positive(-5)
print(pv, pv + 1, type(pv).__name__, isinstance(pv, int), repr(pv))


class NewReturnsOther:
    def __new__(cls):
        return 42

    def __init__(self):
        print("not called")


print(NewReturnsOther())


class UpperStr(str):
    def shout(self):
        return self.upper() + "!"


u = UpperStr("hey")
print(u, u.shout(), len(u), u + "x", type(u + "x").__name__, repr(u))


class MyList(list):
    def total(self):
        return sum(self)


ml = MyList([1, 2, 3])
ml.append(4)
print(ml, ml.total(), len(ml), type(ml).__name__, ml[1:], type(ml[1:]).__name__)


class MyDict(dict):
    def __missing__(self, key):
        return f"missing {key}"


md = MyDict(a=1)
print(md["a"], md["b"], md, md.get("b"))


class ReprRecursion:
    def __init__(self):
        self.children = []

    def __repr__(self):
        return f"Node{self.children}"


root = ReprRecursion()
root.children.append(ReprRecursion())
print(root, repr([root]))


class BadRepr:
    def __repr__(self):
        return 5


try:
    repr(BadRepr())
except TypeError as e:
    print(type(e).__name__, e)


class StrFallsBackToRepr:
    def __repr__(self):
        return "from repr"


print(str(StrFallsBackToRepr()), f"{StrFallsBackToRepr()}")
print(repr(None), repr(True), repr(1.0), repr("s"), repr(b"b"), repr([]), repr(()), repr({}), repr(set()),
      repr(range(3)), repr(slice(1)), repr(NotImplemented), repr(Ellipsis), repr(...))
print(repr(int), repr(str), repr(Plain), repr(type), repr(object), repr(ValueError))
print(repr(len), repr(print))
