# Greenlets still suspended at interpreter exit run no code: their finally blocks print nothing (spec A.11).
from greenlet import greenlet, getcurrent

main = getcurrent()


def parked(name):
    try:
        main.switch(name + " parked")
    finally:
        print(name, "finally ran at exit (should not happen)")


keep = greenlet(parked)
print(keep.switch("global"))
holder = {"g": greenlet(parked)}
print(holder["g"].switch("in dict"))


def nested_parker():
    inner = greenlet(parked)
    print(inner.switch("inner"))
    try:
        main.switch("outer parked")
    finally:
        print("outer finally ran at exit (should not happen)")


outer = greenlet(nested_parker)
print(outer.switch())
print("end of script")
