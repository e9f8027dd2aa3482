#!/usr/bin/env python3
"""A/B: two factarchive binaries on the same corpus, alternated, so the machine's drift
(this one swings 10-15% run to run) falls on both alike.

    python3 Benchmarks/ab.py OLD_BINARY NEW_BINARY [--count 20000] [--rounds 3]

Each round ingests the corpus into a fresh archive with each binary (the order alternates
round by round), then on each archive runs `stale --limit 20`, the full `stale --format
json`, the first night's `report` and the search query set. Prints min and median of each
figure for both, and the ratio of the medians (new / old). Standard library only.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402  (the corpora, timers and query set of `make bench`)


def whole_ms(fa, arguments, archive, repeats=5):
    times = []
    for _ in range(repeats):
        seconds, _, status, _, err = bench.run_with_rss([fa] + arguments + ["--db", archive])
        if status != 0:
            sys.exit("ab: %s failed: %s" % (" ".join(arguments), err))
        times.append(seconds * 1000)
    return statistics.median(times)


def round_for(fa, folder, work, label):
    archive = os.path.join(work, "%s.sqlite" % label)
    bench.remove_database(archive)
    seconds, rss, status, _, err = bench.run_with_rss(
        [fa, "ingest", "--quiet", "--db", archive, folder])
    if status > 1:
        sys.exit("ab: ingest failed: %s" % err)
    figures = {"ingest s": seconds, "ingest peak MiB": rss}
    figures["stale --limit 20 ms"] = whole_ms(
        fa, ["stale", "--limit", "20", "--as-of", bench.AS_OF], archive)
    figures["stale (whole, json) ms"] = whole_ms(
        fa, ["stale", "--format", "json", "--as-of", bench.AS_OF], archive, repeats=3)
    report_seconds, _, status, _, err = bench.run_with_rss(
        [fa, "report", "--as-of", bench.AS_OF, "--format", "json", "--db", archive])
    if status != 0:
        sys.exit("ab: report failed: %s" % err)
    figures["report (first night) ms"] = report_seconds * 1000
    searches = bench.search_set(fa, archive, repeats=3)
    figures["search set p50 ms (in process)"] = searches["p50_ms"]
    figures["search set p95 ms (in process)"] = searches["p95_ms"]
    bench.remove_database(archive)
    return figures


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("--count", type=int, default=20000)
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args()
    folder = bench.corpus(options.count)
    results = {"old": [], "new": []}
    with tempfile.TemporaryDirectory(dir=bench.WORK) as work:
        for round_number in range(options.rounds):
            order = ["old", "new"] if round_number % 2 == 0 else ["new", "old"]
            for label in order:
                fa = options.old if label == "old" else options.new
                figures = round_for(fa, folder, work, label)
                results[label].append(figures)
                print("round %d %s: %s" % (round_number + 1, label, ", ".join(
                    "%s %.1f" % (k, v) for k, v in figures.items())), flush=True)
    print("\n%d articles, %d rounds, %d cores\n" % (options.count, options.rounds, os.cpu_count()))
    print("| figure | old min | old median | new min | new median | new/old |")
    print("|---|---:|---:|---:|---:|---:|")
    for key in results["old"][0]:
        old = [r[key] for r in results["old"]]
        new = [r[key] for r in results["new"]]
        ratio = statistics.median(new) / statistics.median(old) if statistics.median(old) else 0
        print("| %s | %.1f | %.1f | %.1f | %.1f | %.2f |" % (
            key, min(old), statistics.median(old), min(new), statistics.median(new), ratio))


if __name__ == "__main__":
    main()
