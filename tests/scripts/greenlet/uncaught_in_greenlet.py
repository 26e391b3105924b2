# An exception nobody catches leaves the greenlet, passes through main, and ends the script.
from greenlet import greenlet


def inner():
    print("inner raising")
    raise ValueError("nobody catches this")


def outer():
    greenlet(inner).switch()
    print("not reached")


print("start")
greenlet(outer).switch()
print("not reached either")
