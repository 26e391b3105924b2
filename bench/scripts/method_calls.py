# Method calls with object allocation: small vector objects created and combined in a loop.

class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def scale(self, k):
        return Vec(self.x * k, self.y * k)

    def dot(self, other):
        return self.x * other.x + self.y * other.y


class Particle:
    def __init__(self, pos, vel):
        self.pos = pos
        self.vel = vel

    def step(self, dt):
        self.pos = self.pos.add(self.vel.scale(dt))

    def energy(self):
        return 0.5 * self.vel.dot(self.vel)


particles = [Particle(Vec(i, -i), Vec(1 + i % 3, 2 - i % 5)) for i in range(100)]
total = 0
for _ in range(18000):
    for p in particles:
        p.step(1)
        total += p.energy()
print(total, sum(p.pos.x for p in particles), sum(p.pos.y for p in particles))
