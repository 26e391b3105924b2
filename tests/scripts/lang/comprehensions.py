# List, set, dict comprehensions and generator expressions; scoping rules.

print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[j for j in range(i)] for i in range(4)])
print(sorted({x % 4 for x in range(10)}))
print({k: v for k, v in zip("abc", range(3))})
print({x: x ** 2 for x in range(5) if x != 2})
print(list(x + 1 for x in range(3)))
print(sum(x for x in range(10) if x % 2), max((len(w), w) for w in ["aa", "b", "ccc"]))
print([c.upper() for c in "hello" if c not in "l"])
print([y for x in [[1, 2], [3], []] for y in x])

x = "outer"
squares = [x for x in range(3)]
print(x, squares)


class Scope:
    factor = 3
    # The first iterable is evaluated in the class scope; the rest is a nested scope.
    values = [v * 2 for v in range(factor)]


print(Scope.values)


def closure_in_comprehension():
    return [lambda: i for i in range(3)]


print([f() for f in closure_in_comprehension()])
print([(a, b) for a, b in {"p": 1, "q": 2}.items()])
print([i for i, _ in enumerate("xyz")])
print({v: k for k, v in {"a": 1, "b": 2}.items()})
gen = (i * 2 for i in range(4))
print(next(gen), list(gen), list(gen))
print([n for n in range(30) if all(n % d for d in range(2, n)) and n > 1])
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print([w if len(w) > 2 else w.upper() for w in ["ab", "abc", "x"]])
print([(y := i * 10) for i in range(3)], y)
print(sorted(frozenset(x // 2 for x in range(7))))
print(dict((str(i), i) for i in range(3)))
print(any(x > 3 for x in [1, 5]), all(x > 0 for x in []))
