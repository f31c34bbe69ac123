"""Mean, median and p99 of the per-query "took_ms" in privsearch --batch output (JSON Lines)."""
import json
import statistics
import sys

from benchlib import percentile


def main(path):
    with open(path, encoding="utf-8") as f:
        rows = (json.loads(line) for line in f if line.strip())
        times = sorted(r["took_ms"] for r in rows if "took_ms" in r)  # error lines have none
    print(f"{statistics.fmean(times):.3f} {statistics.median(times):.3f} {percentile(times, 99):.3f}")


if __name__ == "__main__":
    main(sys.argv[1])
