# ASCII fast paths of split, find and case changes must give exactly what the general
# paths give: one-byte separators (with limits, at the ends, repeated, in non-ASCII text),
# whitespace runs of every kind Python counts, and indices in characters, not bytes.
texts = ["a,b,,c", ",a,", ",,", "", ",", "abc", "é,ü,,日本", "a,b,c,d,e"]
for t in texts:
    for limit in (-1, 0, 1, 2, 10):
        print(repr(t), limit, t.split(",", limit), t.split(sep=",", maxsplit=limit))
print("x:y:z".split(":"), "x::".split(":"), "tab\tsep".split("\t"), "aéa".split("a"))
print("a b".split("ab"), "1.2.3".split(".", 1), "é".split(","), len(("q," * 1000).split(",")))

spaces = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f "
ws = [" a  b ", "a\tb\nc\x0bd\x0ce\rf", "x\x1cy\x1dz\x1ew\x1fv", spaces, "", "solo", " lead", "trail  "]
for t in ws:
    for limit in (-1, 0, 1, 2):
        print(repr(t), limit, t.split(None, limit), t.split(maxsplit=limit))
print("a\x85b\xa0c".split(), "  a b  c  ".split(None, 1), "a\x00b".split())

s = "item1,item2,item49999,item1"
for sub, start, end in [("item4", 0, None), ("item1", 1, None), ("item1", 0, 5), ("zz", 0, None),
                        ("", 3, None), ("1", -4, -1), ("item", 50, None)]:
    print(sub, start, end, s.find(sub, start, end), s.rfind(sub, start, end), s.count(sub, start, end))
u = "été,ça,été"
print(u.find("é"), u.find("é", 1), u.rfind("é"), u.find("ça"), u.find(",", 4, 7), u.index("a"))
try:
    s.index("nope")
except ValueError as e:
    print("ValueError:", e)

for t in ["Hello World", "ÉTÉ", "straße", "MiXeD 123 _x", "", "ǅ", "İ"]:
    print(repr(t), t.upper(), t.lower(), t.casefold(), len(t.lower()), t.lower()[-1:])
d = {"abc".upper(): 1, "ABC".lower(): 2}
print(d["ABC"], d["abc"], "ABC" == "abc".upper(), hash("ABC") == hash("abc".upper()))
print("x".upper().isupper(), "AB".lower().islower())
