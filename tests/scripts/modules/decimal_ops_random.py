# decimal: seeded random operators (with ints, floats and other types on either side),
# comparisons, conversions and rounding under random contexts and traps, against CPython.
import math
import random
from decimal import (Decimal, localcontext, InvalidOperation, DivisionByZero, Overflow,
                     Inexact, FloatOperation)

rng = random.Random(11)


def dec():
    r = rng.random()
    if r < 0.06:
        return Decimal(rng.choice(["Inf", "-Inf", "NaN", "-NaN", "sNaN", "-0", "0E-7", "0E+5", "NaN12"]))
    digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 22)))
    return Decimal("%s%sE%d" % (rng.choice(["", "-"]), digits, rng.randint(-25, 25)))


def other():
    r = rng.random()
    if r < 0.5:
        return dec()
    if r < 0.75:
        return rng.randint(-10**rng.randint(1, 25), 10**rng.randint(1, 25))
    if r < 0.9:
        return rng.uniform(-1e6, 1e6)
    return rng.choice([True, "1", None, [1], 2.5])


ops = [
    ("+", lambda a, b: a + b), ("-", lambda a, b: a - b), ("*", lambda a, b: a * b),
    ("/", lambda a, b: a / b), ("//", lambda a, b: a // b), ("%", lambda a, b: a % b),
    ("divmod", lambda a, b: divmod(a, b)), ("**", lambda a, b: a ** b if not isinstance(b, Decimal) or b.is_nan() or abs(b) < 50 else "skip"),
    ("<", lambda a, b: a < b), ("<=", lambda a, b: a <= b), ("==", lambda a, b: a == b),
    ("!=", lambda a, b: a != b), (">", lambda a, b: a > b), (">=", lambda a, b: a >= b),
    ("r+", lambda a, b: b + a), ("r-", lambda a, b: b - a), ("r*", lambda a, b: b * a), ("r/", lambda a, b: b / a),
    ("r<", lambda a, b: b < a), ("r==", lambda a, b: b == a),
    ("pow3", lambda a, b: pow(a, b, 97) if isinstance(b, int) else "skip"),
]
unary = [("neg", lambda a: -a), ("pos", lambda a: +a), ("abs", lambda a: abs(a)), ("int", lambda a: int(a)),
         ("float", lambda a: float(a)), ("round", lambda a: round(a)), ("round2", lambda a: round(a, 2)),
         ("floor", lambda a: math.floor(a)), ("ceil", lambda a: math.ceil(a)), ("bool", lambda a: bool(a)),
         ("hash", lambda a: hash(a) == hash(Decimal(str(a))) if not a.is_snan() else hash(a)),
         ("str", lambda a: str(a)), ("repr", lambda a: repr(a)), ("eng", lambda a: a.to_eng_string()),
         ("ratio", lambda a: a.as_integer_ratio()), ("tuple", lambda a: a.as_tuple()), ("adj", lambda a: a.adjusted()),
         ("cls", lambda a: a.number_class()), ("sqrt", lambda a: a.sqrt()), ("norm", lambda a: a.normalize())]
out = []
for i in range(800):
    with localcontext(prec=rng.choice([1, 3, 7, 16, 28, 40]), rounding=rng.choice(["ROUND_UP", "ROUND_DOWN", "ROUND_CEILING", "ROUND_FLOOR", "ROUND_HALF_UP", "ROUND_HALF_DOWN", "ROUND_HALF_EVEN", "ROUND_05UP"]),
                      traps=rng.choice([[], [InvalidOperation, DivisionByZero, Overflow], [Inexact, FloatOperation]])) as c:
        a = dec()
        if rng.random() < 0.6:
            name, f = rng.choice(ops)
            b = other()
            label = "%s %r %r" % (name, a, b)
            try:
                r = f(a, b)
            except Exception as e:
                r = "%s %s" % (type(e).__name__, e)
        else:
            name, f = rng.choice(unary)
            label = "%s %r" % (name, a)
            try:
                r = f(a)
            except Exception as e:
                r = "%s %s" % (type(e).__name__, e)
        flags = ",".join(s.__name__ for s, v in c.flags.items() if v)
        out.append("%s -> %r %s" % (label, r, flags))
print("\n".join(out))
print("sequence * non-int:")
for a, b in [([1], Decimal(2)), (Decimal(2), "ab"), (2.5, (1,)), (b"x", 1.5)]:
    try:
        a * b
    except TypeError as e:
        print(e)

