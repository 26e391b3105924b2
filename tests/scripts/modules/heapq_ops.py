# heapq: push/pop order, heapify, replace/pushpop, nsmallest/nlargest, merge.
import heapq
import random

random.seed(7)
data = [random.randint(0, 100) for _ in range(30)]
h = []
for x in data:
    heapq.heappush(h, x)
print(h[0], len(h))
print([heapq.heappop(h) for _ in range(len(h))] == sorted(data))

h = list(data)
heapq.heapify(h)
print(h)
print(heapq.heapreplace(h, 50), h[0])
print(heapq.heappushpop(h, -1), heapq.heappushpop(h, 1000), h[0])
print(heapq.nsmallest(4, data), heapq.nlargest(4, data))
print(heapq.nlargest(3, ["bb", "a", "dddd", "ccc"], key=len))
print(list(heapq.merge([1, 4, 9], [2, 3, 10], [0, 5])))
print(list(heapq.merge(["a", "ccc"], ["bb", "dddd"], key=len)))
print(list(heapq.merge([9, 4, 1], [10, 3, 2], reverse=True)))

# Tuples break ties by their next field, the usual priority-queue idiom.
events = []
for t, name in [(3, "c"), (1, "a"), (2, "b"), (1, "z")]:
    heapq.heappush(events, (t, name))
while events:
    print(heapq.heappop(events), end=" ")
print()
try:
    heapq.heappop([])
except IndexError as e:
    print("IndexError:", e)
