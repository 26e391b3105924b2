# int() with and without a base, and float(), on seeded random strings of digits, signs,
# prefixes, points, exponents, underscores, whitespace and non-ASCII digits, against CPython.
import random
rng = random.Random(66)
PARTS = ["0", "1", "7", "9", "a", "F", "_", "-", "+", " ", ".", "e", "E", "x", "0x", "0o", "0b", "inf", "nan", "\t", "١", "infinity", "1_0", "__"]
out = []
for i in range(900):
    s = "".join(rng.choice(PARTS) for _ in range(rng.randint(0, 5)))
    base = rng.choice([None, 0, 2, 8, 10, 16, 36])
    try:
        r = int(s) if base is None else int(s, base)
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    try:
        f = float(s)
    except Exception as e:
        f = "%s: %s" % (type(e).__name__, e)
    out.append("%r %r -> %r | %r" % (s, base, r, f))
print("\n".join(out))
