# Lists join the cycle collector only once they hold something that could lead back to
# them: every way of putting such a thing into a list must still let gc collect the cycle.
import gc


class Node:
    pass


def by_append():
    a = Node()
    a.items = []
    a.items.append(a)


def by_insert():
    l = [1, 2, 3]
    l.insert(1, l)


def by_extend():
    a = Node()
    a.items = ["x"]
    a.items.extend([a, 2])


def by_inplace_add():
    l = [1]
    l += [Node(), l]


def by_item_store():
    l = [0, 1, 2]
    l[1] = l


def by_negative_item_store():
    l = [0, 1, 2]
    l[-1] = [l]


def by_slice_store():
    l = list(range(5))
    l[1:3] = [l]


def by_extended_slice_store():
    l = list(range(6))
    l[::2] = [l, l, l]


class MyList(list):
    def __init__(self, source):
        super().__init__(source)


def by_subclass_init():
    a = Node()
    a.l = MyList([a])


def by_comprehension():
    a = Node()
    a.l = [a for _ in range(3)]


def by_star_unpack():
    a = Node()
    a.l = [*(a, a), 1]


def by_list_call():
    a = Node()
    a.l = list((1, a))


def by_repeat():
    a = Node()
    a.l = [a] * 3


def by_copy_and_sort():
    a = Node()
    a.l = sorted([3, 1, 2])
    a.l.append(a)
    a.m = a.l.copy()


def by_dict_value():
    l = [1]
    l.append({"me": l})


def by_tuple_holding_list():
    l = ["a"]
    l.append((l,))


gc.disable()
cases = [by_append, by_insert, by_extend, by_inplace_add, by_item_store,
         by_negative_item_store, by_slice_store, by_extended_slice_store, by_subclass_init,
         by_comprehension, by_star_unpack, by_list_call, by_repeat, by_copy_and_sort,
         by_dict_value, by_tuple_holding_list]
for make in cases:
    gc.collect()
    make()
    print(make.__name__, "collected:", gc.collect() > 0, gc.collect() == 0)

# Lists of numbers and strings die with their last reference.
rows = [[i, str(i), float(i)] for i in range(1000)]
parts = [s.split(":") for s in ["a:b", "c:d"] * 500]
del rows, parts
print("nothing left for the collector:", gc.collect() == 0)

# A list that later takes a container still joins the collector in time.
late = list(range(100))
for i in range(100):
    late[i] = str(i)
late.append(late)
del late
print("late cycle collected:", gc.collect() > 0)
gc.enable()
