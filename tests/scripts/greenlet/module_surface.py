# Module surface: names, exception hierarchy, class attributes (spec A.2).
import greenlet as glmod
from greenlet import greenlet, getcurrent, GreenletExit, error, settrace, gettrace

print(issubclass(GreenletExit, BaseException))
print(issubclass(GreenletExit, Exception))
print(issubclass(error, Exception))
print(error.__name__, GreenletExit.__name__)
print(greenlet.getcurrent is getcurrent)
print(greenlet.error is error)
print(greenlet.GreenletExit is GreenletExit)
print(glmod.greenlet is greenlet, glmod.getcurrent is getcurrent)
print(glmod.error is error, glmod.GreenletExit is GreenletExit)
print(callable(settrace), callable(gettrace))
print(isinstance(getcurrent(), greenlet))
print(type(getcurrent()) is greenlet)

# error and GreenletExit can be raised and caught normally
try:
    raise error("boom")
except Exception as e:
    print("caught error:", e)
try:
    raise GreenletExit("bye")
except Exception:
    print("wrong: caught as Exception")
except BaseException as e:
    print("caught GreenletExit as BaseException:", e)


# subclassing and instance __dict__
class MyGreenlet(greenlet):
    kind = "mine"


g = MyGreenlet(lambda: None)
g.note = 42
print(isinstance(g, greenlet), g.kind, g.note)
print("note" in g.__dict__)
h = greenlet(lambda: None)
h.tag = "t"
print(h.__dict__ == {"tag": "t"})
