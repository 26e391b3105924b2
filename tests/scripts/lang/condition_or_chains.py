# `or`/`and` chains as conditions: short-circuit order, each operand's truth tested once,
# comparisons fused into the jumps, and nested mixes, in if/elif/while/assert and
# comprehension filters.
calls = []


class T:
    def __init__(self, name, value):
        self.name, self.value = name, value

    def __bool__(self):
        calls.append(self.name)
        return self.value


def check(label, f):
    calls.clear()
    print(label, f(), calls)


a, b, c = T("a", False), T("b", True), T("c", False)
check("a or b", lambda: "yes" if a or b else "no")
check("b or a", lambda: "yes" if b or a else "no")
check("a or c", lambda: "yes" if a or c else "no")
check("a or c or b", lambda: "yes" if a or c or b else "no")
check("(a and b) or c", lambda: "yes" if (a and b) or c else "no")
check("a or (b and c)", lambda: "yes" if a or (b and c) else "no")
check("(b or a) and (c or b)", lambda: "yes" if (b or a) and (c or b) else "no")
check("not (a or b)", lambda: "yes" if not (a or b) else "no")
check("value of a or b", lambda: (a or b).name)

for i in range(12):
    if i % 3 == 0 or i % 5 == 0:
        print(i, "fizz-or-buzz", end="; ")
    elif i > 9 or i < 0:
        print(i, "edge", end="; ")
print()
n = 0
while n < 3 or n == 5:
    n += 1
print("while stopped at", n)
print([x for x in range(20) if x < 2 or x > 17 or x == 10])
x = float("nan")
print("nan", "yes" if x < 1 or x > 1 else "no", "yes" if not (x < 1) or x == x else "no")
try:
    assert a or c, "both false"
except AssertionError as e:
    print("AssertionError:", e, calls[-2:])
