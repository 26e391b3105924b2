# settrace/gettrace: return values and the recorded event sequence (spec A.13).
import greenlet as greenlet_module
from greenlet import greenlet, getcurrent, settrace, gettrace

main = getcurrent()
names = {}
events = []


def name(g):
    return names.get(id(g), "?")


def tracer(event, args):
    origin, target = args
    events.append("%s %s->%s" % (event, name(origin), name(target)))


print(gettrace() is None)
print(settrace(tracer) is None)
print(gettrace() is tracer)
names[id(main)] = "main"


def w_run():
    main.switch()
    try:
        main.switch()
    except ValueError:
        return "w done"


w = greenlet(w_run)
u = greenlet(lambda: None)
d = greenlet(lambda: "d done")
names[id(w)] = "w"
names[id(u)] = "u"
names[id(d)] = "d"
w.switch()
w.switch()
print(w.throw(ValueError))
try:
    u.throw(KeyError)
except KeyError:
    pass
d.switch()
d.switch()
old = settrace(None)
print(old is tracer, gettrace() is None)
for e in events:
    print(e)

# Self-switch fires switch(current, current); exception to parent fires throw.
events.clear()
settrace(tracer)
main.switch()
e = greenlet(lambda: 1 / 0)
names[id(e)] = "e"
try:
    e.switch()
except ZeroDivisionError:
    pass


def exits():
    raise greenlet_module.GreenletExit


x = greenlet(exits)
names[id(x)] = "x"
x.switch()
settrace(None)
for e in events:
    print(e)


# A second settrace returns the first callback.
def other(event, args):
    pass


settrace(tracer)
print(settrace(other) is tracer)
print(settrace(None) is other)
