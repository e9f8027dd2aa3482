#!/usr/bin/env python3
"""A corpus of generated web pages, for timing the reading of any publisher's page.

    python3 Benchmarks/html_pages.py TEXT_CORPUS OUT_FOLDER [--count 10000]

Each generated text article of TEXT_CORPUS (gen_corpus.py's Factually pages) becomes one
web page in the dress of a news or fact-checking site, in turn: half are news pages (a
source: the article's paragraphs in an article body, with a cookie banner, a menu,
breadcrumbs, a share bar, an advert, a related-stories list, comments and a footer, and
JSON-LD NewsArticle metadata), half are another publisher's fact-checks (ClaimReview
JSON-LD with a rating, a verdict box, the article's sections as h2 headings and links to
its references). Deterministic: the same corpus gives the same bytes. Standard library only.

`make bench` calls measure(): ingests the pages into a fresh archive, and the same articles
as text into another, for pages per second beside the text ingest of the same articles.
"""

import html
import json
import os
import re
import statistics
import sys

RATINGS = ["False", "Mostly False", "Misleading", "Half True", "Falso", "Faux", "Mostly True"]


def articles(folder):
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".txt"):
                yield os.path.join(root, name)


def parse(text):
    lines = [l.rstrip() for l in text.split("\n")]
    question = lines[0].strip()
    sections, current, heading, links = [], [], "Summary", []
    for line in lines[1:]:
        m = re.match(r"^\d+\. (.+)$", line)
        if m:
            sections.append((heading, current))
            heading, current = m.group(1), []
        elif line.startswith("Want to dive deeper"):
            break
        elif line and not line.lower().startswith(("checked on", "disclaimer", "this fact-check", "executive summary")):
            current.append(line)
    sections.append((heading, current))
    date = re.search(r"Checked on (\w+ \d+, \d{4})", text)
    return question, [(h, ps) for h, ps in sections if ps], date.group(1) if date else None


def link_markers(paragraph, number):
    """[n] markers become links to a reference page, as publishers cite."""
    return re.sub(r"\s*\[(\d+)\]", lambda m: ' (<a href="https://records-%s.example/doc/%s">source</a>)'
                  % (m.group(1), number), html.escape(paragraph, quote=False))


CHROME_TOP = """<div class="cookie-consent"><p>We use cookies to make this site work.</p><button>Accept</button></div>
<header class="site-header"><a class="logo" href="/">{site}</a><nav><a href="/news">News</a> <a href="/world">World</a> <a href="/fact-checks">Fact checks</a> <a href="/about">About</a></nav></header>
<div class="breadcrumbs"><a href="/">Home</a> › <a href="/news">News</a></div>"""
CHROME_BOTTOM = """<section class="related-stories"><h2>Related</h2><ul><li><a href="/a/{n}">Port authority names new chief</a></li><li><a href="/b/{n}">Budget talks resume</a></li><li><a href="/c/{n}">Rail strike called off</a></li></ul></section>
<section id="comments"><h3>Comments</h3><div class="comment"><p>Interesting, thanks.</p></div></section>
<footer class="site-footer"><p>© 2026 {site}</p><a href="/privacy">Privacy</a></footer>"""


def news_page(n, question, sections, date):
    site = "Generated News %d" % (n % 40)
    body = "\n".join("<p>%s</p>" % link_markers(p, n) for _, ps in sections for p in ps)
    meta = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": question,
            "author": {"@type": "Person", "name": "Reporter %d" % (n % 97)},
            "publisher": {"@type": "Organization", "name": site}}
    if date:
        meta["datePublished"] = date
    return """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | {site}</title>
<meta property="og:site_name" content="{site}">
<script type="application/ld+json">{meta}</script>
<script>window.dataLayer=[];</script></head>
<body>
{top}
<main><article><h1>{title}</h1><p class="byline">By Reporter {reporter}</p>
<div class="share-bar"><a href="#">Share</a> <a href="#">Post</a></div>
<div class="article-body">
{body}
<div class="ad-slot"><span>Advertisement</span></div>
</div></article>
{bottom}
</main></body></html>
""".format(title=html.escape(question), site=site, meta=json.dumps(meta), top=CHROME_TOP.format(site=site),
           bottom=CHROME_BOTTOM.format(site=site, n=n), reporter=n % 97, body=body)


