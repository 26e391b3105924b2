# Deep recursion: a 100,000-deep recursive function called repeatedly after raising the limit.
import sys

sys.setrecursionlimit(200_000)


def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1


def tree_sum(lo, hi):
    # Shallow but wide recursion for contrast.
    if hi - lo <= 1:
        return lo
    mid = (lo + hi) // 2
    return tree_sum(lo, mid) + tree_sum(mid, hi)


total = 0
for _ in range(100):
    total += depth(100_000)
print(total, tree_sum(0, 300_000))
