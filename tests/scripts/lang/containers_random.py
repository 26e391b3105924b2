# list, tuple, dict, set and range operations with seeded random values, indices and
# slices (steps, negative and out-of-range bounds), errors included, against CPython.
import random
from _compare import run
rng = random.Random(33)


def lst():
    return [rng.randint(-5, 5) for _ in range(rng.randint(0, 8))]


def idx():
    return rng.choice([None, rng.randint(-10, 10)])


calls = [
    ("slice", lambda l: l[idx():idx():rng.choice([None, 1, 2, -1, -3])]),
    ("setslice", lambda l: (l.__setitem__(slice(idx(), idx()), lst()), l)[1]),
    ("setslice_step", lambda l: (l.__setitem__(slice(idx(), idx(), rng.choice([2, -1, -2])), lst()), l)[1]),
    ("delslice", lambda l: (l.__delitem__(slice(idx(), idx(), rng.choice([None, 2, -1, -2]))), l)[1]),
    ("insert", lambda l: (l.insert(rng.randint(-12, 12), 9), l)[1]),
    ("pop", lambda l: (l.pop(rng.randint(-10, 10)) if rng.random() < 0.8 else l.pop(), l)),
    ("index", lambda l: l.index(rng.randint(-5, 5), *[x for x in (idx(), idx()) if x is not None][:rng.randint(0, 2)])),
    ("remove", lambda l: (l.remove(rng.randint(-5, 5)), l)[1]),
    ("count", lambda l: l.count(rng.randint(-5, 5))),
    ("sort", lambda l: (l.sort(key=rng.choice([None, abs, lambda x: -x]), reverse=rng.choice([False, True])), l)[1]),
    ("reverse", lambda l: (l.reverse(), l)[1]),
    ("extend", lambda l: (l.extend(lst()), l)[1]),
    ("mul", lambda l: l * rng.randint(-1, 3)),
    ("imul", lambda l: (l.__imul__(rng.randint(-1, 2)), l)[1]),
    ("cmp", lambda l: (l < lst(), l == lst(), l >= lst())),
    ("getitem", lambda l: l[rng.randint(-10, 10)]),
    ("dict", lambda l: sorted(dict.fromkeys(l, 0).items())),
    ("set", lambda l: (sorted(set(l) | set(lst())), sorted(set(l) & set(lst())), sorted(set(l) - set(lst())), sorted(set(l) ^ set(lst())), set(l) <= set(lst()))),
    ("minmax", lambda l: (min(l), max(l), sum(l), sorted(l, reverse=True))),
    ("dictops", lambda l: (lambda d: (d.pop(rng.randint(-5, 5), "no"), d.setdefault(rng.randint(-5, 5), 7), sorted(d.items()), d.get(1), list(d)[:3]))(dict(zip(l, lst())))),
    ("tuple", lambda l: (tuple(l).index(rng.randint(-5, 5)), tuple(l).count(0))),
    ("enumerate", lambda l: list(enumerate(l, rng.randint(-3, 3)))[:3]),
    ("zip", lambda l: list(zip(l, lst(), strict=False))),
    ("reversed", lambda l: list(reversed(l))),
    ("range", lambda l: (list(range(idx() or 0, rng.randint(-10, 10), rng.choice([1, 2, -1, -3])))[idx():idx()], len(range(rng.randint(-10, 10), rng.randint(-10, 10), rng.choice([1, 3, -2]))))),
]
run(rng, calls, lst, show_input=False)
