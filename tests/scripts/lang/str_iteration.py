# Iterating over text steps by characters, forwards and reversed, in linear time.
s = "héllo wörld ✓ 𝄞 end"
print(list(s), list(reversed(s)), [c for c in "abc"], list(reversed("")), list(""))
print("".join(reversed(s)) == s[::-1], s[1], s[-1], chr(233), chr(97), chr(0x1D11E))
it = iter(s)
print(next(it), next(it), list(it))
big = "é" * 200000
n = 0
for c in big:
    n += 1
print(n, sum(1 for _ in reversed(big)))
