# Uncaught exception raised while handling another: "During handling of the above exception...".

def divide(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        log = None
        log.write("division failed")


divide(1, 0)
