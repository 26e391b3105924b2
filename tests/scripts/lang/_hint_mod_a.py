value = "a"


def f():
    return "a.f"
