"""URLs and feeds (issue 13) against our own HTTP server on 127.0.0.1, never the network.

The server runs in a thread for the module and serves pages, redirects, a loop, slow and
huge bodies, error statuses, a binary, wrong and right charset headers, and feeds.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from briefer import api
from briefer.feeds import FeedFound, parse_feed, read_input
from briefer.fetch import MAX_FETCH_BYTES, fetch, user_agent
from briefer.ingest import InputError

ROOT = Path(__file__).resolve().parents[2]

ARTICLE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Plant to cut 200 jobs</title>
<meta property="og:site_name" content="Valley News">
<meta name="author" content="Jane Doe">
</head><body><nav>Home News Sport</nav><article><h1>Plant to cut 200 jobs</h1>
<p>The company said on Monday it would cut 200 jobs at its main plant, the largest
employer in the valley, blaming falling orders from carmakers.</p>
<p>Unions called the decision a betrayal and promised to fight it in court, saying the
company had received public money to keep the plant open.</p>
<p>The plant has made parts for carmakers for more than forty years and employs about
1,200 people in three shifts.</p></article></body></html>"""

LATIN1_TEXT = ("Café owners in the old town said on Tuesday that the new rules would force "
               "them to close earlier. The mayor said the rules were needed.\n")

#: Detection alone reads this KOI8-R text as Japanese half-width katakana; the header is
#: what gets it right.
KOI8_TEXT = "Завод сократит 200 рабочих мест. Профсоюзы назвали это предательством.\n"


def item_page(number: int) -> bytes:
    return ARTICLE.replace("Plant to cut 200 jobs", f"Story number {number} of the day").replace(
        "200 jobs", f"{number} jobs").encode()


def rss(items: list[tuple[str, str, str | None]]) -> bytes:
    entries = "".join(
        f"<item><title>{title}</title><link>{link}</link>"
        + (f"<description><![CDATA[{text}]]></description>" if text else "") + "</item>"
        for title, link, text in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Valley News</title>{entries}</channel></rss>").encode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    seen_agents: list[str] = []

    def log_message(self, *args: object) -> None:  # keep the test output clean
        pass

    def send(self, status: int, body: bytes, ctype: str | None = "text/html; charset=utf-8",
             headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, to: str) -> None:
        self.send(302, b"", None, {"Location": to})

    def do_GET(self) -> None:  # noqa: C901 - one route table
        Handler.seen_agents.append(self.headers.get("User-Agent", ""))
        path = self.path
        base = f"http://{self.headers['Host']}"
        if path == "/page.html":
            self.send(200, ARTICLE.encode())
        elif path == "/plain":
            self.send(200, LATIN1_TEXT.encode(), "text/plain; charset=utf-8")
        elif path == "/latin1":
            self.send(200, LATIN1_TEXT.encode("latin-1"), "text/plain; charset=iso-8859-1")
        elif path == "/koi8":
            self.send(200, KOI8_TEXT.encode("koi8-r"), "text/plain; charset=KOI8-R")
        elif path == "/wrong-charset":
            self.send(200, LATIN1_TEXT.encode("latin-1"), "text/plain; charset=utf-8")
        elif path == "/moved":
            self.redirect("/page.html")
        elif path.startswith("/hop/"):
            n = int(path.rsplit("/", 1)[1])
            if n:
                self.redirect(f"/hop/{n - 1}")
            else:
                self.send(200, ARTICLE.encode())
        elif path == "/loop-a":
            self.redirect(f"{base}/loop-b")
        elif path == "/loop-b":
            self.redirect("/loop-a")
        elif path == "/slow":
            time.sleep(3)
            try:
                self.send(200, ARTICLE.encode())
            except OSError:  # the client gave up, as it should
                self.close_connection = True
        elif path == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            try:
                for _ in range(40):
                    self.wfile.write(b"The plant will close. " * 4)
                    self.wfile.flush()
                    time.sleep(0.1)
            except OSError:
                pass
            self.close_connection = True
        elif path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            chunk = b"The plant will close at the end of the year. " * 1400
            try:
                for _ in range(MAX_FETCH_BYTES // len(chunk) + 20):
                    self.wfile.write(chunk)
            except OSError:
                pass
            self.close_connection = True
        elif path == "/huge-declared":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(MAX_FETCH_BYTES + 1))
            self.end_headers()
            self.close_connection = True
        elif path == "/bad-redirect":
            self.redirect("http://[::1")
        elif path == "/missing":
            self.send(404, b"<html><body>Not here</body></html>")
        elif path == "/broken":
            self.send(500, b"oops", "text/plain")
        elif path == "/image.png":
            self.send(200, b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "image/png")
        elif path.startswith("/item/"):
            self.send(200, item_page(int(path.rsplit("/", 1)[1])))
        elif path == "/feed.xml":
            items = [(f"Story {n}", f"{base}/item/{n}", None) for n in range(1, 4)]
            items.append(("Gone", f"{base}/missing", None))
            self.send(200, rss(items), "application/rss+xml")
        elif path.startswith("/big-feed/"):
            n = int(path.rsplit("/", 1)[1])
            self.send(200, rss([(f"Story {i}", f"{base}/item/{i}", None)
                                for i in range(1, n + 1)]), "application/rss+xml")
        else:
            self.send(404, b"no route")


@pytest.fixture(scope="module")
def server() -> str:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "briefer", *args], capture_output=True,
                          text=True, timeout=120, cwd=ROOT, env={**os.environ, "NO_COLOR": "1"})


