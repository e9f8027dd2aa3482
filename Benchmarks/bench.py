#!/usr/bin/env python3
"""FactArchive's benchmark: ingest, queries and two references on generated corpora.

    make bench                      # 20,000 and 100,000 articles
    BENCH_N=1000000 make bench      # adds the big run (about 5 GB of text)
    BENCH_ROUNDS=1 make bench       # one round of ingest, floor and peer instead of three

For each corpus size N (generated once by ../shared/bench/gen_corpus.py --seed 42 and kept
under Benchmarks/work/), it measures:

- factarchive ingest: wall time, articles/s, MB/s, peak RSS, database size;
- the SQLite floor: the same rows copied table to table (INSERT INTO ... SELECT from the
  ingested archive, attached) into an empty database of the same schema, plus the same
  full-text indexes: what writing those rows costs with no parsing at all;
- the Python peer (Benchmarks/python_peer.py --equal-work): regexes, executemany, the raw
  text kept, FTS5 over question, every section and the follow-ups;
- ingest, the floor and the peer alternate, round after round (BENCH_ROUNDS, 3), so a
  machine that slows down for a minute slows all three: each is reported as min and median;
- whole-process times as a user sees them (`stale --limit 20`, every search of the set),
  min and median of 9 runs, beside the targets (the first table of RESULTS.md);
- on the ingested archive: stale --limit 100, the full stale list, report, and a few fixed
  searches, each as the query's own time inside the process (FACTARCHIVE_TIMING) and as the
  whole command's wall time (median of 5 runs; report: 3 runs on successive days);
- newer evidence at scale: 10,000 generated news sources on unrelated subjects (their own
  invented organisations and people, but the corpus's places and real countries), ingested
  into a copy of the archive: how long that takes, and the share of latest checks that gain
  newer evidence (it should be small);
- claims at scale (Benchmarks/claims.py, at 100,000 articles): the part of the ingest spent
  matching claims, and 20,000 ClaimReviews from generated publishers imported into a copy:
  the import's time and its matching part, related reviews found, unrelated matches.

Prints one table and writes Benchmarks/RESULTS.md. Standard library only.
"""

import datetime
import json
import os
import platform
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

import claims

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
WORK = os.path.join(HERE, "work")
GENERATOR = os.environ.get(
    "BENCH_GENERATOR", os.path.join(os.path.dirname(ROOT), "shared", "bench", "gen_corpus.py"))
SEED = 42
SEARCHES = ['"ferry subsidies"', "smuggling", "audit* AND cobalt", '"grain export quotas" OR tariff']
# The search query set: rare names, common words, phrases, OR, prefixes (names from the
# generator's seed-42 corpora, which every size shares).
QUERY_SET = [
    "Yarisja", "Vinuora", '"Dorisovo Border Directorate"', '"Helormark Rail Company"',
    "smuggling", "evidence", '"seasonal labour visas"', '"ferry subsidies"', "cobalt OR lithium",
    '"grain export quotas" OR tariff', "subsid*", "audit* AND cobalt", "harbour OR ferry",
]
AS_OF = "2026-11-20"
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
# The targets of the speed issue, as (label, key of target_figures(row), limit, articles).
TARGETS = [
    ("ingest / SQLite's floor", "ingest_floor", 1.3, (20_000, 100_000)),
    ("ingest / equal-work Python peer", "ingest_peer", 0.67, (20_000, 100_000)),
    ("`stale --limit 20`, whole process, ms", "stale20_ms", 25, (100_000,)),
    ("slowest search of the set, whole process, ms", "search_max_ms", 50, (100_000,)),
    ("slowest search of the set, whole process, ms", "search_max_ms", 100, (1_000_000,)),
    ("desk queue page, server ms", "desk_queue_ms", 20, (1_000_000,)),
]


def binary():
    path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT,
                          capture_output=True, text=True, check=True).stdout.strip()
    return os.path.join(path, "factarchive")


def run_with_rss(command, env=None):
    """Runs a command; returns (wall seconds, its own peak RSS in MiB, status, stdout, stderr).

    The peak RSS comes from /usr/bin/time, which starts the command from a small process.
    wait4's ru_maxrss of a child forked from this script also counts this script's pages (a
    forked child holds its parent's pages until it execs), and those grow with the corpus
    walked here: an earlier version reported 81 MiB at 100,000 articles and 129 MiB at
    1,000,000 for an ingest whose own peak was 63 MiB. Without /usr/bin/time, that figure is
    the fallback.
    """
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss_file:
        timer = (["/usr/bin/time", "-f", "%M", "-o", rss_file.name]
                 if os.path.exists("/usr/bin/time") else [])
        start = time.perf_counter()
        process = subprocess.Popen(timer + command, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, env={**os.environ, **(env or {})})
        out = process.stdout.read()
        err = process.stderr.read()
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - start
        lines = rss_file.read().split()
        rss_kib = int(lines[-1]) if timer and lines and lines[-1].isdigit() else usage.ru_maxrss
    return wall, rss_kib / 1024, process.returncode, out.decode(), err.decode()


