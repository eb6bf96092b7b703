"""A feed's brief end to end: ``briefer brief FEED_URL`` over a local server, 200 items.

Serves an RSS feed of ``--items`` items on 127.0.0.1, each linking to a real news page (the
``html_dev`` pages, cycled; synthetic pages when that folder is absent), every response held
back ``--delay`` seconds to stand in for a network round trip.  Times, in one run:

- the whole ``briefer brief FEED_URL -f json`` process (8 concurrent fetches, the default);
- reading the feed's items in-process with 8 workers and with 1 worker (the ratio is what
  the concurrency buys);
- ``briefer brief FEED_URL --no-fetch`` is not timed: this feed carries no item text.

    python benchmarks/bench_feed.py [--items 200] [--delay 0.05] [HTML_DIR]

No assertions: a measurement (the issue's target is the whole process under a minute).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIR = next((p / "shared" / "data" / "html_dev" for p in ROOT.parents
                    if (p / "shared" / "data" / "html_dev").is_dir()),
                   ROOT.parent / "shared" / "data" / "html_dev")


def pages(html_dir: Path) -> list[bytes]:
    found = sorted(html_dir.glob("*.html")) if html_dir.is_dir() else []
    if found:
        return [p.read_bytes() for p in found]
    body = "".join(f"<p>Paragraph {n}: the council said on Monday it would review the plan, "
                   "and residents said they would object to it at the next meeting.</p>"
                   for n in range(12))
    return [f"<html><head><title>Story {n}</title></head><body><article><h1>Story {n}</h1>"
            f"{body}</article></body></html>".encode() for n in range(20)]


def serve(items: int, delay: float, bodies: list[bytes]) -> tuple[ThreadingHTTPServer, str]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            time.sleep(delay)
            base = f"http://{self.headers['Host']}"
            if self.path == "/feed.xml":
                entries = "".join(f"<item><title>Story {n}</title><link>{base}/item/{n}</link>"
                                  "</item>" for n in range(items))
                body = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Bench'
                        f"</title>{entries}</channel></rss>").encode()
                ctype = "application/rss+xml"
            else:
                body = bodies[int(self.path.rsplit("/", 1)[1]) % len(bodies)]
                ctype = "text/html; charset=utf-8"
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/feed.xml"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("html_dir", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--items", type=int, default=200)
    parser.add_argument("--delay", type=float, default=0.05)
    args = parser.parse_args(argv)
    httpd, url = serve(args.items, args.delay, pages(args.html_dir))
    try:
        start = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "briefer", "brief", url, "-f", "json"],
                              capture_output=True, text=True, cwd=ROOT)
        whole = time.perf_counter() - start
        if proc.returncode != 0:
            print(proc.stderr, file=sys.stderr)
            return 1
        left_out = proc.stderr.count("(left out)")
        from briefer.feeds import read_input

        timings = {}
        for workers in (8, 1):
            start = time.perf_counter()
            got = read_input(url, workers=workers)
            timings[workers] = (time.perf_counter() - start, len(got.documents))
    finally:
        httpd.shutdown()
    print(f"{args.items} items, {args.delay * 1000:.0f} ms per response, pages from "
          f"{args.html_dir if args.html_dir.is_dir() else 'synthetic'}\n")
    print("| run | seconds | items briefed |")
    print("|---|---|---|")
    print(f"| `briefer brief FEED_URL`, whole process, 8 fetches at a time | {whole:.1f} | "
          f"{args.items - left_out} |")
    for workers, (seconds, count) in timings.items():
        print(f"| reading the items in-process, {workers} worker(s) | {seconds:.1f} | {count} |")
    print(f"\n8 workers are {timings[1][0] / timings[8][0]:.2f}x one worker.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
