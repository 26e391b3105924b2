# Classes and instances: methods, class/instance attributes, class bodies, nested classes, identity.

class Stack:
    """A tiny stack."""

    created = 0

    def __init__(self, *items):
        self.items = list(items)
        Stack.created += 1

    def push(self, item):
        self.items.append(item)
        return self

    def pop(self):
        return self.items.pop()

    def __len__(self):
        return len(self.items)

    def __repr__(self):
        return f"Stack({', '.join(map(repr, self.items))})"

    class Empty(Exception):
        pass

    def safe_pop(self):
        if not self.items:
            raise Stack.Empty("stack is empty")
        return self.pop()


s = Stack(1, 2)
s.push(3).push("four")
print(s, len(s), s.pop(), s, Stack.created, Stack.__doc__)
t = Stack()
try:
    t.safe_pop()
except Stack.Empty as e:
    print(type(e).__name__, e, type(e).__qualname__)
print(Stack.created, s.created, t.created)


class Account:
    interest = 0.02
    accounts = []

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        Account.accounts.append(owner)

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("amount must be positive")
        self.balance += amount
        return self.balance

    def yearly(self):
        return round(self.balance * (1 + self.interest), 2)


a = Account("ann", 100)
b = Account("bob")
a.deposit(50)
b.interest = 0.5
b.deposit(10)
print(a.balance, b.balance, a.yearly(), b.yearly(), Account.accounts, Account.interest)
try:
    a.deposit(-1)
except ValueError as e:
    print(e)


class Shape:
    def area(self):
        raise NotImplementedError(type(self).__name__ + ".area")

    def describe(self):
        return f"{type(self).__name__} with area {self.area()}"


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2


class Circle(Shape):
    def __init__(self, r):
        self.r = r

    def area(self):
        return round(3.14159 * self.r ** 2, 3)


for shape in [Square(3), Circle(1)]:
    print(shape.describe())
try:
    Shape().describe()
except NotImplementedError as e:
    print(type(e).__name__, e)


class Body:
    x = 1
    y = x + 1
    items = [x, y]
    for i in range(3):
        items.append(i)
    del i

    def method(self):
        return self.y


print(Body.x, Body.y, Body.items, hasattr(Body, "i"), Body().method())


def factory(n):
    class Local:
        value = n

        def get(self):
            return self.value * 2

    return Local


L1, L2 = factory(1), factory(5)
print(L1().get(), L2().get(), L1 is L2, L1.__name__, L1.__qualname__)
objs = [Stack() for _ in range(3)]
print(len(objs), objs[0] is objs[1], objs[0] == objs[0], Stack.created)


class Chain:
    def __init__(self):
        self.ops = []

    def add(self, op):
        self.ops.append(op)
        return self


print(Chain().add("a").add("b").ops)
m = s.push
m(99)
print(s, m.__self__ is s)


class WithClassRef:
    def clone(self):
        return self.__class__()


print(type(WithClassRef().clone()).__name__)
