"""Helper module imported by import_local.py; not a test itself."""

print("helper_mod imported")
CONSTANT = 42
counter = 0


def greet(name):
    return f"hello, {name}"


def bump():
    global counter
    counter += 1
    return counter


class Shape:
    def __init__(self, sides):
        self.sides = sides

    def describe(self):
        return f"{type(self).__name__} with {self.sides} sides ({__name__})"


_private = "underscore names are skipped by star imports"
