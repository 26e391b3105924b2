# The loop variable of a for statement or comprehension: it keeps the last item after
# the loop, is untouched by an empty loop or a failing iterator, and comprehensions do
# not leak theirs.


def last_item():
    x = "before"
    for x in []:
        pass
    print("empty loop:", x)
    for x in range(3):
        pass
    print("after range:", x)
    for x in "ab":
        if x == "a":
            continue
    print("after continue:", x)
    for x in [1, 2, 3]:
        if x == 2:
            break
    else:
        print("not reached")
    print("after break:", x)


last_item()


def failing():
    yield 1
    yield 2
    raise ValueError("iterator failed")


def partial():
    x = None
    try:
        for x in failing():
            pass
    except ValueError as e:
        print(e, "with x =", x)


partial()


def unbound_after_empty():
    for y in []:
        pass
    try:
        print(y)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)


unbound_after_empty()


def comprehension_scope():
    i = "outer"
    squares = [i * i for i in range(4)]
    nested = [(i, j) for i in range(2) for j in range(i, 2)]
    print(squares, nested, i)
    total = sum(v for v in range(5))
    print(total, {k: k * 2 for k in "ab"}, sorted({c for c in "aab"}))


comprehension_scope()


def same_variable_nested():
    out = []
    for i in range(3):
        for i in range(i, i + 2):
            out.append(i)
    print(out, i)


same_variable_nested()


def reassigned_in_body():
    seen = []
    for item in range(4):
        seen.append(item)
        item = item * 100
    print(seen, item)


reassigned_in_body()


def gen_loop():
    def source():
        yield from ["p", "q"]

    for letter in source():
        print("letter", letter)
    print("after generator loop:", letter)


gen_loop()
for a, (b, c) in [(1, (2, 3)), (4, (5, 6))]:
    pass
print(a, b, c)
