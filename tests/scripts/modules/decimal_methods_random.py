# decimal: seeded random Decimal method calls (with and without context=, rounding=) under
# random contexts and traps, with the flags they raise, against CPython.
import random
from decimal import Decimal, Context, InvalidOperation, Inexact

rng = random.Random(5)


def dec():
    r = rng.random()
    if r < 0.08:
        return Decimal(rng.choice(["Inf", "-Inf", "NaN", "-NaN", "sNaN", "-0", "0E-7", "0E+5", "NaN12", "-sNaN3"]))
    digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 22)))
    return Decimal("%s%sE%d" % (rng.choice(["", "-"]), digits, rng.randint(-25, 25)))


def operand():
    r = rng.random()
    if r < 0.85:
        return dec()
    if r < 0.97:
        return rng.randint(-10**6, 10**6)
    return rng.choice([1.5, "2"])


R = ["ROUND_UP", "ROUND_DOWN", "ROUND_CEILING", "ROUND_FLOOR", "ROUND_HALF_UP", "ROUND_HALF_DOWN", "ROUND_HALF_EVEN", "ROUND_05UP"]
binary = ["compare", "compare_signal", "compare_total", "compare_total_mag", "max", "min", "max_mag", "min_mag",
          "remainder_near", "next_toward", "scaleb", "same_quantum", "copy_sign", "quantize", "logical_and", "rotate", "shift"]
unary = ["exp", "ln", "log10", "sqrt", "normalize", "logb", "next_plus", "next_minus", "to_integral", "to_integral_value",
         "to_integral_exact", "copy_abs", "copy_negate", "canonical", "is_nan", "is_qnan", "is_snan", "is_infinite",
         "is_finite", "is_zero", "is_signed", "is_normal", "is_subnormal", "number_class", "to_eng_string", "adjusted", "radix", "conjugate"]
out = []
for i in range(700):
    c = Context(prec=rng.choice([1, 3, 7, 16, 28]), rounding=rng.choice(R), Emin=rng.choice([-999999, -20]), Emax=rng.choice([999999, 20]),
                clamp=rng.choice([0, 1]), traps=rng.choice([[], [InvalidOperation], [Inexact]]))
    a = dec()
    use_ctx = rng.random() < 0.7
    kw = {"context": c} if use_ctx else {}
    if rng.random() < 0.55:
        name = rng.choice(binary)
        b = operand()
        if name == "quantize" and rng.random() < 0.5:
            kw["rounding"] = rng.choice(R)
        label = "%s %r %r %s" % (name, a, b, sorted(kw))
        f = lambda: getattr(a, name)(b, **kw)
    elif rng.random() < 0.1:
        b, d = operand(), operand()
        label = "fma %r %r %r" % (a, b, d)
        f = lambda: a.fma(b, d, **kw)
    else:
        name = rng.choice(unary)
        if name in ("exp", "ln", "log10"):
            c.prec = min(c.prec, 12)
            if a.is_finite() and a.adjusted() > 3:
                a = a.scaleb(-a.adjusted())
        if name in ("to_integral", "to_integral_value", "to_integral_exact") and rng.random() < 0.5:
            kw["rounding"] = rng.choice(R)
        if name in ("adjusted", "radix", "conjugate", "copy_abs", "copy_negate", "canonical", "is_nan", "is_qnan", "is_snan", "is_infinite", "is_finite", "is_zero", "is_signed"):
            kw = {}
        label = "%s %r %s" % (name, a, sorted(kw))
        f = lambda: getattr(a, name)(**kw)
    try:
        r = f()
    except Exception as e:
        r = "%s %s" % (type(e).__name__, e)
    flags = ",".join(s.__name__ for s, v in c.flags.items() if v)
    out.append("%s -> %r %s" % (label, r, flags))
print("\n".join(out))
