# The built-in exception hierarchy, args, user subclasses, catching by base class.

names = ["BaseException", "Exception", "GeneratorExit", "KeyboardInterrupt", "SystemExit", "StopIteration",
         "ArithmeticError", "ZeroDivisionError", "OverflowError", "AssertionError", "AttributeError",
         "ImportError", "ModuleNotFoundError", "LookupError", "IndexError", "KeyError", "NameError",
         "UnboundLocalError", "OSError", "FileNotFoundError", "RuntimeError", "RecursionError",
         "NotImplementedError", "TypeError", "ValueError", "UnicodeError", "StopAsyncIteration",
         "FloatingPointError", "BufferError", "EOFError", "MemoryError", "ReferenceError", "SyntaxError",
         "IndentationError", "SystemError", "UnicodeDecodeError", "UnicodeEncodeError", "PermissionError",
         "FileExistsError", "IsADirectoryError", "NotADirectoryError", "TimeoutError", "ConnectionError",
         "Warning", "UserWarning", "DeprecationWarning", "RuntimeWarning"]
builtins_ns = __builtins__ if isinstance(__builtins__, dict) else vars(__builtins__)
for name in names:
    cls = builtins_ns[name]
    print(name, "->", [k.__name__ for k in cls.__mro__])

print(issubclass(KeyError, LookupError), issubclass(ModuleNotFoundError, ImportError),
      issubclass(SystemExit, Exception), issubclass(KeyboardInterrupt, BaseException),
      issubclass(RecursionError, RuntimeError), issubclass(UnboundLocalError, NameError),
      issubclass(FileNotFoundError, OSError), issubclass(bool, int), issubclass(StopIteration, Exception))
print(IOError is OSError, EnvironmentError is OSError)


class MyError(Exception):
    pass


class MyLookup(MyError, LookupError):
    pass


try:
    raise MyLookup("mine", 1)
except LookupError as e:
    print(type(e).__name__, e, e.args, isinstance(e, MyError), isinstance(e, Exception))

for exc in [ZeroDivisionError("z"), KeyError("k"), IndexError("i"), OverflowError("o"), MyLookup()]:
    try:
        raise exc
    except ArithmeticError as e:
        print("arith", repr(e))
    except LookupError as e:
        print("lookup", repr(e))

print(repr(Exception()), repr(Exception("one")), repr(Exception("one", "two")), str(Exception("one", "two")))
print(str(KeyError("k")), str(KeyError()), str(KeyError("a", "b")), repr(KeyError(1)))
e = ValueError("msg")
e.args = ("changed",)
print(e, e.args)
e.extra = 5
print(e.extra)
print(repr(StopIteration(7)), StopIteration(7).value, StopIteration().value)
print(SystemExit(3).code, SystemExit().code, SystemExit("m").code, SystemExit(1, 2).code)
print(OSError(2, "No such file").errno, OSError(2, "No such file").strerror, str(OSError(2, "No such file")))
print(ImportError("m", name="mod").name, AttributeError("a").args)
try:
    [].pop()
except IndexError as e:
    print(type(e).__name__, e)
try:
    undefined_name
except NameError as e:
    print(type(e).__name__, e)
try:
    None.attr
except AttributeError as e:
    print(type(e).__name__, e)
try:
    "abc".nope
except AttributeError as e:
    print(type(e).__name__, e)
try:
    len(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    "a" + 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    [1, 2].index(9)
except ValueError as e:
    print(type(e).__name__, e)
try:
    raise NotImplementedError("todo")
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    import no_such_module_here
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    open("/definitely/not/here.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename)
try:
    raise KeyboardInterrupt
except Exception:
    print("wrong: KeyboardInterrupt is not an Exception")
except BaseException as e:
    print("BaseException caught", type(e).__name__)
try:
    "é".encode("ascii")
except UnicodeError as e:
    print(type(e).__name__, e)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print(type(e).__name__, e)


class WithInit(Exception):
    def __init__(self, a, b):
        self.a = a
        self.b = b


w = WithInit(1, 2)
print(w.args, str(w), repr(w))


class Base(Exception):
    def __init__(self, *args):
        super().__init__(*args)


print(repr(Base()), repr(Base(1)), isinstance(Base(), BaseException))
print(Exception.__name__, MyError.__bases__ == (Exception,), MyLookup.__mro__[1:3] == (MyError, LookupError))
print(BaseException("x").with_traceback(None).args)
