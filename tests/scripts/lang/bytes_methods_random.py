# bytes methods with seeded random bytes, needles (bytes or byte values) and start/end
# bounds, errors included, against CPython.
import random
from _compare import run
rng = random.Random(21)
ALPH = "ab ,.\t\nAB1é_-xyz"


def s():
    return "".join(rng.choice(ALPH) for _ in range(rng.randint(0, 12)))


def sub():
    return "".join(rng.choice("ab ,A") for _ in range(rng.randint(0, 3))).encode()


def idx():
    return rng.choice([None, rng.randint(-15, 15)])


calls = [
    ("split", lambda x: x.split(rng.choice([None, sub() or b",", b" "]), rng.randint(-1, 3))),
    ("rsplit", lambda x: x.rsplit(rng.choice([None, sub() or b",", b" "]), rng.randint(-1, 3))),
    ("strip", lambda x: x.strip(rng.choice([None, sub()]))),
    ("lstrip", lambda x: x.lstrip(rng.choice([None, sub()]))),
    ("rstrip", lambda x: x.rstrip(rng.choice([None, sub()]))),
    ("find", lambda x: x.find(sub(), idx(), idx())),
    ("rfind", lambda x: x.rfind(sub(), idx(), idx())),
    ("index", lambda x: x.index(sub(), idx(), idx())),
    ("rindex", lambda x: x.rindex(sub(), idx(), idx())),
    ("count", lambda x: x.count(sub(), idx(), idx())),
    ("replace", lambda x: x.replace(sub(), sub(), rng.randint(-1, 3))),
    ("partition", lambda x: x.partition(sub() or b",")),
    ("rpartition", lambda x: x.rpartition(sub() or b",")),
    ("center", lambda x: x.center(rng.randint(-2, 20), rng.choice([b" ", b"*"]))),
    ("ljust", lambda x: x.ljust(rng.randint(-2, 20), rng.choice([b" ", b"*"]))),
    ("rjust", lambda x: x.rjust(rng.randint(-2, 20))),
    ("zfill", lambda x: x.zfill(rng.randint(-2, 20))),
    ("startswith", lambda x: x.startswith(rng.choice([sub(), (sub(), sub())]), idx(), idx())),
    ("endswith", lambda x: x.endswith(rng.choice([sub(), (sub(), sub())]), idx(), idx())),
    ("expandtabs", lambda x: x.expandtabs(rng.randint(0, 9))),
    ("splitlines", lambda x: x.splitlines(rng.choice([True, False]))),
    ("title", lambda x: x.title()), ("capitalize", lambda x: x.capitalize()), ("swapcase", lambda x: x.swapcase()),
    ("upper", lambda x: x.upper()), ("lower", lambda x: x.lower()),
    ("isalpha", lambda x: (x.isalpha(), x.isdigit(), x.isalnum(), x.isspace(), x.isupper(), x.islower(), x.istitle(), x.isascii())),
    ("slice", lambda x: x[idx():idx():rng.choice([None, 1, 2, -1, -2, 3])]),
    ("join", lambda x: x.join([sub(), sub(), s().encode()])),
    ("removeprefix", lambda x: (x.removeprefix(sub()), x.removesuffix(sub()))),
    ("hex", lambda x: (x.hex(), x.decode("utf-8", "replace"))),
    ("cmp", lambda x: (x < sub(), x in s().encode(), sub() in x, x * rng.randint(-1, 3))),
]
run(rng, calls, lambda: s().encode())
# Byte values as needles, and ASCII-only whitespace (0x0b counts; 0x85 and 0xa0 do not).
data = b"a\x0bb\x85c\xa0d e\x0cf"
print(data.split(), data.split(None, 2), data.strip(b"af"), b"\x0b x \x85".strip())
print(data.find(98), data.count(0x85), data.index(ord("d")), data.rfind(b"\xa0"))
try:
    data.index(300)
except ValueError as e:
    print("ValueError", e)
try:
    data.rindex(b"zz")
except ValueError as e:
    print("ValueError", e)
print(bytearray(b"Title Case").istitle(), b"ab".startswith((b"x", b"a")), b"ab".endswith(b"b", 0, 1))
