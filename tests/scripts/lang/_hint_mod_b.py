# Defines the same names as _hint_mod_a, in another order, plus a module __getattr__.
def f():
    return "b.f"


value = "b"


def __getattr__(name):
    return "b.__getattr__(" + name + ")"
