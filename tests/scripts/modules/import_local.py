# Importing .py modules from the script's folder and from a folder added to sys.path:
# import, from-import, aliases, star import, module caching, module attributes.
import sys

sys.path.insert(1, "lib")

import helper_mod
import helper_mod as hm
from helper_mod import greet, CONSTANT as C, Shape
from helper_mod import *
import _helper_sibling
from _helper_sibling import DOUBLE

print(helper_mod.CONSTANT, C, greet("world"), hm is helper_mod, helper_mod.__name__)
print(Shape(3).describe(), type(helper_mod).__name__, helper_mod.__doc__)
print(helper_mod.bump(), hm.bump(), helper_mod.counter)
print("bump" in dir(helper_mod), "_private" in globals(), "CONSTANT" in globals(), DOUBLE)
print("helper_mod" in sys.modules, sys.modules["helper_mod"] is helper_mod)
import helper_mod
print("second import does not re-run the module")
try:
    _helper_sibling.fail()
except LookupError as e:
    print(type(e).__name__, e)
try:
    from helper_mod import missing_name
except ImportError as e:
    print(type(e).__name__, e.args[0].split(" (")[0])
try:
    import not_a_module_anywhere
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
import math as m, sys as system
print(m.floor(2.5), system is sys)
from math import (
    sqrt,
    floor as fl,
)
print(sqrt(9), fl(-0.5))


def import_inside_function():
    import helper_mod as local_alias
    from helper_mod import greet as g
    return local_alias.CONSTANT, g("local")


print(import_inside_function(), "local_alias" in globals())
helper_mod.CONSTANT = 7
from helper_mod import CONSTANT
print(CONSTANT, C)
