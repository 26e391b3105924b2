# A local that the function unbinds somewhere (`del`, the end of `except ... as`) is
# checked on every read: deleted in a branch, a `try`, a `with` or a loop body, it must
# raise UnboundLocalError where it is read next, including in a loop's repeated test.


class Quiet:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def show(f, *args):
    try:
        print(f.__name__, f(*args))
    except UnboundLocalError as e:
        print(f.__name__, "UnboundLocalError:", e)


def straight(c):
    x = 1
    if c:
        del x
    return x


def in_try(c):
    x = 1
    try:
        if c:
            del x
    except KeyError:
        pass
    return x


def in_with(c):
    x = 1
    with Quiet():
        if c:
            del x
    return x


def while_truth(c):
    x = 5
    while x:
        if c:
            del x
    return "exited"


def while_compare(c):
    x = 5
    while x > 0:
        if c:
            del x
        else:
            x -= 1
    return "counted down"


def except_as():
    x = 1
    while x:
        try:
            raise KeyError("k")
        except KeyError as x:
            pass
    return "exited"


def deleted_param(x):
    del x
    return x


def still_fine(n):
    # The same shapes with nothing deleted run to the end.
    total = 0
    i = 0
    while i < n:
        try:
            total += i
        except KeyError as err:
            print(err)
        i += 1
    return total


for f, args in [
    (straight, (True,)),
    (straight, (False,)),
    (in_try, (True,)),
    (in_with, (True,)),
    (while_truth, (True,)),
    (while_compare, (True,)),
    (while_compare, (False,)),
    (except_as, ()),
    (deleted_param, (3,)),
    (still_fine, (5,)),
]:
    show(f, *args)