# -- fetching --------------------------------------------------------------------------------

def test_a_page_is_read_with_its_metadata_and_named_by_its_url(server):
    doc = api.read(f"{server}/page.html")
    assert doc.source == f"{server}/page.html"
    assert doc.title == "Plant to cut 200 jobs"
    assert (doc.author, doc.site) == ("Jane Doe", "Valley News")
    assert doc.sentences[0].text.startswith("The company said on Monday")
    assert "Home News Sport" not in doc.text


def test_the_user_agent_names_briefer_and_its_version(server):
    from briefer import __version__

    Handler.seen_agents.clear()
    api.read(f"{server}/plain")
    assert Handler.seen_agents == [user_agent()]
    assert user_agent().startswith(f"briefer/{__version__}")


def test_redirects_are_followed_and_the_final_url_is_the_source(server):
    assert api.read(f"{server}/moved").source == f"{server}/page.html"
    assert api.read(f"{server}/hop/5").source == f"{server}/hop/0"


@pytest.mark.parametrize("path, message", [
    ("/hop/6", "more than 5 redirects"),
    ("/loop-a", "redirect loop"),
    ("/missing", "HTTP 404 Not Found"),
    ("/broken", "HTTP 500"),
    ("/image.png", "not text (image/png)"),
    ("/huge", "larger than 20 MB"),
    ("/huge-declared", "larger than 20 MB"),
])
def test_each_failure_is_one_clear_error(server, path, message):
    with pytest.raises(InputError) as err:
        api.read(f"{server}{path}")
    assert message in str(err.value)
    assert str(err.value).startswith(f"{server}{path}: ")
    assert "\n" not in str(err.value)


# No wall-clock bounds (they flake on a loaded machine): each server would answer in full
# if the deadline failed (after 3 s, or after 4 s of drips every 0.1 s, which no per-read
# timeout catches), so the error itself shows that the deadline fired.
def test_a_slow_server_times_out_within_the_deadline(server):
    with pytest.raises(InputError, match="timed out after 0.5 s"):
        fetch(f"{server}/slow", timeout=0.5)


def test_a_dripping_body_cannot_outlast_the_total_deadline(server):
    with pytest.raises(InputError, match="timed out"):
        fetch(f"{server}/drip", timeout=1.0)


def test_a_refused_connection_is_named():
    import socket

    with socket.socket() as s:  # a port nobody listens on: bind, note, close
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(InputError, match="connection refused"):
        fetch(f"http://127.0.0.1:{port}/", timeout=2)


def test_a_tls_failure_is_named(server):
    https = server.replace("http://", "https://")  # TLS to a plain HTTP server
    with pytest.raises(InputError) as err:
        fetch(f"{https}/page.html", timeout=3)
    assert str(err.value) == f"{https}/page.html: TLS error: wrong version number"


def test_the_entities_command_reads_a_url(server):
    proc = run("entities", f"{server}/page.html", "--timeout", "5", "-f", "json")
    assert proc.returncode == 0, proc.stderr
    assert f"{server}/page.html" in proc.stdout


