# bytes and bytearray: literals, indexing, methods, mutation, conversion.

b = b"hello \x00\xff"
print(b, len(b), b[0], b[-1], b[1:3], list(b[:3]), type(b[0]).__name__)
print(bytes(3), bytes([65, 66, 67]), bytes(range(5)), bytes("é", "utf-8"), bytes(b"copy"), bytes())
print(b"abc" + b"def", b"ab" * 3, b"b" in b"abc", 99 in b"abc", b"abc" == b"abc", b"abc" < b"abd")
print(b"a,b,c".split(b","), b"-".join([b"x", b"y"]), b"  s  ".strip(), b"abc".upper(), b"ABC".lower())
print(b"hello".find(b"l"), b"hello".count(b"l"), b"hello".replace(b"l", b"L"), b"hello".startswith(b"he"))
print(b"\x00\x01\xfe".hex(), bytes.fromhex("de ad be ef"), b"abc".decode(), b"caf\xc3\xa9".decode("utf-8"))
print(b"%d-%s" % (5, b"x"), repr(b"'"), repr(b'"'), repr(b"\t\n\\"), b"abc".isalpha(), b"123".isdigit())
ba = bytearray(b"abc")
ba.append(100)
ba.extend(b"ef")
ba[0] = 65
ba[1:3] = b"BC"
print(ba, len(ba), ba[0], bytes(ba))
ba.insert(0, 33)
print(ba.pop(), ba.pop(0), ba)
del ba[0]
ba.reverse()
print(ba, ba.decode(), bytearray(4), bytearray([1, 2]), bytearray("xy", "ascii"))
ba2 = bytearray(b"xyz")
ba2 += b"!"
ba2 *= 2
print(ba2, ba2.count(b"x"), ba2.index(b"z"), ba2.remove(ord("!")), ba2)
try:
    ba[0] = 256
except ValueError as e:
    print(type(e).__name__, e)
try:
    b[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    bytes([300])
except ValueError as e:
    print(type(e).__name__, e)
try:
    b"a" + "b"
except TypeError as e:
    print(type(e).__name__, e)
print(hash(b"abc") == hash(b"abc"), {b"k": 1}[b"k"], bytes(bytearray(b"q")) == b"q", bytearray(b"q") == b"q")
print([x for x in b"AZ"], list(bytearray(b"\x01\x02")), b"".join([bytes([i]) for i in range(65, 70)]))
print(b"Hello World".split(), b"a\nb".splitlines(), b"x".zfill(3), b"ab".center(6, b"*"), b"abc"[::-1])
print(type(b).__name__, type(ba).__name__, isinstance(ba, bytearray), bytes.__name__)
print(int.from_bytes(b"\x00\x10", "big"), (4096).to_bytes(2, "big"), b"\x80".decode("latin-1"))
print(str(b"abc", "ascii"), b"abc".decode("ascii", "strict"), b"\xff".decode("utf-8", "replace"),
      b"\xff".decode("utf-8", "ignore"), "é".encode("ascii", "replace"))
mv = bytearray(b"mutable")
mv[0:1] = b"M"
mv.clear()
print(mv, len(mv), bytes(mv) == b"")
