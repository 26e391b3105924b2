# Replacing a value in a list slot, a global, a dict entry, a closure cell and an
# attribute releases the old one there and then: a suspended generator is closed (its
# finally runs) before the next statement, whether the new value is a number or not.
def held(name):
    try:
        yield name
    finally:
        print("closed", name)


def started(name):
    g = held(name)
    next(g)
    return g


slots = [started("list"), 0]
slots[0] = 1
print("after list store", slots)
slots[1] = started("list again")
slots[1] = slots[1]
slots[1] = 2.5
print("after second list store", slots)

glob = started("global")
glob = 3
print("after global store", glob)

d = {"k": started("dict"), "n": 1}
d["k"] = 4
print("after dict store", d)
d["n"] += 1
d["n"] = started("dict number")
d["n"] = None
print("after dict store of None", d)


def outer():
    cell = started("cell")

    def inner():
        nonlocal cell
        cell = 5
        print("after cell store", cell)

    inner()


outer()


class Box:
    pass


b = Box()
b.x = started("attribute")
b.x = 6
print("after attribute store", b.x)
b.x += 1
b.x = started("attribute again")
b.x = b.x
b.x = True
print("after attribute store of True", b.x)
