# random_seeded
import random
for s in [0, 1, 42, 2**40+7, -5, 12345678901234567890123]:
    random.seed(s)
    print(s, random.random(), random.getrandbits(70), random.randrange(10**12), random.randint(1, 6))
    print(random.choice('abcdef'), random.sample(range(100), 8), random.sample(range(10), 3))
    l = list(range(10)); random.shuffle(l); print(l)
    print(random.uniform(1, 2), random.gauss(), random.gauss(5, 2), random.choices('abc', k=4), random.choices('abc', [1, 2, 3], k=4))
    print(random.randrange(0, 100, 7), random.expovariate(2.0), random.normalvariate(), random.triangular())
random.seed(3.5); print(random.random())
r = random.Random(7); print(r.random(), r.randbytes(5))
st = r.getstate(); a = r.random(); r.setstate(st); print(a == r.random())
