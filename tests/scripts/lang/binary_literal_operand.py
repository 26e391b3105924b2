# Binary operators with a small int literal on the right, over every kind of left
# operand: ints (incl. overflow to big ints), floats, bools, strings, lists, user types,
# and the errors (division by zero, unsupported types, unbound locals).


class Num:
    def __init__(self, v):
        self.v = v

    def __mul__(self, k):
        return Num(self.v * k)

    def __mod__(self, k):
        return f"Num mod {k}"

    def __rpow__(self, k):
        return "rpow"

    def __repr__(self):
        return f"Num({self.v})"


for x in [7, -7, 0, 2**62, -(2**63), 3.5, -2.25, True, Num(4)]:
    row = []
    for name, f in [
        ("*", lambda x: x * 3),
        ("%", lambda x: x % 4),
        ("//", lambda x: x // 4),
        ("/", lambda x: x / 2),
        ("**", lambda x: x ** 2),
        ("<<", lambda x: x << 3),
        (">>", lambda x: x >> 1),
        ("&", lambda x: x & 6),
        ("|", lambda x: x | 1),
        ("^", lambda x: x ^ 5),
        ("%0", lambda x: x % 0),
        ("* -1", lambda x: x * -1),
        ("% -3", lambda x: x % -3),
        ("// -3", lambda x: x // -3),
    ]:
        try:
            row.append(f"{name}={f(x)!r}")
        except (TypeError, ZeroDivisionError, ValueError) as e:
            row.append(f"{name}:{type(e).__name__}")
    print(repr(x), " ".join(row))
print("ab" * 3, [0] * 2, (1,) * 2, "%d items" % 5, b"x" * 2, 2 ** 10 * 3)


def unbound():
    try:
        return y * 2
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    y = 1


unbound()

# Powers of two divide by masking and shifting, so every sign and size must floor.
for x in [13, -13, 0, -1, 2**62 + 5, -(2**63), 2**63 - 1, 7.5, -7.5]:
    print(x, [x % d for d in (1, 2, 8, 2**62)], [x // d for d in (1, 2, 8, 2**62)],
          [(x % -d, x // -d) for d in (2, 8)], [x % d for d in (3, 6)])
n = -37
n %= 16
m = -37
m //= 4
print(n, m)
