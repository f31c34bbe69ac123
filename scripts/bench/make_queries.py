#!/usr/bin/env python3
"""Generate a reproducible query mix from a corpus's titles.

usage: make_queries.py IN.jsonl OUT_QUERIES.txt OUT_SAMPLE.txt [SAMPLE_SIZE]

The mix (QueryParser syntax, one query a line): frequent and rare single words,
two-word AND ("a b"; AND is privsearch's default operator), quoted three-word
title phrases, "a OR b", "a NOT b", and ~10% privsearch facet filters
("platform:facebook word", "agency:fbi word") that the peers run without the filter.
OUT_SAMPLE gets SAMPLE_SIZE (default 30) of them for the one-process-per-query runs.
"""
import collections
import json
import random
import re
import sys

SEED = 20240607
STOPWORDS = set("""a about after again against all am an and any are as at be because been before
being between both but by can could did do does doing down during each few for from further had has
have having he her here hers him his how i if in into is it its itself just me more most my no nor
not now of off on once only or other our out over own same she should so some such than that the
their them then there these they this those through to too under until up very was we were what
when where which while who whom why will with would you your says said new over back""".split())
WORD = re.compile(r"[a-z]+")

MIX = {  # kind -> how many
    "frequent": 50, "rare": 30, "and": 40, "phrase": 30, "or": 25, "not": 25, "facet": 22,
}
FACETS = ("platform:facebook", "agency:fbi")


def title_words(title):
    return WORD.findall(title.lower())


def content_words(words):
    return [w for w in words if len(w) >= 3 and w not in STOPWORDS]


def generate(titles, rng):
    df = collections.Counter()
    for words in titles:
        df.update(sorted(set(content_words(words))))  # sorted: ties in most_common() stay reproducible
    by_freq = [w for w, _ in df.most_common()]
    frequent = by_freq[:300]
    lowest = min(df.values())  # 1, or k in a corpus of k copies
    rare = sorted(w for w, n in df.items() if n <= 2 * lowest and len(w) >= 5)
    pairs = [c for c in (content_words(t) for t in titles) if len(set(c)) >= 2]
    triples = [t[i:i + 3] for t in titles for i in range(len(t) - 2)]

    def pair():
        return rng.sample(sorted(set(rng.choice(pairs))), 2)

    make = {
        "frequent": lambda: rng.choice(frequent),
        "rare": lambda: rng.choice(rare),
        "and": lambda: "{} {}".format(*pair()),
        "phrase": lambda: '"{}"'.format(" ".join(rng.choice(triples))),
        "or": lambda: "{} OR {}".format(*rng.sample(frequent, 2)),
        "not": lambda: "{} NOT {}".format(*pair()),
        "facet": lambda: "{} {}".format(rng.choice(FACETS), rng.choice(frequent)),
    }
    queries = [make[kind]() for kind, n in MIX.items() for _ in range(n)]
    rng.shuffle(queries)
    return queries


def main(src, out, sample_out, sample_size=30):
    with open(src, encoding="utf-8") as f:
        titles = [title_words(json.loads(line).get("title", "")) for line in f if line.strip()]
    rng = random.Random(SEED)
    queries = generate(titles, rng)
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(queries) + "\n")
    with open(sample_out, "w", encoding="utf-8") as f:
        f.write("\n".join(rng.sample(queries, min(sample_size, len(queries)))) + "\n")


if __name__ == "__main__":
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    main(*sys.argv[1:4], *(int(a) for a in sys.argv[4:5]))
