# The packing table for values received from switch(), in both directions (spec A.4).
from greenlet import greenlet, getcurrent

main = getcurrent()
received = []


def echo():
    # Receive into child: each main-side switch() is packed here.
    while True:
        v = main.switch("ready")
        received.append(v)


g = greenlet(echo)
print(g.switch())
tup = (1,)
g.switch()
g.switch(None)
g.switch(7)
g.switch(tup)
g.switch(1, 2)
g.switch(k=1)
g.switch(3, k=4, j=5)
g.switch(*[], **{})
g.switch(*[8])
g.switch(**{"z": 9})
for v in received:
    print(repr(v))
print("same object:", received[3] is tup)

# Other direction: values received by main from the child.
sent = object()


def sender():
    main.switch()
    main.switch(None)
    main.switch("x")
    main.switch((2,))
    main.switch(1, 2, 3)
    main.switch(a=1)
    main.switch(1, a=2)
    main.switch(*(), **{})
    main.switch(sent)
    return (5, 6)


s = greenlet(sender)
for i in range(9):
    v = s.switch()
    print(i, repr(v) if v is not sent else "sent object")
print("return", repr(s.switch()), s.dead)

# run() receives the switch arguments exactly, unpacked.
def starter(*args, **kwargs):
    print("started with", args, sorted(kwargs.items()))
    return None


print(repr(greenlet(starter).switch()))
print(repr(greenlet(starter).switch(1)))
print(repr(greenlet(starter).switch((1,), b=2)))