def test_the_charset_comes_from_the_header_and_a_wrong_one_is_survived(server):
    assert api.read(f"{server}/latin1").sentences[0].text.startswith("Café owners")
    assert api.read(f"{server}/wrong-charset").sentences[0].text.startswith("Café owners")
    assert api.read(f"{server}/koi8").sentences[0].text.startswith("Завод сократит")


def test_the_cli_fails_with_one_line_and_exit_1(server):
    proc = run("summarize", f"{server}/missing")
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == [f"briefer: {server}/missing: HTTP 404 Not Found"]
    proc = run("sentences", f"{server}/slow", "--timeout", "0.5")
    assert proc.returncode == 1
    assert "timed out after 0.5 s" in proc.stderr and "Traceback" not in proc.stderr


def test_a_malformed_url_is_one_clear_error_not_a_traceback():
    """urllib.parse raises ValueError for "http://[::1" before urllib3 sees it."""
    proc = run("summarize", "http://[::1", "--timeout", "2")
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == [
        "briefer: http://[::1: not a valid URL (Invalid IPv6 URL)"]


@pytest.mark.parametrize(("url", "why"), [
    ("http://[::1]:99999/", "Port out of range 0-65535"),  # urllib.parse, on reading .port
    ("http://a:b/", "Port could not be cast to integer value as 'b'"),
    ("http://[::1]x/", "'[::1]x' is not a valid host or port"),  # urllib3's LocationParseError
])
def test_every_malformed_url_is_told_as_not_a_valid_url(url, why):
    """Both parsers' failures read the same way; none reaches the network."""
    with pytest.raises(InputError) as err:
        fetch(url, timeout=2)
    assert str(err.value) == f"{url}: not a valid URL ({why})"


def test_a_redirect_to_a_malformed_url_is_one_clear_error(server):
    with pytest.raises(InputError) as err:
        fetch(f"{server}/bad-redirect", timeout=5)
    assert str(err.value) == (f"{server}/bad-redirect: redirected to 'http://[::1', "
                              "not a valid URL (Invalid IPv6 URL)")


def test_a_feed_item_with_a_malformed_link_is_left_out_not_the_whole_feed(server, tmp_path):
    feed = _write(tmp_path, "feed.xml", rss([("Story 1", f"{server}/item/1", None),
                                              ("Broken", "http://[::1", None)]))
    proc = run("brief", feed, "--timeout", "5", "-f", "json")
    assert proc.returncode == 0, proc.stderr
    assert [s["source"] for s in json.loads(proc.stdout)["sources"]] == [f"{server}/item/1"]
    assert ("briefer: http://[::1: not a valid URL (Invalid IPv6 URL) (left out)"
            in proc.stderr)
    assert "Traceback" not in proc.stderr


