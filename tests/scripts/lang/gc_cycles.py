# Reference cycles: gc.collect() finds unreachable cycles of instances, lists, dicts,
# closures and bound methods, and leaves everything still reachable untouched.
import gc


class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None
        self.callback = None

    def hello(self):
        return "hello from " + self.name


def make_garbage():
    a = Node("a")
    b = Node("b")
    a.peer = b
    b.peer = a
    a.callback = a.hello
    lst = [1, 2]
    lst.append(lst)
    d = {"x": 1}
    d["self"] = d

    def recurse(n):
        return 0 if n == 0 else recurse(n - 1)

    recurse(3)
    t = ([], )
    t[0].append(t)


gc.collect()
for _ in range(5):
    make_garbage()
print("found garbage:", gc.collect() > 10)
print("nothing left:", gc.collect())

# Reachable cycles survive a collection with their contents intact.
keep = Node("keep")
keep.peer = Node("peer")
keep.peer.peer = keep
keep.callback = keep.peer.hello
ring = [[i] for i in range(5)]
for i, cell in enumerate(ring):
    cell.append(ring[(i + 1) % 5])
table = {"me": None, "data": [1, 2, 3]}
table["me"] = table


def closure_maker():
    count = 0

    def bump():
        nonlocal count
        count += 1
        return count
    return bump


bump = closure_maker()
bump()
gc.collect()
print(keep.peer.peer is keep, keep.callback(), keep.peer.name)
print([c[0] for c in ring], ring[4][1] is ring[0])
print(table["me"] is table, table["data"])
print(bump(), bump())

# A cycle that is garbage except for one outside reference lives on in full.
x = Node("x")
x.peer = Node("y")
x.peer.peer = x
y = x.peer
del x
gc.collect()
print(y.peer.name, y.peer.peer is y)
del y
print("collected once unreachable:", gc.collect() >= 2)

# Locals of running functions are reachable.
def holder():
    n = Node("local")
    n.peer = n
    gc.collect()
    return n.peer.name


print(holder())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
