"""Helper module next to the scripts (the leading underscore keeps it from being a test)."""

from helper_mod import CONSTANT

DOUBLE = CONSTANT * 2
print("_helper_sibling imported, __name__ =", __name__)


def fail():
    raise LookupError("raised inside _helper_sibling")
