# A yield whose value is computed into a temporary moves it out (nothing else reads it);
# a yield of a local copies it, and the local keeps its value after the generator
# resumes.


def mixed(n):
    for i in range(n):
        yield i
        yield i * 10
        yield
        yield [i] * 2
        yield i, -i
        print("after yields, i is still", i)


print(list(mixed(2)))

shared = object()


def same_object():
    yield shared
    box = [shared]
    yield box[0]
    yield (lambda: shared)()


print(all(x is shared for x in same_object()))


def sent_values():
    total = 0
    while True:
        got = yield total * 2
        if got is None:
            return total
        total += got


g = sent_values()
print(next(g), g.send(3), g.send(4))
try:
    g.send(None)
except StopIteration as e:
    print("returned", e.value)

data = [1, 2, 3]
print(list(x * 2 for x in data), list(x for x in data), list(str(x) + "!" for x in data))
squares = (x * x for x in range(4))
print(next(squares), list(squares))


def nested():
    for row in ([1, 2], [3]):
        yield sum(row), len(row)
        yield from (v * 100 for v in row)


print(list(nested()))
