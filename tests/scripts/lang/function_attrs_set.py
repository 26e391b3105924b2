# Function attributes scripts assign: __defaults__ (rebinding defaults), __name__,
# __qualname__, arbitrary attributes.

def f(a, b):
    return a, b


print(f.__defaults__)
f.__defaults__ = (2,)
print(f.__defaults__, f(1), f(1, 3))
f.__defaults__ = None
try:
    f(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f.__defaults__ = [1]
except TypeError as e:
    print(type(e).__name__, e)
f.__name__ = "renamed"
f.__qualname__ = "Outer.renamed"
f.calls = 0
f.calls += 1
print(f.__name__, f.__qualname__, f.calls, sorted(f.__dict__))
