# pi from Ramanujan-style factorial series evaluated with floats, many times over, plus the
# Leibniz and Nilakantha series with running sums.
import math


def ramanujan(terms):
    # 1/pi = (2*sqrt(2)/9801) * sum (4k)! (1103 + 26390k) / ((k!)^4 * 396^(4k))
    total = 0.0
    for k in range(terms):
        num = float(math.factorial(4 * k)) * (1103 + 26390 * k)
        den = float(math.factorial(k)) ** 4 * 396.0 ** (4 * k)
        total += num / den
    return 1.0 / (2.0 * math.sqrt(2.0) / 9801.0 * total)


def exp_series(x, terms):
    # e^x from the Taylor series with a running product instead of factorials.
    term = 1.0
    total = 1.0
    for n in range(1, terms):
        term *= x / n
        total += term
    return total


def nilakantha(terms):
    total = 3.0
    sign = 1.0
    n = 2.0
    for _ in range(terms):
        total += sign * 4.0 / (n * (n + 1.0) * (n + 2.0))
        sign = -sign
        n += 2.0
    return total


def leibniz(terms):
    total = 0.0
    d = 1.0
    for i in range(terms):
        total += (4.0 if i % 2 == 0 else -4.0) / d
        d += 2.0
    return total


acc = 0.0
for _ in range(20000):
    acc += ramanujan(6) + exp_series(1.0, 25)
print(f"{acc / 20000:.12f}", f"{nilakantha(3_000_000):.12f}", f"{leibniz(7_500_000):.9f}")
