# time and timeit. Output is deterministic: only types, signs and orderings of timings are printed.
import time
import timeit


def calc():
    total = 0
    for i in range(1000):
        total += i * i
    return total


print(calc())
t0 = time.time()
p0 = time.perf_counter()
m0 = time.monotonic()
c0 = time.process_time()
print(type(t0).__name__, type(p0).__name__, type(m0).__name__, type(c0).__name__, t0 > 1.6e9)
for name in ("time_ns", "perf_counter_ns", "monotonic_ns", "process_time_ns"):
    value = getattr(time, name)()
    print(name, type(value).__name__, value > 0)
print(abs(time.time_ns() / 1e9 - time.time()) < 5)
time.sleep(0.01)
time.sleep(0)
p1 = time.perf_counter()
m1 = time.monotonic()
print(p1 - p0 >= 0.009, m1 >= m0, time.process_time() >= c0)
try:
    time.sleep(-1)
except ValueError as e:
    print(type(e).__name__, e)

elapsed = timeit.timeit("calc()", setup="from __main__ import calc", number=10)
print(type(elapsed).__name__, elapsed > 0)
elapsed = timeit.timeit(calc, number=5)
print(type(elapsed).__name__, elapsed >= 0)
elapsed = timeit.timeit("x = sum(range(100))", number=100)
print(type(elapsed).__name__, elapsed >= 0)
elapsed = timeit.timeit("y = x * 2", setup="x = 21", number=3)
print(elapsed >= 0)
runs = timeit.repeat("calc()", setup="from __main__ import calc", repeat=3, number=5)
print(type(runs).__name__, len(runs), all(isinstance(r, float) and r > 0 for r in runs))
runs = timeit.repeat(lambda: calc(), repeat=2, number=2)
print(len(runs))
print(timeit.default_timer is time.perf_counter, type(timeit.default_timer()).__name__)
timer = timeit.Timer("calc()", setup="from __main__ import calc")
print(type(timer.timeit(number=4)).__name__, len(timer.repeat(repeat=2, number=2)))
timer = timeit.Timer(calc)
print(timer.timeit(number=1) >= 0)
counter = []
timeit.timeit(lambda: counter.append(1), number=7)
print("callable ran", len(counter), "times")
namespace = {"value": 6}
print(timeit.timeit("value * 7", globals=namespace, number=2) >= 0)
try:
    timeit.timeit("undefined_name_xyz", number=1)
except NameError as e:
    print(type(e).__name__, e)
