# Generators: chained pipelines, yield from delegation, generator expressions, send().

def naturals(n):
    i = 0
    while i < n:
        yield i
        i += 1


def squares(src):
    for x in src:
        yield x * x


def only_odd(src):
    for x in src:
        if x & 1:
            yield x


def chunked(src, size):
    chunk = []
    for x in src:
        chunk.append(x)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def delegating(n):
    yield from naturals(n)
    yield from (x * 2 for x in range(n))


def accumulator():
    total = 0
    while True:
        x = yield total
        total += x


pipeline_sum = sum(only_odd(squares(naturals(4_000_000))))
chunks = sum(len(c) for c in chunked(naturals(2_000_000), 7))
delegated = sum(delegating(2_000_000))
acc = accumulator()
next(acc)
last = 0
for i in range(2_000_000):
    last = acc.send(i)
print(pipeline_sum, chunks, delegated, last)
