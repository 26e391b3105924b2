# decimal: seeded random format specs (fill, align, sign, zero padding, width, grouping,
# precision, type) over random values, rounding modes and capitals, against CPython.
import random
from decimal import Decimal, localcontext, ROUND_HALF_UP, ROUND_DOWN, ROUND_CEILING, ROUND_HALF_EVEN
rng = random.Random(7)


def val():
    r = rng.random()
    if r < 0.05:
        return Decimal(rng.choice(["Inf", "-Inf", "NaN", "-NaN", "sNaN", "-0", "0E-7", "0E+5"]))
    digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 25)))
    return Decimal("%s%sE%d" % (rng.choice(["", "-"]), digits, rng.randint(-30, 30)))


def spec():
    s = ""
    if rng.random() < 0.3:
        s += rng.choice(["", "*", "0", "x"]) + rng.choice("<>^=")
    if rng.random() < 0.3:
        s += rng.choice("+- ")
    if rng.random() < 0.2:
        s += "0"
    if rng.random() < 0.4:
        s += str(rng.randint(1, 30))
    if rng.random() < 0.3:
        s += ","
    if rng.random() < 0.6:
        s += "." + str(rng.randint(0, 20))
    if rng.random() < 0.8:
        s += rng.choice("eEfFgG%n")
    return s


out = []
for i in range(600):
    v, s = val(), spec()
    with localcontext(rounding=rng.choice([ROUND_HALF_UP, ROUND_DOWN, ROUND_CEILING, ROUND_HALF_EVEN]), capitals=rng.choice([0, 1])):
        try:
            r = format(v, s)
        except Exception as e:
            r = type(e).__name__
    out.append("%s|%s|%s" % (v, s, r))
print("\n".join(out))
