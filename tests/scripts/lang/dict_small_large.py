# Dicts and sets across the size where lookups switch from a scan to a hash index:
# growth, deletion, re-insertion, colliding hashes, and copies keep order and contents.
import random


class Collide:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return 7

    def __eq__(self, other):
        return isinstance(other, Collide) and self.n == other.n

    def __repr__(self):
        return "C%d" % self.n


random.seed(5)
d = {}
model = []
for step in range(400):
    k = random.randint(0, 20)
    if random.random() < 0.6:
        d[k] = step
        if k not in model:
            model.append(k)
    elif k in d:
        del d[k]
        model.remove(k)
    if list(d) != model:
        print("order broken at", step)
        break
    if step % 50 == 0:
        print(step, len(d), list(d.items())[:5], d.get(3, "-"))

for n in range(0, 14):
    keys = [Collide(i) for i in range(n)] + ["k%d" % i for i in range(n)]
    t = dict.fromkeys(keys, 0)
    for i, k in enumerate(keys):
        t[k] += i
    c = t.copy()
    for k in keys[::3]:
        del c[k]
    print(n, len(t), len(c), Collide(n // 2) in t, Collide(n) in t, sum(c.values()))

s = set()
for i in range(20):
    s.add(i * 3 % 11)
    if i % 4 == 0:
        s.discard(i % 5)
print(sorted(s), len(s), frozenset(s) == s)


class Point:
    pass


p = Point()
for i in range(12):
    setattr(p, "a%d" % i, i)
for i in range(0, 12, 2):
    delattr(p, "a%d" % i)
p.a0 = "back"
print(vars(p))
