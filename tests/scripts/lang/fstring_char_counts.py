# The length and indexing of built strings count characters, for ASCII and non-ASCII
# pieces alike (an all-ASCII result is counted without a scan).
for x in [7, -12, "é", "ab", "日本", 3.5, None]:
    s = f"<{x}>"
    t = f"{x}{x}"
    print(repr(s), len(s), s[-2], len(t), t[::-1], str(len(str(x))))
print(len(str(-1234567890123)), len(f"{'ß' * 3}{10 ** 20}"), f"{'ß'}x"[1])

# str() of every size and sign of int: ASCII digits, shared by nothing, hashing as text.
for n in [0, 7, -7, 42, -1000, 5000, 99999, 10**18, -(2**63), 2**63 - 1, 2**64, -(10**30)]:
    s = str(n)
    print(s, len(s), s == repr(n), {s: 1}.get(repr(n)), "k" + s, s.isascii(), int(s) == n)

# Around the 24 bytes a short result is assembled in, ints at their widest.
for i in [0, -1, 10, -10, 2**63 - 1, -2**63]:
    for pad in ["", "a" * 3, "b" * 4, "é", "€" * 2]:
        s = f"{pad}{i}{pad}"
        print(s, len(s), len(s.encode()), s[-1], s.upper() == s.upper())
twelve = "ab" * 6
for s in [f"{twelve}{twelve}", f"{twelve}{twelve}!", f"{twelve}{1}{twelve[1:]}", f"€{twelve}{twelve}"]:
    print(s, len(s), len(s.encode()), s[::7])
