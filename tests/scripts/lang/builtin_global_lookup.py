# Names that resolve to builtins: read from the builtins module each time, so globals that
# shadow them, builtins replaced or added later, and names bound nowhere behave as in
# CPython.
import builtins


def lengths(items):
    return [len(x) for x in items]


print(lengths(["a", "bb", [1, 2, 3]]))

len = lambda x: -1
print("shadowed by a global:", lengths(["a", "bb"]))
del len
print("global deleted:", lengths(["a", "bb"]))

real_len = builtins.len
builtins.len = lambda x: 100
print("builtin replaced:", lengths(["a"]))
builtins.len = real_len
print("builtin restored:", lengths(["abc"]))


def uses_later_builtin():
    return answer_everywhere * 2


try:
    uses_later_builtin()
except NameError as e:
    print("before:", e)
builtins.answer_everywhere = 21
print("added to builtins:", uses_later_builtin())
del builtins.answer_everywhere


def missing():
    total = 0
    for i in range(3):
        total += i
    return total + not_defined_anywhere


try:
    missing()
except NameError as e:
    print("NameError:", e)

del builtins.len
try:
    lengths(["x"])
except NameError as e:
    print("builtin deleted:", e)
builtins.len = real_len
print("back:", lengths(["xy"]))
