# d[k] = v through a key held elsewhere: a new key is stored as given, an existing
# key keeps its original object, and keys whose __eq__ is script code still decide.
class K:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return hash(self.v)

    def __eq__(self, other):
        print("eq", self.v, getattr(other, "v", other))
        return isinstance(other, K) and self.v == other.v


d = {}
a = "ab"
b = "".join(["a", "b"])
d[a] = 1
d[b] = 2
print(d, [k is a for k in d], [k is b for k in d])
k1, k2 = K(1), K(1)
d[k1] = "first"
d[k2] = "second"
print(len(d), [k is k1 for k in d if isinstance(k, K)], d[k1])
d[1] = "int"
d[1.0] = "float"
d[True] = "bool"
print(d[1], [type(k).__name__ for k in d])
try:
    d[[1]] = 0
except TypeError as e:
    print("TypeError:", e)
counts = {}
for w in "a b a c b a".split():
    counts[w] = counts.get(w, 0) + 1
print(counts)


# A key whose __eq__ is script code is asked before a key probed after it, even one that
# compares equal natively: here it claims every number, so it takes the lookups.
class Greedy:
    def __hash__(self):
        return 1

    def __eq__(self, other):
        print("greedy asked about", other)
        return isinstance(other, (int, float))


g = {Greedy(): "greedy"}
g[1] = "one"
print(len(g), g[1], g[1.0], 1 in g, g.get(True))
s = {Greedy(), 1}
print(len(s), 1 in s, 1.0 in s, 2 in s)
