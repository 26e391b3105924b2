# for i in range with int arithmetic: a checksum mixing adds, multiplies, shifts and modulo.

def checksum(n):
    acc = 0
    for i in range(n):
        acc = (acc * 31 + (i ^ (i >> 3))) % 1_000_000_007
    return acc


def count_multiples(n):
    hits = 0
    for i in range(n):
        if i % 3 == 0 or i % 5 == 0:
            hits += i
    return hits


print(checksum(6_000_000), count_multiples(6_000_000))
