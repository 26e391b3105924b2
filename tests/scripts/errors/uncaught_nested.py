# An uncaught exception raised three calls deep: traceback with every frame, exit status 1.

def parse(text):
    return int(text)


def load(values):
    out = []
    for v in values:
        out.append(parse(v))
    return out


def main():
    print("loading")
    numbers = load(["1", "2", "three"])
    print("not reached", numbers)


main()
