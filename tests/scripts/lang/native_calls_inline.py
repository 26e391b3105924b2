# Built-in functions, built-in methods and built-in types are called straight from the
# loop. Receivers that are instances of subclasses of built-in types still reach the
# built-in value inside them, errors point at the calling line, and the argument
# registers are released after the call.
import math


class U(str):
    def shout(self):
        return self.upper() + "!"


class L(list):
    pass


u = U("abc,def")
print(u.upper(), str.upper(u), u.split(","), str.split(u, ","), u.shout(), type(u.upper()).__name__)
lst = L([3, 1, 2])
lst.append(0)
list.append(lst, 9)
print(lst, sorted(lst), len(lst), list.__len__(lst), type(lst).__name__)
print(int("42"), int(" -7 "), int(3.9), float("2.5"), str(12), str(u), type(5).__name__, bool([]))
print(abs(-3), min(4, 2, 8), max("a", "b"), isinstance(u, str), math.sqrt(16.0), "x".join(["a", "b"]))
print(d := {}.fromkeys("ab", 0), dict.get(d, "a"), {1: 2}.get(3, "none"), (1, 2).count(2))


class Num:
    def __abs__(self):
        return "abs called"

    def __index__(self):
        return 5

    def __str__(self):
        return "Num!"


print(abs(Num()), str(Num()), hex(Num()), [10, 20, 30, 40, 50, 60][Num()])


def failing(kind):
    if kind == 0:
        return int("nope")
    if kind == 1:
        return "abc".index("z")
    if kind == 2:
        return math.sqrt(-1)
    if kind == 3:
        return ValueError("made, not raised")
    return object().missing


for kind in range(5):
    try:
        print("ok:", repr(failing(kind)))
    except Exception as e:
        tb = e.__traceback__
        while tb.tb_next:
            tb = tb.tb_next
        print(type(e).__name__, e, "line", tb.tb_lineno)


def gen():
    try:
        yield 1
        yield 2
    finally:
        print("generator closed")


g = gen()
print(next(g))
print(list.__len__([g]))
del g
print("after del")
print(sum(x for x in range(5)), "".join(str(i) for i in range(3)), list(map(abs, [-1, 2])))
int("bad value")