def corpus(n):
    folder = os.path.join(WORK, "corpus-%d" % n)
    stamp = os.path.join(folder, ".generated")
    if os.path.exists(stamp):
        return folder
    if not os.path.exists(GENERATOR):
        sys.exit("bench: %s not found (set BENCH_GENERATOR)" % GENERATOR)
    shutil.rmtree(folder, ignore_errors=True)
    print("generating %d articles ..." % n, flush=True)
    subprocess.run([sys.executable, GENERATOR, "--count", str(n), "--seed", str(SEED), "--out",
                    folder], check=True, stdout=subprocess.DEVNULL)
    open(stamp, "w").close()
    return folder


def corpus_bytes(folder):
    total = 0
    for root, _, files in os.walk(folder):
        total += sum(os.path.getsize(os.path.join(root, f)) for f in files if f.endswith(".txt"))
    return total


def remove_database(path):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)


def database_size(path):
    return sum(os.path.getsize(path + s) for s in ("", "-wal") if os.path.exists(path + s))


def copy_archive(archive, copy):
    """A consistent copy of the archive (SQLite's online backup), replacing `copy`."""
    remove_database(copy)
    source = sqlite3.connect(archive)
    target = sqlite3.connect(copy)
    source.backup(target)
    source.close()
    target.close()


