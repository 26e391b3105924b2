# The length and indexing of built strings count characters, for ASCII and non-ASCII
# pieces alike (an all-ASCII result is counted without a scan).
for x in [7, -12, "é", "ab", "日本", 3.5, None]:
    s = f"<{x}>"
    t = f"{x}{x}"
    print(repr(s), len(s), s[-2], len(t), t[::-1], str(len(str(x))))
print(len(str(-1234567890123)), len(f"{'ß' * 3}{10 ** 20}"), f"{'ß'}x"[1])
