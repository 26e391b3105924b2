# A loop's test runs again at its bottom and jumps back into the body (ForIterBack for
# `for`, JumpIfCompare/JumpIfTrue for `while`). The rounds, `continue`, `break`, `else`,
# errors raised by the repeated test and by an iterator on later rounds, and generators
# driven from the loop's bottom.
import math


def count_up(n):
    out = []
    i = 0
    while i < n:
        out.append(i)
        i += 1
    return out


print(count_up(0), count_up(1), count_up(5))


def tests_of_every_form(items):
    log = []
    i = 0
    while i <= 3:  # against a small int
        i += 1
    log.append(i)
    j, limit = 0, 4
    while j < limit:  # two registers
        j += 2
    log.append(j)
    k = 10
    while k:  # plain truth
        k -= 3 if k > 3 else k
    log.append(k)
    stack = list(items)
    while not not stack:  # `not` of a name
        stack.pop()
    log.append(stack)
    rest = list(items)
    while rest and rest[-1] != "b":  # a bool op keeps its jump to the top
        rest.pop()
    log.append(rest)
    m = 0
    while (m := m + 1) < 3:  # an assignment is not compiled twice
        pass
    log.append(m)
    q = 0
    while (lambda v: v < 2)(q):  # nor is a lambda
        q += 1
    log.append(q)
    c = 0
    while 0 < c + 1 < 4:  # a chained compare
        c += 1
    log.append(c)
    return log


print(tests_of_every_form("abcd"))

# NaN compares false both ways: the bottom test must be `x < y`, not `not (x >= y)`.
x, rounds = 0.0, 0
while x < 3.0:
    rounds += 1
    x = math.nan if rounds == 2 else x + 1.0
print(rounds, x)


def continues_breaks_else(n):
    seen = []
    i = 0
    while i < n:
        i += 1
        if i % 2:
            continue
        if i > 6:
            break
        seen.append(i)
    else:
        seen.append("else")
    for v in range(n):
        if v == 1:
            continue
        if v == 5:
            break
        seen.append(-v)
    else:
        seen.append("for-else")
    return seen


print(continues_breaks_else(5), continues_breaks_else(20))


class Flaky:
    """An iterator that fails on its third item."""

    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n == 3:
            raise ValueError("third")
        return self.n


def iterate_flaky():
    got = []
    try:
        for v in Flaky():
            got.append(v)
    except ValueError as e:
        got.append(str(e))
    return got


print(iterate_flaky())


class Moody:
    """Compares as an int until its second comparison."""

    def __init__(self):
        self.calls = 0

    def __lt__(self, other):
        self.calls += 1
        if self.calls == 2:
            raise TypeError("second comparison")
        return True


def second_test_fails():
    m = Moody()
    rounds = 0
    while m < 10:
        rounds += 1
    return rounds


try:
    second_test_fails()
except TypeError as e:
    print("caught:", e, e.__traceback__.tb_next.tb_lineno)


def naturals(n):
    i = 0
    while i < n:
        yield i
        i += 1


def pairs(src):
    for a in src:
        for b in naturals(a):
            yield a, b


print(list(pairs(naturals(4))))
print([x * y for x in range(4) if x for y in naturals(x) if y != 1])
print({k: [v for v in naturals(k)] for k in range(3)}, sum(v for v in naturals(100)))

gen = naturals(3)
for v in gen:
    pass
print(v, list(gen), next(gen, "done"))
