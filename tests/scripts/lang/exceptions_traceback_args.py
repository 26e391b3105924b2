# __traceback__ chains and with_traceback, exception args and reprs, and the TypeErrors
# for raising non-exceptions.

def tb_depth(tb):
    n = 0
    while tb is not None:
        n += 1
        tb = tb.tb_next
    return n


def level3():
    raise LookupError("deep")


def level2():
    level3()


def level1():
    level2()


try:
    level1()
except LookupError as e:
    print(tb_depth(e.__traceback__), e.__traceback__.tb_frame is not None)
    print(e.__traceback__.tb_lineno, e.__traceback__.tb_next.tb_lineno)

err = ValueError("bare")
print(err.__traceback__, err.__cause__, err.__context__, err.__suppress_context__)
same = err.with_traceback(None)
print(same is err)
try:
    raise err
except ValueError as e:
    tb = e.__traceback__
    print(tb is not None, tb_depth(tb))
try:
    raise KeyError("x").with_traceback(tb)
except KeyError as e:
    print(tb_depth(e.__traceback__))


try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args, str(e) == "")

try:
    raise ValueError("a", 2, None)
except ValueError as e:
    print(repr(e), e.args, str(e))

try:
    raise 42
except TypeError as e:
    print(type(e).__name__, e)

try:
    raise ValueError("x") from 5
except TypeError as e:
    print(type(e).__name__, e)
