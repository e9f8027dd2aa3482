#!/usr/bin/env python3
"""Fetching pages by URL, for make bench: 1,000 generated web pages (html_pages.py) served
by a local HTTP server started here, fetched and read by `factarchive fetch` into a fresh
archive. Reports pages per second and the peak memory of the fetch, median of `rounds`.

    python3 Benchmarks/fetch_pages.py   # standalone: builds nothing, uses the release binary

Standard library only; nothing leaves the machine (the server listens on 127.0.0.1).
"""

import functools
import http.server
import os
import statistics
import sys
import threading

import html_pages


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder):
    """A threaded server over `folder` on a free loopback port: (server, port)."""
    handler = functools.partial(_QuietHandler, directory=folder)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, server.server_address[1]


def measure(fa, source, work, run, count=1000, rounds=3, concurrency=4):
    pages = os.path.join(work, "fetch-pages-%d" % count)
    if not os.path.exists(os.path.join(pages, ".generated")):
        html_pages.write(source, pages, count)
        open(os.path.join(pages, ".generated"), "w").close()
    names = sorted(os.path.relpath(os.path.join(root, f), pages)
                   for root, _, files in os.walk(pages) for f in files if f.endswith(".html"))
    server, port = serve(pages)
    urls = ["http://127.0.0.1:%d/%s" % (port, name) for name in names]
    walls, peaks = [], []
    try:
        for _ in range(rounds):
            archive = os.path.join(work, "fetch-pages.sqlite")
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(archive + suffix):
                    os.remove(archive + suffix)
            wall, rss, status, out, err = run(
                [fa, "fetch", "--quiet", "--db", archive, "--concurrency", str(concurrency),
                 "--per-host-interval", "0"] + urls)
            if status != 0:
                sys.exit("fetch pages: fetch failed (%d): %s" % (status, err[-500:]))
            walls.append(wall)
            peaks.append(rss)
            print("fetch pages: %d pages from a local server in %.2f s (%.0f/s), peak %.0f MiB" % (
                len(urls), wall, len(urls) / wall, rss), flush=True)
    finally:
        server.shutdown()
    wall = statistics.median(walls)
    return {"pages": len(urls), "rounds": rounds, "concurrency": concurrency, "wall_s": wall,
            "walls_s": walls, "per_s": len(urls) / wall, "rss_mib": max(peaks)}


def main():
    sys.path.insert(0, os.path.dirname(__file__))
    import bench
    result = measure(bench.binary(), bench.corpus(10_000), bench.WORK, bench.run_with_rss)
    print(result)


if __name__ == "__main__":
    main()
