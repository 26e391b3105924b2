# Assignment expressions, lambdas (defaults, closures, varargs), conditional expressions.

data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list", n)
print(n)
values = []
while (item := data.pop()) != 1:
    values.append(item)
print(values, data)
print([y for x in range(6) if (y := x * x) % 2 == 0], y)
print((total := 10) + total)


def uses_walrus(seq):
    if any((hit := v) > 5 for v in seq):
        return hit
    return None


print(uses_walrus([1, 7, 9]), uses_walrus([1, 2]))

square = lambda x: x * x
add = lambda a, b=10: a + b
variadic = lambda *a, **k: (a, sorted(k.items()))
print(square(7), add(1), add(1, 2), variadic(1, 2, z=3, a=1))
print((lambda: "immediate")())
print((lambda x: lambda y: x + y)(3)(4))
print(square.__name__, type(square).__name__)
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
print(list(map(lambda p: p[0] * p[1], [(1, 2), (3, 4)])))
kw_only = lambda *, k=5: k
print(kw_only(), kw_only(k=6))

for v in (-5, 0, 5):
    print("neg" if v < 0 else "zero" if v == 0 else "pos")
print(1 if True else 1 / 0, (1 / 0) if False else "lazy")
x = 7
label = "big" if x > 5 else "small"
print(label, "odd" if x % 2 else "even")
f = (lambda v: "yes") if x else (lambda v: "no")
print(f(0))
print([("even" if i % 2 == 0 else "odd") for i in range(4)])


def default_eval():
    calls = []

    def mark(v):
        calls.append(v)
        return v

    def g(a=mark(1), b=mark(2)):
        return a + b

    g()
    g()
    return calls


print(default_eval())


def mutable_default(x, acc=[]):
    acc.append(x)
    return acc


print(mutable_default(1), mutable_default(2))
print((a := 1, b := 2), a, b)
z = [0]
print(z[0] if z else None, None or "fallback", 0 and "x", "" or [] or 0, 1 and 2 and 3)
print(not 0, not "", not [1], (not None) is True)
