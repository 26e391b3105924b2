"""The loop the *_random.py comparisons share: draw an input, apply a call chosen at
random, and print its result or the exception it raised (CPython's output is the reference)."""


def run(rng, calls, draw, rounds=900, show_input=True):
    out = []
    for _ in range(rounds):
        x = draw()
        name, f = rng.choice(calls)
        try:
            r = f(x)
        except Exception as e:
            r = "%s: %s" % (type(e).__name__, e)
        out.append("%s %r -> %r" % (name, x, r) if show_input else "%s -> %r" % (name, r))
    print("\n".join(out))
