# Binary arithmetic and bitwise dunders with their reflected forms, unary operators,
# and a subclass's reflected method taking priority.

class V:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"V({self.x}, {self.y})"

    def __add__(self, other):
        if isinstance(other, V):
            return V(self.x + other.x, self.y + other.y)
        if isinstance(other, (int, float)):
            return V(self.x + other, self.y + other)
        return NotImplemented

    def __radd__(self, other):
        return V(other + self.x, other + self.y) if isinstance(other, (int, float)) else NotImplemented

    def __sub__(self, other):
        return V(self.x - other.x, self.y - other.y)

    def __rsub__(self, other):
        return V(other - self.x, other - self.y)

    def __mul__(self, k):
        return V(self.x * k, self.y * k)

    def __rmul__(self, k):
        return V(k * self.x, k * self.y)

    def __truediv__(self, k):
        return V(self.x / k, self.y / k)

    def __rtruediv__(self, k):
        return V(k / self.x, k / self.y)

    def __floordiv__(self, k):
        return V(self.x // k, self.y // k)

    def __rfloordiv__(self, k):
        return V(k // self.x, k // self.y)

    def __mod__(self, k):
        return V(self.x % k, self.y % k)

    def __rmod__(self, k):
        return V(k % self.x, k % self.y)

    def __pow__(self, k, mod=None):
        if mod is None:
            return V(self.x ** k, self.y ** k)
        return V(pow(self.x, k, mod), pow(self.y, k, mod))

    def __rpow__(self, k):
        return V(k ** self.x, k ** self.y)

    def __divmod__(self, k):
        return (self // k, self % k)

    def __rdivmod__(self, k):
        return "rdivmod", k

    def __lshift__(self, k):
        return V(self.x << k, self.y << k)

    def __rlshift__(self, k):
        return ("rlshift", k)

    def __rshift__(self, k):
        return V(self.x >> k, self.y >> k)

    def __rrshift__(self, k):
        return ("rrshift", k)

    def __and__(self, k):
        return V(self.x & k, self.y & k)

    def __rand__(self, k):
        return ("rand", k)

    def __or__(self, k):
        return V(self.x | k, self.y | k)

    def __ror__(self, k):
        return ("ror", k)

    def __xor__(self, k):
        return V(self.x ^ k, self.y ^ k)

    def __rxor__(self, k):
        return ("rxor", k)

    def __neg__(self):
        return V(-self.x, -self.y)

    def __pos__(self):
        return V(+self.x, +self.y)

    def __abs__(self):
        return V(abs(self.x), abs(self.y))

    def __invert__(self):
        return V(~self.x, ~self.y)

    def __eq__(self, other):
        return isinstance(other, V) and (self.x, self.y) == (other.x, other.y)

    __hash__ = None


a, b = V(1, 2), V(10, 20)
print(a + b, a + 1, 1 + a, 0.5 + a)
print(b - a, 100 - a, a * 3, 3 * a)
print(b / 4, 60 / b, b // 3, 65 // b, b % 3, 25 % b)
print(a ** 2, pow(a, 3, 5), 2 ** a, divmod(b, 3), divmod(7, a))
print(a << 2, 1 << a, b >> 1, 1 >> a, b & 6, 1 & a, a | 8, 1 | a, a ^ 3, 1 ^ a)
print(-a, +a, abs(V(-3, 4)), ~a)
print(a == V(1, 2), a != V(1, 2), a == 5)
print(sum([a, b, V(100, 200)]))
try:
    a + "s"
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash(a)
except TypeError as e:
    print(type(e).__name__, e)


class Sub(V):
    def __radd__(self, other):
        return "Sub.__radd__ wins"


print(V(1, 1) + Sub(2, 2))
