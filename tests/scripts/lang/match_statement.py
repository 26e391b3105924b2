# Structural pattern matching: every pattern kind, guards, binding rules and the
# run-time errors CPython raises for malformed class patterns.


def describe(value):
    match value:
        case None:
            return "None"
        case True:
            return "True"
        case False:
            return "False"
        case 0 | 0.0:
            return "zero"
        case 1 | 2 | 3 as small:
            return f"small {small}"
        case -5:
            return "minus five"
        case "hello" | b"bytes":
            return f"literal {value!r}"
        case int(n) if n > 100:
            return f"big int {n}"
        case int():
            return "some int"
        case str(s):
            return f"str of length {len(s)}"
        case []:
            return "empty sequence"
        case [x]:
            return f"one element {x!r}"
        case [x, y]:
            return f"pair {x!r} {y!r}"
        case [first, *middle, last]:
            return f"first {first!r} middle {middle!r} last {last!r}"
        case {"kind": "point", "x": px, "y": py}:
            return f"point mapping {px},{py}"
        case {"kind": kind, **rest}:
            return f"kind {kind} rest {sorted(rest.items())}"
        case {}:
            return "some mapping"
        case _:
            return f"other {type(value).__name__}"


for v in [None, True, False, 0, 0.0, 1, 2, 3, -5, "hello", b"bytes", 1000, 42,
          "abc", [], (), [9], (8,), [1, 2], (3, 4), [1, 2, 3, 4], range(5),
          {"kind": "point", "x": 1, "y": 2}, {"kind": "box", "w": 3, "h": 4},
          {"other": 1}, {}, 3.25, {1, 2}, "a"]:
    print(repr(v), "->", describe(v))

# Strings, bytes and bytearrays are not sequences for a sequence pattern.
for v in ["ab", b"ab", bytearray(b"ab"), ["a", "b"]]:
    match v:
        case [a, b]:
            print("sequence", a, b)
        case _:
            print("not a sequence pattern:", type(v).__name__)

# Iterators are not sequences either.
match iter([1, 2]):
    case [a, b]:
        print("matched iterator")
    case _:
        print("iterator is not a sequence")


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Point3(Point):
    __match_args__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point3(x, y, z=0):
            return f"3d on plane at {x},{y}"
        case Point(x=0, y=y):
            return f"on y axis at {y}"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point(x=xx) as whole:
            return f"somewhere x={xx} {type(whole).__name__}"
        case _:
            return "not a point"


for p in [Point(0, 0), Point(0, 5), Point(4, 0), Point(2, 2), Point(1, 7), Point3(1, 2, 0),
          Point3(1, 2, 3), "nope"]:
    print(where(p))

# Nested patterns and captures that only bind on success.
data = [("add", 1, 2), ("neg", 5), ("mul", ("add", 1, 1), 3), ("bad",), ["add", 10, 20]]


def evaluate(expr):
    match expr:
        case ("add", a, b):
            return evaluate(a) + evaluate(b)
        case ("mul", a, b):
            return evaluate(a) * evaluate(b)
        case ("neg", a):
            return -evaluate(a)
        case int(n):
            return n
        case (op, *_):
            raise ValueError(f"unknown op {op}")


for e in data:
    try:
        print(e, "=", evaluate(e))
    except ValueError as exc:
        print(e, "error:", exc)

# Value patterns use dotted names and compare with ==.


class Color:
    RED = "red"
    GREEN = "green"


for c in ["red", "green", "blue"]:
    match c:
        case Color.RED:
            print("stop")
        case Color.GREEN:
            print("go")
        case other:
            print("unknown colour", other)

# The capture target of an irrefutable case binds; a failed case leaves names alone.
x = "unchanged"
match [1, 2, 3]:
    case [x, 0, 0]:
        print("should not match")
    case _:
        pass
print("x after failed match:", x)

match 5:
    case y:
        print("y bound to", y)
print("y afterwards", y)

# Or-patterns with captures in each alternative.
for item in [(1, "a"), ["b", 2], {"k": 3}]:
    match item:
        case (int(n), str(s)) | (str(s), int(n)):
            print("pair", n, s)
        case {"k": n}:
            print("mapping", n)

# Guards see the bindings and can fail through to later cases.
for n in range(-2, 3):
    match n:
        case k if k < 0:
            print(n, "negative")
        case 0:
            print(n, "zero")
        case k:
            print(n, "positive")

# Mapping patterns use get-style lookup and do not require exact key sets.


class Lookup(dict):
    def __missing__(self, key):
        return "missing!"


match Lookup(a=1):
    case {"b": b}:
        print("found b", b)
    case {"a": a}:
        print("found a", a)

# Builtins that match their own value positionally.
for v in [3, "s", 2.5, [1], (1,), {"a": 1}, {1}, True, b"x"]:
    match v:
        case bool(b):
            print("bool", b)
        case int(i):
            print("int", i)
        case float(f):
            print("float", f)
        case str(s) | bytes(s):
            print("text", s)
        case list(items) | tuple(items):
            print("seq", items)
        case dict(d):
            print("dict", d)
        case set(s):
            print("set", s)

# Run-time errors in class patterns.


class NoArgs:
    pass


class BadArgs:
    __match_args__ = ["a"]


def attempt(label, fn):
    try:
        fn()
    except TypeError as exc:
        print(label, "TypeError:", exc)


def too_many():
    match NoArgs():
        case NoArgs(a):
            pass


def not_a_type():
    not_type = 3
    match 1:
        case not_type():
            pass


def bad_match_args():
    match BadArgs():
        case BadArgs(a):
            pass


def duplicate_attr():
    match Point(1, 2):
        case Point(x, x=1):
            pass


attempt("too many", too_many)
attempt("not a type", not_a_type)
attempt("bad match args", bad_match_args)
attempt("duplicate", duplicate_attr)

# A subject is evaluated once.
calls = []


def subject():
    calls.append(1)
    return [1, 2]


match subject():
    case [1]:
        pass
    case [1, 2, 3]:
        pass
    case [a, b]:
        print("matched after", len(calls), "evaluation")

# Deep star patterns.
match list(range(10)):
    case [0, 1, *rest, 8, 9]:
        print("rest", rest)
match (1, 2):
    case [*all_of_it]:
        print("star only", all_of_it)
