# Deep Python-to-Python recursion after raising the recursion limit, and RecursionError past it.
import sys

sys.setrecursionlimit(10 ** 6)
print(sys.getrecursionlimit())


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print(depth(200_000))


def sum_list(items, i=0):
    if i == len(items):
        return 0
    return items[i] + sum_list(items, i + 1)


print(sum_list(list(range(100_000))))


def even(n):
    return True if n == 0 else odd(n - 1)


def odd(n):
    return False if n == 0 else even(n - 1)


print(even(150_000), odd(150_001))


class Node:
    def __init__(self, value, next_node):
        self.value = value
        self.next = next_node

    def length(self):
        return 1 + (self.next.length() if self.next is not None else 0)


head = None
for v in range(50_000):
    head = Node(v, head)
print(head.length())


def gen_depth(n):
    if n:
        yield from gen_depth(n - 1)
    yield n


print(sum(gen_depth(2_000)))

sys.setrecursionlimit(1000)


def unbounded(n):
    return unbounded(n + 1)


try:
    unbounded(0)
except RecursionError as e:
    print(type(e).__name__, e)
print("still running", depth(500))
