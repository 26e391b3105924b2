# raise ... from, implicit __context__, __cause__, __suppress_context__, __traceback__, with_traceback.

def describe(e):
    cause = e.__cause__
    ctx = e.__context__
    return (f"{type(e).__name__}({e}) cause={type(cause).__name__ if cause else None} "
            f"context={type(ctx).__name__ if ctx else None} suppress={e.__suppress_context__}")


try:
    try:
        1 / 0
    except ZeroDivisionError as zde:
        raise ValueError("converted") from zde
except ValueError as e:
    print(describe(e))
    print(e.__cause__ is e.__context__)

try:
    try:
        {}["k"]
    except KeyError:
        raise RuntimeError("during handling")
except RuntimeError as e:
    print(describe(e))
    print(repr(e.__context__))

try:
    try:
        raise OSError("first")
    except OSError:
        raise TypeError("second") from None
except TypeError as e:
    print(describe(e))
    print(repr(e.__context__))

try:
    raise IndexError("explicit") from KeyError("cause only")
except IndexError as e:
    print(describe(e))


def chain_of_three():
    try:
        try:
            try:
                raise ValueError(1)
            except ValueError:
                raise TypeError(2)
        except TypeError:
            raise KeyError(3)
    except KeyError as e:
        out = []
        cur = e
        while cur is not None:
            out.append(type(cur).__name__)
            cur = cur.__context__
        return out


print(chain_of_three())

class AppError(Exception):
    def __init__(self, code, message):
        super().__init__(code, message)
        self.code = code
        self.message = message

    def __str__(self):
        return f"[{self.code}] {self.message}"


try:
    try:
        int("x")
    except ValueError as ve:
        raise AppError(400, "bad input") from ve
except AppError as e:
    print(e, repr(e), e.args, e.code, type(e.__cause__).__name__, e.__cause__)

e = RuntimeError("manual")
e.__cause__ = KeyError("set by hand")
print(e.__suppress_context__, type(e.__cause__).__name__)
e2 = RuntimeError()
e2.__context__ = None
print(e2.__context__)
try:
    try:
        raise ValueError("inner")
    finally:
        print("finally sees exception in flight")
except ValueError as e:
    print("caught", e)

try:
    try:
        raise ValueError("first")
    except ValueError as e:
        try:
            raise TypeError("second")
        except TypeError as e2:
            print(type(e2.__context__).__name__)
        raise
except ValueError as e:
    print("outer got", e, e.__context__)
