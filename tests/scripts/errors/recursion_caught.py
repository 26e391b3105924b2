# RecursionError caught and printed; the interpreter keeps working afterwards. The limit is
# set explicitly: stacklet's default is far higher than CPython's 1000.
import sys

sys.setrecursionlimit(1000)


def forever(n):
    return forever(n + 1) + 1


try:
    forever(0)
except RecursionError as e:
    print(type(e).__name__, e)
print(sys.getrecursionlimit())


class Loop:
    def __repr__(self):
        return repr(self)


try:
    repr(Loop())
except RecursionError as e:
    print(type(e).__name__, e)


def build(n):
    return [build(n - 1)] if n else []


print(len(str(build(200))))
print("recovered")
