# itertools: count, cycle, repeat, accumulate, chain, compress, dropwhile/takewhile, filterfalse.
import itertools
import operator
from itertools import islice

print(list(islice(itertools.count(), 5)), list(islice(itertools.count(10, -3), 4)))
print(list(islice(itertools.count(0.5, 0.25), 3)))
c = itertools.count(7)
next(c)
print(repr(c), repr(itertools.count(1, 2)), repr(itertools.count(1.5)))
print(list(islice(itertools.cycle("ab"), 5)), list(itertools.cycle([])))
print(list(itertools.repeat("x", 3)), list(itertools.repeat(1, 0)), list(itertools.repeat(1, -2)))
print(repr(itertools.repeat("x", 3)), repr(itertools.repeat(None)))
print(list(map(pow, range(4), itertools.repeat(2))))
print(list(itertools.accumulate([1, 2, 3, 4])), list(itertools.accumulate([3, 1, 4, 1, 5], max)))
print(list(itertools.accumulate([1, 2, 3], operator.mul, initial=10)), list(itertools.accumulate([])))
print(list(itertools.accumulate([], initial=5)))
print(list(itertools.chain("ab", [1, 2], ())), list(itertools.chain()))
print(list(itertools.chain.from_iterable(["xy", range(2)])))
print(list(itertools.compress("ABCDEF", [1, 0, 1, 0, 1, 1])))
print(list(itertools.dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(itertools.takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(itertools.filterfalse(lambda x: x % 2, range(10))), list(itertools.filterfalse(None, [0, 1, "", "a"])))
print(list(itertools.starmap(pow, [(2, 5), (3, 2)])))
print(list(itertools.pairwise("abcd")), list(itertools.pairwise("a")))
print(list(itertools.zip_longest("ABCD", "xy", fillvalue="-")), list(itertools.zip_longest()))
print(list(itertools.zip_longest([1], [2, 3], [])))
print(list(islice("ABCDEFG", 2)), list(islice("ABCDEFG", 2, 4)), list(islice("ABCDEFG", 2, None)))
print(list(islice("ABCDEFG", 0, None, 2)), list(islice(range(10), 1, 9, 3)))
it = iter(range(10))
print(list(islice(it, 3, 5)), next(it))
it = iter(range(10))
print(list(islice(it, 4, 2)), next(it))
for args in [(-1,), (1, -1), (0, 5, 0)]:
    try:
        islice("abc", *args)
    except ValueError as e:
        print("ValueError:", e)
it = itertools.chain([1], [2])
print(iter(it) is it, next(it), next(it), next(it, "done"))
