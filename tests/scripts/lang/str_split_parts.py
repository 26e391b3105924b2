# split/rsplit make their parts straight from the source text; parts of an ASCII string
# know their length without a scan. Lengths, indexing and slicing of the parts must be
# right for ASCII and non-ASCII sources alike.
for text in ["a,bb,,ccc", "ä,bß,,€€€", "  one two\tthree\n", "x", "", ",", "日本,語"]:
    for parts in (
        text.split(","),
        text.rsplit(",", 1),
        text.split(",", 1),
        text.split(),
        text.rsplit(),
        text.split(" "),
    ):
        print(repr(text), parts, [len(p) for p in parts], [p[-1:] for p in parts])
s = "ab" * 30 + ",é" * 3
print([len(p) for p in s.split(",")], s.split(",")[1][0], s.rsplit(",")[-1].upper())
fields = "name:value:extra".split(":")
print(fields, [f.upper() for f in fields], "".join(reversed(fields))[::-1])
try:
    "a".split("")
except ValueError as e:
    print("ValueError:", e)
