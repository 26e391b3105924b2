# Uncaught exception without arguments and an assertion failure message format.

def check(items):
    assert len(items) > 3, f"need more than 3 items, got {len(items)}"


def run():
    check([1, 2])


run()
