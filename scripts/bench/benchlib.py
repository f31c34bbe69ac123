"""Shared by the in-process query benchmarks: query translation and statistics."""
import json
import re
import statistics
import time

# privsearch's facet filters ("agency:fbi"); the peers have no such field.
FILTER = re.compile(r"\b(agency|platform|organization|company|source):\S+\s*")


def read_queries(path):
    with open(path, encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip()]


def drop_filters(query):
    return FILTER.sub("", query).strip()


def percentile(sorted_values, p):
    """Nearest-rank percentile of an already sorted list."""
    rank = max(1, -(-len(sorted_values) * p // 100))
    return sorted_values[int(rank) - 1]


def time_queries(queries, run_one):
    """Runs each query once, in order, and reports milliseconds. No warm-up pass:
    the privsearch batch run it is compared with has none either."""
    times = []
    for q in queries:
        start = time.perf_counter()
        run_one(q)
        times.append((time.perf_counter() - start) * 1000.0)
    times.sort()
    return {
        "queries": len(times),
        "mean_ms": round(statistics.fmean(times), 3),
        "median_ms": round(statistics.median(times), 3),
        "p99_ms": round(percentile(times, 99), 3),
    }


def print_stats(stats):
    print(json.dumps(stats))
