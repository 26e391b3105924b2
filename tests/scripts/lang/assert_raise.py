# assert (with and without message), raise of classes and instances, re-raise, custom exceptions.

assert True
assert 1 == 1, "never shown"
try:
    assert 1 == 2
except AssertionError as e:
    print(type(e).__name__, repr(e), e.args)
try:
    assert [], "empty list is falsy"
except AssertionError as e:
    print(type(e).__name__, e, e.args)
try:
    assert False, {"detail": 42}
except AssertionError as e:
    print(e.args[0]["detail"])
evaluated = []
assert True, evaluated.append("message evaluated")
print("message only evaluated on failure:", evaluated)
for exc in (ValueError, ValueError("inst"), KeyError, IndexError("i", 2)):
    try:
        raise exc
    except Exception as e:
        print(type(e).__name__, repr(e), e.args)


class Retry(Exception):
    def __init__(self, attempts):
        super().__init__(f"gave up after {attempts} attempts")
        self.attempts = attempts


def attempt(n):
    for i in range(1, n + 1):
        try:
            if i < n:
                raise ConnectionError(f"try {i}")
            raise Retry(i)
        except ConnectionError as e:
            print("retrying after", e)


try:
    attempt(3)
except Retry as e:
    print(e, e.attempts, isinstance(e, Exception))


def reraise_different():
    try:
        raise ValueError("inner")
    except ValueError as e:
        raise RuntimeError("outer") from e


try:
    reraise_different()
except RuntimeError as e:
    print(e, "caused by", repr(e.__cause__))


def raise_in_finally():
    try:
        return "try"
    finally:
        raise KeyError("finally wins")


try:
    raise_in_finally()
except KeyError as e:
    print(type(e).__name__, e)

try:
    raise
except RuntimeError as e:
    print(type(e).__name__, e)


def check(value):
    if not isinstance(value, int):
        raise TypeError(f"expected int, got {type(value).__name__}")
    if value < 0:
        raise ValueError(f"negative: {value}")
    return value


for v in (3, -1, "x", 2.0):
    try:
        print("ok", check(v))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
