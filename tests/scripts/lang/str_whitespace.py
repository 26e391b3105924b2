# What counts as whitespace: split(), strip() and isspace() take Unicode White_Space plus
# the ASCII separators \x1c-\x1f.
samples = [" a\x1cb\x85c\u3000d\x1f", "a\x1db c", "  lead and trail  ", "\t\n\v\f\r x", "",
           "   ", "one", "a\u200bb"]
for s in samples:
    print(repr(s), s.split(), s.rsplit(), s.split(None, 1), s.rsplit(None, 1), s.isspace())
    print("   ", repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))

print("a,b,,c".split(","), "a,b,,c".rsplit(",", 1), "a,b,,c".split(",", 2))
print("x--y--z".split("--"), "x--y--z".rsplit("--", 1), "--".split("--"))
# Number parsing strips Unicode White_Space only: the ASCII separators are rejected.
print(int(" 42\t"), int("\u3000-7\n"), float("\x851.5 "), float("\xa0-inf\r"))
for bad in ["4 2", "\x1c42", "42\x1f", "4\u200b2"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
