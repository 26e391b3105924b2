# if/elif/else, while/else, for/else, break, continue, pass, nested loops.

def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"


print([classify(n) for n in (-1, 0, 5, 50)])

i = 0
while i < 3:
    i += 1
else:
    print("while else runs when condition becomes false", i)

i = 0
while True:
    i += 1
    if i == 4:
        break
else:
    print("not printed")
print("broke at", i)

for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, end=" ")
print()

for x in []:
    print("never")
else:
    print("for else on empty iterable")

evens = []
for k in range(10):
    if k % 2:
        continue
    evens.append(k)
print(evens)

for outer in range(3):
    for inner in range(3):
        if inner == outer:
            continue
        if inner > outer:
            break
        print((outer, inner), end=" ")
print()

if 0:
    pass
elif []:
    pass
else:
    pass


def empty_function():
    pass


class Empty:
    pass


print(empty_function(), type(Empty()).__name__)

count = 0
while count < 10:
    count += 1
    if count % 3 == 0:
        continue
    if count == 8:
        break
print("count", count)

for i, ch in enumerate("abc", start=1):
    print(i, ch, sep=":", end=";")
print()

n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps", steps)

values = iter([1, 2, 3, 4, 5])
for v in values:
    if v == 2:
        print("skipping", next(values))
    print("v", v)

for i in range(3):
    pass
print("loop variable survives", i)
total = 0
for i in range(100):
    if i % 7 == 0:
        total += i
    elif i % 11 == 0:
        total -= i
print(total)
if (a := 5) and a > 3:
    print("walrus in if")
x = 0
while x < 5:
    x += 1
    if x == 3:
        pass
else:
    print("done", x)
