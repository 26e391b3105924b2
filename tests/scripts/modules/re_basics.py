import re

m = re.match(r"(\w+) (\w+)", "hello world!")
print(m)
print(m.group(), m.group(1), m.group(0, 2), m.groups())
print(m.start(2), m.end(2), m.span(), m.lastindex, m[1], bool(m))
print(m.string, m.re)

p = re.compile(r"(?P<year>\d{4})-(?P<month>\d\d)(-(?P<day>\d\d))?")
print(p.pattern, p.groups, p.groupindex)
m = p.search("released on 2024-05 and later")
print(m.groupdict(), m.groups(), m.groups("-"), m.group("year"), m.lastgroup)
print(m.span("month"), m.start(3), m.span(4))

# Positions are characters, not bytes.
m = re.search("ö(r)", "héllo wörld")
print(m, m.span(1))
print([x.span() for x in re.finditer(r"\w+", "naïve café")])

print(re.fullmatch("a+", "aaa"), re.fullmatch("a+", "aab"))
print(re.search("a$", "a\n"), re.search(r"a\Z", "a\n"))
print(re.match("b", "ab"), p.match("x2024-01", 1))
print(re.findall(r"\b\w", "héllo wörld ünïcode"))
print(re.findall(r"(a)|(b)", "ab"), re.findall(r"(\d)(\w)", "1a 2b"))

print(re.findall("(?m)^\\w", "ab\ncd"), re.findall("^\\w", "ab\ncd", re.M))
print(re.findall("a.b", "a\nb a-b"), re.findall("a.b", "a\nb", re.S))
print(re.findall("abc", "ABC abc", re.IGNORECASE))
print(re.findall(r"\d+", "٣3 45", re.ASCII), re.findall(r"\d+", "٣3 45"))
v = re.compile(r"""
    (\d+)   # digits
    [ ]     # a literal space
    (\w+)   # word
""", re.VERBOSE)
print(v.match("12 apples"), v.flags & re.VERBOSE != 0)

print(re.match(r"(a)(?P<x>b)(?P=x)\1", "abba"), re.match(r"(\w)\1", "aa"))
print(re.search(r"(?<=a)b", "ab"), re.search(r"(?<!a)b", "ab"))
print(re.findall("a{,2}", "aaa"), re.findall("a{x}", "a{x}"))
print(re.match("(a)()", "a").lastindex, re.match("(a(b))", "ab").lastindex)
print(re.compile("ab", re.I | re.M), re.compile("a").flags)
print(re.escape("a.b*c d"), re.escape("x_y"))

for bad in ["(a", "a)", "[a", "(?P<1>x)", r"\q"]:
    try:
        re.compile(bad)
    except re.error as e:
        print("error for", repr(bad), isinstance(e, Exception))
try:
    m = re.match("a", "a")
    m.group(5)
except IndexError as e:
    print("IndexError", e)
