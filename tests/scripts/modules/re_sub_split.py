import re

print(re.sub(r"\d+", "#", "a1b22c333"))
print(re.sub(r"\d+", "#", "a1b22c333", count=2))
print(re.subn(r"\d+", "#", "a1b22c333"))
print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "joe@site, ann@home"))
print(re.sub(r"(?P<first>\w+) (?P<last>\w+)", r"\g<last>, \g<first>", "Ada Lovelace"))
print(re.sub(r"(\w)", r"\g<1>\g<1>", "abc"))
print(re.sub("a", r"\n", "bab") == "b\nb", re.sub("a", r"\-", "a"))
print(re.sub(r"(a)|b", r"[\1]", "ab"))
print(re.sub(r"\w+", lambda m: m.group().upper(), "make me loud"))
print(re.subn("a", lambda m: str(m.start()), "banana"))
print(re.sub("x*", "-", "abxd"))
print(re.sub("", "|", "abc"))
print(re.sub("é", "e", "café é"))

p = re.compile(r"\s+")
print(p.sub(" ", "too   many    spaces"), p.subn("", " a b "))

print(re.split(r",\s*", "a, b,c,   d"))
print(re.split(r"(,)", "a,b,c"))
print(re.split(r"(,)|(;)", "a,b;c"))
print(re.split(r",", "a,b,c,d", maxsplit=2))
print(re.split("x*", "axbc"))
print(re.split(r"\b", "hi there"))
print(re.split("[0-9]", "é1ü2ö"))
print(p.split("one two  three", 1))
print(re.split("z", "abc"), re.split("a", ""))

print(re.findall(r"\w+", "one two three"))
print([m.group() for m in re.finditer(r"\d", "a1b2c3")])
print(re.findall("", "ab"))
print(re.compile(r"(\w)(\d)").findall("a1 b2 c"))

for bad in [r"\3", r"\g<nope", r"\g<9>"]:
    try:
        re.sub(r"(a)", bad, "a")
    except re.error:
        print("error for", repr(bad))
    except IndexError:
        print("IndexError for", repr(bad))
try:
    re.sub("a", lambda m: 5, "a")
except TypeError:
    print("TypeError for non-str replacement")
m = re.search(r"(\w+)=(\w+)", "key=value")
print(m.expand(r"\2<-\1"))
