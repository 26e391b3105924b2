# int, bool and float arithmetic with seeded random operands (big ints, zeros, signed
# zeros, huge floats): operators, divmod, pow, shifts, rounding, conversions, against
# CPython. (Negative bases to fractional powers are skipped: complex is not supported.)
import math
import random

rng = random.Random(44)


def num():
    r = rng.random()
    if r < 0.4:
        return rng.randint(-100, 100)
    if r < 0.7:
        return rng.randint(-10**rng.randint(1, 40), 10**rng.randint(1, 40))
    if r < 0.9:
        return rng.uniform(-1e6, 1e6) * rng.choice([1, 1e-8, 1e12])
    return rng.choice([0, 0.0, -0.0, True, 1e308, -1e308, 2**63, -2**63, 2**64 - 1])


ops = [
    ("+", lambda a, b: a + b), ("-", lambda a, b: a - b), ("*", lambda a, b: a * b),
    ("/", lambda a, b: a / b), ("//", lambda a, b: a // b), ("%", lambda a, b: a % b),
    ("divmod", lambda a, b: divmod(a, b)), ("**", lambda a, b: a ** b if abs(b) < 60 and not (a < 0 and isinstance(b, float)) else "skip"),
    ("<<", lambda a, b: a << b if isinstance(b, int) and b < 200 else "skip"), (">>", lambda a, b: a >> b if isinstance(b, int) and b < 200 else "skip"),
    ("&|^", lambda a, b: (a & b, a | b, a ^ b)), ("cmp", lambda a, b: (a < b, a == b, a >= b)),
    ("round", lambda a, b: round(a, b) if isinstance(b, int) and abs(b) < 30 else round(a)),
    ("pow3", lambda a, b: pow(a, b, rng.randint(-50, 50) or 7) if isinstance(a, int) and isinstance(b, int) and b < 10**6 else "skip"),
    ("conv", lambda a, b: (int(a), float(a), str(a), repr(a), hash(a) == hash(a), a.bit_length() if isinstance(a, int) else a.is_integer())),
    ("math", lambda a, b: (math.floor(a), math.ceil(a), math.trunc(a), abs(a), -a, math.gcd(int(a), int(b)) if isinstance(b, int) else 0)),
]
out = []
for i in range(900):
    a, b = num(), num()
    name, f = rng.choice(ops)
    try:
        r = f(a, b)
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    out.append("%s %r %r -> %r" % (name, a, b, r))
print("\n".join(out))
