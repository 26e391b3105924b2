# sys: argv, path, modules, stdout/stderr, stdin, version, version_info, implementation,
# maxsize, recursion limit, exc_info, intern, exit.
import sys

print(sys.argv, len(sys.argv), type(sys.argv).__name__)
print(type(sys.path).__name__, all(isinstance(p, str) for p in sys.path), sys.path[0].endswith("modules"))
print("sys" in sys.modules, "__main__" in sys.modules, sys.modules["__main__"].__name__, sys.modules["sys"] is sys)
print(type(sys.version).__name__, sys.version_info[:2] >= (3, 11), sys.version_info.major, tuple(sys.version_info)[0])
print(sys.implementation.name in ("cpython", "stacklet"), type(sys.implementation.name).__name__)
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1, type(sys.maxsize).__name__)
# The default differs (stacklet allows far deeper recursion than CPython's 1000).
print(sys.getrecursionlimit() >= 1000)
sys.setrecursionlimit(5000)
print(sys.getrecursionlimit())
sys.setrecursionlimit(1000)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print(type(e).__name__, e)
print(sys.exc_info())
try:
    raise KeyError("inside")
except KeyError:
    exc_type, exc_value, tb = sys.exc_info()
    print(exc_type.__name__, repr(exc_value), tb is not None)
print(sys.exc_info() == (None, None, None))
a = sys.intern("interned" + str(1))
b = sys.intern("interned1")
print(a is b, a == "interned1")
n = sys.stdout.write("written with sys.stdout.write\n")
print(n)
sys.stdout.flush()
sys.stderr.write("this line goes to stderr\n")
sys.stderr.flush()
print("stdin contents:", repr(sys.stdin.read()))
print(sys.stdout is sys.__stdout__ if hasattr(sys, "__stdout__") else True)
print(sys.byteorder in ("little", "big"), sys.platform != "")


def deep():
    try:
        sys.exit(0)
    except SystemExit as e:
        return f"SystemExit caught with code {e.code}"


print(deep())
try:
    sys.exit("message")
except SystemExit as e:
    print("code is the message:", e.code)
