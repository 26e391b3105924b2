# set and frozenset: operations, methods, hashing, comprehension; only int elements are printed
# directly (string set order depends on hash randomisation).

s = {3, 1, 2}
print(s, len(s), 2 in s, 5 not in s, sorted(s))
s.add(4)
s.add(1)
s.discard(10)
s.remove(3)
print(s)
try:
    s.remove(99)
except KeyError as e:
    print(type(e).__name__, e)
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union([9], (10,)), a.intersection(b, {4}), a.difference({1}), a.symmetric_difference(b))
print({1, 2} <= a, {1, 2} < a, a <= a, a < a, a >= {1}, a > {1}, a.issubset(range(10)), a.issuperset([1, 2]),
      a.isdisjoint({7}), a.isdisjoint(b))
c = set(a)
c |= {100}
c &= {1, 2, 100}
c -= {2}
c ^= {1, 50}
print(c)
d = {1, 2, 3}
d.update([4], {5})
d.intersection_update({1, 2, 3, 4, 5, 6})
d.difference_update({1})
d.symmetric_difference_update({2, 9})
print(d)
print(d.pop() in {3, 4, 5, 9}, len(d))
d.clear()
print(d, set(), type(set()).__name__, bool(set()))
fs = frozenset([1, 2, 2, 3])
print(fs, frozenset(), len(fs), 2 in fs, fs | {4}, fs & {1}, type(fs | {4}).__name__, type({4} | fs).__name__)
print(hash(fs) == hash(frozenset([3, 2, 1])), {fs: "ok"}[frozenset({1, 2, 3})], fs == {1, 2, 3})
try:
    fs.add(5)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    hash({1})
except TypeError as e:
    print(type(e).__name__, e)
try:
    {[1, 2]}
except TypeError as e:
    print(type(e).__name__, e)
print(set("aab") == {"a", "b"}, sorted(set("mississippi")), sorted({"x", "y"} | {"z"}))
print(sorted({x * x for x in range(-3, 4)}), set(range(5)) - set(range(0, 5, 2)))
print({1, 1.0, True}, {0, False}, {(1, 2), (1, 2)}, {None})
e = {10, 20}
f = e.copy()
f.add(30)
print(e, f, e == {20, 10}, e != f, {1, 2} == frozenset({1, 2}))
print(set([5, 3, 1]), sorted(frozenset(range(10, 0, -3))), max({4, 9, 2}), sum({1, 2, 3}))
big = set(range(0, 1000, 3)) & set(range(0, 1000, 5))
print(len(big), min(big), max(big), sum(big))
print(repr(set()), repr(frozenset()), repr({1}), repr(frozenset({1})))
print(set.__name__, frozenset.__name__, isinstance(fs, frozenset), isinstance(s, set))
