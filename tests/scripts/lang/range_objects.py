# range objects: iteration, len, indexing, membership, equality, reversal, errors.

r = range(10)
print(r, list(r), len(r), r[0], r[-1], r.start, r.stop, r.step)
r2 = range(2, 20, 3)
print(r2, list(r2), len(r2), r2[2], r2[-2], 11 in r2, 12 in r2, r2.index(14), r2.count(5))
r3 = range(10, 0, -2)
print(list(r3), len(r3), r3[1], list(reversed(r3)), 4 in r3, 5 in r3)
print(list(range(0)), list(range(5, 2)), list(range(-3, 3)), len(range(0, 100, 7)), range(0) == range(2, 2))
print(range(0, 10, 2) == range(0, 9, 2), range(5) == range(0, 5, 1), range(1) != range(2))
print(range(10 ** 20)[-1], range(10 ** 20)[10 ** 19], 10 ** 19 in range(10 ** 20), range(2 ** 70, 2 ** 70 + 3)[1])
print(sum(range(1, 101)), max(range(7)), min(range(3, 9)), sorted(range(5, 0, -1)))
try:
    range(1, 5, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    range(5)[10]
except IndexError as e:
    print(type(e).__name__, e)
try:
    range(1.5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    range(5).index(7)
except ValueError as e:
    print(type(e).__name__, e)
it = iter(range(3))
print(next(it), next(it), next(it), next(it, "end"))
print(type(r).__name__, type(it).__name__, hash(range(3)) == hash(range(0, 3)), bool(range(0)), bool(range(1)))
print([i for i in range(100, 0, -25)], list(range(-10, -20, -3)), range(3)[::-1])
total = 0
for i in range(1_000_000):
    total += i & 7
print(total)
try:
    len(range(10 ** 20))
except OverflowError as e:
    print(type(e).__name__, e)
