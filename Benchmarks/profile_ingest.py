#!/usr/bin/env python3
"""Where an ingest's time goes, by `perf record`: the release binary ingesting a corpus, and
SQLite's floor (the same rows copied with INSERT ... SELECT into an empty archive, every FTS
index rebuilt), each sampled, and the samples sorted into kinds of work by their symbols.

    python3 Benchmarks/profile_ingest.py CORPUS_DIR [WORK_DIR]
    python3 Benchmarks/profile_ingest.py --summarize WORK_DIR   # an earlier run's samples

Prints, for each thread of the ingest and for the floor, the share of samples per kind
(parse, SHA-256, FTS5, B-tree and pager, statement execution, Swift runtime and malloc,
kernel I/O) and the top symbols. Needs `perf` (Debian: linux-perf).
"""
import collections
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import bench  # noqa: E402

KINDS = [
    ("parse (FactArchiveParser)", re.compile(r"FactArchiveParser|17FactArchiveParser")),
    ("SHA-256 (swift-crypto)", re.compile(r"sha256|SHA256|CCryptoBoringSSL|6Crypto")),
    ("judging: policy, names, evidence", re.compile(
        r"FactArchivePolicy|FactArchiveSchema|17FactArchivePolicy|19FactArchiveSchema")),
    ("FTS5 (tokenizer, index, merges)", re.compile(
        r"fts5|Fts5|sqlite3Fts5|porter|unicode61|fts5Porter")),
    ("B-tree and pager", re.compile(
        r"sqlite3Btree|balance|sqlite3Pager|pcache|btree|Pager|sqlite3PcacheFetch|insertCell|"
        r"fillInCell|dropCell|allocateSpace|defragmentPage|moveto|Moveto|sqlite3WalFindFrame")),
    ("statement execution (VDBE, binding)", re.compile(
        r"sqlite3Vdbe|sqlite3_step|sqlite3_bind|sqlite3VdbeExec|sqlite3_reset|sqlite3Mem|"
        r"vdbe|Vdbe|sqlite3VXPrintf|sqlite3_value|sqlite3ValueText|serialGet|sqlite3Record")),
    ("FactArchive writer (Swift)", re.compile(r"FactArchiveIngest|FactArchiveStore")),
    ("Swift runtime, malloc, memcpy", re.compile(
        r"swift_|malloc|free|memcpy|memmove|_int_|cfree|realloc|__memset|memset|\$ss|\$sS")),
    ("kernel (I/O, page faults)", re.compile(r"^\[k\]|\[kernel")),
]


def kind(dso, symbol):
    for name, pattern in KINDS:
        if pattern.search(symbol):
            return name
    # SQLite's static functions have no symbols in Debian's library (FTS5's and the
    # B-tree's internals among them): counted as SQLite, not named.
    if dso.startswith("libsqlite3"):
        return "SQLite, unnamed static functions"
    if dso.startswith("libc"):
        return "Swift runtime, malloc, memcpy"
    if dso.startswith("[kernel"):
        return "kernel (I/O, page faults)"
    return "other"


def record(command, data):
    subprocess.run(["perf", "record", "-F", "499", "-g", "-o", data, "--"] + command,
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def samples(data):
    """(thread, shared object, symbol, share) from `perf report`, the leaf of each sample."""
    out = subprocess.run(
        ["perf", "report", "-i", data, "--no-children", "--sort", "pid,dso,sym", "--stdio",
         "-g", "none", "--percent-limit", "0"],
        capture_output=True, text=True, check=True).stdout
    rows = []
    for line in out.splitlines():
        match = re.match(r"\s*([0-9.]+)%\s+(\S+)\s+(\S+)\s+\[.\]\s+(.*?)\s*$", line)
        if match:
            rows.append((match.group(2), match.group(3), match.group(4), float(match.group(1))))
    return rows


def summarize(label, rows):
    by_thread = collections.defaultdict(float)
    for thread, _, _, share in rows:
        by_thread[thread] += share
    print("\n## %s\n" % label)
    for thread, total in sorted(by_thread.items(), key=lambda item: -item[1]):
        if total < 2:
            continue
        kinds = collections.defaultdict(float)
        symbols = collections.defaultdict(float)
        for t, dso, symbol, share in rows:
            if t == thread:
                kinds[kind(dso, symbol)] += share
                symbols[symbol] += share
        print("thread %s: %.1f%% of samples" % (thread, total))
        for name, share in sorted(kinds.items(), key=lambda item: -item[1]):
            print("  %5.1f%%  %s" % (share, name))
        print("  top symbols:")
        for symbol, share in sorted(symbols.items(), key=lambda item: -item[1])[:12]:
            demangled = subprocess.run(["swift", "demangle", "--simplified", symbol],
                                       capture_output=True, text=True).stdout.strip() or symbol
            print("  %5.1f%%  %s" % (share, demangled[:110]))


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    if sys.argv[1] == "--summarize":
        # Summaries of an earlier run's samples: WORK_DIR/ingest.perf and floor.perf.
        summarize("ingest", samples(os.path.join(sys.argv[2], "ingest.perf")))
        summarize("SQLite's floor", samples(os.path.join(sys.argv[2], "floor.perf")))
        return
    corpus = sys.argv[1]
    work = sys.argv[2] if len(sys.argv) > 2 else tempfile.mkdtemp(prefix="profile-")
    os.makedirs(work, exist_ok=True)
    fa = bench.binary()
    archive = os.path.join(work, "archive.sqlite")
    bench.remove_database(archive)
    data = os.path.join(work, "ingest.perf")
    record([fa, "ingest", "--quiet", "--db", archive, corpus], data)
    summarize("ingest of %s" % corpus, samples(data))
    floor_data = os.path.join(work, "floor.perf")
    script = os.path.join(work, "floor.py")
    with open(script, "w") as out:
        out.write("import sys; sys.path.insert(0, %r); import bench\n" % HERE)
        out.write("print(bench.floor(%r, %r, %r))\n" % (fa, archive, work))
    record([sys.executable, script], floor_data)
    summarize("SQLite's floor (INSERT ... SELECT, FTS rebuilt)", samples(floor_data))
    bench.remove_database(archive)


if __name__ == "__main__":
    main()
