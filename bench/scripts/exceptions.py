# Raising and catching exceptions heavily: builtin and user exceptions, nested handlers,
# finally blocks, and exception-driven control flow.

class Skip(Exception):
    pass


class Retry(Exception):
    def __init__(self, attempt):
        super().__init__(attempt)
        self.attempt = attempt


def check(i):
    if i % 3 == 0:
        raise Skip()
    if i % 7 == 0:
        raise Retry(i)
    return i


def parse(token):
    try:
        return int(token)
    except ValueError:
        return -1


counts = [0, 0, 0, 0]
for i in range(1_600_000):
    try:
        try:
            counts[0] += check(i)
        finally:
            counts[3] += 1
    except Skip:
        counts[1] += 1
    except Retry as r:
        counts[2] += r.attempt % 10

tokens = ["12", "x", "7", "", "100"] * 160_000
parsed = sum(parse(t) for t in tokens)
d = {}
misses = 0
for i in range(1_200_000):
    try:
        d[i % 1000] += 1
    except KeyError:
        misses += 1
        d[i % 1000] = 1
print(counts, parsed, misses, sum(d.values()))
