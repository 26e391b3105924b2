# str methods, escapes, iteration, comparison and conversion.

s = "Hello, World"
print(len(s), s.upper(), s.lower(), s.swapcase(), s.title(), s.capitalize(), "hello world".title())
print(s.find("o"), s.rfind("o"), s.find("z"), s.index("W"), s.count("l"), s.count(""), s.startswith("Hell"),
      s.endswith(("x", "ld")), s.startswith("World", 7))
try:
    s.index("z")
except ValueError as e:
    print(type(e).__name__, e)
print(s.replace("l", "L"), s.replace("l", "L", 2), s.split(", "), "a b  c".split(), "a,b,,c".split(","),
      "a b c".split(None, 1), "a-b-c".rsplit("-", 1), "line1\nline2\r\nline3".splitlines(),
      "x\ny\n".splitlines(True))
print("-".join(["a", "b", "c"]), "".join(map(str, range(5))), ", ".join([]))
print(repr("  pad  ".strip()), repr("  pad  ".lstrip()), repr("  pad  ".rstrip()), "xxhixx".strip("x"),
      "www.example.com".lstrip("w."))
print("abc".center(9, "*"), "abc".ljust(6, "-"), "abc".rjust(6), "42".zfill(5), "-42".zfill(6))
print("abc".isalpha(), "123".isdigit(), "12a".isalnum(), "  ".isspace(), "Abc".istitle(), "ABC".isupper(),
      "abc".islower(), "".isalpha(), "x1".isidentifier(), "1x".isidentifier(), "½".isnumeric(), "٣".isdecimal())
print("a=1".partition("="), "no sep".partition("="), "a=b=c".rpartition("="), "tab\tsep".expandtabs(4))
print("prefix_body".removeprefix("prefix_"), "body.txt".removesuffix(".txt"), "Straße".casefold())
print("{} and {}".format("x", "y"), "{1}{0}{1}".format("a", "b"), "{name}:{n:03d}".format(name="k", n=5),
      "{0[1]} {1.real}".format([7, 8], 3), "{:>6}|{:^6}|{:<6}|".format("r", "c", "l"), "{!r}".format("q"))
print("{:,}".format(10 ** 9), "{:.3f}".format(2 / 3), "{{}}".format(), "{:x}".format(255))
print(ord("A"), chr(97), ord("é"), chr(0x1F600) == "\U0001F600", len("\U0001F600"), "é".encode("utf-8"))
print("tab\there", "new\\nline", "quote\"s", 'single\'s', "\x41\u00e9\N{GREEK SMALL LETTER ALPHA}", r"raw\n")
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("\t\n\r\x00\x7f"), repr("é\u200b"), ascii("é"))
print("abc" * 2, "abc" < "abd", "a" in "abc", "abc"[1], list("abc"), sorted("cba"), reversed("ab").__class__.__name__)
print("".join(reversed("stressed")), "Mississippi".count("ss"), "Mississippi".replace("ss", "SS"))
print(str(123), str(1.5), str(None), str([1, "a"]), str((1,)), str(True), str(b"x"), str("s"))
print(int("42"), float("2.5"), "3" + str(4), "%s" % [1], "%r" % "x")
words = "the quick brown fox jumps over the lazy dog".split()
print(sorted(words), sorted(words, key=len), max(words, key=len), min(words))
print(" ".join(w[::-1] for w in words), sum(len(w) for w in words))
print("ab".encode(), "ñ".encode("utf-8"), "ñ".encode("latin-1"), b"\xc3\xb1".decode(), bytes("ab", "ascii"))
print("a\tb".split("\t"), "  lead".split(" "), "x".split("x"), "".split(), "".split(","))
print("Hello"[::-1].lower().capitalize().center(11, "."))
print(str.upper("x"), str.join("+", "abc"), "{0:{1}}|".format("w", 4))
print(hash("abc") == hash("ab" + "c"), "abc" == "ab" + "c", s is not None)
text = """multi
line
  string"""
print(text, len(text.splitlines()))
implicit = "con" "cat" 'enated'
print(implicit)
print("%-6s|%6.2f|%+d|%3c|" % ("ab", 3.14159, 5, "z"))
s2 = ""
for ch in "abcdef":
    if ch in "aeiou":
        continue
    s2 += ch.upper()
print(s2, s2.lower().islower(), "MiXeD".swapcase())
print("a,b;c".translate(str.maketrans(",;", "  ")), "hello".translate({ord("l"): None}), "abc".maketrans("a", "b"))
print("x".join("123"), "abc".find("c", 1, 2), "abcabc".rindex("b"), "aaa".replace("a", "b", 0))
print(format("text", "^10"), "{:*<8}".format("ab"), f"{'é':>3}", len("naïve"), "naïve".upper())
