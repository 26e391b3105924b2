# Two-name unpacking into locals (UnpackPair) and `a, b = x, y` with as many values as
# targets (no tuple built): every source kind, failures that leave the targets alone, and
# the order in which values are computed and targets assigned.


def pairs(src):
    k, v = src
    return k, v


print(pairs((1, 2)), pairs([3, 4]), pairs("xy"), pairs({5: 0, 6: 0}), pairs(range(7, 9)))
print(pairs(x for x in "ab"), pairs(b"\x01\x02"), pairs(iter([9, 10])))


class Pair(list):
    pass


class Two:
    def __iter__(self):
        yield "first"
        yield "second"


print(pairs(Pair([11, 12])), pairs(Two()))


def failures():
    out = []
    for src in [(1,), (1, 2, 3), [], "abc", 5, None, iter(range(10))]:
        a, b = "old-a", "old-b"
        try:
            a, b = src
        except (ValueError, TypeError) as e:
            out.append((type(e).__name__, str(e), a, b))
    return out


for row in failures():
    print(row)


def self_and_repeats():
    a = (1, 2)
    a, b = a
    c, c = 3, 4
    d = [5, 6]
    e, d = d
    return a, b, c, d, e


print(self_and_repeats())


def swaps():
    a, b = 1, 2
    a, b = b, a
    x = [10, 20, 30]
    i, j = 0, 2
    x[i], x[j] = x[j], x[i]
    fib = []
    p, q = 0, 1
    for _ in range(10):
        fib.append(p)
        p, q = q, p + q
    return a, b, x, fib


print(swaps())

log = []


def val(tag, v):
    log.append("value " + tag)
    return v


class Target:
    def __setattr__(self, name, value):
        log.append("set " + name)
        object.__setattr__(self, name, value)


def order():
    t = Target()
    t.a, t.b = val("1", 1), val("2", 2)
    t.c, t.d = [val("3", 3), val("4", 4)]
    return t.a, t.b, t.c, t.d


print(order(), log)


def failing_value():
    a, b = "old-a", "old-b"
    try:
        a, b = 1, 1 // 0
    except ZeroDivisionError:
        pass
    return a, b


print(failing_value())


def loop_pairs(d):
    out = []
    for key, value in d.items():
        out.append(key * value)
    for i, (x, y) in enumerate([(1, 2), (3, 4)]):
        out.append(i + x + y)
    return out


print(loop_pairs({"a": 1, "b": 2}))
g = (1, 2)
m, n = g
[o, p] = "op"
print(m, n, o, p)
