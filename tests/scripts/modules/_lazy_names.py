"""A helper module with a module-level __getattr__ (PEP 562)."""
eager = "eager"
made = []


def __getattr__(name):
    if name.startswith("lazy_"):
        made.append(name)
        value = name.upper()
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
