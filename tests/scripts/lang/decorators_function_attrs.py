# Decorators (stacked, with arguments), docstrings, function attributes, __qualname__,
# returning tuples, functions as values, bound built-in methods.

def trace(fn):
    def wrapper(*args, **kwargs):
        print("call", fn.__name__, args, kwargs)
        return fn(*args, **kwargs)
    wrapper.__name__ = "traced_" + fn.__name__
    return wrapper


def times(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco


@trace
@times(2)
def greet(name):
    return "hi " + name


print(greet("bob"), greet.__name__)


def doc():
    """Docstring here."""
    return doc.__doc__


print(doc(), trace.__doc__)


def recursive_default(n, acc=None):
    if acc is None:
        acc = []
    acc.append(n)
    return acc if n == 0 else recursive_default(n - 1, acc)


print(recursive_default(3))


def returns_nothing():
    return


def returns_multiple():
    return 1, "two", [3]


print(returns_nothing(), returns_multiple())


def attr_on_function():
    attr_on_function.calls += 1
    return attr_on_function.calls


attr_on_function.calls = 0
attr_on_function()
print(attr_on_function(), attr_on_function.calls)


def varargs_only(*args):
    return len(args), args


print(varargs_only(), varargs_only(*range(5)), varargs_only([1, 2]))


def kwargs_only(**kw):
    return list(kw.items())


print(kwargs_only(z=1, a=2, m=3))
print(callable(times), type(times).__name__, times.__qualname__, trace.__qualname__)


def outer_q():
    def inner_q():
        pass
    return inner_q


print(outer_q().__qualname__, outer_q.__module__)
first_class = [trace, times, len]
print([fn.__name__ for fn in first_class])
bound = "abc".upper
print(bound(), type(bound).__name__)
