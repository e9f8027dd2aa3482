#!/usr/bin/env python3
"""The script a researcher would otherwise write: regexes and the sqlite3 module.

Reads every *.txt under a folder (Factually pages, one or more per file separated by form
feeds), pulls out the question, the check date, the executive summary, the numbered
sections, the citation markers and the follow-up questions with regular expressions, and
writes them with executemany into SQLite, with an FTS5 table over question and summary.
Standard library only. Used by `make bench` as the reference FactArchive must beat.

    python3 Benchmarks/python_peer.py CORPUS_DIR OUT.sqlite
"""

import datetime
import hashlib
import os
import re
import sqlite3
import sys

CHECKED = re.compile(r"^Checked on (.+?)\s*$", re.M)
SECTION = re.compile(r"^\s*\**(\d{1,2})\.\s+(.+?)\**:?\s*$")
MARKER = re.compile(r"\[(\d+)\]")
FOLLOW_UPS = re.compile(r"^Want to dive deeper\?\s*$", re.M)
CHROME = ("Keep Factually independent", "Loading...", "Support independent", "Goal: ")

SCHEMA = """
CREATE TABLE articles (id INTEGER PRIMARY KEY, path TEXT, sha256 TEXT UNIQUE, question TEXT,
  checked_on TEXT, summary TEXT, raw TEXT);
CREATE TABLE sections (article_id INTEGER, position INTEGER, heading TEXT, body TEXT);
CREATE TABLE citations (article_id INTEGER, position INTEGER, ref_number INTEGER);
CREATE TABLE follow_ups (article_id INTEGER, position INTEGER, text TEXT);
CREATE VIRTUAL TABLE articles_fts USING fts5(question, summary);
"""


def parse_date(text):
    for fmt in ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%Y-%m-%d"):
        try:
            return datetime.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            pass
    return None


def parse(text):
    """Yields (question, checked_on, summary, sections, follow_ups) per article."""
    for page in text.split("\n\f\n"):
        lines = [l for l in page.replace("\r\n", "\n").split("\n")
                 if l.strip() and not l.startswith(CHROME)]
        if not lines:
            continue
        question = re.sub(r"^Fact check:\s*", "", lines[0].strip())
        match = CHECKED.search(page)
        checked = parse_date(match.group(1)) if match else None
        summary, sections, follow_ups = [], [], []
        current = None
        in_follow_ups = False
        for line in lines[1:]:
            if in_follow_ups:
                follow_ups.append(line.strip())
            elif FOLLOW_UPS.match(line):
                in_follow_ups = True
            elif SECTION.match(line):
                number, heading = SECTION.match(line).groups()
                current = [int(number), heading, []]
                sections.append(current)
            elif line.startswith(("Checked on", "Disclaimer:", "This fact-check may be outdated",
                                  "Executive summary", "Executive Summary")):
                continue
            elif current is None:
                summary.append(line)
            else:
                current[2].append(line)
        yield (question, checked, "\n".join(summary),
               [(n, h, "\n".join(b)) for n, h, b in sections], follow_ups)


def main(folder, out):
    if os.path.exists(out):
        os.remove(out)
    db = sqlite3.connect(out, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    db.executescript(SCHEMA)
    paths = []
    for root, _, files in os.walk(folder):
        paths.extend(os.path.join(root, f) for f in files if f.endswith(".txt"))
    paths.sort()
    articles, sections, citations, follow_ups, fts = [], [], [], [], []
    next_id = 1

    def flush():
        db.execute("BEGIN")
        db.executemany("INSERT OR IGNORE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?)", articles)
        db.executemany("INSERT INTO sections VALUES (?, ?, ?, ?)", sections)
        db.executemany("INSERT INTO citations VALUES (?, ?, ?)", citations)
        db.executemany("INSERT INTO follow_ups VALUES (?, ?, ?)", follow_ups)
        db.executemany("INSERT INTO articles_fts (rowid, question, summary) VALUES (?, ?, ?)", fts)
        db.execute("COMMIT")
        for batch in (articles, sections, citations, follow_ups, fts):
            batch.clear()

    rejected = 0
    for path in paths:
        with open(path, "rb") as handle:
            raw = handle.read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            rejected += 1
            continue
        digest = hashlib.sha256(raw).hexdigest()
        for index, (question, checked, summary, parts, asks) in enumerate(parse(text)):
            article_id = next_id
            next_id += 1
            articles.append((article_id, path, digest + ":" + str(index), question, checked,
                             summary, text))
            fts.append((article_id, question, summary))
            for position, body in [(0, summary)] + [(n, b) for n, _, b in parts]:
                for ref in MARKER.findall(body):
                    citations.append((article_id, position, int(ref)))
            for number, heading, body in parts:
                sections.append((article_id, number, heading, body))
            for position, ask in enumerate(asks, 1):
                follow_ups.append((article_id, position, ask))
        if len(articles) >= 2000:
            flush()
    flush()
    count = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    print("python peer: %d articles, %d files rejected" % (count, rejected))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
