# dict: insertion order, views, methods, equality, errors.

d = {"b": 2, "a": 1}
d["c"] = 3
d["b"] = 20
print(d, list(d), len(d))
del d["a"]
d["a"] = 100
print(d)
print(list(d.keys()), list(d.values()), list(d.items()))
keys = d.keys()
d["z"] = 26
print(keys, len(keys), "z" in keys)
print(d.values(), d.items())
print(d.get("missing"), d.get("missing", 0), d.get("c"))
print(d.setdefault("c", 0), d.setdefault("new", []), d)
print(d.pop("new"), d.pop("nope", "default"))
try:
    d.pop("nope")
except KeyError as e:
    print(type(e).__name__, e)
try:
    d["missing"]
except KeyError as e:
    print(type(e).__name__, e, e.args)
print(d.popitem(), d)
e = dict(d)
e.update({"x": 1}, y=2)
e.update([("w", 0)])
print(e)
print(dict(a=1, b=2), dict([(1, "one"), (2, "two")]), dict.fromkeys("ab", 0), dict.fromkeys([1, 2]))
print({1: "a"} == {1: "a"}, {1: "a", 2: "b"} == {2: "b", 1: "a"}, {1: 2} != {1: 3})
print(d.keys() & {"b", "zz"}, sorted(d.keys() | {"q"}), sorted(d.keys() - {"b"}))
print(sorted(d.items() & {("b", 20)}))
merged = {"a": 1} | {"b": 2, "a": 3}
print(merged)
merged |= {"c": 4}
print(merged)
print(dict(reversed(merged.items())), list(reversed(merged)), list(reversed(merged.values())))
c = merged.copy()
c["a"] = 0
print(merged["a"], c["a"])
c.clear()
print(c, bool(c), bool(merged))
nums = {1: "int", 1.0: "float", True: "bool"}
print(nums)
print({(1, 2): "tuple key", None: "none", frozenset([1]): "fs"})
try:
    {[1]: 2}
except TypeError as e:
    print(type(e).__name__, e)
try:
    for k in d:
        d["added"] = 1
except RuntimeError as e:
    print(type(e).__name__, e)
counts = {}
for word in "the cat and the hat and the bat".split():
    counts[word] = counts.get(word, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
nested = {"outer": {"inner": [1, {"deep": True}]}}
print(nested, nested["outer"]["inner"][1]["deep"])
print(list(enumerate({"p": 1, "q": 2})))
print({k: v for k, v in sorted({"z": 1, "y": 2}.items())})
print(dict(zip(range(3), "abc")), "a" in {"a": 1}, 1 in {"a": 1}.values())
self_ref = {}
self_ref["me"] = self_ref
print(self_ref)
print(type({}).__name__, type({}.keys()).__name__, type({}.values()).__name__, type({}.items()).__name__)
big = {i: i * i for i in range(1000)}
for i in range(0, 1000, 2):
    del big[i]
print(len(big), list(big)[:5], sum(big.values()))
print(repr({"quote's": 'dq"', "nl": "a\nb"}))
