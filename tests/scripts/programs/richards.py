# Richards-style task scheduler simulation: devices, handlers, a worker and an idle task exchanging packets.

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
KIND_DEVICE, KIND_WORK = 0, 1
BUFSIZE = 4


class Packet:
    def __init__(self, link, ident, kind):
        self.link, self.ident, self.kind, self.datum = link, ident, kind, 0
        self.data = [0] * BUFSIZE

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        p = queue
        while p.link is not None:
            p = p.link
        p.link = self
        return queue


class Task:
    def __init__(self, sched, ident, priority, queue, state):
        self.sched, self.ident, self.priority = sched, ident, priority
        self.queue, self.held = queue, False
        self.waiting = queue is None and state == "wait"
        self.runs = 0

    @property
    def runnable(self):
        return not self.held and (not self.waiting or self.queue is not None)

    def take_packet(self):
        pkt = self.queue
        if pkt is None:
            return None
        self.queue = pkt.link
        pkt.link = None
        return pkt


class IdleTask(Task):
    def __init__(self, sched, ident, priority, count):
        super().__init__(sched, ident, priority, None, "run")
        self.control = 1
        self.count = count

    def run(self, pkt):
        self.count -= 1
        if self.count == 0:
            return self.sched.hold_self()
        if self.control & 1 == 0:
            self.control >>= 1
            return self.sched.release(DEVICE_A)
        self.control = (self.control >> 1) ^ 0xD008
        return self.sched.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, sched, ident, priority, queue):
        super().__init__(sched, ident, priority, queue, "wait")
        self.dest = HANDLER_A
        self.count = 0

    def run(self, pkt):
        if pkt is None:
            return self.sched.wait()
        self.dest = HANDLER_B if self.dest == HANDLER_A else HANDLER_A
        pkt.ident = self.dest
        pkt.datum = 0
        for i in range(BUFSIZE):
            self.count = self.count % 26 + 1
            pkt.data[i] = ord("A") + self.count - 1
        return self.sched.queue_packet(pkt)


class HandlerTask(Task):
    def __init__(self, sched, ident, priority, queue):
        super().__init__(sched, ident, priority, queue, "wait")
        self.work_in = None
        self.device_in = None

    def run(self, pkt):
        if pkt is not None:
            if pkt.kind == KIND_WORK:
                self.work_in = pkt.append_to(self.work_in)
            else:
                self.device_in = pkt.append_to(self.device_in)
        if self.work_in is not None:
            work = self.work_in
            count = work.datum
            if count < BUFSIZE:
                if self.device_in is not None:
                    dev = self.device_in
                    self.device_in = dev.link
                    dev.datum = work.data[count]
                    work.datum = count + 1
                    return self.sched.queue_packet(dev)
            else:
                self.work_in = work.link
                return self.sched.queue_packet(work)
        return self.sched.wait()


class DeviceTask(Task):
    def __init__(self, sched, ident, priority):
        super().__init__(sched, ident, priority, None, "wait")
        self.pending = None
        self.output = []

    def run(self, pkt):
        if pkt is None:
            if self.pending is None:
                return self.sched.wait()
            pkt, self.pending = self.pending, None
            return self.sched.queue_packet(pkt)
        self.pending = pkt
        self.output.append(chr(pkt.datum))
        return self.sched.hold_self()


class Scheduler:
    def __init__(self):
        self.tasks, self.current = {}, None
        self.queue_count = self.hold_count = 0

    def add(self, task):
        self.tasks[task.ident] = task

    def ordered(self):
        return sorted(self.tasks.values(), key=lambda t: -t.priority)

    def wait(self):
        self.current.waiting = True
        return None

    def hold_self(self):
        self.hold_count += 1
        self.current.held = True
        return None

    def release(self, ident):
        self.tasks[ident].held = False
        return None

    def queue_packet(self, pkt):
        target = self.tasks[pkt.ident]
        self.queue_count += 1
        pkt.link = None
        pkt.ident = self.current.ident
        target.queue = pkt.append_to(target.queue)
        return None

    def schedule(self, limit=100000):
        steps = 0
        while steps < limit:
            runnable = [t for t in self.ordered() if t.runnable]
            if not runnable:
                break
            task = runnable[0]
            self.current = task
            pkt = None
            if task.waiting or task.queue is not None:
                pkt = task.take_packet()
                task.waiting = False
            task.runs += 1
            task.run(pkt)
            steps += 1
        return steps


def build(count):
    s = Scheduler()
    s.add(IdleTask(s, IDLE, 0, count))
    wq = Packet(None, WORKER, KIND_WORK)
    wq = Packet(wq, WORKER, KIND_WORK)
    s.add(WorkerTask(s, WORKER, 1000, wq))
    for ident, prio in ((HANDLER_A, 2000), (HANDLER_B, 3000)):
        q = Packet(None, ident + 2, KIND_DEVICE)
        q = Packet(q, ident + 2, KIND_DEVICE)
        q = Packet(q, ident + 2, KIND_DEVICE)
        s.add(HandlerTask(s, ident, prio, q))
    s.add(DeviceTask(s, DEVICE_A, 4000))
    s.add(DeviceTask(s, DEVICE_B, 5000))
    return s


for count in (10, 100, 1000):
    sched = build(count)
    steps = sched.schedule()
    print(f"count={count} steps={steps} queued={sched.queue_count} held={sched.hold_count}")
    for t in sorted(sched.tasks.values(), key=lambda t: t.ident):
        print(f"  {type(t).__name__:<11} id={t.ident} prio={t.priority:>4} runs={t.runs}")
    for dev in (DEVICE_A, DEVICE_B):
        out = "".join(sched.tasks[dev].output)
        print(f"  device {dev} wrote {len(out)} chars: {out[:40]!r}")
