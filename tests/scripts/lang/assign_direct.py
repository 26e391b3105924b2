# `x = <expression>` into a local: the expression sees the old value of x, and an
# exception part-way through leaves x unchanged.


def fails(v):
    raise ValueError(v)


class Box:
    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v

    def __getitem__(self, i):
        if i > 5:
            raise IndexError(i)
        return self.v * i

    def __add__(self, other):
        return Box(self.v + other)

    def __neg__(self):
        raise ArithmeticError("no negation")

    def __lt__(self, other):
        return self.v < other


def scenarios():
    x = 1
    x = x + 1
    x = x * x + x
    print("arith", x)
    x = [x, 2, 3]
    x = x[0]
    print("subscript of itself", x)
    x = -x
    x = not x
    print("unary", x)
    x = Box(7)
    x = x.get()
    print("method of itself", x)
    x = x < 10
    print("compare", x)
    x = 5
    try:
        x = x + fails("late operand")
    except ValueError as e:
        print("after failed binop:", x, e)
    try:
        x = fails("call")
    except ValueError:
        print("after failed call:", x)
    b = Box(3)
    try:
        x = b[10]
    except IndexError:
        print("after failed subscript:", x)
    try:
        x = -b
    except ArithmeticError:
        print("after failed unary:", x)
    x = b + 4
    print("dunder add", x.v)
    x = b[2]
    print("dunder getitem", x)
    y = x
    x = y and fails
    print("bool op", x is fails)
    x = 3 if x is None else 4
    print("if expression", x)
    x = 1 < x < 10
    print("chained", x)
    a = b = 0
    a = b = a + 1
    print("several targets", a, b)
    x = [x, 1]
    x = (x, x[1])
    x = {x[1]: x}
    x = {len(x), 2}
    print("displays of itself", sorted(x))
    x = []
    print("empty list", x)
    try:
        x = [1, fails("list item"), 3]
    except ValueError:
        print("after failed list display:", x)
    try:
        x = (x, -b)
    except ArithmeticError:
        print("after failed tuple display:", x)
    try:
        x = {"k": fails("dict value")}
    except ValueError:
        print("after failed dict display:", x)
    x = [*x, *"ab"]
    x = {**{"a": x}, "b": 2}
    print("unpacking displays", x)
    x = ()
    print("empty tuple", x)


scenarios()


def gen():
    x = 0
    while x < 3:
        x = (yield x) + 1
    print("generator ended with", x)


g = gen()
print(next(g), g.send(1))
try:
    g.send(2)
except StopIteration:
    print("stopped")
