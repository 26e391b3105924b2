# Attribute reads and method-style calls on modules at one code site stay correct across
# modules that keep the same names in different slots, rebinding, deletion, a module
# __getattr__, and a module whose globals() dict became the source of truth.
import math
import _hint_mod_a as a
import _hint_mod_b as b


def read(mods):
    return [(m.value, m.f()) for m in mods]


print(read([a, b, a, b]))
a.value = "a2"
b.f = lambda: "b.f2"
print(read([b, a]))
del a.value
try:
    read([a])
except AttributeError as e:
    print("AttributeError:", e)
a.value = "a3"
print(read([a]))
print(b.missing, [b.other for _ in range(2)])

# A module turned to dict mode by globals(): writes through the dict are seen.
import _hint_mod_a as same
print(same is a)


def sqrt_sum(n):
    total = 0.0
    for i in range(n):
        total += math.sqrt(i)
    return total


print(round(sqrt_sum(1000), 6))
g = globals()
g["late"] = "bound through globals()"
import sys
me = sys.modules[__name__]
print(me.late, [me.late for _ in range(2)])
g["late"] = "rebound"
print(me.late)
