# `a, b = s.split(sep)` into two locals splits a str straight into the pair
# (CallSplitPair); every other case makes the call and unpacks its result.


class Shouting(str):
    def split(self, sep=None):
        return ["SHOUT", sep]


class Pairish:
    def split(self, sep):
        yield from (sep * 2, sep * 3)


def pairs():
    out = []
    s = "key=value"
    k, v = s.split("=")
    out.append((k, v))
    sep = "::"
    text = "α::βγ"
    left, right = text.split(sep)
    out.append((left, right, len(left), len(right), right[1]))
    empty_ends = "=x="
    try:
        a, b = empty_ends.split("=")
    except ValueError as e:
        out.append(str(e))
    edge = "=tail"
    a, b = edge.split("=")
    out.append((a, b))
    edge = "head="
    a, b = edge.split("=")
    out.append((a, b))
    [c, d] = "1,2".split(",") if False else "3,4".split(",")
    out.append((c, d))
    word = "ab,cd"
    [c, d] = word.split(",")
    out.append((c, d))
    same = "x|y"
    same, other = same.split("|")
    out.append((same, other))
    sep = "-"
    sep, rest = "a-b".split(sep) if False else ("?", "?")
    s2 = "left-right"
    sep2 = "-"
    sep2, rest = s2.split(sep2)
    out.append((sep2, rest))
    twice = "a,b"
    x, x = twice.split(",")
    out.append(x)
    return out


for row in pairs():
    print(row)


def failures():
    out = []
    for s, sep in [("no separator", ","), ("a,b,c", ","), ("", ","), ("a,b", ""), ("a b", None), ("a,b", 5)]:
        first, second = "kept-1", "kept-2"
        try:
            first, second = s.split(sep)
            out.append(("ok", first, second))
        except (ValueError, TypeError) as e:
            out.append((type(e).__name__, str(e), first, second))
    return out


for row in failures():
    print(row)


def others():
    out = []
    b = b"k:v"
    sep = b":"
    k, v = b.split(sep)
    out.append((k, v))
    loud = Shouting("a b")
    sep = "!"
    k, v = loud.split(sep)
    out.append((k, v))
    p = Pairish()
    sep = "z"
    k, v = p.split(sep)
    out.append((k, v))
    n = 5
    try:
        k, v = n.split(",")
    except AttributeError as e:
        out.append(str(e))
    return out


print(others())


def unbound():
    if False:
        s = ""
    a, b = s.split(",")


try:
    unbound()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)


def fields(text):
    total = 0
    names = []
    for field in text.split(","):
        name, value = field.split(":")
        total += int(value)
        names.append(name)
    return names, total


print(fields("a:1,b:22,c:333"))


# Errors name the lines CPython names: the unpacking's on the statement's first line,
# the call's on the call's; and the method is looked up before an unbound separator or
# argument is read.
def line_of(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e, "line", e.__traceback__.tb_next.tb_lineno)


def too_few():
    s = "abc"
    a, b = (
        s.split(","))


def not_str():
    s = 5
    a, b = s.split(
        ",")


def unbound_sep():
    s = 5
    a, b = s.split(sep)
    sep = ","


def unbound_item():
    xs = None
    xs.append(x)
    x = 1


for f in (too_few, not_str, unbound_sep, unbound_item):
    line_of(f)
