# itertools: product, permutations, combinations, combinations_with_replacement, groupby, tee.
import itertools

print(list(itertools.product("ab", [0, 1])))
print(list(itertools.product([0, 1], repeat=3)))
print(list(itertools.product()), list(itertools.product("ab", [])))
print(list(itertools.permutations("abc")))
print(list(itertools.permutations(range(4), 2)))
print(list(itertools.permutations("ab", 3)), list(itertools.permutations([], 0)))
print(list(itertools.combinations("ABCD", 2)))
print(list(itertools.combinations(range(5), 3)))
print(list(itertools.combinations("ab", 3)), list(itertools.combinations("ab", 0)))
print(list(itertools.combinations_with_replacement("ABC", 2)))
print(list(itertools.combinations_with_replacement([], 2)), list(itertools.combinations_with_replacement("a", 0)))
print(len(list(itertools.permutations(range(6)))), len(list(itertools.combinations(range(10), 4))))
try:
    itertools.combinations("ab", -1)
except ValueError as e:
    print("ValueError:", e)

for key, group in itertools.groupby("AAAABBBCCDAABBB"):
    print(key, "".join(group))
data = [("a", 1), ("a", 2), ("b", 3), ("a", 4)]
print([(k, [v for _, v in g]) for k, g in itertools.groupby(data, key=lambda t: t[0])])
print([k for k, g in itertools.groupby([1, 1, 2, 3, 3])])
groups = itertools.groupby("aabb")
k1, g1 = next(groups)
k2, g2 = next(groups)
print(k1, list(g1), k2, list(g2))
print(list(itertools.groupby([])))
evens = itertools.groupby(range(10), key=lambda n: n // 3)
print([(k, list(g)) for k, g in evens])

a, b = itertools.tee(iter([1, 2, 3, 4]))
print(next(a), next(a), list(b), list(a))
x, y, z = itertools.tee("abc", 3)
print(list(x), list(y), list(z))
print(itertools.tee([1], 0))
try:
    itertools.tee([1], -1)
except ValueError as e:
    print("ValueError:", e)
src = iter(range(5))
t1, t2 = itertools.tee(src)
print(list(itertools.islice(t1, 2)), list(zip(t1, t2)))
