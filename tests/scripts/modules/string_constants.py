# string: the character-class constants and capwords().
import string

print(string.ascii_letters)
print(string.ascii_lowercase, string.ascii_uppercase)
print(string.digits, string.hexdigits, string.octdigits)
print(string.punctuation)
print(repr(string.whitespace), repr(string.printable))
print(len(string.printable), len(string.punctuation))
print(string.capwords("hello   world  of python"))
print(string.capwords("  leading and trailing  "))
print(string.capwords("a-b-c d", "-"), string.capwords("mIxEd CaSe"))
print(string.capwords(""), repr(string.capwords("x,,y", ",")))
print(sum(c in string.punctuation for c in "Hello, World!"))
print("".join(c for c in "a1b2c3" if c in string.digits))
