# collections: defaultdict, OrderedDict and Counter.
from collections import defaultdict, OrderedDict, Counter

dd = defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    dd[k].append(v)
print(dd, dd["zz"], isinstance(dd, dict), dd.default_factory)
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(sorted(counts.items()), repr(defaultdict()))
none = defaultdict(None, {"x": 1})
try:
    none["y"]
except KeyError as e:
    print("KeyError:", e)
print(none, none.get("q"), "q" in dd, dd.copy())
print(defaultdict(lambda: "?", a=1)["b"])

od = OrderedDict()
od["one"] = 1
od["two"] = 2
od["three"] = 3
print(od, list(od), list(od.keys()))
od.move_to_end("one")
print(list(od))
od.move_to_end("three", last=False)
print(list(od))
print(od.popitem(), od.popitem(last=False), od)
print(OrderedDict(), OrderedDict([("a", 1), ("b", 2)]) == OrderedDict([("b", 2), ("a", 1)]))
print(OrderedDict([("a", 1), ("b", 2)]) == {"b": 2, "a": 1}, OrderedDict.fromkeys("xy", 0))
try:
    OrderedDict().popitem()
except KeyError as e:
    print("KeyError:", e)

c = Counter("abracadabra")
print(c)
print(c.most_common(2), c.most_common(), c["z"], c.total())
print(sorted(c.elements()))
c.update("aaz")
c.update({"b": 5})
print(c)
c.subtract(a=10)
print(c, +c, -c)
x = Counter(a=3, b=1)
y = Counter(a=1, b=2)
print(x + y, x - y, x | y, x & y)
print(Counter(), Counter({"a": 0}), Counter(a=2) == Counter(a=2, b=0))
x += Counter(c=1)
print(x)
del x["nope"]
print(Counter([1, 1, 2]).most_common(1), Counter(cats=4, dogs=8).most_common(5))
try:
    Counter.fromkeys("ab")
except NotImplementedError as e:
    print("NotImplementedError:", e)
