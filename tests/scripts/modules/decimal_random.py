# decimal: seeded random operands and contexts through every operation, with the flags
# each one raised (nothing trapped), against CPython's libmpdec.
import random
from decimal import (Decimal, Context, localcontext, ROUND_UP, ROUND_DOWN, ROUND_CEILING,
                     ROUND_FLOOR, ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP)

ROUNDINGS = [ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, ROUND_HALF_DOWN,
             ROUND_HALF_EVEN, ROUND_05UP]
SPECIALS = ["Inf", "-Inf", "NaN", "-NaN", "sNaN", "NaN123", "-sNaN7", "0", "-0", "0E-5", "-0E+3"]

rng = random.Random(20261206)


def operand():
    r = rng.random()
    if r < 0.08:
        return Decimal(rng.choice(SPECIALS))
    if r < 0.25:
        return Decimal(rng.randint(-1000, 1000))
    digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 30)))
    sign = rng.choice(["", "-"])
    exp = rng.choice([0, 0, rng.randint(-12, 12), rng.randint(-60, 60)])
    return Decimal("%s%sE%d" % (sign, digits, exp))


def context():
    small = rng.random() < 0.2
    return Context(prec=rng.choice([1, 2, 3, 5, 9, 16, 28, 40]), rounding=rng.choice(ROUNDINGS),
                   Emin=-rng.randint(5, 30) if small else -999999,
                   Emax=rng.randint(5, 30) if small else 999999,
                   clamp=rng.choice([0, 0, 1]), traps=[])


def show(c, label, f):
    c.clear_flags()
    try:
        r = f()
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    flags = [s.__name__ for s, on in c.flags.items() if on]
    print(label, r, ",".join(sorted(flags)))


BINARY = ["add", "subtract", "multiply", "divide", "divide_int", "remainder", "remainder_near",
          "compare", "compare_signal", "max", "min", "max_mag", "min_mag", "quantize",
          "same_quantum", "compare_total", "copy_sign", "next_toward", "power"]
UNARY = ["plus", "minus", "abs", "sqrt", "exp", "ln", "log10", "normalize", "logb",
         "next_plus", "next_minus", "to_integral_value", "to_integral_exact", "number_class",
         "is_normal", "is_subnormal", "to_sci_string", "to_eng_string"]

for i in range(700):
    c = context()
    a, b = operand(), operand()
    name = rng.choice(BINARY + UNARY)
    if name == "power":
        # Keep exact powers small: b an integer of a few digits, or a short real.
        b = Decimal(rng.randint(-12, 12)) if rng.random() < 0.7 else Decimal(rng.randint(-99, 99)) / 10
        a = a if a.is_nan() or a.adjusted() < 8 else a.scaleb(-a.adjusted())
    elif name in ("exp", "ln", "log10"):
        c.prec = min(c.prec, 16)
        if name == "exp" and a.is_finite() and a.adjusted() > 2:
            a = a.scaleb(-a.adjusted())
    elif name == "quantize" and b.is_finite():
        b = Decimal("1E%d" % rng.randint(-20, 10))
    if name in BINARY:
        show(c, "%d %s(%s, %s)" % (i, name, a, b), lambda: getattr(c, name)(a, b))
    else:
        show(c, "%d %s(%s)" % (i, name, a), lambda: getattr(c, name)(a))

# The operators, hashing and conversions in the current context.
with localcontext(prec=12, traps=[]) as c:
    for i in range(120):
        a, b = operand(), operand()
        show(c, "%d ops %s %s" % (i, a, b),
             lambda: [a + b, a - b, a * b, a / b if b else "-", -a, abs(a), a < b, a == b])
        if a.is_finite():
            show(c, "%d conv %s" % (i, a),
                 lambda: [int(a), float(a), round(a, 2), a.as_tuple(), hash(a) == hash(Decimal(str(a))),
                          a.as_integer_ratio() == (float(a).as_integer_ratio() if float(a) == a else a.as_integer_ratio())])