def test_the_cli_summarizes_a_url_citing_the_final_url(server):
    proc = run("summarize", f"{server}/moved", "-f", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["source"] == f"{server}/page.html"
    assert data["author"] == "Jane Doe"


# -- feeds -----------------------------------------------------------------------------------

SAVED_FEED_ITEMS = [
    ("Plant to cut 200 jobs", "https://example.invalid/plant",
     "<p>The company said on Monday it would cut 200 jobs at its main plant.</p>"
     "<p>Unions called the decision a betrayal and promised to fight it.</p>"),
    ("Mayor backs new rules", "https://example.invalid/rules",
     "<p>The mayor said on Tuesday the new rules for cafés were needed.</p>"
     "<p>Owners said they would have to close earlier.</p>"),
]
SAVED_FEED = rss(SAVED_FEED_ITEMS)


def test_summarize_on_a_feed_says_to_use_brief(tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_bytes(SAVED_FEED)
    proc = run("summarize", str(feed))
    assert proc.returncode == 1
    assert "is a feed; use `briefer brief" in proc.stderr


def test_a_saved_feed_is_briefed_with_no_network(tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_bytes(SAVED_FEED)
    proc = run("brief", str(feed), "--no-fetch", "-f", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert [(s["source"], s["title"]) for s in data["sources"]] == [
        ("https://example.invalid/plant", "Plant to cut 200 jobs"),
        ("https://example.invalid/rules", "Mayor backs new rules")]


def test_a_brief_of_one_feed_is_headed_by_the_feed_title(tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_bytes(SAVED_FEED)
    proc = run("brief", str(feed), "--no-fetch", "-f", "json")
    assert json.loads(proc.stdout)["title"] == "Valley News"
    proc = run("brief", str(feed), "--no-fetch", "-f", "markdown")
    assert proc.stdout.startswith("# Valley News\n")
    # Two inputs have no one name: the heading counts them.
    proc = run("brief", str(feed), str(feed), "--no-fetch", "-f", "markdown")
    assert proc.stdout.startswith("# Brief of 4 texts\n"), proc.stdout[:80]


def test_the_reader_of_one_feed_is_headed_by_the_feed_title_too(tmp_path, monkeypatch):
    """``briefer tui feed.xml`` titles its brief as ``briefer brief`` does (the app is
    recorded, not run: there is no terminal here)."""
    from click.testing import CliRunner

    from briefer.cli import cli
    from briefer.cli import tui as command
    from briefer.tui.app import BrieferApp

    apps = []
    monkeypatch.setattr(command, "stdout_is_terminal", lambda: True)
    monkeypatch.setattr(BrieferApp, "run", lambda self, *a, **k: apps.append(self))
    feed = tmp_path / "feed.xml"
    feed.write_bytes(SAVED_FEED)
    result = CliRunner().invoke(cli, ["tui", str(feed), "--no-fetch"])
    assert result.exit_code == 0, result.output
    assert apps[0].reader.request().title == "Valley News"
    result = CliRunner().invoke(cli, ["tui", str(feed), str(feed), "--no-fetch"])
    assert result.exit_code == 0, result.output
    assert apps[1].reader.request().title is None


def test_a_feed_item_with_no_sentences_is_left_out_not_the_whole_feed(tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_bytes(rss([*SAVED_FEED_ITEMS, ("Gallery", "https://example.invalid/g",
                                                       "<p>* * *</p>")]))
    proc = run("brief", str(feed), "--no-fetch", "-f", "json")
    assert proc.returncode == 0, proc.stderr
    assert [s["title"] for s in json.loads(proc.stdout)["sources"]] == [
        "Plant to cut 200 jobs", "Mayor backs new rules"]
    assert "https://example.invalid/g: no sentences found" in proc.stderr
    assert "(left out)" in proc.stderr


def test_a_json_feed_is_read(tmp_path):
    data = json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "Valley",
                       "items": [{"id": "1", "url": "https://example.invalid/a",
                                  "title": "Plant to cut jobs",
                                  "content_text": "The company said it would cut jobs. "
                                                  "Unions protested."}]}).encode()
    with pytest.raises(FeedFound) as found:
        api.read(_write(tmp_path, "f.json", data))
    feed = parse_feed(found.value.label, found.value.data)
    assert [(i.title, i.link) for i in feed.items] == [("Plant to cut jobs",
                                                        "https://example.invalid/a")]


def _write(folder: Path, name: str, data: bytes) -> str:
    path = folder / name
    path.write_bytes(data)
    return str(path)


def test_a_feed_url_fetches_its_items_and_reports_the_failed_one(server):
    got = read_input(f"{server}/feed.xml", timeout=5)
    assert [d.source for d in got.documents] == [f"{server}/item/{n}" for n in (1, 2, 3)]
    assert [d.title for d in got.documents] == [f"Story number {n} of the day"
                                                for n in (1, 2, 3)]
    assert got.errors == (f"{server}/missing: HTTP 404 Not Found",)


def test_brief_of_a_feed_url_names_the_left_out_item_on_stderr(server):
    proc = run("brief", f"{server}/feed.xml", "-f", "json")
    assert proc.returncode == 0, proc.stderr
    assert f"briefer: {server}/missing: HTTP 404 Not Found (left out)" in proc.stderr
    assert len(json.loads(proc.stdout)["sources"]) == 3


def test_feed_item_titles_and_links_are_neutralised(tmp_path):
    hostile = rss([("Bad\x1b]52;c;eA==\x07 title", "https://example.invalid/x",
                    "<p>The company said on Monday it would cut 200 jobs.</p>")])
    got = read_input(_write(tmp_path, "f.xml", hostile), fetch=False)
    title = got.documents[0].title
    assert title is not None and "\x1b" not in title and "\x07" not in title
