#!/usr/bin/env python3
"""Write N copies of a JSON Lines corpus, each article's id suffixed "-copyK".

usage: replicate_corpus.py IN.jsonl OUT.jsonl N
"""
import json
import sys


def main(src, dst, copies):
    with open(src, encoding="utf-8") as inp:
        articles = [json.loads(line) for line in inp if line.strip()]
    with open(dst, "w", encoding="utf-8") as out:
        for k in range(1, copies + 1):
            for article in articles:
                out.write(json.dumps(dict(article, id=f"{article['id']}-copy{k}"), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
