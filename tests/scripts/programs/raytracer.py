# Tiny ray tracer: spheres, a plane, Lambert shading and shadows, rendered as 48x22 ASCII art.
import math


class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x, self.y, self.z = x, y, z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    __rmul__ = __mul__

    def __neg__(self):
        return Vec(-self.x, -self.y, -self.z)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def length(self):
        return math.sqrt(self.dot(self))

    def normalized(self):
        n = self.length()
        return Vec(self.x / n, self.y / n, self.z / n)

    def __repr__(self):
        return f"Vec({self.x:.3f}, {self.y:.3f}, {self.z:.3f})"


class Sphere:
    def __init__(self, center, radius, albedo, name):
        self.center, self.radius, self.albedo, self.name = center, radius, albedo, name

    def intersect(self, origin, direction):
        oc = origin - self.center
        b = oc.dot(direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0:
            return None
        root = math.sqrt(disc)
        for t in (-b - root, -b + root):
            if t > 1e-6:
                return t
        return None

    def normal(self, point):
        return (point - self.center).normalized()


class Plane:
    def __init__(self, height, albedo, name):
        self.height, self.albedo, self.name = height, albedo, name

    def intersect(self, origin, direction):
        if abs(direction.y) < 1e-9:
            return None
        t = (self.height - origin.y) / direction.y
        return t if t > 1e-6 else None

    def normal(self, point):
        return Vec(0.0, 1.0, 0.0)


SCENE = [
    Sphere(Vec(0.0, 0.0, 5.0), 1.2, 0.9, "big"),
    Sphere(Vec(-2.2, -0.6, 6.0), 0.6, 0.7, "left"),
    Sphere(Vec(2.0, 0.8, 4.5), 0.5, 1.0, "right"),
    Plane(-1.2, 0.5, "floor"),
]
LIGHT = Vec(-4.0, 6.0, 0.0)
RAMP = " .:-=+*#%@"


def closest_hit(origin, direction):
    best_t, best_obj = math.inf, None
    for obj in SCENE:
        t = obj.intersect(origin, direction)
        if t is not None and t < best_t:
            best_t, best_obj = t, obj
    return best_t, best_obj


def shade(origin, direction, stats):
    t, obj = closest_hit(origin, direction)
    if obj is None:
        stats["miss"] += 1
        return 0.0
    stats[obj.name] += 1
    point = origin + direction * t
    normal = obj.normal(point)
    to_light = LIGHT - point
    dist = to_light.length()
    to_light = to_light * (1.0 / dist)
    shadow_t, blocker = closest_hit(point + normal * 1e-4, to_light)
    ambient = 0.08
    if blocker is not None and shadow_t < dist:
        stats["shadow"] += 1
        return ambient * obj.albedo
    lambert = max(0.0, normal.dot(to_light))
    if isinstance(obj, Plane):
        check = (math.floor(point.x) + math.floor(point.z)) % 2
        lambert *= 0.6 if check else 1.0
    return min(1.0, ambient + obj.albedo * lambert)


def render(width, height):
    stats = {"miss": 0, "shadow": 0}
    for obj in SCENE:
        stats[obj.name] = 0
    eye = Vec(0.0, 0.0, 0.0)
    aspect = width / height * 0.5
    rows = []
    total = 0.0
    for j in range(height):
        row = []
        for i in range(width):
            x = (2 * (i + 0.5) / width - 1) * aspect
            y = 1 - 2 * (j + 0.5) / height
            d = Vec(x, y, 1.5).normalized()
            v = shade(eye, d, stats)
            total += v
            row.append(RAMP[min(len(RAMP) - 1, int(v * len(RAMP)))])
        rows.append("".join(row))
    return rows, stats, total / (width * height)


rows, stats, mean = render(48, 22)
print("+" + "-" * 48 + "+")
for r in rows:
    print("|" + r + "|")
print("+" + "-" * 48 + "+")
for name in sorted(stats):
    print(f"{name:>7}: {stats[name]}")
print(f"mean brightness {mean:.4f}")
print(Vec(1, 2, 2).normalized(), round(Vec(3, 4, 0).length(), 6))
