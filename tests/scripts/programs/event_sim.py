# Discrete event simulation of a bank with tellers: hand-written binary-heap event queue, seeded random arrivals.
import random
from collections import deque, namedtuple
from functools import total_ordering

Stats = namedtuple("Stats", "served waited max_wait max_queue busy_fraction")


class Heap:
    """Min-heap over comparable items (sift-up on push, sift-down on pop)."""

    def __init__(self, items=()):
        self.items = []
        for item in items:
            self.push(item)

    def __len__(self):
        return len(self.items)

    def push(self, item):
        a = self.items
        a.append(item)
        i = len(a) - 1
        while i > 0:
            parent = (i - 1) // 2
            if not a[i] < a[parent]:
                break
            a[i], a[parent] = a[parent], a[i]
            i = parent

    def pop(self):
        a = self.items
        last = a.pop()
        if not a:
            return last
        top, a[0] = a[0], last
        i, n = 0, len(a)
        while True:
            smallest = i
            for child in (2 * i + 1, 2 * i + 2):
                if child < n and a[child] < a[smallest]:
                    smallest = child
            if smallest == i:
                return top
            a[i], a[smallest] = a[smallest], a[i]
            i = smallest


@total_ordering
class Event:
    __slots__ = ("time", "seq", "kind", "customer", "teller")

    def __init__(self, time, seq, kind, customer=None, teller=None):
        self.time, self.seq, self.kind = time, seq, kind
        self.customer, self.teller = customer, teller

    def __eq__(self, other):
        return (self.time, self.seq) == (other.time, other.seq)

    def __lt__(self, other):
        return (self.time, self.seq) < (other.time, other.seq)

    def __repr__(self):
        who = f" c{self.customer}" if self.customer is not None else ""
        at = f" t{self.teller}" if self.teller is not None else ""
        return f"<{self.kind}@{self.time:.2f}{who}{at}>"


class Bank:
    def __init__(self, tellers, arrival_rate, service_mean, seed, close_time):
        self.rng = random.Random(seed)
        self.arrival_rate = arrival_rate
        self.service_mean = service_mean
        self.close_time = close_time
        self.free = Heap(range(tellers))
        self.busy_time = [0.0] * tellers
        self.tellers = tellers
        self.queue = deque()
        self.events = Heap()
        self.seq = 0
        self.now = 0.0
        self.arrived = {}
        self.waits = []
        self.max_queue = 0
        self.log = []

    def schedule(self, delay, kind, customer=None, teller=None):
        self.seq += 1
        self.events.push(Event(self.now + delay, self.seq, kind, customer, teller))

    def start_service(self, customer, teller):
        wait = self.now - self.arrived[customer]
        self.waits.append(wait)
        duration = self.rng.expovariate(1.0 / self.service_mean)
        self.busy_time[teller] += duration
        self.schedule(duration, "depart", customer, teller)

    def on_arrive(self, ev):
        cid = ev.customer
        self.arrived[cid] = self.now
        if self.free:
            self.start_service(cid, self.free.pop())
        else:
            self.queue.append(cid)
            self.max_queue = max(self.max_queue, len(self.queue))
        gap = self.rng.expovariate(self.arrival_rate)
        if self.now + gap < self.close_time:
            self.schedule(gap, "arrive", cid + 1)

    def on_depart(self, ev):
        if self.queue:
            self.start_service(self.queue.popleft(), ev.teller)
        else:
            self.free.push(ev.teller)

    def run(self, trace=0):
        self.schedule(self.rng.uniform(0, 2), "arrive", 0)
        handlers = {"arrive": self.on_arrive, "depart": self.on_depart}
        processed = 0
        while self.events:
            ev = self.events.pop()
            self.now = ev.time
            handlers[ev.kind](ev)
            processed += 1
            if processed <= trace:
                self.log.append(repr(ev))
        end = self.now
        return processed, Stats(
            served=len(self.waits),
            waited=sum(1 for w in self.waits if w > 0),
            max_wait=max(self.waits, default=0.0),
            max_queue=self.max_queue,
            busy_fraction=sum(self.busy_time) / (self.tellers * end) if end else 0.0,
        )


def heapsort(values):
    h = Heap(values)
    return [h.pop() for _ in range(len(h))]


def percentile(values, p):
    ordered = heapsort(values)
    assert ordered == sorted(values)
    k = (len(ordered) - 1) * p
    lo = int(k)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


bank = Bank(tellers=2, arrival_rate=0.5, service_mean=3.5, seed=2024, close_time=60)
processed, stats = bank.run(trace=12)
print("first events:", " ".join(bank.log))
print(f"processed {processed} events, closed at {bank.now:.3f}")
print(f"served={stats.served} waited={stats.waited} max_wait={stats.max_wait:.3f} "
      f"max_queue={stats.max_queue} busy={stats.busy_fraction:.3f}")

print()
print(f"{'tellers':>7} {'served':>6} {'mean wait':>9} {'p90 wait':>8} {'max q':>5} {'busy':>5}")
for tellers in (1, 2, 3, 4):
    b = Bank(tellers, arrival_rate=0.8, service_mean=3.0, seed=7, close_time=240)
    _, s = b.run()
    mean_wait = sum(b.waits) / len(b.waits)
    print(f"{tellers:>7} {s.served:>6} {mean_wait:>9.3f} {percentile(b.waits, 0.9):>8.3f} "
          f"{s.max_queue:>5} {s.busy_fraction:>5.2f}")

rng = random.Random(99)
sample = [rng.randint(1, 6) + rng.randint(1, 6) for _ in range(1000)]
print()
print("dice check:", [sample.count(k) for k in range(2, 13)])
print("choice/shuffle:", rng.choice("abcdef"), end=" ")
deck = list(range(10))
rng.shuffle(deck)
print(deck, rng.sample(range(100), 5), round(rng.gauss(0, 1), 6))
