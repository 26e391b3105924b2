# _continuation.generator / genlet: iteration, nested helpers, methods, returning a value (spec B.7).
from _continuation import generator, continulet


@generator
def count_up(cont, n):
    for i in range(n):
        cont.switch(i)


g = count_up(4)
print(type(g).__name__, isinstance(g, continulet), iter(g) is g)
print(next(g), next(g), next(g), next(g))
try:
    next(g)
except StopIteration:
    print("StopIteration when the function returns")
print(list(count_up(5)))


# Items produced from nested helper calls that receive cont.
def emit_pair(cont, x):
    cont.switch(x)
    cont.switch(-x)


@generator
def pairs(cont, values):
    for v in values:
        emit_pair(cont, v)


print(list(pairs([1, 2, 3])))


# As a method, through the descriptor protocol.
class Tree:
    def __init__(self, value, *children):
        self.value = value
        self.children = children

    @generator
    def walk(self, cont):
        cont.switch(self.value)
        for child in self.children:
            for v in child.walk():
                cont.switch(v)


t = Tree(1, Tree(2, Tree(3)), Tree(4))
print(list(t.walk()))


# Returning a value other than None is an error; None is fine.
@generator
def returns_value(cont):
    cont.switch("item")
    return 42


it = returns_value()
print(next(it))
try:
    next(it)
except TypeError as e:
    print("TypeError:", e)

# generator(f) without decorator syntax; zip of two genlets.
squares = generator(lambda cont, n: [cont.switch(i * i) for i in range(n)] and None)
print(list(zip(squares(5), count_up(3))))
