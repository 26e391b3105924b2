# gr_frame of a suspended greenlet: the frame that called switch(), f_back through the
# greenlet's own frames down to run's (whose f_back is None), readable f_locals; and the
# main greenlet seen from a child (spec A.10).
from greenlet import greenlet, getcurrent

main = getcurrent()


def inner(a):
    b = a * 2
    main.switch()
    return b


def run(x):
    y = x + 1
    return inner(y)


def describe(f):
    chain = []
    while f is not None:
        chain.append((f.f_code.co_name, f.f_lineno, sorted(f.f_locals.items())))
        f = f.f_back
    return chain


g = greenlet(run)
g.switch(5)
for entry in describe(g.gr_frame):
    print(entry)
print(g.switch(), g.gr_frame)


def child():
    mf = main.gr_frame
    print(mf.f_code.co_name, mf.f_lineno, mf.f_back, "child" in mf.f_locals)


greenlet(child).switch()


# A generator running inside the greenlet is one of its frames too.
def gen():
    yield main.switch("from generator")


def gen_run():
    for v in gen():
        return v


h = greenlet(gen_run)
print(h.switch())
print([name for name, _, _ in describe(h.gr_frame)])