def floor(fa, archive, work):
    """Copies the archive's rows into an empty archive and builds the same FTS indexes."""
    target = os.path.join(work, "floor.sqlite")
    remove_database(target)
    subprocess.run([fa, "policy", "list", "--db", target], check=True, stdout=subprocess.DEVNULL)
    db = sqlite3.connect(target, isolation_level=None)
    # The settings ingest runs with (IngestSession): the WAL copied back past 128 MiB.
    page_size = db.execute("PRAGMA page_size").fetchone()[0]
    for pragma in ("journal_mode = WAL", "synchronous = NORMAL", "cache_size = -32768",
                   "temp_store = MEMORY", "wal_autocheckpoint = %d" % ((128 << 20) // page_size),
                   "foreign_keys = ON"):
        db.execute("PRAGMA " + pragma)
    db.execute("ATTACH ? AS src", (archive,))
    tables = ["documents", "questions", "checks", "summary_spans", "citation_spans",
              "follow_ups", "citation_sources", "sources", "source_links", "check_evidence",
              "names"]
    start = time.perf_counter()
    db.execute("BEGIN IMMEDIATE")
    for table in tables:
        db.execute("INSERT INTO main.%s SELECT * FROM src.%s" % (table, table))
    db.execute("INSERT OR REPLACE INTO main.name_totals SELECT * FROM src.name_totals")
    db.execute("INSERT INTO questions_fts (rowid, text) SELECT id, text FROM src.questions")
    db.execute("INSERT INTO questions_trigram (rowid, text) SELECT id, text FROM src.questions")
    db.execute("INSERT INTO summaries_fts (rowid, heading, body) "
               "SELECT id, heading, body FROM src.summaries")
    db.execute("INSERT INTO follow_ups_fts (rowid, text) SELECT id, text FROM src.follow_ups")
    db.execute("INSERT INTO checks_fts (rowid, key_terms) SELECT id, key_terms FROM src.checks "
               "WHERE key_terms <> ''")
    db.execute("COMMIT")
    elapsed = time.perf_counter() - start
    db.close()
    size = database_size(target)
    remove_database(target)
    return elapsed, size


def thread_seconds(stderr):
    """The ingest's reading and writing threads' processor time and the writer's wait, in
    seconds, as the CLI printed them (FACTARCHIVE_TIMING=1)."""
    def seconds(label):
        found = re.findall(r"^timing: %s ([0-9.]+) ms$" % label, stderr, re.M)
        return float(found[-1]) / 1000 if found else float("nan")
    return (seconds("reading thread cpu"), seconds("writing thread cpu"),
            seconds("writing thread waiting"))


def timing(stderr, label):
    """The in-process time the CLI printed (FACTARCHIVE_TIMING=1), in milliseconds."""
    match = re.search(r"^timing: %s ([0-9.]+) ms$" % re.escape(label), stderr, re.M)
    return float(match.group(1)) if match else float("nan")


def query_times(fa, archive, arguments, label, repeats=5):
    inside, wall = [], []
    for _ in range(repeats):
        seconds, _, status, _, err = run_with_rss(
            [fa] + arguments + ["--db", archive], env={"FACTARCHIVE_TIMING": "1"})
        if status != 0:
            sys.exit("bench: %s failed: %s" % (" ".join(arguments), err))
        inside.append(timing(err, label))
        wall.append(seconds * 1000)
    return statistics.median(inside), statistics.median(wall)


def wall_ms(fa, archive, arguments, repeats=9):
    """A command's whole-process wall time as a user sees it (starting the binary, opening
    the archive, the query, printing): (min, median) of `repeats` runs, in milliseconds."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        done = subprocess.run([fa] + arguments + ["--db", archive], stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE)
        times.append((time.perf_counter() - start) * 1000)
        if done.returncode != 0:
            sys.exit("bench: %s failed: %s" % (" ".join(arguments), done.stderr.decode()))
    return min(times), statistics.median(times)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def search_set(fa, archive, repeats=7):
    """Each query of QUERY_SET `repeats` times: its median in-process time, how its hits are
    ordered (bm25 or newest), and the set's p50 and p95 over every run."""
    per_query, every = {}, []
    for query in QUERY_SET:
        times = []
        ranking = "-"
        for _ in range(repeats):
            _, _, status, out, err = run_with_rss(
                [fa, "search", query, "--limit", "20", "--format", "csv", "--db", archive],
                env={"FACTARCHIVE_TIMING": "1"})
            if status != 0:
                sys.exit("bench: search %s failed: %s" % (query, err))
            times.append(timing(err, "search"))
            lines = out.strip().split("\n")
            if len(lines) > 1:
                ranking = lines[1].rsplit(",", 1)[-1]
        every += times
        per_query[query] = {"median_ms": statistics.median(times), "ranking": ranking}
    return {"queries": per_query, "p50_ms": percentile(every, 0.5),
            "p95_ms": percentile(every, 0.95)}


def bench(n, fa, skip_peer):
    folder = corpus(n)
    size = corpus_bytes(folder)
    work = os.path.join(WORK, "run-%d" % n)
    os.makedirs(work, exist_ok=True)
    archive = os.path.join(work, "archive.sqlite")
    ours, floors, peers, rss_values, threads = [], [], [], [], []
    peer_db = os.path.join(work, "peer.sqlite")
    for round_number in range(1, ROUNDS + 1):
        remove_database(archive)
        print("round %d of %d: ingesting %d articles (%.0f MB) ..." % (
            round_number, ROUNDS, n, size / 1e6), flush=True)
        wall, rss, status, out, err = run_with_rss(
            [fa, "ingest", "--db", archive, folder], env={"FACTARCHIVE_TIMING": "1"})
        if status not in (0, 1):
            sys.exit("bench: ingest failed: %s" % err)
        ours.append(wall)
        rss_values.append(rss)
        ingest_matching = claims.matching_seconds(err)
        threads.append(thread_seconds(err))
        print("  %.2f s: %s" % (wall, out.strip()), flush=True)
        floor_time, floor_size = floor(fa, archive, work)
        floors.append(floor_time)
        print("  SQLite floor %.2f s" % floor_time, flush=True)
        if not skip_peer:
            seconds, _, status, _, err = run_with_rss(
                [sys.executable, os.path.join(HERE, "python_peer.py"), "--equal-work",
                 folder, peer_db])
            if status != 0:
                sys.exit("bench: python peer failed: %s" % err)
            peers.append(seconds)
            remove_database(peer_db)
            print("  Python peer (equal work) %.2f s" % seconds, flush=True)
    db_size = database_size(archive)
    print("queries ...", flush=True)
    nan = float("nan")
    results = {
        "articles": n, "corpus_bytes": size, "rounds": ROUNDS,
        "ingest_s": statistics.median(ours), "ingest_min_s": min(ours), "ingest_runs_s": ours,
        "rss_mib": max(rss_values), "db_bytes": db_size,
        "floor_s": statistics.median(floors), "floor_min_s": min(floors), "floor_runs_s": floors,
        "floor_db_bytes": floor_size,
        "peer_equal_s": statistics.median(peers) if peers else nan,
        "peer_equal_min_s": min(peers) if peers else nan, "peer_runs_s": peers,
        "ingest_matching_s": ingest_matching,
        # Each thread's processor time in the fastest round: reader, writer, writer waiting.
        "threads_s": threads[ours.index(min(ours))],
    }
    results["stale20_wall"] = wall_ms(fa, archive, ["stale", "--as-of", AS_OF, "--limit", "20"])
    results["search_wall"] = {
        query: wall_ms(fa, archive, ["search", query, "--limit", "20"]) for query in QUERY_SET}
    results["stale100"] = query_times(
        fa, archive, ["stale", "--as-of", AS_OF, "--limit", "100", "--format", "csv"], "stale")
    results["stale_all"] = query_times(
        fa, archive, ["stale", "--as-of", AS_OF, "--format", "csv"], "stale", repeats=3)
    # Three consecutive nights: the first records the whole queue (no run before it), the
    # next ones what changed since the night before.
    report = []
    for day in range(3):
        as_of = (datetime.date(2026, 11, 20) + datetime.timedelta(days=day)).isoformat()
        report.append(query_times(
            fa, archive, ["report", "--as-of", as_of, "--format", "json"], "report", repeats=1))
    results["report_nights"] = report
    results["report"] = (statistics.median(r[0] for r in report[1:]),
                         statistics.median(r[1] for r in report[1:]))
    results["search"] = {query: query_times(fa, archive, ["search", query, "--limit", "20"],
                                            "search") for query in SEARCHES}
    results["search_set"] = search_set(fa, archive)
    if n <= int(os.environ.get("BENCH_EVIDENCE_MAX", "100000")):
        results["evidence"] = evidence_at_scale(fa, archive, work)
    if n == int(os.environ.get("BENCH_CLAIMS_AT", "100000")):
        results["claims"] = claims.at_scale(
            fa, archive, work, run_with_rss, copy_archive, remove_database, generator().PLACES,
            WORK)
    if str(n) in os.environ.get("BENCH_DESK_AT", "100000,1000000").split(","):
        desk = desk_bench(fa, archive, work)
        if desk:
            results["desk"] = desk
    return results


SOURCE_COUNT = 10_000
_SOURCE_SYLLABLES = ("qu", "zor", "vex", "thal", "brin", "osk", "ulm", "frey", "jaq", "pim",
                     "drev", "ysk", "wol", "nax", "erl", "tov")
_SOURCE_SUBJECTS = ("a robotics fair", "a chess tournament", "a cheese festival",
                    "a rail timetable", "a museum reopening", "a rowing regatta",
                    "a software release", "a bakery chain", "a film premiere",
                    "a bird census", "a marathon", "a school orchestra")
_SOURCE_COUNTRIES = ("Canada", "France", "Germany", "Japan", "Brazil", "India", "Mexico",
                     "the United States", "Kenya", "Norway")


def generated_sources(count):
    """News pages on unrelated subjects, generated once (seed 4242) under Benchmarks/work/:
    their own invented organisations and people, but two of the corpus's places each (in the
    title and the opening) and a real country, as real stories share geography."""
    folder = os.path.join(WORK, "sources2-%d" % count)
    stamp = os.path.join(folder, ".generated")
    if os.path.exists(stamp):
        return folder
    import random
    gen = generator()
    rng = random.Random(4242)

    def word():
        return "".join(rng.choice(_SOURCE_SYLLABLES) for _ in range(2 + rng.randrange(2))).capitalize()

    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    for i in range(count):
        org = "%s %s" % (word(), rng.choice(("Collective", "Trust", "Works", "Society", "Labs")))
        person = "%s %s" % (word(), word())
        place = rng.choice(gen.PLACES)
        other_place = rng.choice(gen.PLACES)
        country = rng.choice(_SOURCE_COUNTRIES)
        subject = rng.choice(_SOURCE_SUBJECTS)
        day = datetime.date(2025, 1, 1) + datetime.timedelta(days=rng.randrange(690))
        title = "%s announces %s in %s" % (org, subject, place)
        body = [
            "%s said on %s that it will hold %s in %s, with support from partners in %s."
            % (org, day.strftime("%A"), subject, place, country),
            "%s, who leads the project, expects about %d visitors." % (person, rng.randrange(200, 9000)),
            "Organisers at %s said tickets go on sale next month, and a second event will "
            "follow in %s." % (org, other_place),
        ]
        with open(os.path.join(folder, "%05d.txt" % i), "w") as out:
            out.write("News\n%s\nBy %s\nPublished on %s\n\n%s\n" % (
                title, person, day.strftime("%B %-d, %Y"), "\n\n".join(body)))
    open(stamp, "w").close()
    return folder


def generator():
    """The corpus generator as a module (its vocabulary: places, people, organisations)."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("gen_corpus", GENERATOR)
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    return gen


def evidence_at_scale(fa, archive, work):
    """Ingests the generated sources into a copy of the archive: time, links, share."""
    copy = os.path.join(work, "evidence.sqlite")
    copy_archive(archive, copy)
    folder = generated_sources(SOURCE_COUNT)
    print("ingesting %d unrelated sources into a copy ..." % SOURCE_COUNT, flush=True)
    wall, _, status, out, err = run_with_rss([fa, "ingest", "--db", copy, folder])
    if status not in (0, 1):
        sys.exit("bench: source ingest failed: %s" % err)
    db = sqlite3.connect(copy)
    latest = db.execute("SELECT count(*) FROM checks WHERE superseded = 0").fetchone()[0]
    with_evidence = db.execute(
        "SELECT count(DISTINCT e.check_id) FROM check_evidence AS e "
        "JOIN checks AS c ON c.id = e.check_id WHERE c.superseded = 0").fetchone()[0]
    links = db.execute("SELECT count(*) FROM check_evidence").fetchone()[0]
    db.close()
    remove_database(copy)
    return {"sources": SOURCE_COUNT, "ingest_s": wall, "links": links,
            "latest_checks": latest, "checks_with_evidence": with_evidence}


def generated_extra(count, seed):
    """More articles for the ingests that run beside the desk (generated once per seed)."""
    folder = os.path.join(WORK, "extra-%d-%d" % (count, seed))
    stamp = os.path.join(folder, ".generated")
    if not os.path.exists(stamp):
        shutil.rmtree(folder, ignore_errors=True)
        subprocess.run([sys.executable, GENERATOR, "--count", str(count), "--seed", str(seed), "--out",
                        folder], check=True, stdout=subprocess.DEVNULL)
        open(stamp, "w").close()
    return folder


def desk_bench(fa, archive, work):
    """The desk on a copy of the archive: each page's own server time (median of 20, from
    its request log), then wrk (16 connections, 30 s) on the queue and on a check page while
    an ingest of 10,000 more articles runs in another process."""
    if not shutil.which("wrk"):
        print("wrk not found: desk run skipped (apt-get install wrk)", flush=True)
        return None
    copy = os.path.join(work, "desk.sqlite")
    copy_archive(archive, copy)
    db = sqlite3.connect(copy)
    check_id = db.execute(
        "SELECT c.id FROM checks c WHERE c.superseded = 0 AND c.queue_tier = 2 ORDER BY c.id LIMIT 1"
    ).fetchone() or db.execute("SELECT id FROM checks WHERE superseded = 0 LIMIT 1").fetchone()
    check_id = check_id[0]
    db.close()
    log_path = os.path.join(work, "desk.log")
    log = open(log_path, "w")
    server = subprocess.Popen([fa, "serve", "--db", copy, "--port", "0"], stderr=log,
                              stdout=subprocess.DEVNULL)
    url = None
    for _ in range(200):
        time.sleep(0.05)
        text = open(log_path).read()
        match = re.search(r"desk on (http://\S+)", text)
        if match:
            url = match.group(1).rstrip("/")
            break
    if not url:
        server.kill()
        sys.exit("bench: the desk did not start: %s" % open(log_path).read())
    import urllib.request

    def server_ms(path, repeats=20):
        before = len(open(log_path).read().splitlines())
        for _ in range(repeats):
            urllib.request.urlopen(url + path).read()
        lines = open(log_path).read().splitlines()[before:]
        times = [float(m.group(1)) for m in (re.search(r" ([0-9.]+) ms(?: |$)", l) for l in lines) if m]
        return statistics.median(times) if times else float("nan")

    pages = {"queue": "/?as_of=" + AS_OF, "check": "/checks/%d" % check_id,
             "search": "/search?q=smuggling",
             # The queue filtered by question text (questions_trigram): a rare name, a word
             # in about 3% of questions, the same word in one tier.
             "text_rare": "/?as_of=%s&q=Vinuora" % AS_OF, "text_common": "/?as_of=%s&q=ferry" % AS_OF,
             "text_tier": "/?as_of=%s&q=ferry&tier=4" % AS_OF}
    results = {"server_ms": {name: server_ms(path) for name, path in pages.items()}}
    for name, seed in (("queue", 43), ("check", 44)):
        extra = generated_extra(10_000, seed)
        print("wrk on the %s page with an ingest of 10,000 articles beside it ..." % name, flush=True)
        ingest_db = copy
        started = time.perf_counter()
        ingest = subprocess.Popen([fa, "ingest", "--quiet", "--db", ingest_db, extra],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        wrk = subprocess.run(["wrk", "-t2", "-c16", "-d30s", "--latency", url + pages[name]],
                             capture_output=True, text=True)
        ingest.wait()
        ingest_s = time.perf_counter() - started
        out = wrk.stdout
        def number(pattern, scale=1.0):
            m = re.search(pattern, out)
            if not m:
                return float("nan")
            value, unit = float(m.group(1)), m.group(2) if m.lastindex and m.lastindex > 1 else ""
            return value * {"us": 0.001, "ms": 1.0, "s": 1000.0}.get(unit, 1.0) * scale
        errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
        socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
        results[name] = {
            "requests_per_s": number(r"Requests/sec:\s+([0-9.]+)"),
            "p50_ms": number(r"50%\s+([0-9.]+)(us|ms|s)"),
            "p99_ms": number(r"99%\s+([0-9.]+)(us|ms|s)"),
            "errors": (int(errors.group(1)) if errors else 0)
                      + (sum(int(x) for x in socket.groups()) if socket else 0),
            "ingest_s": ingest_s,
            "ingest_status": ingest.returncode,
        }
    server.terminate()
    server.wait()
    log.close()
    remove_database(copy)
    return results


HOSTILE_ARTICLE = """<article><h1>Did Pellam County close its last ferry pier?</h1>
<p>Checked on March 3, 2025</p>
<p>Disclaimer: Factually can make mistakes. Please verify important information.</p>
<h2>Executive summary</h2><p>It did, in May <sup>1</sup>.</p>%s
<h3>1. Part 1</h3><p>The council voted in May <sup>[1]</sup> <sup>[2]</sup>.</p></article>"""


def hostile_pages():
    """The hostile web pages of the tests (HostileHTMLCases.swift), at full size."""
    def page(body, head=""):
        return ("<!DOCTYPE html><html><head>%s</head><body>%s</body></html>\n" % (head, body)).encode()
    article = HOSTILE_ARTICLE
    return [
        ("100,000 nested divs", page("<div>" * 100_000 + article % "" + "</div>" * 100_000)),
        ("100,000 unclosed <b>", page(article % ("<b>" * 100_000 + "bold"))),
        ("50 MB of tags", page(article % "" + "<span>x</span>" * ((50 << 20) // 14))),
        ("499,000 tags (just under the limit)", page(article % ("<p>" + "<span>x</span>" * 499_000 + "</p>"))),
        ("misnested tags", page(article % "<p><b><i>x</b></i></div></span>" * 1)),
        ("10 MB attribute and link", page(article % (
            '<p title="%s">t</p><a href="https://example.com/%s">a</a>' % ("y" * (10 << 20), "x" * (10 << 20))))),
        ("2 million entities", page(article % ("<p>" + "&amp;" * (2 << 20) + "</p>"))),
        ("100,000 entities in paragraphs", page(article % ("<p>" + "&eacute; " * 1000 + "</p>") * 100)),
        ("doctype entity bomb", ('<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
                                 '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]><html><body>%s</body></html>'
                                 % (article % "<p>&c;&c;&c;</p>")).encode()),
        ("NUL bytes", page(article % "<p>a\0b</p>")),
        ("charset says UTF-8, bytes are cp1252", page((article % "<p>café’s</p>").replace("’", "'"),
                                                        '<meta charset="utf-8">').decode().encode("cp1252")),
        ("UTF-16 page", b"\xff\xfe" + page(article % "").decode().encode("utf-16-le")),
    ]


def hostile_html(fa, work):
    """Ingests each hostile page alone into a fresh archive: wall time, peak RSS, outcome."""
    folder = os.path.join(work, "hostile-html")
    os.makedirs(folder, exist_ok=True)
    results = []
    for name, data in hostile_pages():
        path = os.path.join(folder, "page.html")
        with open(path, "wb") as out:
            out.write(data)
        archive = os.path.join(folder, "archive.sqlite")
        remove_database(archive)
        wall, rss, status, out, err = run_with_rss(
            [fa, "ingest", "--quiet", "--max-bytes", str(64 << 20), "--db", archive, path])
        outcome = err.strip().split(": ", 1)[-1] if err.strip() else "landed"
        results.append({"case": name, "bytes": len(data), "wall_s": wall, "rss_mib": rss,
                        "status": status, "outcome": outcome[:90]})
        print("hostile html: %-40s %6.2f s %6.0f MiB  %s" % (name, wall, rss, outcome[:70]))
    remove_database(os.path.join(folder, "archive.sqlite"))
    return results


def hostile_table(results):
    lines = ["| hostile page | size | wall s | peak RSS MiB | outcome |", "|---|---:|---:|---:|---|"]
    for r in results:
        lines.append("| %s | %s | %.2f | %.0f | %s |" % (
            r["case"], "{:,}".format(r["bytes"]), r["wall_s"], r["rss_mib"],
            r["outcome"].replace("|", "\\|")))
    return "\n".join(lines)


def web_pages(fa):
    """Any publisher's pages: extraction quality on the labelled pages of Fixtures/pages/
    (Benchmarks/extraction.py), and 10,000 generated HTML pages (Benchmarks/html_pages.py)
    ingested beside the same articles as text."""
    import extraction
    import html_pages
    rows, seconds = extraction.evaluate(fa)
    quality = extraction.summary(rows, seconds)
    print("extraction: %d pages, mean F1 %.3f (lowest %.3f), titles %.0f%%, bylines %.0f%%" % (
        quality["pages"], quality["mean_f1"], quality["lowest_f1"], 100 * quality["titles_exact"],
        100 * quality["bylines_exact"]), flush=True)
    import fetch_pages
    speed = html_pages.measure(fa, corpus(10_000), WORK, run_with_rss)
    fetched = fetch_pages.measure(fa, corpus(10_000), WORK, run_with_rss)
    return {"extraction": quality, "speed": speed, "fetch": fetched}


def web_table(web):
    q, s = web["extraction"], web["speed"]
    return "\n".join([
        "| labelled pages | mean precision | mean recall | mean F1 | lowest F1 | titles exact | bylines exact |",
        "|---:|---:|---:|---:|---:|---:|---:|",
        "| %d | %.3f | %.3f | %.3f | %.3f | %.0f%% | %.0f%% |" % (
            q["pages"], q["mean_precision"], q["mean_recall"], q["mean_f1"], q["lowest_f1"],
            100 * q["titles_exact"], 100 * q["bylines_exact"]),
        "",
        "| same %s articles, median of %d alternated rounds | ingest s | per second | peak RSS MiB |" % (
            "{:,}".format(s["pages"]), s["rounds"]),
        "|---|---:|---:|---:|",
        "| as generated HTML pages (half news, half ClaimReview fact-checks) | %.2f | %.0f | %.0f |" % (
            s["html"]["wall_s"], s["html"]["per_s"], s["html"]["rss_mib"]),
        "| as text (the generator's Factually pages) | %.2f | %.0f | %.0f |" % (
            s["text"]["wall_s"], s["text"]["per_s"], s["text"]["rss_mib"]),
        "| fetched from a local server by `fetch --concurrency %d` (median of %d) | %.2f | %.0f | %.0f |" % (
            web["fetch"]["concurrency"], web["fetch"]["rounds"], web["fetch"]["wall_s"],
            web["fetch"]["per_s"], web["fetch"]["rss_mib"]),
    ])


def target_figures(r):
    """A row's figures for TARGETS: each (from the best runs, from the median runs)."""
    nan = float("nan")
    figures = {
        "ingest_floor": (r["ingest_min_s"] / r["floor_min_s"], r["ingest_s"] / r["floor_s"]),
        "ingest_peer": (r["ingest_min_s"] / r["peer_equal_min_s"],
                        r["ingest_s"] / r["peer_equal_s"]),
        "stale20_ms": r["stale20_wall"],
    }
    slowest = max(r["search_wall"].items(), key=lambda item: item[1][1])
    figures["search_max_ms"] = slowest[1]
    figures["search_slowest"] = slowest[0]
    if "desk" in r:
        figures["desk_queue_ms"] = (nan, r["desk"]["server_ms"]["queue"])
    return figures


