# Results too big to allocate are a MemoryError (never an abort); extreme slice steps are
# clamped as CPython clamps them.
tests = [
    lambda: 1 << 2 ** 40,
    lambda: [0] * 10 ** 12,
    lambda: b"a" * 10 ** 11,
]
for t in tests:
    try:
        t()
        print("no error")
    except MemoryError:
        print("MemoryError")
print([1, 2][::-(2 ** 63)], [1, 2, 3][::2 ** 63], [1, 2, 3][-(2 ** 63):2 ** 63])
print("still running")
