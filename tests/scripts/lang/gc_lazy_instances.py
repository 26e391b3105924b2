# Plain instances join the cycle collector only once they hold something that could lead
# back to them: every way of storing such a thing must still let gc collect the cycle.
import gc


class Node:
    def __init__(self, tag):
        self.tag = tag
        self.count = 0


def cycle_by_attribute():
    a = Node("attribute")
    a.count += 1
    a.me = a


def cycle_by_dict():
    a = Node("dict")
    a.__dict__["me"] = a


def cycle_by_setattr():
    a = Node("setattr")
    setattr(a, "me", [a])


def cycle_by_object_setattr():
    a = Node("object.__setattr__")
    object.__setattr__(a, "me", (a,))


def cycle_by_vars():
    a = Node("vars")
    vars(a).update(me=a)


def cycle_through_two():
    a, b = Node("pair-a"), Node("pair-b")
    a.other = b
    b.other = a


gc.disable()
for make in (cycle_by_attribute, cycle_by_dict, cycle_by_setattr, cycle_by_object_setattr,
             cycle_by_vars, cycle_through_two):
    gc.collect()
    make()
    print(make.__name__, "collected:", gc.collect() > 0, gc.collect() == 0)

# Objects of numbers and strings die with their last reference, cycle collector or not.
plain = [Node(i) for i in range(1000)]
for p in plain:
    p.count = 10
    p.name = "n"
del plain, p
print("nothing left for the collector:", gc.collect() == 0)
gc.enable()
