# I/O built-ins: print (sep, end, file, flush), input at end of input, open for writing and reading.
import sys

print("a", "b", "c")
print("a", "b", sep="")
print("x", "y", sep=" | ", end=" <end>\n")
print()
print(1, 2.5, None, True, [1], sep=",")
print("no newline", end="")
print(" -- continued")
print("to stdout explicitly", file=sys.stdout)
print("flushed", flush=True)
print(*range(5), sep="-")
print("", end="")
print(sep="ignored")
try:
    print("x", sep=5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    value = input()
    print("read", repr(value))
except EOFError as e:
    print(type(e).__name__, repr(str(e)))
try:
    input("prompt> ")
except EOFError as e:
    print()
    print(type(e).__name__, e)

with open("builtins_io.py") as f:
    first = f.readline()
    rest = f.read()
print(repr(first), rest.count("\n") > 10, f.closed)
with open("builtins_io.py", "rb") as f:
    head = f.read(8)
print(head, type(head).__name__)
path = "/tmp/stacklet-golden-builtins-io-" + sys.implementation.name + ".txt"
with open(path, "w") as out:
    n = out.write("line one\nline two\n")
    print("wrote", n)
    print("via print", 3, file=out)
with open(path, "a") as out:
    out.write("appended\n")
with open(path) as src:
    print(src.read().splitlines())
with open(path) as src:
    print([line.rstrip("\n") for line in src])
with open(path) as src:
    print(src.readlines())
f = open(path, "r", encoding="utf-8")
print(f.read(4), f.read(5), repr(f.readline()))
f.close()
try:
    f.read()
except ValueError as e:
    print(type(e).__name__, e)
try:
    open("no-such-file-here.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e)
with open(path, "wb") as out:
    out.write(bytes([0, 1, 2, 255]))
with open(path, "rb") as src:
    print(list(src.read()))
