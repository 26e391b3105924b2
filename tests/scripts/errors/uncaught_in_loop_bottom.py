# An iterator that fails on a later round, reached from the loop's bottom: the traceback
# names the `for` line, as it does for the first round.
def numbers():
    yield 1
    yield 2
    raise KeyError("no third")


total = 0
for n in numbers():
    total += n
    print("round", n,
          "total", total)
