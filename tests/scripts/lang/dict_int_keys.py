# Dicts and sets keyed by ints that hash to themselves: dense ranges, strided and
# negative keys, big ints, equal int/float/bool keys, deletion and reinsertion.
d = {}
n = 5000
for i in range(n):
    d[i * 7919 % n] = i
print(len(d), d[0], d[1], d[n - 1], sum(1 for i in range(0, 2 * n, 3) if i in d))
for i in range(0, n, 2):
    del d[i]
print(len(d), 2 in d, 3 in d, d.get(4, "gone"), d[3])
for i in range(0, n, 4):
    d[i] = -i
print(len(d), d[4], d[8], list(d)[:3], list(d)[-3:])
big = {2**64 + k: k for k in range(100)}
big.update({-(2**70) - k: k for k in range(100)})
print(len(big), big[2**64 + 99], big[-(2**70) - 50], 2**64 in big, 2**65 in big)
mixed = {1: "int", 1.0: "float", True: "bool", -1: "minus one", -2: "minus two"}
print(mixed, hash(-1), hash(-2), {0, 0.0, False, -0.0})
s = set(range(0, 100000, 7))
print(len(s), 700 in s, 701 in s, len(s & set(range(0, 100000, 5))), max(s))
s.difference_update(range(0, 100000, 14))
print(len(s), 7 in s, 14 in s)
strided = {k << 32: k for k in range(1000)}
print(len(strided), strided[999 << 32], (1000 << 32) in strided)
