#!/usr/bin/env python3
"""Convert privsearch JSON Lines articles into scriptindex's dump format.

Each record is a run of "field=value" lines ended by a blank line; a value that
spans lines continues on lines starting with "=".

usage: to_scriptindex.py IN.jsonl OUT.dump
"""
import json
import sys

FIELDS = ("id", "title", "source", "text")


def field_lines(name, value):
    lines = str(value).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    yield f"{name}={lines[0]}"
    for line in lines[1:]:
        yield f"={line}"


def main(src, dst):
    with open(src, encoding="utf-8") as inp, open(dst, "w", encoding="utf-8") as out:
        for raw in inp:
            if not raw.strip():
                continue
            article = json.loads(raw)
            for name in FIELDS:
                if article.get(name):
                    out.write("\n".join(field_lines(name, article[name])) + "\n")
            out.write("\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
