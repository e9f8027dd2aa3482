"""Claims matched at scale, for bench.py: 20,000 ClaimReviews from generated publishers
imported into a copy of an ingested archive (100,000 articles by default).

- 4,000 *related* reviews each rate a claim of the archive, reworded as other publishers
  write it (the question made a statement, "Fact check:" gone), dated after the check;
- 16,000 *unrelated* reviews rate invented claims (their own organisations and subjects)
  set in the corpus's places, as real claims share geography.

Measured: the import's wall time and the part of it spent matching claims (the writer's own
clock, FACTARCHIVE_TIMING); how many related reviews found their check (recall at scale);
and how many latest checks gained an other verdict from an unrelated review (target: under
0.1% of them). Standard library only.
"""

import datetime
import json
import os
import random
import re
import shutil
import sqlite3

RELATED = 4_000
UNRELATED = 16_000
PUBLISHERS = 40
_SYLLABLES = ("qu", "zor", "vex", "thal", "brin", "osk", "ulm", "frey", "jaq", "pim", "drev",
              "ysk", "wol", "nax", "erl", "tov")
_VERBS = ("banned", "doubled funding for", "cancelled", "privatised", "opened", "taxed",
          "closed", "relocated", "subsidised", "suspended")
_SUBJECTS = ("a robotics fair", "street food stalls", "a cheese festival", "night trams",
             "a museum", "a rowing club", "a bakery chain", "a film archive", "a bird sanctuary",
             "a marathon", "a school orchestra", "public saunas")
_RATINGS = ("False", "Mostly false", "Misleading", "Half true", "Mostly true", "True",
            "Unproven")


def _statement(question, rng):
    """A question as another publisher states the claim: no "Fact check:", no question mark,
    an opening auxiliary dropped ("Did X raise Y?" -> "X raise Y")."""
    text = re.sub(r"^\s*fact check:\s*", "", question, flags=re.I).rstrip(" ?")
    text = re.sub(r"^(Did|Does|Do|Is|Are|Has|Have|Was|Were|Will)\s+", "", text)
    return text[:1].upper() + text[1:] if rng.random() < 0.5 else text