def targets_table(rows):
    """Each target of the speed issue beside what this run measured."""
    lines = ["| target | articles | limit | best run | median run | held? |",
             "|---|---:|---:|---:|---:|---|"]
    for label, key, limit, sizes in TARGETS:
        for r in rows:
            if r["articles"] not in sizes:
                continue
            figures = target_figures(r)
            if key not in figures:
                continue
            best, median = figures[key]
            if key == "search_max_ms":
                label_shown = "%s (`%s`)" % (label, figures["search_slowest"])
            else:
                label_shown = label
            fmt = "%.2f" if limit < 10 else "%.1f"
            lines.append("| %s | %s | %s | %s | %s | %s |" % (
                label_shown, "{:,}".format(r["articles"]), fmt % limit,
                fmt % best if best == best else "–", fmt % median if median == median else "–",
                "yes" if median <= limit else "no"))
    return "\n".join(lines)


def table(rows):
    lines = [targets_table(rows), ""]
    header = ("articles", "rounds", "ingest s (min / median)", "articles/s", "MB/s",
              "peak RSS MiB", "DB/corpus", "floor DB/corpus", "floor s (min / median)",
              "ingest/floor", "Python equal work s (min / median)", "ingest/Python",
              "threads: reading / writing cpu s, writer waiting s")
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|" + "---:|" * len(header))

    def maybe(value, text):
        return text % value if value == value else "–"
    for r in rows:
        equal = r.get("peer_equal_s", float("nan"))
        reading, writing, waiting = r.get("threads_s", (float("nan"),) * 3)
        lines.append("| %s | %d | %.2f / %.2f | %.0f | %.1f | %.0f | %.2f | %.2f | %.2f / %.2f | %.2f | %s / %s | %s | %s |" % (
            "{:,}".format(r["articles"]), r["rounds"], r["ingest_min_s"], r["ingest_s"],
            r["articles"] / r["ingest_s"], r["corpus_bytes"] / 1e6 / r["ingest_s"], r["rss_mib"],
            r["db_bytes"] / r["corpus_bytes"], r["floor_db_bytes"] / r["corpus_bytes"],
            r["floor_min_s"], r["floor_s"], r["ingest_s"] / r["floor_s"],
            maybe(r.get("peer_equal_min_s", float("nan")), "%.2f"), maybe(equal, "%.2f"),
            maybe(r["ingest_s"] / equal, "%.2f"),
            maybe(reading, "%.2f") + " / " + maybe(writing, "%.2f") + ", " + maybe(waiting, "%.2f")))
    lines.append("")
    lines.append("| articles | `stale --limit 20` whole process ms (min / median) | "
                 + " | ".join("`%s`" % q.replace("|", "\\|") for q in QUERY_SET) + " |")
    lines.append("|---:|---:|" + "---:|" * len(QUERY_SET))
    for r in rows:
        lines.append("| %s | %.1f / %.1f | %s |" % (
            "{:,}".format(r["articles"]), r["stale20_wall"][0], r["stale20_wall"][1],
            " | ".join("%.0f / %.0f" % r["search_wall"][q] for q in QUERY_SET)))
    lines.append("")
    header = ("articles", "stale --limit 100 ms (in process / wall)", "full stale ms",
              "report ms", "search ms (in process / wall)")
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|" + "---:|" * len(header))
    for r in rows:
        searches = "; ".join("%s %.1f / %.0f" % (q, a, b) for q, (a, b) in r["search"].items())
        lines.append("| %s | %.2f / %.0f | %.0f / %.0f | %.0f / %.0f | %s |" % (
            "{:,}".format(r["articles"]), r["stale100"][0], r["stale100"][1], r["stale_all"][0],
            r["stale_all"][1], r["report"][0], r["report"][1], searches))
    lines.append("")
    lines.append("| articles | report, first night (whole queue) ms | second night ms | third night ms |")
    lines.append("|---:|---:|---:|---:|")
    for r in rows:
        nights = r.get("report_nights", [])
        if len(nights) == 3:
            lines.append("| %s | %.0f | %.0f | %.0f |" % (
                "{:,}".format(r["articles"]), nights[0][0], nights[1][0], nights[2][0]))
    sets = [r for r in rows if "search_set" in r]
    if sets:
        lines.append("")
        lines.append("| query | " + " | ".join("{:,} ms (order)".format(r["articles"]) for r in sets) + " |")
        lines.append("|---|" + "---:|" * len(sets))
        for query in QUERY_SET:
            cells = ["%.1f (%s)" % (r["search_set"]["queries"][query]["median_ms"],
                                    r["search_set"]["queries"][query]["ranking"]) for r in sets]
            lines.append("| `%s` | %s |" % (query.replace("|", "\\|"), " | ".join(cells)))
        lines.append("| **p50 / p95** | " + " | ".join(
            "%.1f / %.1f" % (r["search_set"]["p50_ms"], r["search_set"]["p95_ms"]) for r in sets) + " |")
    evidence = [r for r in rows if "evidence" in r]
    if evidence:
        lines.append("")
        header = ("articles", "unrelated sources", "source ingest s", "links",
                  "latest checks with newer evidence")
        lines.append("| " + " | ".join(header) + " |")
        lines.append("|" + "---:|" * len(header))
        for r in evidence:
            e = r["evidence"]
            lines.append("| %s | %s | %.2f | %d | %d of %s (%.2f%%) |" % (
                "{:,}".format(r["articles"]), "{:,}".format(e["sources"]), e["ingest_s"],
                e["links"], e["checks_with_evidence"], "{:,}".format(e["latest_checks"]),
                100.0 * e["checks_with_evidence"] / max(1, e["latest_checks"])))
    lines += claims.table(rows)
    desk = [r for r in rows if "desk" in r]
    if desk:
        lines.append("")
        header = ("articles", "server ms: queue / check / search",
                  "server ms: queue with text Vinuora / ferry / ferry in tier 4", "wrk page",
                  "requests/s", "p50 ms", "p99 ms", "errors", "ingest beside it s")
        lines.append("| " + " | ".join(header) + " |")
        lines.append("|" + "---:|" * len(header))
        for r in desk:
            d = r["desk"]
            times = d["server_ms"]
            for name in ("queue", "check"):
                w = d[name]
                lines.append("| %s | %.1f / %.1f / %.1f | %.1f / %.1f / %.1f | %s | %.0f | %.1f | %.1f | %d | %.1f |" % (
                    "{:,}".format(r["articles"]), times["queue"], times["check"], times["search"],
                    times.get("text_rare", float("nan")), times.get("text_common", float("nan")),
                    times.get("text_tier", float("nan")), name, w["requests_per_s"], w["p50_ms"], w["p99_ms"], w["errors"], w["ingest_s"]))
    return "\n".join(lines)


