# collections.deque: appends/pops at both ends, maxlen, rotate, extendleft, repr, errors.
from collections import deque

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1])
print(d.pop(), d.popleft(), d)
d.extend("ab")
d.extendleft([9, 8])
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.rotate(0)
print(d, d.count(1), d.index(2), 3 in d, "z" in d)
d.remove("a")
d.reverse()
print(d, list(reversed(d)))
d[0] = "first"
del d[1]
print(d, d.copy(), d == deque(d), d != deque())
d.insert(1, "ins")
print(d)
d.clear()
print(d, bool(d), repr(deque()))

b = deque(range(5), maxlen=3)
print(b, b.maxlen)
b.append(5)
print(b)
b.appendleft(-1)
print(b)
b.extend([10, 11])
print(b)
print(deque(maxlen=0), deque("abc", 2), deque().maxlen)
try:
    b.insert(0, 1)
except IndexError as e:
    print("IndexError:", e)
for f in [lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1]).remove(2),
          lambda: deque([1])[3], lambda: deque(maxlen=-1), lambda: deque([1]).index(7)]:
    try:
        f()
    except (IndexError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(deque([1, 2]) + deque([3]), deque([1, 2]) * 2, deque([1, 2]) < deque([1, 3]))
q = deque()
for i in range(5):
    q.append(i)
out = []
while q:
    out.append(q.popleft())
print(out)
last = deque(maxlen=3)
for ch in "abcdefg":
    last.append(ch)
print("".join(last), list(last))
