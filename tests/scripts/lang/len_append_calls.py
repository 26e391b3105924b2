# `len(x)` and `lst.append(x)` called from script code take a shortcut for the built-in
# containers; every other case must behave as the ordinary call does.
import gc


class Sized:
    def __len__(self):
        return 3


class L(list):
    def append(self, x):
        super().append(("wrapped", x))


print(len([1, 2]), len((1,)), len("héllo"), len({1: 2}), len({1, 2, 3}), len(b"ab"))
print(len(range(10)), len(Sized()), len(L([1, 2])))
for bad in ((), (1, 2)):
    try:
        len(*bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    len(5)
except TypeError as e:
    print("TypeError:", e)

f = len
print(f([0] * 7), list(map(len, ["a", "bb"])))

lst = []
for i in range(5):
    lst.append(i * i)
lst.append(lst)
print(lst[:5], lst[5] is lst)
sub = L()
sub.append(1)
list.append(sub, 2)
print(sub)
try:
    lst.append()
except TypeError as e:
    print("TypeError:", e)
try:
    lst.append(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    list.append((1,), 2)
except TypeError as e:
    print("TypeError:", e)
try:
    list.append()
except TypeError as e:
    print("TypeError:", e)
app = lst.append
app("bound")
print(lst[-1], len(lst))


def shadow():
    len = lambda x: "shadowed"  # noqa: E731
    return len([1])


print(shadow())


cyc = []
cyc.append(cyc)
del cyc
print("collected", gc.collect() >= 1)


def gen():
    out = []
    for i in range(3):
        out.append(i)
        yield len(out)


print(list(gen()))
