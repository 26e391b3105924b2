# Slicing with steps on lists, tuples, strings, bytes, ranges; slice assignment and deletion.

s = list(range(10))
print(s[2:5], s[:3], s[7:], s[-3:], s[:-7], s[::2], s[1::3], s[::-1], s[8:2:-2], s[-1:-4:-1])
print(s[100:], s[-100:2], s[5:2], s[::-3], s[3:3], s[:], s[:] is s)
t = tuple(s)
print(t[1:4], t[::-4], t[2:-2:3])
w = "hello world"
print(w[:5], w[6:], w[::-1], w[::2], w[-5:-1], w[1:10:4])
print(b"abcdef"[1:4], b"abcdef"[::-2], bytearray(b"xyz")[1:])
print(range(0, 20, 3)[2:5], range(10)[::-1], range(10)[-3:], range(5)[::2][1])
a = list(range(6))
a[1:3] = ["x", "y", "z"]
print(a)
a[::2] = [0, 0, 0, 0][:len(a[::2])]
print(a)
a[2:] = []
print(a)
a[:0] = [-2, -1]
print(a)
a[len(a):] = (9, 10)
print(a)
del a[::3]
print(a)
del a[1:2]
print(a)
b = list(range(10))
b[1:9:2] = "abcd"
print(b)
try:
    b[::2] = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
sl = slice(1, 8, 2)
print(s[sl], sl.start, sl.stop, sl.step, sl, slice(3), slice(None, None, -1))
print(sl.indices(5), slice(None, None, -1).indices(4), slice(-3, None).indices(10))
try:
    s[::0]
except ValueError as e:
    print(type(e).__name__, e)
try:
    s["a":]
except TypeError as e:
    print(type(e).__name__, e)
try:
    s[20]
except IndexError as e:
    print(type(e).__name__, e)
try:
    "abc"[5]
except IndexError as e:
    print(type(e).__name__, e)
print(s[-1], s[-10], "abc"[-1], (1, 2)[-2])


class Sliceable:
    def __getitem__(self, key):
        return key

    def __setitem__(self, key, value):
        print("set", key, value)

    def __delitem__(self, key):
        print("del", key)


o = Sliceable()
print(o[1:2], o[::3], o[1:2, 3], o[...], o[:, 1])
o[1:5:2] = "v"
del o[::-1]
m = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[::-1] for row in m[::-1]], m[1][1:])
big = list(range(100))
print(big[10:90:17], big[-1:-100:-33], len(big[::7]))
print(s[2**70:], s[-2**70:3])