def main():
    sizes = [20_000, 100_000]
    if os.environ.get("BENCH_N"):
        sizes = sorted(set(sizes + [int(os.environ["BENCH_N"])]))
    if os.environ.get("BENCH_ONLY"):
        sizes = [int(x) for x in os.environ["BENCH_ONLY"].split(",")]
    skip_peer_above = int(os.environ.get("BENCH_PEER_MAX", "100000"))
    os.makedirs(WORK, exist_ok=True)
    fa = binary()
    hostile = hostile_html(fa, WORK)
    if os.environ.get("BENCH_HOSTILE_ONLY"):
        print()
        print(hostile_table(hostile))
        return
    web = web_pages(fa)
    if os.environ.get("BENCH_WEB_ONLY"):
        print()
        print(web_table(web))
        return
    rows = [bench(n, fa, n > skip_peer_above) for n in sizes]
    text = table(rows) + "\n\n" + web_table(web) + "\n\n" + hostile_table(hostile)
    print()
    print(text)
    cores = os.cpu_count()
    with open(os.path.join(HERE, "RESULTS.md"), "w") as out:
        out.write("# Benchmark results\n\n")
        out.write("Measured %s on %s, %d cores (`nproc`), %s, SQLite %s.\n\n" % (
            datetime.date.today().isoformat(), platform.node() or "this machine", cores,
            platform.platform(), sqlite3.sqlite_version))
        settings = [name for name in ("BENCH_N", "BENCH_ROUNDS") if os.environ.get(name)]
        command = "".join("%s=%s " % (name, os.environ[name]) for name in settings) + "make bench"
        out.write("Command: `%s`\n\n" % command)
        out.write("What these figures mean against the targets, and why some are missed: "
                  "[NOTES.md](NOTES.md).\n\n")
        if not os.environ.get("BENCH_N"):
            out.write("This run is at 20,000 and 100,000 articles. Figures at 1,000,000 "
                      "(`BENCH_N=1000000`, about an hour here) are quoted in NOTES.md with "
                      "how and when they were measured.\n\n")
        out.write(text + "\n\n")
        out.write("Raw figures:\n\n```json\n%s\n```\n" % json.dumps(
            {"corpora": rows, "web_pages": web, "hostile_html": hostile}, indent=2))
    print("\nwrote Benchmarks/RESULTS.md")


if __name__ == "__main__":
    main()
