import re
import string
from collections import Counter, defaultdict
from itertools import groupby

TEXT = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness."""

words = re.findall(r"[a-z']+", TEXT.lower())
freq = Counter(words)
print(len(words), len(freq), freq.most_common(5))
table = str.maketrans("", "", string.punctuation)
clean = TEXT.translate(table)
print(clean.split()[:8])
by_len = defaultdict(set)
for w in words:
    by_len[len(w)].add(w)
for n in sorted(by_len):
    print(f"{n:2d}: {', '.join(sorted(by_len[n]))}")
print([(k, len(list(g))) for k, g in groupby(sorted(words, key=len), key=len)])
sentences = [s.strip() for s in re.split(r"[,.]", TEXT) if s.strip()]
print(len(sentences), max(sentences, key=len))
print(TEXT.count("it was"), TEXT.find("age"), TEXT.rfind("age"), TEXT.index("Light"))
caps = re.sub(r"\b(\w)(\w*)", lambda m: m.group(1).upper() + m.group(2), "the season of light")
print(caps, "season" in TEXT, TEXT.startswith("It"), TEXT.splitlines()[1][:20])
vowels = sum(1 for c in TEXT.lower() if c in "aeiou")
print(vowels, f"{vowels / len(TEXT):.2%}", sorted(set(TEXT.lower()) & set(string.ascii_lowercase))[:6])
acronym = "".join(w[0].upper() for w in "portable network graphics".split())
print(acronym, "-".join(reversed("a b c".split())), "{:^20}".format("centered"), "x".rjust(4, "."))
