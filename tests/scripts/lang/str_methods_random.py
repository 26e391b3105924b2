# str methods with seeded random strings, substrings and start/end bounds (negative,
# past the end, crossed), errors included, against CPython.
import random
from _compare import run
rng = random.Random(21)
ALPH = "ab ,.\t\nAB1é_-xyz"


def s():
    return "".join(rng.choice(ALPH) for _ in range(rng.randint(0, 12)))


def sub():
    return "".join(rng.choice("ab ,A") for _ in range(rng.randint(0, 3)))


def idx():
    return rng.choice([None, rng.randint(-15, 15)])


calls = [
    ("split", lambda x: x.split(rng.choice([None, sub() or ",", " "]), rng.randint(-1, 3))),
    ("rsplit", lambda x: x.rsplit(rng.choice([None, sub() or ",", " "]), rng.randint(-1, 3))),
    ("strip", lambda x: x.strip(rng.choice([None, sub()]))),
    ("lstrip", lambda x: x.lstrip(rng.choice([None, sub()]))),
    ("rstrip", lambda x: x.rstrip(rng.choice([None, sub()]))),
    ("find", lambda x: x.find(sub(), idx(), idx())),
    ("rfind", lambda x: x.rfind(sub(), idx(), idx())),
    ("index", lambda x: x.index(sub(), idx(), idx())),
    ("rindex", lambda x: x.rindex(sub(), idx(), idx())),
    ("count", lambda x: x.count(sub(), idx(), idx())),
    ("replace", lambda x: x.replace(sub(), sub(), rng.randint(-1, 3))),
    ("partition", lambda x: x.partition(sub() or ",")),
    ("rpartition", lambda x: x.rpartition(sub() or ",")),
    ("center", lambda x: x.center(rng.randint(-2, 20), rng.choice(" *é"))),
    ("ljust", lambda x: x.ljust(rng.randint(-2, 20), rng.choice(" *"))),
    ("rjust", lambda x: x.rjust(rng.randint(-2, 20))),
    ("zfill", lambda x: x.zfill(rng.randint(-2, 20))),
    ("startswith", lambda x: x.startswith(rng.choice([sub(), (sub(), sub())]), idx(), idx())),
    ("endswith", lambda x: x.endswith(rng.choice([sub(), (sub(), sub())]), idx(), idx())),
    ("expandtabs", lambda x: x.expandtabs(rng.randint(0, 9))),
    ("splitlines", lambda x: x.splitlines(rng.choice([True, False]))),
    ("title", lambda x: x.title()), ("capitalize", lambda x: x.capitalize()), ("swapcase", lambda x: x.swapcase()),
    ("casefold", lambda x: x.casefold()), ("upper", lambda x: x.upper()), ("lower", lambda x: x.lower()),
    ("isalpha", lambda x: (x.isalpha(), x.isdigit(), x.isalnum(), x.isspace(), x.isupper(), x.islower(), x.istitle(), x.isidentifier(), x.isprintable(), x.isdecimal(), x.isnumeric())),
    ("slice", lambda x: x[idx():idx():rng.choice([None, 1, 2, -1, -2, 3])]),
    ("join", lambda x: x.join([sub(), sub(), s()])),
    ("removeprefix", lambda x: (x.removeprefix(sub()), x.removesuffix(sub()))),
    ("encode", lambda x: x.encode("utf-8")[idx():idx()]),
    ("cmp", lambda x: (x < sub(), x in s(), sub() in x, x * rng.randint(-1, 3))),
]
run(rng, calls, s)
