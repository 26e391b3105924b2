# __init__ returning a value: the TypeError points at the instantiation in the caller.
class A:
    def __init__(self):
        return 5
def make():
    x = 1
    return A()
try:
    make()
except TypeError as e:
    print("caught", e)
make()
