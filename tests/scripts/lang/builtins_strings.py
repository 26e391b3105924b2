# String-ish built-ins: ascii chr ord repr str format bytes bytearray.

print(ascii("plain"), ascii("naïve ☃ \U0001F600"), ascii([1, "é"]), ascii(b"\xff"), ascii(5))
print(chr(65), chr(0x263A), repr(chr(10)), ord("a"), ord("☃"), ord("\U0001F600"), ord(b"a"))
try:
    chr(0x110000)
except ValueError as e:
    print(type(e).__name__, e)
try:
    ord("ab")
except TypeError as e:
    print(type(e).__name__, e)
print(repr(1), repr("a'b"), repr('a"b'), repr("a'b\"c"), repr([None, "x"]), repr((1,)), repr(-0.0), repr("\\"))
print(str(), str(12), str(-1.5), str("s"), str([1, "s"]), str({1: "s"}), str(b"by"), str(b"by", "ascii"))
print(format(12.3456, ".2f"), format(42), format(42, "08b"), format("s", "^5"), format(1e6, ",.1f"),
      format(0.5, "%"), format(-3, "+"), format(3, " "), format(255, "#06x"), format(True), format(None))
try:
    format(1, "Q")
except ValueError as e:
    print(type(e).__name__, e)
print(bytes("abc", "utf-8"), bytes(2), bytes([1, 255]), bytes(b"ok"), bytes(bytearray(b"ba")), bytes(range(65, 68)))
print(bytearray("hé", "utf-8"), bytearray(b"x"), bytearray([7]), bytearray(2), bytearray())
try:
    bytes("no encoding")
except TypeError as e:
    print(type(e).__name__, e)
try:
    bytes(-1)
except ValueError as e:
    print(type(e).__name__, e)
print(str(1e16), str(1e-5), str(0.1 + 0.2), str(10 ** 20), str(-0), str(True), repr(False))
print(format(1234.5, "e"), format(1234.5, "g"), format(1234.5, "10.2e"), format(0.0001, "g"), format(1e-5, "g"))
print(format(3.0), format(3.0, ""), format(3.0, "g"), format(3, "f"), format(2 ** 64, ","), format(-0.0, ".1f"))
print(format(12, "c") if False else chr(12 + 50), format("abc", ".1"), format(7, "=+5"), format(-7, "=5"))
