"""Fetch a web page or feed when, and only when, the user gives an ``http(s)://`` URL.

briefer is offline by default: nothing here runs unless a command's FILE is a URL (or a feed
given to ``brief`` lists item links).  The client is urllib3, the connection pool under
requests and pip, already installed as trafilatura's own dependency, so fetching adds no
package; it gives what a careful fetch needs and no more: separate connect and read
timeouts, streamed bodies, and redirects we follow ourselves so each hop is counted and a
loop is named.

Limits (each failure is one :class:`~briefer.ingest.InputError` line naming the URL):

- a total deadline (``timeout`` seconds, :data:`DEFAULT_TIMEOUT`) over connecting, redirects
  and reading; the connect timeout is the smaller of it and :data:`CONNECT_TIMEOUT`;
- at most :data:`MAX_REDIRECTS` redirects, a redirect back to a URL already seen is a loop;
- the body is streamed and cut at :data:`MAX_FETCH_BYTES` (a ``Content-Length`` over it is
  refused before reading);
- only text is accepted: HTML, XHTML, plain text, and RSS/Atom/JSON feeds
  (:data:`ACCEPTED_TYPES`); anything else is refused by its media type;
- the charset comes from the ``Content-Type`` header; when the body does not decode with
  it, ingest's own detection decides, as for a local file.

The source name of what was fetched is the final URL, after redirects, so footers,
citations and JSON point where the text really came from.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from briefer.ingest import DEFAULT_TIMEOUT, InputError, Source, decode_source, is_url

CONNECT_TIMEOUT = 10.0
MAX_REDIRECTS = 5
MAX_FETCH_BYTES = 20 * 1024 * 1024
CHUNK_BYTES = 64 * 1024

#: Media types briefer reads; a missing Content-Type is let through to ingest's checks.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset({
    "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
    "text/xml", "application/feed+json", "application/json",
})
ACCEPTED_TYPES = HTML_TYPES | FEED_TYPES | {"text/plain", "text/markdown"}


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched body: where it ended up, its bytes, its media type and declared charset."""

    url: str
    data: bytes
    media_type: str | None
    charset: str | None


