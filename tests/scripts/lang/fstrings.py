# f-strings: conversions, format specs, nested specs, expressions, debugging '='.

name = "world"
pi = 3.14159265358979
n = 42
items = [1, 2, 3]
print(f"hello {name}!")
print(f"{name!r} {name!s} {name!a}")
print(f"{'café'!a} {'café'!r}")
print(f"{pi:.2f} {pi:10.3f}| {pi:<10.1f}| {pi:e} {pi:.3E} {pi:g}")
print(f"{n:5d}|{n:<5d}|{n:^5d}|{n:>5}|{n:05d}|{n:+d}|{-n:+d}| {n: d}")
print(f"{n:x} {n:X} {n:o} {n:b} {n:#x} {n:#o} {n:#b} {n:#X}")
print(f"{1234567:,} {1234567:_} {1234567.891:,.2f} {0xFFFFFFFF:_x}")
print(f"{0.25:%} {0.25:.1%} {1/3:.5} {2.5:.0f} {3.5:.0f}")
print(f"{'left':<10}|{'right':>10}|{'mid':^9}|{'fill':*^10}|{'x':-<4}")
width, prec = 12, 3
print(f"{pi:{width}.{prec}f}|{name:>{width}}|")
print(f"{items} {items[1]} {len(items)} {items[-1] * 2}")
print(f"{{literal braces}} {{{n}}}")
d = {"key": "value", "n": 7}
print(f"{d['key']} {d['n']:03}")
print(f"{n=} {pi=:.2f} {name=!s} {n + 1 = }")
print(f"{'nested ' + f'{n}'}")
print(f"{True} {None} {3 > 2} {[x * 2 for x in items]}")
print(f"{1e20} {1e-7} {123.0} {float('inf')} {-0.0}")
print(f"{12345.6789:.3g} {0.000012345:.3g} {123456789:.3e}")
print(f"{'abc':.2} {'abcdef':>8.3}|")
print(f"{-5:05d} {-5.5:08.2f} {5:+08.2f}")


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __format__(self, spec):
        if spec == "long":
            return f"{self.cents // 100} dollars and {self.cents % 100} cents"
        return f"${self.cents / 100:{spec or '.2f'}}"

    def __str__(self):
        return "Money-str"

    def __repr__(self):
        return "Money-repr"


m = Money(1234)
print(f"{m}|{m:long}|{m:.1f}|{m!s}|{m!r}")
print(format(m, "long"), format(3.5, "08.3f"), format(255, "x"), format("s", ">3"))
multi = (
    f"line {1}"
    f" continues {2}"
)
print(multi)
print(f"{'quote'!r:>10}|")
print(f"{n:{'>'}{10}}|")
print(f"{3 if n > 100 else 7}")
print(F"upper F {n}", rf"raw \n {n}", fr"{name}\t")
print(f"{n:c}{65:c}")
