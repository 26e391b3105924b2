# try/except/else/finally ordering: nested handlers, tuples of exception types, the
# `as` name being cleared, bare raise, exceptions from else blocks.

def nested():
    log = []
    try:
        try:
            raise TypeError("inner")
        except ValueError:
            log.append("wrong handler")
        finally:
            log.append("inner finally")
    except TypeError as e:
        log.append("outer caught " + str(e))
    return log


print(nested())


def multiple_excepts(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return "lookup " + type(e).__name__
    except ZeroDivisionError:
        return "zero"
    except Exception as e:
        return "other " + type(e).__name__


print(multiple_excepts(KeyError()), multiple_excepts(IndexError()), multiple_excepts(ZeroDivisionError()),
      multiple_excepts(RuntimeError()))


def name_cleared():
    try:
        raise ValueError("x")
    except ValueError as e:
        pass
    try:
        return e
    except NameError as ne:
        return "cleared: " + str(ne)


print(name_cleared())


def bare_reraise():
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            print("handling, then re-raise")
            raise
    except ZeroDivisionError as e:
        return "re-raised " + str(e)


print(bare_reraise())


def return_value_order():
    x = 1
    try:
        return x
    finally:
        x = 2


print(return_value_order())


def loop_with_else():
    for i in range(3):
        try:
            pass
        finally:
            pass
    else:
        return "for else ran"


print(loop_with_else())


def exception_in_else():
    try:
        try:
            pass
        except ValueError:
            return "not here"
        else:
            raise ValueError("from else")
        finally:
            print("finally after else")
    except ValueError as e:
        return str(e)


print(exception_in_else())

count = 0
for i in range(3):
    try:
        try:
            if i == 1:
                raise RuntimeError(i)
        finally:
            count += 1
    except RuntimeError as e:
        print("caught", e.args)
print("count", count)
