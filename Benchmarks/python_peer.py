#!/usr/bin/env python3
"""The script a researcher would otherwise write: regexes and the sqlite3 module.

Reads every *.txt under a folder (Factually pages, one or more per file separated by form
feeds), pulls out the question, the check date, the executive summary, the numbered
sections, the citation markers and the follow-up questions with regular expressions, and
writes them with executemany into SQLite, with an FTS5 table over question and summary.
Standard library only. Used by `make bench` as the reference FactArchive must beat.

With --equal-work it does the work FactArchive does, so the comparison is like for like:
the raw text of each file is kept once (documents), and FTS5 indexes (porter unicode61, as
FactArchive's) cover the question, every section including the executive summary (heading
and body), and every follow-up question.

    python3 Benchmarks/python_peer.py [--equal-work] CORPUS_DIR OUT.sqlite
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


EQUAL_WORK_SCHEMA = """
CREATE TABLE documents (id INTEGER PRIMARY KEY, path TEXT, sha256 TEXT UNIQUE, raw TEXT);
CREATE TABLE articles (id INTEGER PRIMARY KEY, document_id INTEGER, question TEXT,
  checked_on TEXT);
CREATE TABLE sections (id INTEGER PRIMARY KEY, article_id INTEGER, position INTEGER,
  heading TEXT, body TEXT);
CREATE TABLE citations (section_id INTEGER, ref_number INTEGER);
CREATE TABLE follow_ups (id INTEGER PRIMARY KEY, article_id INTEGER, position INTEGER,
  text TEXT);
CREATE VIRTUAL TABLE questions_fts USING fts5(question, tokenize = 'porter unicode61');
CREATE VIRTUAL TABLE sections_fts USING fts5(heading, body, tokenize = 'porter unicode61');
CREATE VIRTUAL TABLE follow_ups_fts USING fts5(text, tokenize = 'porter unicode61');
"""


def open_peer(folder, out, schema):
    """A fresh database at `out` with `schema`, and the corpus's .txt files in sorted order."""
    if os.path.exists(out):
        os.remove(out)
    db = sqlite3.connect(out, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    db.executescript(schema)
    paths = []
    for root, _, files in os.walk(folder):
        paths.extend(os.path.join(root, f) for f in files if f.endswith(".txt"))
    paths.sort()
    return db, paths


def equal_work(folder, out):
    """The same parse, FactArchive's work: raw text kept, every section and follow-up indexed."""
    db, paths = open_peer(folder, out, EQUAL_WORK_SCHEMA)
    rows = {name: [] for name in ("documents", "articles", "sections", "citations", "follow_ups",
                                  "questions_fts", "sections_fts", "follow_ups_fts")}
    ids = {"document": 0, "article": 0, "section": 0, "follow_up": 0}
    inserts = {
        "documents": "INSERT OR IGNORE INTO documents VALUES (?, ?, ?, ?)",
        "articles": "INSERT INTO articles VALUES (?, ?, ?, ?)",
        "sections": "INSERT INTO sections VALUES (?, ?, ?, ?, ?)",
        "citations": "INSERT INTO citations VALUES (?, ?)",
        "follow_ups": "INSERT INTO follow_ups VALUES (?, ?, ?, ?)",
        "questions_fts": "INSERT INTO questions_fts (rowid, question) VALUES (?, ?)",
        "sections_fts": "INSERT INTO sections_fts (rowid, heading, body) VALUES (?, ?, ?)",
        "follow_ups_fts": "INSERT INTO follow_ups_fts (rowid, text) VALUES (?, ?)",
    }

    def flush():
        db.execute("BEGIN")
        for name, batch in rows.items():
            db.executemany(inserts[name], batch)
            batch.clear()
        db.execute("COMMIT")

    rejected = 0
    pending = 0
    for path in paths:
        with open(path, "rb") as handle:
            raw = handle.read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            rejected += 1
            continue
        ids["document"] += 1
        document_id = ids["document"]
        rows["documents"].append((document_id, path, hashlib.sha256(raw).hexdigest(), text))
        for question, checked, summary, parts, asks in parse(text):
            ids["article"] += 1
            article_id = ids["article"]
            rows["articles"].append((article_id, document_id, question, checked))
            rows["questions_fts"].append((article_id, question))
            for position, heading, body in [(0, None, summary)] + parts:
                ids["section"] += 1
                rows["sections"].append((ids["section"], article_id, position, heading, body))
                rows["sections_fts"].append((ids["section"], heading, body))
                for ref in MARKER.findall(body):
                    rows["citations"].append((ids["section"], int(ref)))
            for position, ask in enumerate(asks, 1):
                ids["follow_up"] += 1
                rows["follow_ups"].append((ids["follow_up"], article_id, position, ask))
                rows["follow_ups_fts"].append((ids["follow_up"], ask))
            pending += 1
        if pending >= 2000:
            flush()
            pending = 0
    flush()
    count = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    print("python peer (equal work): %d articles, %d files rejected" % (count, rejected))


def main(folder, out):
    db, paths = open_peer(folder, out, SCHEMA)
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
    arguments = sys.argv[1:]
    equal = "--equal-work" in arguments
    arguments = [a for a in arguments if a != "--equal-work"]
    if len(arguments) != 2:
        sys.exit(__doc__)
    (equal_work if equal else main)(arguments[0], arguments[1])
