#!/usr/bin/env python3
"""Main-text and metadata extraction against the labelled pages of Fixtures/pages/.

    python3 Benchmarks/extraction.py [FACTARCHIVE_BINARY]

Runs `factarchive extract --format json` over every page and compares it with the page's
NAME.expected.json: token-level precision, recall and F1 of the main text (the measure
article-extraction benchmarks use: bags of tokens, a token a run of letters and digits or
one Chinese, Japanese or Korean character), and whether the headline and byline are exact.
Targets: mean F1 >= 0.95, no page under 0.8, headline and byline exact on >= 95% of pages.
Standard library only; `make bench` runs it.
"""

import collections
import json
import os
import subprocess
import sys
import time
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PAGES = os.path.join(ROOT, "Fixtures", "pages")


def ideographic(ch):
    code = ord(ch)
    return (0x3040 <= code <= 0x30FF or 0x3400 <= code <= 0x4DBF or 0x4E00 <= code <= 0x9FFF
            or 0xAC00 <= code <= 0xD7AF or 0xF900 <= code <= 0xFAFF)


def tokens(text):
    out, current = [], ""
    for ch in text.lower():
        if ideographic(ch):
            if current:
                out.append(current)
            current = ""
            out.append(ch)
        elif ch.isalnum() or unicodedata.category(ch) in ("Mn", "Mc"):
            current += ch
        elif current:
            out.append(current)
            current = ""
    if current:
        out.append(current)
    return out


def overlap(extracted, expected):
    got, want = collections.Counter(tokens(extracted)), collections.Counter(tokens(expected))
    common = sum((got & want).values())
    precision = common / sum(got.values()) if got else (1.0 if not want else 0.0)
    recall = common / sum(want.values()) if want else 1.0
    f1 = 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)
    return precision, recall, f1


def binary():
    path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT,
                          capture_output=True, text=True, check=True).stdout.strip()
    return os.path.join(path, "factarchive")


def evaluate(fa):
    # Pages saved as HTML, and as MHTML or Safari archives, which extract opens too.
    files = sorted(f for f in os.listdir(PAGES)
                   if f.endswith((".html", ".mhtml", ".mht", ".webarchive")))
    names = [os.path.splitext(f)[0] for f in files]
    start = time.perf_counter()
    result = subprocess.run([fa, "extract", "--format", "json"]
                            + [os.path.join(PAGES, f) for f in files],
                            capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit("extraction: %s" % result.stderr)
    pages = json.loads(result.stdout)
    rows = []
    for name, page in zip(names, pages):
        with open(os.path.join(PAGES, name + ".expected.json"), encoding="utf-8") as f:
            expected = json.load(f)
        precision, recall, f1 = overlap(page["text"] or "", expected["text"])
        rows.append({"page": name, "precision": precision, "recall": recall, "f1": f1,
                     "title": page["title"] == expected["title"],
                     "byline": page["byline"] == expected.get("byline")})
    return rows, seconds


def summary(rows, seconds):
    count = len(rows)
    return {
        "pages": count,
        "mean_precision": sum(r["precision"] for r in rows) / count,
        "mean_recall": sum(r["recall"] for r in rows) / count,
        "mean_f1": sum(r["f1"] for r in rows) / count,
        "lowest_f1": min(r["f1"] for r in rows),
        "titles_exact": sum(r["title"] for r in rows) / count,
        "bylines_exact": sum(r["byline"] for r in rows) / count,
        "seconds": seconds,
    }


def main():
    fa = sys.argv[1] if len(sys.argv) > 1 else binary()
    rows, seconds = evaluate(fa)
    print("| page | precision | recall | F1 | title | byline |")
    print("|---|---:|---:|---:|:-:|:-:|")
    for r in rows:
        print("| %s | %.3f | %.3f | %.3f | %s | %s |" % (
            r["page"], r["precision"], r["recall"], r["f1"], "yes" if r["title"] else "NO",
            "yes" if r["byline"] else "NO"))
    s = summary(rows, seconds)
    print("\n%d pages: mean precision %.3f, recall %.3f, F1 %.3f (lowest %.3f); headline exact %.0f%%, "
          "byline exact %.0f%%; %.2f s for all (one process)" % (
              s["pages"], s["mean_precision"], s["mean_recall"], s["mean_f1"], s["lowest_f1"],
              100 * s["titles_exact"], 100 * s["bylines_exact"], s["seconds"]))
    ok = s["mean_f1"] >= 0.95 and s["lowest_f1"] >= 0.8 and s["titles_exact"] >= 0.95 \
        and s["bylines_exact"] >= 0.95
    print("targets (mean F1 >= 0.95, none under 0.8, headline and byline >= 95%%): %s"
          % ("held" if ok else "MISSED"))


if __name__ == "__main__":
    main()
