# list and tuple methods, sorting (stable, keys, reverse), identity and equality, repr of recursion.

lst = [3, 1, 4, 1, 5, 9, 2, 6]
lst.append(5)
lst.extend([3, 5])
lst.insert(0, 8)
lst.insert(100, 7)
lst.insert(-1, 0)
print(lst, len(lst))
print(lst.pop(), lst.pop(0), lst.pop(-2), lst)
lst.remove(1)
print(lst, lst.index(5), lst.index(5, 4), lst.count(5), lst.count(42))
lst.sort()
print(lst)
lst.sort(reverse=True)
print(lst)
lst.reverse()
print(lst)
cp = lst.copy()
cp.clear()
print(cp, lst[:3])
try:
    lst.remove(100)
except ValueError as e:
    print(type(e).__name__, e)
try:
    [].pop()
except IndexError as e:
    print(type(e).__name__, e)
try:
    lst.index(100)
except ValueError as e:
    print(type(e).__name__, e)
people = [("bob", 25), ("alice", 30), ("carol", 25), ("dave", 30), ("eve", 20)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (-p[1], p[0])))
words = ["banana", "Apple", "cherry", "apple"]
words.sort(key=str.lower)
print(words, sorted(words), sorted(words, key=len, reverse=True))
print(sorted([3, 1, 2], reverse=True), sorted((1.5, -2, 0)), sorted("hello"), sorted({3: 0, 1: 0}))
try:
    [1, "a"].sort()
except TypeError as e:
    print(type(e).__name__, e)
t = (1, 2, 3, 2)
print(t.count(2), t.index(3), t + (4,), t * 2, t[1:], len(t), 2 in t, tuple([1, 2]), tuple("ab"), tuple())
print((1, 2) == (1, 2), (1, 2) < (1, 3), [1, 2] == [1, 2], [1, [2, 3]] == [1, [2, 3]], (1,) == [1])
print(list(range(3)), list((1, 2)), list("ab"), list({1: 2}), list(), [[]] * 2)
nested = [1, [2, [3, [4]]]]
print(nested, nested[1][1][1][0], len(nested))
rec = [1, 2]
rec.append(rec)
print(rec)
tup_rec = ([],)
tup_rec[0].append(tup_rec)
print(tup_rec)
a = [1, 2, 3]
b = a
b += [4]
print(a, a is b)
c = a[:]
c.append(5)
print(a, c)
print(max([3, 7, 2]), min([3, 7, 2]), sum([1, 2, 3]), sum([[1], [2]], []), list(reversed([1, 2, 3])))
print([1, 2, 3] * 0, [None] * 3, [x for x in reversed(range(3))])
print(hash((1, 2, "a")) == hash((1, 2, "a")), hash(()) == hash(()), {(1, 2): "k"}[(1, 2)])
try:
    hash(([],))
except TypeError as e:
    print(type(e).__name__, e)
big = list(range(1000))
big.sort(key=lambda v: (v % 7, -v))
print(big[:10], big[-3:])
stable = sorted(range(20), key=lambda v: v % 3)
print(stable)
matrix = [[i * 3 + j for j in range(3)] for i in range(3)]
print(matrix, [list(r) for r in zip(*matrix)])
lst2 = [5, 3, 8]
lst2[1:1] = [1, 1]
print(lst2, lst2 == [5, 1, 1, 3, 8], [1, 2] + [3], list.__name__, tuple.__name__)
print(repr([1.0, "s", None, True, (1,), {}]), str(("x", 'y"z')))
ls = [0] * 5
for i in range(5):
    ls[i] = i * i
print(ls, ls[-1], ls.__len__(), ls.__getitem__(2), [1, 2].__contains__(2))
print(sorted([2, 1, 3], key=None), sorted([], reverse=True), sorted([[2, 1], [1, 2], [1]]))
