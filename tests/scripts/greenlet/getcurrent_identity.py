# getcurrent() identity: same object every time, including subclass instances (spec A.8).
from greenlet import greenlet, getcurrent

main = getcurrent()
print(getcurrent() is main, greenlet.getcurrent() is main)
print(type(main).__name__)


class Mine(greenlet):
    def run(self):
        me = getcurrent()
        print("inside subclass:", me is self, type(me).__name__, isinstance(me, Mine))
        print("same again:", getcurrent() is me)
        self.parent.switch("parked")
        print("after resume:", getcurrent() is self)
        return "end"


m = Mine()
print(m.switch())
print("back in main:", getcurrent() is main)
print(m.switch())
print("after finish:", getcurrent() is main)


def nested():
    a = getcurrent()
    b = greenlet(lambda: getcurrent()).switch()
    return a is not b and getcurrent() is a and b.dead


print("nested ok:", greenlet(nested).switch())

seen = []


def rec():
    seen.append(getcurrent())


gs = [greenlet(rec) for _ in range(3)]
for g in gs:
    g.switch()
print([seen[i] is gs[i] for i in range(3)])
print(len(set(map(id, seen))))