def user_agent() -> str:
    """``briefer/VERSION``, so a site's operator can see who asked."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        number = version("briefer")
    except PackageNotFoundError:
        number = "dev"
    return f"briefer/{number} (+https://pypi.org/project/briefer/)"


def fetch(url: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = MAX_FETCH_BYTES,
          pool: object | None = None) -> Fetched:
    """GET ``url`` within the limits above; :class:`InputError` for every failure.

    ``pool`` is a ``urllib3.PoolManager`` to share connections between many fetches (a
    feed's items); one is made when it is None.
    """
    import urllib3

    if timeout <= 0:
        raise InputError(f"{url}: the timeout must be more than 0 seconds")
    manager = pool if pool is not None else urllib3.PoolManager(
        headers={"User-Agent": user_agent()}, retries=False)
    deadline = time.monotonic() + timeout
    seen = {url}
    current = url
    for _hop in range(MAX_REDIRECTS + 1):
        response = _open(manager, current, url, deadline, timeout)
        done = False
        try:
            location = response.headers.get("Location")
            if 300 <= response.status < 400 and location:
                try:
                    target = urljoin(current, location)
                except ValueError as err:  # "http://[::1": a server's header, not ours
                    raise InputError(f"{url}: redirected to {location!r}, not a valid URL "
                                     f"({err})") from None
                if not is_url(target):
                    raise InputError(f"{url}: redirected to {target!r}, not an http(s) URL")
                if target in seen:
                    raise InputError(f"{url}: redirect loop at {target}")
                seen.add(target)
                current = target
                continue
            if response.status >= 400:
                reason = f" {response.reason}" if response.reason else ""
                raise InputError(f"{url}: HTTP {response.status}{reason}")
            media_type, charset = _content_type(response.headers.get("Content-Type"))
            if media_type is not None and media_type not in ACCEPTED_TYPES:
                raise InputError(f"{url}: not text ({media_type}); briefer reads HTML, "
                                 "plain text and feeds")
            data = _read_body(response, url, deadline, timeout, max_bytes)
            done = True
            return Fetched(current, data, media_type, charset)
        finally:
            _finish(response, done)
    raise InputError(f"{url}: more than {MAX_REDIRECTS} redirects")


def read_url(url: str, *, timeout: float = DEFAULT_TIMEOUT, pool: object | None = None
             ) -> Source:
    """Fetch ``url`` and decode it like a file; the Source is named by the final URL.

    A feed raises :class:`~briefer.feeds.FeedFound` (from ingest), as a feed file does.
    """
    fetched = fetch(url, timeout=timeout, pool=pool)
    data, html = decode(fetched)
    return decode_source(fetched.url, data, html=html)


def decode(fetched: Fetched) -> tuple[bytes, bool | None]:
    """The body as bytes ingest can read, and whether the server says it is HTML.

    A declared charset that decodes the body is applied here (the body is handed on as
    UTF-8); one that does not is ignored, and ingest detects the encoding as for a file.
    """
    data = fetched.data
    is_html = True if fetched.media_type in HTML_TYPES else None
    if fetched.charset and fetched.charset.lower().replace("_", "-") not in ("utf-8", "utf8"):
        try:
            data.decode("utf-8")  # valid UTF-8 by chance is rare: a wrong header, not text
        except UnicodeDecodeError:
            try:
                data = data.decode(fetched.charset).encode("utf-8")
            except (UnicodeDecodeError, LookupError):
                pass
    return data, is_html


def _open(manager: object, current: str, url: str, deadline: float, total: float):
    import urllib3

    left = deadline - time.monotonic()
    if left <= 0:
        raise InputError(f"{url}: timed out after {total:g} s")
    try:
        parts = urlsplit(current)
        parts.port  # noqa: B018 -- reading it checks it: "Port out of range 0-65535"
    except ValueError as err:  # "http://[::1", "http://[::1]:99999/"
        raise InputError(f"{url}: not a valid URL ({err})") from None
    if not parts.hostname:
        raise InputError(f"{url}: no host name in the URL")
    try:
        return manager.request(  # type: ignore[attr-defined]
            "GET", current, redirect=False, preload_content=False, retries=False,
            timeout=urllib3.Timeout(connect=min(CONNECT_TIMEOUT, left), read=left),
            headers={"User-Agent": user_agent(),
                     "Accept": "text/html,application/xhtml+xml,application/rss+xml,"
                               "application/atom+xml,application/feed+json,text/plain;q=0.9,"
                               "*/*;q=0.1"})
    except urllib3.exceptions.LocationParseError as err:  # "http://[::1]x/"
        detail = str(err).removeprefix("Failed to parse: ")
        raise InputError(f"{url}: not a valid URL ({detail[:160]})") from None
    except urllib3.exceptions.HTTPError as err:
        raise InputError(f"{url}: {_describe(err, total)}") from None


def _read_body(response, url: str, deadline: float, total: float, max_bytes: int) -> bytes:
    import urllib3

    length = response.headers.get("Content-Length")
    if length and length.isdigit() and int(length) > max_bytes:
        raise InputError(f"{url}: larger than {max_bytes // 2**20} MB")
    chunks: list[bytes] = []
    size = 0
    try:
        # read1 returns what has arrived (up to a chunk) instead of waiting for a full
        # chunk, so a body dripping in slowly still meets the deadline check below.
        while chunk := response.read1(CHUNK_BYTES):
            size += len(chunk)
            if size > max_bytes:
                raise InputError(f"{url}: larger than {max_bytes // 2**20} MB")
            if time.monotonic() > deadline:
                raise InputError(f"{url}: timed out after {total:g} s")
            chunks.append(chunk)
    except urllib3.exceptions.HTTPError as err:
        raise InputError(f"{url}: {_describe(err, total)}") from None
    return b"".join(chunks)


def _finish(response, read: bool) -> None:
    """Give the connection back to the pool only when its body was read to the end; an
    unread body (a redirect, an error page, a refused type) would corrupt the next request
    on a kept-alive connection, so that connection is closed instead."""
    if read:
        response.release_conn()
    else:
        response.close()


def _content_type(value: str | None) -> tuple[str | None, str | None]:
    if not value:
        return None, None
    media, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, val = param.strip().partition("=")
        if key.lower() == "charset" and val:
            charset = val.strip().strip("\"'") or None
    return media.strip().lower() or None, charset


def _describe(err: Exception, total: float) -> str:
    """One line for a network failure: DNS, refused, timeout, TLS, or what urllib3 said."""
    import urllib3.exceptions as e

    reason = getattr(err, "reason", None) or err
    text = str(reason)
    if isinstance(reason, e.NameResolutionError) or "Name or service not known" in text \
            or "getaddrinfo" in text:
        return "cannot resolve the host name (DNS)"
    # urllib3's NewConnectionError is a ConnectTimeoutError too: test refusal first.
    if "refused" in text or isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, (e.TimeoutError, TimeoutError)) or "timed out" in text:
        return f"timed out after {total:g} s"
    if isinstance(reason, e.SSLError) or "SSL" in text or "certificate" in text:
        # "[SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1006)" -> the words
        detail = re.sub(r"\s*\(_ssl\.c:\d+\)", "", text.rsplit("]", 1)[-1]).strip(" :)")
        return f"TLS error: {detail[:160] or 'handshake failed'}"
    if isinstance(reason, e.NewConnectionError):
        return "cannot connect: " + text.split(":", 1)[-1].strip()[:160]
    if isinstance(reason, e.ProtocolError):
        return "the connection broke off"
    return text[:200]
