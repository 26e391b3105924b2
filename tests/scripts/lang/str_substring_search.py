# Multi-character patterns in find/rfind/index/count/replace: overlapping text, limits,
# slices, non-ASCII text (character, not byte, positions), empty patterns, misses.
texts = ["aaaa", "abcabcab", "héllo wörld héllo", "日本語のテキスト日本語", "", "x" * 50 + "needle" + "y" * 50]
patterns = ["aa", "abc", "héllo", "日本語", "", "needle", "zz", "lo w"]
for t in texts:
    for p in patterns:
        print(repr(p), t.find(p), t.rfind(p), t.count(p), t.find(p, 2), t.rfind(p, 0, 9),
              t.count(p, 1, -1), repr(t.replace(p, "<>")), repr(t.replace(p, "#", 1)),
              repr(t.replace(p, "", 2)))
try:
    "abc".index("zz")
except ValueError as e:
    print("ValueError:", e)
try:
    "abc".rindex("bd")
except ValueError as e:
    print("ValueError:", e)
print("abcabc".index("ca"), "abcabc".rindex("ab"), "abab".replace("ab", "ab" * 3, 0))

# Nothing to replace: the string itself comes back (a subclass gets a plain str); short
# and long texts are searched by different code.
s = "item123"
print(s.replace("ITEM", "I") is s, s.replace("x", "y") is s, s.replace("1", "1", 0) is s)
print(s.replace("item", "I"), ("ab" * 40).replace("ba", "-", 5), ("ab" * 40).count("ba"))
print(("x" * 70 + "needle").replace("needle", "pin"), "aaaa".replace("aa", "b"), "aaa".replace("aa", "b"))


class S(str):
    pass


r = S("abc").replace("z", "y")
print(type(r).__name__, r, type(S("abc").replace("b", "B")).__name__)

# A pattern replaced by one of its own length: copied whole and overwritten in place, for
# one byte everywhere, under a limit, several bytes and non-ASCII characters.
line = ",".join(f"f{i}" for i in range(40))
print(line.replace(",", " "), line.replace(",", ";", 3), line.replace("f1", "F!"))
print("é,è,ê".replace(",", "|"), "日本,語".replace("日本", "二つ"), "aéaé".replace("é", "è", 1))
print("ab" * 20 == ("ab" * 20).replace("b", "b"), ("ab" * 20).replace("z", "y") is not None)
u = "héllo" * 20
print(u.replace("l", "L").count("L"), u.replace("é", "e").isascii(), len(u.replace("ll", "LL", 7)))
print(line.replace(",", " ", 0) is line, line.replace("#", "!") is line, "".replace("a", "b"))

# One-byte separators are scanned directly in short text and with memchr in long text:
# splits into a pair, partitions and affix tests on both sides of that length.
for t in ["k:v", "key:" + "v" * 40, "x" * 40 + ":y", "ü" * 20 + ":ß", "a:b:c", "no sep", "x" * 31 + ":",
          ":" + "z" * 33]:
    try:
        a, b = t.split(":")
        pair = (len(a), len(b))
    except ValueError as e:
        pair = str(e)
    print(pair, [len(p) for p in t.partition(":")], [len(p) for p in t.rpartition(":")],
          [len(p) for p in t.partition("::")], t.startswith("x"), t.endswith(":"), t.endswith("ß"),
          t.startswith(""), t.endswith(("y", "c")), t.startswith("x", 1), t.endswith("x", 0, 5))
