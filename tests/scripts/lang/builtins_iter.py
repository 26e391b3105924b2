# Iteration built-ins: all any enumerate filter iter next len map reversed sorted zip and container constructors.

print(all([]), all([1, 2]), all([1, 0]), any([]), any([0, ""]), any([0, 3]), all("abc"), any(x > 2 for x in [1, 3]))
print(list(enumerate("abc")), list(enumerate("ab", 10)), list(enumerate([], start=5)))
e = enumerate(["x", "y"])
print(next(e), next(e), next(e, None), type(e).__name__)
print(list(filter(None, [0, 1, "", "a", [], [0]])), list(filter(lambda v: v % 2, range(10))), type(filter(None, [])).__name__)
it = iter([1, 2, 3])
print(next(it), list(it), list(it), next(it, "dflt"))
try:
    next(it)
except StopIteration as err:
    print(type(err).__name__, repr(err))
state = [5, 4, 3, 0, 2]
call_it = iter(lambda: state.pop(0), 0)
print(list(call_it), state)
print(len("abc"), len([1]), len(()), len({1: 2}), len(set()), len(range(3, 10)), len(b"xy"), len(bytearray(5)))
print(list(map(str, [1, 2])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(pow, [2, 3], [3, 2])))
print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed("ab")), list(reversed(range(4))),
      list(reversed({"a": 1, "b": 2})))
try:
    reversed({1, 2})
except TypeError as err:
    print(type(err).__name__, err)
print(sorted([3, 1, 2]), sorted("bca"), sorted([3, 1, 2], reverse=True), sorted(["b", "A", "c"], key=str.lower),
      sorted({2: "x", 1: "y"}.items()), sorted(x % 5 for x in range(7)))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1])), list(zip(*[(1, "a"), (2, "b")])),
      dict(zip("ab", range(2))), list(zip(range(3), range(3), range(3))))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as err:
    print(type(err).__name__, err)
print(list(zip([1], [2], strict=True)))
print(list(), list("ab"), list(range(3)), list({1: 2}.items()), tuple(), tuple([1, 2]), tuple("ab"))
print(dict(), dict({"a": 1}), dict([("a", 1)], b=2), dict(a=1).items(), set(), set("aa"), set([3, 1, 3]),
      frozenset([1, 1]), frozenset())
try:
    dict([1, 2])
except TypeError as err:
    print(type(err).__name__, err)
try:
    dict([(1, 2, 3)])
except ValueError as err:
    print(type(err).__name__, err)


class Seq:
    def __init__(self):
        self.data = [10, 20, 30]

    def __len__(self):
        return len(self.data)

    def __getitem__(self, i):
        return self.data[i]

    def __reversed__(self):
        return iter(["custom", "reversed"])


print(list(reversed(Seq())), list(Seq()), len(Seq()), sorted(Seq(), reverse=True))
print(list(map(len, ["a", "bb", "ccc"])), sum(map(int, "12345")), max(map(abs, [-9, 4])))
lazy = map(lambda x: print("mapping", x) or x, [1, 2])
print("map is lazy")
print(list(lazy))
nums = [5, 2, 8]
for i, (a, b) in enumerate(zip(nums, nums[1:])):
    print(i, a, b, a < b)
print(next(iter({"only": 1})), next(iter(range(5, 6))), next(iter("z")))
print(list(enumerate(zip("ab", "cd"))), list(filter(str.isdigit, "a1b2")))
print(any(map(str.isupper, "abC")), all(map(str.islower, "abC")))
