# Greenlets passing work: the consumer pulls items from the producer with `switch()`, the
# producer pushes each one back with `switch(item)`; the consumer's result goes to main.
from greenlet import greenlet

lines = [" apples", "pears ", " plums "]


def produce():
    for line in lines:
        print("produced", repr(line))
        consumer.switch(line)
    consumer.switch(None)


def consume():
    stored = []
    while True:
        item = producer.switch()
        if item is None:
            return stored
        item = item.strip().upper()
        print("stored", item)
        stored.append(item)


producer = greenlet(produce)
consumer = greenlet(consume)
result = consumer.switch()
print("all stored:", result, "producer dead:", producer.dead, "consumer dead:", consumer.dead)
