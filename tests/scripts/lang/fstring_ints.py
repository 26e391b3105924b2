# Ints in f-strings are written into the text directly; everything else still goes
# through format(). The result must be CPython's in every case.
import sys


class MyInt(int):
    def __format__(self, spec):
        return "custom"

    def __str__(self):
        return "mystr"


edge = [0, -0, 1, -1, 9, 10, -10, 99, 100, 12345, -99999, sys.maxsize, -sys.maxsize - 1]
print([f"{n}" for n in edge])
print([len(f"{n}") for n in edge])
print(f"{2**64} {-(2**70)} {True} {False} {None} {1.5} {MyInt(3)} {MyInt(3)!s} {MyInt(3)!r}")
n = 42
w = 6
print(f"[{n}] [{n!r}] [{n!s}] [{n:5}] [{n:<{w}}] [{n:x}] [{n:,}] [{-n:+}]")
print(f"a{n}b{n}c{n}d{n}e{n}f{n}g{n}h{n}", len(f"a{n}b{n}c{n}d{n}e{n}f{n}g{n}h{n}"))
print(f"ü{n}ß{-n}€")
parts = [f"item{i}:{i * 7 % 13}" for i in range(12)]
print(",".join(parts))
print(f"{n}" == "42", f"{n}" is not n, type(f"{n}").__name__)
total = 0
for i in range(-5, 6):
    total += len(f"{i}{i * 1000}")
print(total)
