# json: seeded random values through dumps (indent, sort_keys, separators, ensure_ascii)
# and back through loads, then truncated or corrupted texts through loads, against CPython.
import json
import random

rng = random.Random(55)


def val(d=0):
    r = rng.random()
    if d > 3 or r < 0.4:
        return rng.choice([None, True, False, rng.randint(-10**6, 10**6), rng.uniform(-1e6, 1e6), 1e300, -0.0, "", "a\"b\\c", "é\u2028\n\t", "x" * 3, 0.1, 10**20])
    if r < 0.7:
        return [val(d + 1) for _ in range(rng.randint(0, 4))]
    return {rng.choice(["a", "b", "c", "é", "1", ""]): val(d + 1) for _ in range(rng.randint(0, 4))}


out = []
for i in range(400):
    v = val()
    kw = {}
    if rng.random() < 0.5:
        kw["indent"] = rng.choice([None, 0, 2, "\t", 4])
    if rng.random() < 0.3:
        kw["sort_keys"] = True
    if rng.random() < 0.3:
        kw["separators"] = rng.choice([(",", ":"), (", ", ": "), (";", "=")])
    if rng.random() < 0.3:
        kw["ensure_ascii"] = False
    try:
        s = json.dumps(v, **kw)
        back = json.loads(s)
        r = (s, back == v or repr(back))
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    out.append(repr(r))
    bad = s[:rng.randint(0, len(s))] + rng.choice(["", "}", "]", ",", "x", "\"", "tru", "1e", "-"]) if isinstance(r, tuple) else "["
    try:
        out.append(repr(json.loads(bad)))
    except json.JSONDecodeError as e:
        out.append("JSONDecodeError: %s" % e)
    except Exception as e:
        out.append("%s: %s" % (type(e).__name__, e))
print("\n".join(out))
