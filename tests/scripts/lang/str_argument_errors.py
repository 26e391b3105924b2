# The TypeErrors of str methods given an argument of the wrong type, worded per method
# as CPython words them.
for method in ["split", "rsplit", "strip", "lstrip", "rstrip", "removeprefix", "removesuffix"]:
    for arg in [5, None, b"x", ["a"]]:
        try:
            result = getattr("a,b", method)(arg)
            print(method, repr(arg), "->", result)
        except TypeError as e:
            print(method, repr(arg), "TypeError:", e)
try:
    "ab".removeprefix()
except TypeError as e:
    print("TypeError:", e)
