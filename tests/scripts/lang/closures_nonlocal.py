# Closures, cells shared between inner functions, nonlocal and global rebinding.

def make_counter(start=0):
    count = start

    def inc(step=1):
        nonlocal count
        count += step
        return count

    def get():
        return count

    return inc, get


inc, get = make_counter(10)
print(inc(), inc(5), get())
inc2, get2 = make_counter()
print(inc2(), get(), get2())

# Late binding: all lambdas see the final value of i.
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
# Default arguments capture the value at definition time.
funcs = [lambda i=i: i * 10 for i in range(3)]
print([f() for f in funcs])


def outer():
    x = "outer"

    def middle():
        def inner():
            nonlocal x
            x = "changed by inner"
            return x

        return inner()

    r = middle()
    return r, x


print(outer())

total = 0


def add_global(n):
    global total
    total += n
    return total


add_global(3)
add_global(4)
print("total", total)


def define_global():
    global created_later
    created_later = "made inside a function"


define_global()
print(created_later)


def closure_over_loop_var():
    out = []
    for i in range(3):
        def show(i=i):
            return i * i
        out.append(show)
    return [f() for f in out]


print(closure_over_loop_var())


def cell_after_return():
    fs = []
    x = 1
    fs.append(lambda: x)
    x = 2
    return fs[0]()


print(cell_after_return())


def unbound():
    try:
        print(y)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    y = 1
    return y


print(unbound())


def nested_nonlocal():
    a = 0

    def level1():
        def level2():
            nonlocal a
            a += 100
        level2()
        level2()
    level1()
    return a


print(nested_nonlocal())
print(make_counter.__name__, inc.__name__, inc.__qualname__)
print(inc.__closure__ is not None, len(inc.__closure__))
print(make_counter.__closure__)
