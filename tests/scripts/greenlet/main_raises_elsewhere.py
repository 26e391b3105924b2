# As main_ends_elsewhere.py, with the main greenlet ending in an uncaught exception: its traceback and exit status are the script's.
# code beneath it: the parked greenlet runs no more code (spec A.11), and the script ends
# normally.
from greenlet import greenlet, getcurrent

main = getcurrent()


def parks_in_map():
    try:
        list(map(lambda _: other.switch("from the map callback"), [1]))
    finally:
        print("finally of the parked greenlet (should not run)")


def to_main(x):
    print("other got:", x)
    main.switch("main resumed")


other = greenlet(to_main)
parked = greenlet(parks_in_map)
print(parked.switch())
print("parked is dead:", parked.dead, "other is dead:", other.dead)
total = 0
for i in range(1000):
    total += i
print("main ends with", total)
raise ValueError("main fails on a driver")
