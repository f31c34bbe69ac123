#!/usr/bin/env python3
"""SQLite FTS5 peer.

usage: fts5_bench.py load DB IN.jsonl      build the table in one transaction
       fts5_bench.py query DB QUERIES.txt  time each query; print JSON statistics
       fts5_bench.py sql QUERIES.txt       print each query's SELECT for the sqlite3 CLI, one a line
"""
import json
import os
import re
import sqlite3
import sys

import benchlib

SCHEMA = ("CREATE VIRTUAL TABLE docs USING fts5("
          "id UNINDEXED, title, source UNINDEXED, text, tokenize='porter unicode61')")
SELECT = ("SELECT id, snippet(docs, 3, '[', ']', '…', 24) FROM docs "
          "WHERE docs MATCH {} ORDER BY rank LIMIT 10")
TOKEN = re.compile(r'"[^"]*"|\(|\)|[^\s()]+')


def to_fts5(query):
    """Xapian QueryParser syntax (AND, OR, NOT, "phrases") to FTS5: every word and
    phrase double-quoted so that no word is taken for FTS5 syntax."""
    out = []
    for tok in TOKEN.findall(benchlib.drop_filters(query)):
        if tok in ("AND", "OR", "NOT", "(", ")"):
            out.append(tok)
        else:
            out.append('"' + tok.strip('"').replace('"', '""') + '"')
    return " ".join(out)


def load(db, jsonl):
    if os.path.exists(db):
        os.remove(db)
    con = sqlite3.connect(db)
    with con:  # one transaction
        con.execute(SCHEMA)
        with open(jsonl, encoding="utf-8") as f:
            rows = (json.loads(line) for line in f if line.strip())
            con.executemany("INSERT INTO docs(id, title, source, text) VALUES (?, ?, ?, ?)",
                            ((a.get("id"), a.get("title"), a.get("source"), a.get("text")) for a in rows))
    con.close()


def query(db, queries_file):
    con = sqlite3.connect(db)
    sql = SELECT.format("?")

    def run_one(q):
        con.execute(sql, (to_fts5(q),)).fetchall()

    benchlib.print_stats(benchlib.time_queries(benchlib.read_queries(queries_file), run_one))


def one_shot_sql(q):
    return SELECT.format("'" + to_fts5(q).replace("'", "''") + "'") + ";"


if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] == ["load"] and len(args) == 3:
        load(args[1], args[2])
    elif args[:1] == ["query"] and len(args) == 3:
        query(args[1], args[2])
    elif args[:1] == ["sql"] and len(args) == 2:
        for q in benchlib.read_queries(args[1]):
            print(one_shot_sql(q))
    else:
        sys.exit(__doc__)
