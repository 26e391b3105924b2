# String building, splitting, joining and methods.

def build(n):
    parts = []
    for i in range(n):
        parts.append(f"item{i}:{i * 7 % 13}")
    return ",".join(parts)


def process(text):
    total = 0
    upper = 0
    for field in text.split(","):
        name, value = field.split(":")
        total += int(value)
        if name.endswith("7"):
            upper += len(name.upper().replace("ITEM", "I"))
    return total, upper


result = None
for round_ in range(30):
    text = build(50_000)
    result = process(text)
    words = text.replace(",", " ").split()
    joined = "-".join(w[::-1] for w in words[:1000])
    result = result + (len(words), joined.count("1"), text.find("item49999"), text.lower().count("item1"))
print(result)