def generate(archive, folder, places):
    """Writes the reviews as JSON arrays of 1,000 (what import-claimreview reads)."""
    stamp = os.path.join(folder, ".generated")
    if os.path.exists(stamp):
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    rng = random.Random(2222)

    def word():
        return "".join(rng.choice(_SYLLABLES) for _ in range(2 + rng.randrange(2))).capitalize()

    publishers = ["%s %s" % (word(), rng.choice(("Fact Check", "Verify", "Truth Desk", "Facts")))
                  for _ in range(PUBLISHERS)]
    db = sqlite3.connect(archive)
    checks = db.execute(
        "SELECT q.text, coalesce(c.checked_on, c.checked_on_inferred) FROM checks AS c "
        "JOIN questions AS q ON q.id = c.question_id WHERE c.superseded = 0 "
        "AND coalesce(c.checked_on, c.checked_on_inferred) IS NOT NULL ORDER BY c.id").fetchall()
    db.close()
    reviews = []
    for number, (question, checked) in enumerate(rng.sample(checks, min(RELATED, len(checks)))):
        day = datetime.date.fromisoformat(checked) + datetime.timedelta(days=rng.randrange(10, 400))
        reviews.append(("related", number, _statement(question, rng), day))
    for number in range(UNRELATED):
        claim = "The %s %s %s %s in %s" % (
            word(), rng.choice(("council", "board", "trust", "league")), rng.choice(_VERBS),
            rng.choice(_SUBJECTS), rng.choice(places))
        day = datetime.date(2025, 1, 1) + datetime.timedelta(days=rng.randrange(700))
        reviews.append(("unrelated", number, claim, day))
    rng.shuffle(reviews)
    for start in range(0, len(reviews), 1000):
        entries = []
        for kind, number, claim, day in reviews[start:start + 1000]:
            publisher = rng.choice(publishers)
            host = re.sub(r"[^a-z]", "", publisher.lower()) + ".example"
            entries.append({
                "@context": "https://schema.org", "@type": "ClaimReview",
                "url": "https://%s/%s/%d" % (host, kind, number), "claimReviewed": claim,
                "datePublished": day.isoformat(), "inLanguage": "en",
                "author": {"@type": "Organization", "name": publisher},
                "reviewRating": {"@type": "Rating", "alternateName": rng.choice(_RATINGS)},
            })
        with open(os.path.join(folder, "reviews-%02d.json" % (start // 1000)), "w") as out:
            json.dump(entries, out)
    open(stamp, "w").close()
    return folder


def at_scale(fa, archive, work, run_with_rss, copy_archive, remove_database, places, workdir):
    """Imports the reviews into a copy of `archive`: time, matching share, recall, unrelated."""
    folder = generate(archive, os.path.join(workdir, "claimreviews-%d" % (RELATED + UNRELATED)),
                      places)
    copy = os.path.join(work, "claims.sqlite")
    copy_archive(archive, copy)
    files = sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".json"))
    print("importing %d generated ClaimReviews into a copy ..." % (RELATED + UNRELATED),
          flush=True)
    wall, rss, status, out, err = run_with_rss(
        [fa, "import-claimreview", "--db", copy] + files, env={"FACTARCHIVE_TIMING": "1"})
    if status not in (0, 1):
        raise SystemExit("bench: import failed: %s" % err)
    matching = matching_seconds(err)
    db = sqlite3.connect(copy)
    latest = db.execute(
        "SELECT count(*) FROM checks WHERE superseded = 0 AND publisher IS NULL").fetchone()[0]

    def count(kind):
        return db.execute(
            "SELECT count(DISTINCT o.check_id), count(DISTINCT o.other_check_id) "
            "FROM other_verdicts AS o JOIN checks AS t ON t.id = o.other_check_id "
            "JOIN checks AS c ON c.id = o.check_id "
            "WHERE c.publisher IS NULL AND t.title_url LIKE ?", ["%%/%s/%%" % kind]).fetchone()

    related_checks, related_reviews = count("related")
    unrelated_checks, unrelated_reviews = count("unrelated")
    links = db.execute("SELECT count(*) FROM other_verdicts").fetchone()[0]
    db.close()
    remove_database(copy)
    return {"reviews": RELATED + UNRELATED, "related": RELATED, "import_s": wall,
            "rss_mib": rss, "matching_s": matching, "links": links,
            "related_found": related_reviews, "unrelated_checks": unrelated_checks,
            "unrelated_reviews": unrelated_reviews, "latest_checks": latest}


def matching_seconds(stderr):
    found = re.findall(r"timing: claim matching ([0-9.]+) ms", stderr)
    return float(found[-1]) / 1000 if found else float("nan")


def table(rows):
    """The claims rows of the results table."""
    lines = []
    claims = [r for r in rows if "claims" in r]
    if not claims:
        return lines
    lines.append("")
    header = ("articles", "ClaimReviews imported", "import s", "of it matching s",
              "ingest's own matching s", "related found", "checks with an unrelated match")
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|" + "---:|" * len(header))
    for r in claims:
        c = r["claims"]
        lines.append("| %s | %s | %.1f | %.2f (%.1f%%) | %.2f of %.1f (%.1f%%) | %d of %d | %d of %s (%.3f%%) |" % (
            "{:,}".format(r["articles"]), "{:,}".format(c["reviews"]), c["import_s"],
            c["matching_s"], 100 * c["matching_s"] / c["import_s"], r.get("ingest_matching_s", float("nan")),
            r["ingest_s"], 100 * r.get("ingest_matching_s", float("nan")) / r["ingest_s"],
            c["related_found"], c["related"], c["unrelated_checks"], "{:,}".format(c["latest_checks"]),
            100.0 * c["unrelated_checks"] / max(1, c["latest_checks"])))
    return lines
