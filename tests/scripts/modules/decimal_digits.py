# decimal: digit-wise operations (logical_and/or/xor/invert, rotate, shift) on seeded
# random operands and on the edge cases, with the flags they raise.
import random
from decimal import Decimal, Context

rng = random.Random(61206)


def flags(c):
    return ",".join(s.__name__ for s, on in c.flags.items() if on)


def show(c, label, f):
    c.clear_flags()
    print(label, repr(f()), flags(c))


def binary_digits():
    return Decimal("".join(rng.choice("01") for _ in range(rng.randint(1, 14))))


def any_operand():
    r = rng.random()
    if r < 0.1:
        return Decimal(rng.choice(["Inf", "-Inf", "NaN", "sNaN", "-NaN7", "-0", "0E+2", "1.5"]))
    digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 16)))
    return Decimal("%s%sE%d" % (rng.choice(["", "-"]), digits, rng.randint(-5, 5)))


for i in range(150):
    c = Context(prec=rng.choice([1, 3, 5, 9, 12, 28]), traps=[])
    a, b = binary_digits(), binary_digits()
    if rng.random() < 0.1:
        b = any_operand()
    name = rng.choice(["logical_and", "logical_or", "logical_xor"])
    show(c, "%d %s(%s, %s) prec=%d" % (i, name, a, b, c.prec), lambda: getattr(c, name)(a, b))
    show(c, "%d logical_invert(%s)" % (i, a), lambda: c.logical_invert(a))
    x = any_operand()
    n = Decimal(rng.randint(-c.prec - 2, c.prec + 2)) if rng.random() < 0.9 else any_operand()
    for name in ("rotate", "shift"):
        show(c, "%d %s(%s, %s)" % (i, name, x, n), lambda: getattr(c, name)(x, n))

c = Context(prec=9, traps=[])
for label, f in [
    ("invert 10 ones", lambda: c.logical_invert(Decimal("1" * 10))),
    ("and long", lambda: c.logical_and(Decimal("1" * 12), Decimal("1" * 11))),
    ("xor negative zero", lambda: c.logical_xor(Decimal("0"), Decimal("-0"))),
    ("and fraction", lambda: c.logical_and(Decimal("0.1"), 1)),
    ("rotate by 10E-1", lambda: c.rotate(5, Decimal("10E-1"))),
    ("rotate by -0", lambda: c.rotate(5, Decimal("-0"))),
    ("rotate by Inf", lambda: c.rotate(Decimal("1E+5"), Decimal("Inf"))),
    ("shift Inf by NaN", lambda: c.shift(Decimal("Inf"), Decimal("NaN"))),
    ("rotate -12.34", lambda: c.rotate(Decimal("-12.34"), 1)),
    ("shift -1.5E+3", lambda: c.shift(Decimal("-1.5E+3"), -2)),
    ("method forms", lambda: (Decimal("101").logical_and(Decimal("11")), Decimal(5).rotate(1),
                              Decimal("12345678901234567890123456789").shift(3))),
]:
    show(c, label, f)
try:
    Decimal(1).rotate(1.5)
except TypeError as e:
    print("TypeError", e)