def fact_check_page(n, question, sections, date):
    site = "Generated Checks %d" % (n % 40)
    rating = RATINGS[n % len(RATINGS)]
    review = {"@context": "https://schema.org", "@type": "ClaimReview", "claimReviewed": question,
              "url": "https://checks-%d.example/%d" % (n % 40, n),
              "author": {"@type": "Organization", "name": site},
              "reviewRating": {"@type": "Rating", "alternateName": rating}}
    if date:
        review["datePublished"] = date
    verdict = sections[0][1][0] if sections and sections[0][1] else question
    body = "\n".join("<h2>%s</h2>\n%s" % (html.escape(h), "\n".join("<p>%s</p>" % link_markers(p, n) for p in ps))
                     for h, ps in sections[1:])
    return """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Fact check: {title} - {site}</title>
<meta property="og:site_name" content="{site}">
<script type="application/ld+json">{review}</script></head>
<body>
{top}
<main><article><h1>Fact check: {title}</h1>
<div class="verdict"><span>Verdict</span><p>{rating}. {verdict}</p></div>
<div class="entry-content">
{body}
<div class="newsletter-signup"><p>Sign up for our newsletter.</p></div>
</div></article>
{bottom}
</main></body></html>
""".format(title=html.escape(question), site=site, review=json.dumps(review), top=CHROME_TOP.format(site=site),
           bottom=CHROME_BOTTOM.format(site=site, n=n), rating=rating, verdict=html.escape(verdict, quote=False), body=body)


def write(source, out, count):
    """Writes up to `count` pages from the text corpus `source`; returns the text files used."""
    os.makedirs(out, exist_ok=True)
    used = []
    for path in articles(source):
        if len(used) >= count:
            break
        with open(path, encoding="utf-8") as f:
            question, sections, date = parse(f.read())
        if not sections:
            continue
        written = len(used)
        page = (news_page if written % 2 == 0 else fact_check_page)(written, question, sections, date)
        folder = os.path.join(out, "%03d" % (written // 1000))
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "%07d.html" % written), "w", encoding="utf-8") as f:
            f.write(page)
        used.append(path)
    return used


def measure(fa, source, work, run, count=10000, rounds=3):
    """Ingest of `count` generated pages against the same articles as text, alternated for
    `rounds` rounds (this machine's timings wander by a fifth from run to run): medians.

    `run(command)` returns (wall seconds, peak RSS MiB, status, stdout, stderr)."""
    pages = os.path.join(work, "html-pages-%d" % count)
    stamp = os.path.join(pages, ".generated")
    texts_list = os.path.join(pages, ".texts")
    if not os.path.exists(stamp):
        used = write(source, pages, count)
        with open(texts_list, "w") as f:
            f.write("\n".join(used))
        open(stamp, "w").close()
    with open(texts_list) as f:
        texts = f.read().split("\n")
    walls = {"html": [], "text": []}
    peaks = {"html": [], "text": []}
    for label, inputs in [("html", [pages]), ("text", texts)] * rounds:
        archive = os.path.join(work, "html-pages.sqlite")
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(archive + suffix):
                os.remove(archive + suffix)
        listing = os.path.join(work, "html-pages.list")
        with open(listing, "w") as f:
            f.write("\n".join(inputs) + "\n")
        wall, rss, status, _, err = run([fa, "ingest", "--quiet", "--db", archive, "--files-from", listing])
        if status != 0:
            sys.exit("html pages: ingest failed: %s" % err[-500:])
        walls[label].append(wall)
        peaks[label].append(rss)
        print("html pages: %s ingest of %d articles %.2f s (%.0f/s), peak %.0f MiB" % (
            label, len(texts), wall, len(texts) / wall, rss), flush=True)
    result = {"pages": len(texts), "rounds": rounds}
    for label in walls:
        wall = statistics.median(walls[label])
        result[label] = {"wall_s": wall, "walls_s": walls[label], "rss_mib": max(peaks[label]),
                         "per_s": len(texts) / wall}
    return result


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    source, out = sys.argv[1], sys.argv[2]
    count = int(sys.argv[sys.argv.index("--count") + 1]) if "--count" in sys.argv else 10000
    print("%d pages written to %s" % (len(write(source, out, count)), out))


if __name__ == "__main__":
    main()
