# f-string pieces: conversions, format specs and __format__/__str__/__repr__ hooks, for
# the values that have fast paths (str, int) and for those that do not.


class F:
    def __format__(self, spec):
        return "F<" + spec + ">"

    def __str__(self):
        return "strF"

    def __repr__(self):
        return "reprF"


class MyInt(int):
    def __format__(self, spec):
        return "MyInt!" + spec


class MyStr(str):
    def __str__(self):
        return "MyStr.__str__"


x = F()
print(f"{x}", f"{x!s}", f"{x!r}", f"{x:abc}", f"{x!s:>6}")
print(f"{1}{2.5}{True}{None}{'s'}{-7:>4}", f"{10**30}", f"{-0}", f"{2**63 - 1}")
for v in ["tab\there", "é", 42, -3, MyInt(5), MyStr("m")]:
    print(f"[{v}] [{v!s}] [{v!r}] [{v!a}] [{v:>8}]")
print(str(12), str("x"), str(MyInt(3)), str(MyStr("q")), str(-9223372036854775808))
short, long = f"{'a' * 3}{'b'}", f"{'a' * 30}{'b'}{1}"
print(short, long, len(short), len(long))
print(f"{'é' * 12}{'ü' * 12}", len(f"{'é' * 12}{'ü' * 12}"))
print("x".replace("", "-"), "a,b,,c".replace(",", ";"), "a,b,,c".replace(",", ";", 2))
print("banana".count("a"), "banana".count("an"), "banana".count(""), "aéaé".count("é"))
print("a:b:c".split(":"), "a:b:c".rsplit(":", 1), "a::b".split(":"), "é-ü-é".split("-"))


class Celsius(float):
    def __str__(self):
        return f"{float(self)} C"


class Count(int):
    def __str__(self):
        return "count " + int.__str__(self)


for v in [Celsius(21.5), Count(3)]:
    print(f"{v}", format(v), format(v, ""), f"{v:>8}", str(v), repr(v))
