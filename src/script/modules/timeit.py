"""Timing small pieces of code, as CPython's timeit module does."""

import time

default_timer = time.perf_counter
default_number = 1000000
default_repeat = 5

_TEMPLATE = """
def inner(_it, _timer):
{setup}
    _t0 = _timer()
    for _i in _it:
{stmt}
        pass
    _t1 = _timer()
    return _t1 - _t0
"""


def _indent(code, spaces):
    pad = " " * spaces
    return "\n".join(pad + line for line in code.split("\n"))


class Timer:
    def __init__(self, stmt="pass", setup="pass", timer=default_timer, globals=None):
        self.timer = timer
        namespace = {} if globals is None else dict(globals)
        if isinstance(stmt, str) and isinstance(setup, str):
            source = _TEMPLATE.format(stmt=_indent(stmt, 8), setup=_indent(setup, 4))
            exec(source, namespace)
            self.inner = namespace["inner"]
        else:
            run_setup = setup if callable(setup) else None
            run_stmt = stmt if callable(stmt) else None
            if run_setup is None and setup != "pass":
                exec(setup, namespace)
            if run_stmt is None:
                source = _TEMPLATE.format(stmt=_indent(stmt, 8), setup="    pass")
                exec(source, namespace)
                compiled = namespace["inner"]

                def inner(_it, _timer):
                    if run_setup is not None:
                        run_setup()
                    return compiled(_it, _timer)
            else:

                def inner(_it, _timer):
                    if run_setup is not None:
                        run_setup()
                    _t0 = _timer()
                    for _i in _it:
                        run_stmt()
                    _t1 = _timer()
                    return _t1 - _t0

            self.inner = inner

    def timeit(self, number=default_number):
        return self.inner(range(number), self.timer)

    def repeat(self, repeat=default_repeat, number=default_number):
        return [self.timeit(number) for _ in range(repeat)]

    def autorange(self, callback=None):
        i = 1
        while True:
            for j in 1, 2, 5:
                number = i * j
                time_taken = self.timeit(number)
                if callback:
                    callback(number, time_taken)
                if time_taken >= 0.2:
                    return (number, time_taken)
            i *= 10


def timeit(stmt="pass", setup="pass", timer=default_timer, number=default_number, globals=None):
    return Timer(stmt, setup, timer, globals).timeit(number)


def repeat(stmt="pass", setup="pass", timer=default_timer, repeat=default_repeat, number=default_number, globals=None):
    return Timer(stmt, setup, timer, globals).repeat(repeat, number)
