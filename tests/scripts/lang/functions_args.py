# def: defaults, keyword-only, positional-only, *args, **kwargs, decorators, annotations, errors.

def f(a, b=2, *args, c, d=4, **kwargs):
    return (a, b, args, c, d, kwargs)


print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, e=6, d=7))
print(f(c=0, a=9))


def pos_only(a, b, /, c, *, d):
    return a, b, c, d


print(pos_only(1, 2, 3, d=4), pos_only(1, 2, c=3, d=4))
try:
    pos_only(1, b=2, c=3, d=4)
except TypeError as e:
    print(type(e).__name__, e)
try:
    pos_only(1, 2, 3, 4)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f()
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(1)
except TypeError as e:
    print(type(e).__name__, e)


def simple(x, y):
    return x - y


try:
    simple(1, 2, 3)
except TypeError as e:
    print(type(e).__name__, e)
try:
    simple(1, z=2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    simple(1, x=2)
except TypeError as e:
    print(type(e).__name__, e)
print(simple(y=1, x=10))


def kwonly_nodefault(*, key):
    return key


try:
    kwonly_nodefault()
except TypeError as e:
    print(type(e).__name__, e)


def pos_kw(a, /, **kw):
    return a, kw


print(pos_kw(1, a=2))


def annotated(x: int, y: "str" = "s", *rest: float, flag: bool = False, **extra: dict) -> list:
    return [x, y, rest, flag, extra]


print(annotated(1), annotated.__annotations__)
print(f.__defaults__, f.__kwdefaults__, f.__name__)
