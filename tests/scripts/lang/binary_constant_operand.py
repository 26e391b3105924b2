# Binary operators with a literal operand on either side: floats, big ints, text and
# bytes constants, the reflected dunders they reach, and the errors.


class R:
    def __add__(self, other):
        return f"R + {other!r}"

    def __radd__(self, other):
        return f"{other!r} + R"

    def __rtruediv__(self, other):
        return f"{other!r} / R"

    def __rmod__(self, other):
        return f"{other!r} % R"

    def __repr__(self):
        return "R()"


for x in [3, -2.5, 2**70, True, "s", b"b", R(), [1], None]:
    row = []
    for name, f in [
        ("x*4.0", lambda x: x * 4.0),
        ("1.0/x", lambda x: 1.0 / x),
        ("x+'k'", lambda x: x + "k"),
        ("'k'+x", lambda x: "k" + x),
        ("'%r'%x", lambda x: "<%r>" % (x,)),
        ("'%s'%x", lambda x: "%s!" % x),
        ("x-2**65", lambda x: x - 2**65),
        ("2**65//x", lambda x: 2**65 // x),
        ("b'a'+x", lambda x: b"a" + x),
        ("3*x", lambda x: 3 * x),
        ("2**x", lambda x: 2 ** x if not isinstance(x, int) or x < 100 else "big"),
        ("x**2.0", lambda x: x ** 2.0),
    ]:
        try:
            row.append(f"{name}={f(x)!r}")
        except (TypeError, ZeroDivisionError, ValueError, OverflowError) as e:
            row.append(f"{name}:{type(e).__name__}")
    print(type(x).__name__, " ".join(row))


def unbound():
    try:
        return 1.5 * z
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    z = 1


unbound()
print(0.1 + 0.2, 1e308 * 10.0, -1e308 * 10.0, 7 // 2.0, -7 % 3.0, 2 ** -1)
