# Uncaught exception with an explicit cause: both tracebacks, joined by the "direct cause" line.

def read_setting(settings, name):
    try:
        return settings[name]
    except KeyError as e:
        raise ValueError(f"missing setting {name!r}") from e


def start():
    return read_setting({}, "mode")


start()
