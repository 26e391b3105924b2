# functools: lru_cache (maxsize, typed, cache_info/cache_clear), cache, singledispatch.
import functools

calls = []

@functools.lru_cache(maxsize=2)
def double(x):
    calls.append(x)
    return x * 2

print(double(1), double(1), double(2), double(3), double(1))
print(calls)
print(double.cache_info())
info = double.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize)
double.cache_clear()
print(double.cache_info(), double.__name__)

@functools.lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), fib.cache_info())

@functools.cache
def fact(n):
    return 1 if n == 0 else n * fact(n - 1)
print(fact(20), fact.cache_info())

@functools.lru_cache(maxsize=None, typed=True)
def ident(x):
    calls.append(("ident", x))
    return x
ident(1)
ident(1.0)
ident(1)
print(ident.cache_info(), calls[-2:])

@functools.lru_cache(maxsize=None)
def untyped(x):
    return type(x).__name__
print(untyped(1), untyped(1.0), untyped.cache_info())

@functools.lru_cache(maxsize=0)
def nocache(x):
    return x
nocache(1)
nocache(1)
print(nocache.cache_info())

@functools.lru_cache()
def kw(a, b=0):
    return a + b
print(kw(1, b=2), kw(1, b=2), kw(a=1, b=2), kw.cache_info())

@functools.singledispatch
def describe(obj):
    return "object"

@describe.register(int)
def _(obj):
    return "int %d" % obj

@describe.register
def _(obj: list):
    return "list of %d" % len(obj)

print(describe(3), describe([1, 2]), describe("s"), describe(True))
print(describe.dispatch(bool).__name__, describe.dispatch(str) is describe.registry[object])
