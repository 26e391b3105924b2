# Stepped slices of strings: ASCII ones copy bytes (into a short buffer up to 24), others
# go by characters; every step, bound and length must give CPython's result.
samples = ["", "a", "ab", "abcdefghijklmnopqrstuvw", "abcdefghijklmnopqrstuvwx",
           "abcdefghijklmnopqrstuvwxy", "x" * 100 + "0123456789", "héllo wörld", "€uro€" * 7,
           "item123:4"]
for s in samples:
    out = []
    for step in [-1, -2, -3, 2, 3, 7, -25, 25]:
        for start, stop in [(None, None), (1, None), (None, -1), (-5, 2), (3, 30), (30, 3)]:
            t = s[start:stop:step]
            out.append(f"{t}|{len(t)}")
    print(repr(s[:12]), " ".join(out))
    print(s[::-1] == "".join(reversed(s)), s[::-1][::-1] == s, len(s[::2]) + len(s[1::2]) == len(s))
words = [f"w{i}x{i * 7 % 13}" for i in range(30)]
rev = "-".join(w[::-1] for w in words)
print(rev, len(rev), rev.upper()[::5], rev.isascii())
print({w[::-1]: i for i, w in enumerate(words[:5])})
