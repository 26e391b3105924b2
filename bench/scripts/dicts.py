# dict insert, lookup, update and iteration with int and str keys.

def int_keys(n):
    d = {}
    for i in range(n):
        d[i * 7919 % n] = i
    hits = 0
    for i in range(0, 2 * n, 3):
        if i in d:
            hits += d[i]
    return len(d), hits


def str_keys(n):
    d = {}
    for i in range(n):
        key = "k" + str(i % 5000)
        d[key] = d.get(key, 0) + i
    total = 0
    for key, value in d.items():
        if key[-1] in "02468":
            total += value
    return len(d), total


def counting(words):
    counts = {}
    for w in words:
        if w in counts:
            counts[w] += 1
        else:
            counts[w] = 1
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]


print(int_keys(2_000_000))
print(str_keys(2_000_000))
print(counting([str(i * i % 1009) for i in range(600_000)]))
