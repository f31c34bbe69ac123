#!/usr/bin/env python3
"""Xapian peer in one process (python3-xapian): Enquire + MSet.snippet per query,
against the index scriptindex built with index.script.

usage: xapian_bench.py DB QUERIES.txt   print JSON statistics
"""
import sys

import xapian

import benchlib

SNIPPET_BYTES = 240


def text_of(data):
    """scriptindex's document data: one "name=value" line per stored field."""
    for line in data.split("\n"):
        if line.startswith("text="):
            return line[len("text="):]
    return ""


def main(db_path, queries_file):
    db = xapian.Database(db_path)
    stem = xapian.Stem("english")
    qp = xapian.QueryParser()
    qp.set_database(db)
    qp.set_stemmer(stem)
    qp.set_stemming_strategy(xapian.QueryParser.STEM_SOME)
    qp.set_default_op(xapian.Query.OP_AND)
    qp.add_prefix("title", "S")
    flags = xapian.QueryParser.FLAG_DEFAULT
    enquire = xapian.Enquire(db)

    def run_one(q):
        enquire.set_query(qp.parse_query(benchlib.drop_filters(q), flags))
        mset = enquire.get_mset(0, 10)
        for m in mset:
            mset.snippet(text_of(m.document.get_data().decode("utf-8", "replace")), SNIPPET_BYTES, stem)

    benchlib.print_stats(benchlib.time_queries(benchlib.read_queries(queries_file), run_one))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
