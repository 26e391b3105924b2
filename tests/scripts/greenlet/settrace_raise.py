# A trace callback that raises is uninstalled and its exception acts as if thrown into the target (spec A.13).
from greenlet import greenlet, getcurrent, settrace, gettrace

main = getcurrent()
calls = []


def bad_tracer(event, args):
    calls.append(event)
    if len(calls) == 3:
        raise KeyError("from tracer")


def body():
    try:
        main.switch("parked")
    except KeyError as e:
        print("greenlet got", repr(e))
        return "handled"


settrace(bad_tracer)
g = greenlet(body)
print(g.switch())
# The third event (switch main->g, resuming g) raises inside g, at its pending switch.
print(g.switch())
print("events:", calls)
print("uninstalled:", gettrace() is None)


# Raising while a greenlet starts: it dies and the error goes to its parent.
def starter_tracer(event, args):
    raise IndexError("start refused")


def never():
    print("never runs")


settrace(starter_tracer)
s = greenlet(never)
try:
    s.switch()
except IndexError as e:
    print("main got", repr(e))
print(s.dead, gettrace() is None)
