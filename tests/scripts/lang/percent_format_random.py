# printf-style % formatting with seeded random conversions (flags, width, precision, type)
# over ints, floats, strings and other values, errors included, against CPython.
import random
rng = random.Random(9)


def val():
    r = rng.random()
    if r < 0.35:
        return rng.randint(-10**rng.randint(0, 20), 10**rng.randint(0, 20))
    if r < 0.4:
        return rng.choice([True, False, 0, -0.0, float("inf"), float("-inf"), float("nan")])
    if r < 0.85:
        return rng.uniform(-10**rng.randint(0, 15), 10**rng.randint(0, 15)) * rng.choice([1, 1e-10, 1e10, 1e-300])
    return rng.choice(["abc", "", "héllo", "x" * 12, [1, 2], (3,), None])


def conv():
    s = "%"
    for flag in "-+ #0":
        if rng.random() < 0.15:
            s += flag
    if rng.random() < 0.4:
        s += str(rng.randint(1, 25))
    if rng.random() < 0.4:
        s += "." + str(rng.randint(0, 15))
    s += rng.choice("diouxXeEfFgGcrsa%")
    return s


out = []
for i in range(800):
    v, c = val(), conv()
    try:
        r = c % (v,) if c != "%%" else c % ()
    except Exception as e:
        r = type(e).__name__ + ": " + str(e)
    out.append("%r|%s|%r" % (v, c, r))
print("\n".join(out))
