# __name__ == "__main__", NotImplemented, Ellipsis, None/True/False singletons, __doc__ of module.
"""Module docstring."""

print(__name__, __name__ == "__main__", __doc__)
if __name__ == "__main__":
    print("running as main")
print(NotImplemented, type(NotImplemented).__name__, Ellipsis, ..., Ellipsis is ..., type(...).__name__)
print(None is None, True is True, type(None).__name__, bool(None), str(None), repr(True))
print(bool(NotImplemented) if False else "skip bool(NotImplemented)")
x = ...


def stub():
    ...


print(x, stub())


class Eq:
    def __eq__(self, other):
        return NotImplemented


print(Eq() == Eq(), Eq() != 1, [1, ...][1])
print(int.__add__(1, 2), int.__add__(1, 2.0), (1).__add__("x"), float.__radd__(1.0, 2))
print(True + 0, False == 0, True == 1, hash(True) == hash(1), True is not False, not None)
builtins_type = type(__builtins__).__name__
print(builtins_type in ("module", "dict"))
print(sorted(k for k in globals() if k.startswith("__") and k in ("__name__", "__doc__", "__builtins__")))
