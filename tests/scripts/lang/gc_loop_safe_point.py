# A loop whose body only calls built-ins still collects the cycles it makes as it goes
# (a loop's back edge is one of the points where a due collection runs): an explicit
# collection afterwards finds only the last few, in `for` and `while` loops alike.
import gc


def for_loop():
    for i in range(60_000):
        n = []
        n.append(n)


def while_loop():
    i = 0
    while i < 60_000:
        n = []
        n.append(n)
        i += 1


def while_truth_loop():
    left = 60_000
    while left:
        n = []
        n.append(n)
        left -= 1


gc.collect()
for_loop()
print("for:", gc.collect() < 30_000)
while_loop()
print("while:", gc.collect() < 30_000)
while_truth_loop()
print("while on a truth:", gc.collect() < 30_000)
