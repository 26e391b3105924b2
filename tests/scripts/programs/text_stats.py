# Text statistics over an embedded passage: word frequencies, n-grams, sentence lengths, letter histogram.
import re
import string
from collections import Counter, defaultdict
from itertools import islice

TEXT = """
The quick brown fox jumps over the lazy dog. The dog, being lazy, does not jump back;
it merely watches the fox run across the field and into the forest. In the forest the
fox meets an owl. "Who are you?" asks the owl. The fox answers that it is only a fox,
quick and brown, and that it has jumped over a dog today. The owl is not impressed.
Owls have seen many foxes, and many dogs, and many fields. Still, the owl and the fox
talk until the sun goes down, and the forest grows quiet, and the lazy dog falls asleep
at the edge of the field, dreaming of foxes that never jump at all.
"""

STOPWORDS = frozenset("the a an and of it is that at to in into not over has have are".split())


def words_of(text):
    return re.findall(r"[a-z]+(?:'[a-z]+)?", text.lower())


def sentences_of(text):
    parts = re.split(r'(?<=[.?!])["]?\s+', " ".join(text.split()))
    return [p.strip() for p in parts if p.strip()]


def ngrams(seq, n):
    iters = [islice(seq, i, None) for i in range(n)]
    return zip(*iters)


def histogram(counter, width=30):
    top = max(counter.values())
    for key, count in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])):
        bar = "#" * max(1, round(count * width / top))
        yield f"  {key:>8} {count:3d} {bar}"


words = words_of(TEXT)
counts = Counter(words)
content = Counter(w for w in words if w not in STOPWORDS)
print(f"characters: {len(TEXT)}  words: {len(words)}  distinct: {len(counts)}")
print(f"average word length: {sum(map(len, words)) / len(words):.3f}")
print("longest words:", sorted(set(words), key=lambda w: (-len(w), w))[:5])
print("most common:", counts.most_common(5))
print("most common content words:")
for line in histogram(dict(content.most_common(8))):
    print(line)

bigrams = Counter(ngrams(words, 2))
print("top bigrams:")
for (a, b), c in sorted(bigrams.items(), key=lambda kv: (-kv[1], kv[0]))[:6]:
    print(f"  {a} {b}: {c}")
trigrams = Counter(" ".join(t) for t in ngrams(words, 3))
repeated = sorted(t for t, c in trigrams.items() if c > 1)
print("repeated trigrams:", repeated)

sentences = sentences_of(TEXT)
print(f"sentences: {len(sentences)}")
for i, s in enumerate(sentences, 1):
    n = len(words_of(s))
    print(f"  {i:2d}. [{n:2d} words] {s[:50]}{'...' if len(s) > 50 else ''}")
lengths = sorted(len(words_of(s)) for s in sentences)
mid = len(lengths) // 2
median = lengths[mid] if len(lengths) % 2 else (lengths[mid - 1] + lengths[mid]) / 2
print(f"sentence length min={lengths[0]} max={lengths[-1]} median={median}")

letters = Counter(ch for ch in TEXT.lower() if ch in string.ascii_lowercase)
missing = [c for c in string.ascii_lowercase if c not in letters]
print("letter frequencies (top 10):")
total = sum(letters.values())
for ch, c in letters.most_common(10):
    print(f"  {ch} {c:3d} {100 * c / total:5.2f}%")
print("missing letters:", "".join(missing) or "none")

by_initial = defaultdict(set)
for w in words:
    by_initial[w[0]].add(w)
print("words by initial:")
for initial in sorted(by_initial):
    group = sorted(by_initial[initial])
    if len(group) >= 3:
        print(f"  {initial}: {', '.join(group)}")

punct = Counter(ch for ch in TEXT if ch in string.punctuation)
print("punctuation:", sorted(punct.items()))
both = counts & Counter(words_of("the fox and the owl and the dog"))
print("intersection:", sorted(both.items()))
print("total via Counter.total():", counts.total(), "== len(words):", counts.total() == len(words))
capitalized = re.findall(r"\b[A-Z][a-z]+\b", TEXT)
print("capitalized:", Counter(capitalized).most_common())
