# Subscripts with small int literals: lists, tuples, strings, dicts, user classes,
# negative indexes, out-of-range errors, and augmented assignment through them.
items = [10, 20, 30]
pair = (1, 2)
print(items[0], items[-1], items[2], pair[0], pair[-2], "abc"[1], "abc"[-1], b"xyz"[0])
print({0: "zero", -1: "minus one"}[0], {0: "zero", -1: "minus one"}[-1], range(5)[-2])
items[0] = 11
items[-1] += 5
items[1] *= 2
print(items)
grid = [[0] * 3 for _ in range(2)]
grid[1][2] = 7
grid[0][0] -= 1
print(grid)
d = {}
d[3] = "three"
d[3] += "!"
print(d)


class Seq:
    def __getitem__(self, i):
        return f"get {i}"

    def __setitem__(self, i, v):
        print("set", i, v)


s = Seq()
print(s[0], s[-3])
s[5] = "five"
for label, thunk in [
    ("list", lambda: items[3]),
    ("negative", lambda: items[-4]),
    ("tuple", lambda: pair[2]),
    ("str", lambda: "abc"[9]),
    ("int", lambda: len(items)[0]),
    ("dict", lambda: {}[1]),
]:
    try:
        thunk()
    except (IndexError, TypeError, KeyError) as e:
        print(label, type(e).__name__, e)
try:
    items[7] = 1
except IndexError as e:
    print("store", e)
try:
    pair[0] = 1
except TypeError as e:
    print("tuple store", e)
big = list(range(40000))
print(big[32767], big[-32768])
