# List comprehensions: mapping, filtering, nesting, and reductions over the results.

total = 0
for rep in range(150):
    squares = [i * i for i in range(100_000)]
    evens = [s for s in squares if s % 2 == 0]
    pairs = [(a, b) for a in range(60) for b in range(a, 60) if (a + b) % 7 == 0]
    grid = [[x * y for x in range(40)] for y in range(40)]
    total += len(evens) + sum(a * b for a, b in pairs) + sum(row[-1] for row in grid) + squares[rep]
print(total)
