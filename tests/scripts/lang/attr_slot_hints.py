# Attribute reads and writes at one site stay correct across objects whose dicts hold the
# same names in different orders, after deletions, and when a name moves between slots.


class Box:
    pass


def make(order):
    b = Box()
    for name in order:
        setattr(b, name, name.upper())
    return b


boxes = [make("xyz"), make("zyx"), make("yxz"), make("x")]
for b in boxes:
    try:
        print(b.x, getattr(b, "y", "-"), getattr(b, "z", "-"))
    except AttributeError as e:
        print("AttributeError", e)


def read_x(objs):
    return [o.x for o in objs]


def write_x(objs, v):
    for o in objs:
        o.x = v


print(read_x(boxes))
write_x(boxes, 1)
print(read_x(boxes), [sorted(vars(b)) for b in boxes])

# Deleting and re-adding moves a name to another slot.
b = boxes[0]
del b.x
print(hasattr(b, "x"), vars(b))
b.x = "again"
print(read_x(boxes), list(vars(b)))

# Many attributes (past the small-table limit) and deletions in between.
big = Box()
for i in range(20):
    setattr(big, f"a{i}", i)
for i in range(0, 20, 3):
    delattr(big, f"a{i}")
big.a0 = "back"
print(big.a0, big.a1, big.a19, len(vars(big)))
for _ in range(3):
    big.a1 += 10
print(big.a1)

# A class attribute read through an instance, then shadowed by an instance attribute.


class Shared:
    x = "class"


s = Shared()
print(read_x([s, boxes[1]]))
s.x = "instance"
print(read_x([s, boxes[1]]))
del s.x
print(read_x([s]))
