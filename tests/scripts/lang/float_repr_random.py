# float repr, str, hex, is_integer, as_integer_ratio and round on seeded random doubles
# (random bit patterns through float.fromhex, subnormals included), against CPython.
import random
rng = random.Random(77)
out = []
for i in range(900):
    r = rng.random()
    if r < 0.5:
        f = float.fromhex("%s0x1.%013xp%d" % (rng.choice(["", "-"]), rng.getrandbits(52), rng.randint(-1074, 1023)))
    elif r < 0.8:
        f = rng.uniform(-1, 1) * 10 ** rng.randint(-30, 30)
    else:
        f = round(rng.uniform(-1000, 1000), rng.randint(0, 6))
    out.append("%r %s %s %s" % (f, str(f), f.hex() if f == f else "nan", (f.is_integer(), f.as_integer_ratio() if f == f and abs(f) != float("inf") else None, round(f, 3) if f == f and abs(f) != float("inf") else None)))
print("\n".join(out))
