# format() of ints, bools and floats with seeded random specs (fill, align, sign, z, #, 0,
# width, grouping, precision, type), errors included, against CPython.
import random
rng = random.Random(3)


def val():
    r = rng.random()
    if r < 0.3:
        return rng.randint(-10**rng.randint(0, 25), 10**rng.randint(0, 25))
    if r < 0.35:
        return rng.choice([True, False, 0, -0.0, float("inf"), float("-inf"), float("nan")])
    if r < 0.9:
        return rng.uniform(-10**rng.randint(0, 20), 10**rng.randint(0, 20)) * rng.choice([1, 1e-10, 1e10, 1e-300, 1e300])
    return rng.choice([0.1, 0.5, 1.5, 2.5, 1e16, 1e-5, 123456.789, 5e-324])


def spec():
    s = ""
    if rng.random() < 0.3:
        s += rng.choice(["", "*", "0", "x"]) + rng.choice("<>^=")
    if rng.random() < 0.3:
        s += rng.choice("+- ")
    if rng.random() < 0.1:
        s += "z"
    if rng.random() < 0.15:
        s += "#"
    if rng.random() < 0.2:
        s += "0"
    if rng.random() < 0.4:
        s += str(rng.randint(1, 30))
    if rng.random() < 0.3:
        s += rng.choice(",_")
    if rng.random() < 0.6:
        s += "." + str(rng.randint(0, 20))
    if rng.random() < 0.8:
        s += rng.choice("eEfFgG%ndxXobc")
    return s


out = []
for i in range(800):
    v, s = val(), spec()
    try:
        r = format(v, s)
    except Exception as e:
        r = type(e).__name__ + ": " + str(e)
    out.append("%r|%s|%s" % (v, s, r))
print("\n".join(out))
