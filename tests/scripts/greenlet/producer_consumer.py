# Producer/consumer pipeline built from greenlets passing items with switch().
from greenlet import greenlet, getcurrent

main = getcurrent()
END = "END"


def producer(items):
    for item in items:
        print("produce", item)
        consumer_g.switch(item)
    consumer_g.switch(END)


def consumer():
    total = 0
    while True:
        item = producer_g.switch()
        if item == END:
            return total
        print("consume", item)
        total += item


producer_g = greenlet(lambda: producer([1, 2, 3, 4]))
consumer_g = greenlet(consumer)
# Start the consumer first: it asks the producer for items; its total comes to main.
print("total", consumer_g.switch())
print(producer_g.dead, consumer_g.dead)


# A three-stage pipeline: source -> doubler -> sink, with parents as the glue.
def source():
    for i in range(5):
        doubler_g.switch(i)
    doubler_g.switch(None)


def doubler():
    while True:
        x = source_g.switch()
        if x is None:
            sink_g.switch(None)
            return
        sink_g.switch(x * 2)


def sink():
    got = []
    while True:
        v = doubler_g.switch()
        if v is None:
            return got
        got.append(v)


source_g = greenlet(source)
doubler_g = greenlet(doubler)
sink_g = greenlet(sink)
print("sink collected", sink_g.switch())
