"""RSS, Atom and JSON Feed input: a feed stands for its items.

``briefer brief feed.xml`` (or a feed's URL) briefs the feed's items, each one a
:class:`~briefer.document.Document` named by its link and titled by its title.  Each item's
page is fetched (at most ``workers`` at a time, each within ``timeout``), or with
``fetch=False`` the feed's own content or summary is used, so a saved feed whose items carry
their text needs no network at all.  Items that fail are reported, not fatal: the rest are
briefed.

RSS and Atom are parsed by feedparser, the field's standard parser (it copes with the
malformed XML real feeds serve, and is always given bytes, never a URL, so it fetches
nothing itself).  feedparser 6 does not read JSON Feed, whose format is plain JSON with a
short specification (https://www.jsonfeed.org/version/1.1/); it is read here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import BinaryIO

from briefer.document import Document
from briefer.ingest import InputError, one_line

DEFAULT_WORKERS = 8  # concurrent item fetches: polite to one site, quick for a day's feed

_XML_FEED = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<\?[^>]*>\s*|<!DOCTYPE[^>]*>\s*)*"
    rb"<(?:rss|feed|rdf:RDF)\b", re.I | re.S)
_JSON_FEED = re.compile(rb'^(?:\xef\xbb\xbf)?\s*\{.{0,2000}?"version"\s*:\s*"https?://jsonfeed\.org/',
                        re.S)
_BLOCK_END = re.compile(r"(?i)</(?:p|div|li|h[1-6]|blockquote|tr|section|article)>|<br\s*/?>")


class FeedFound(InputError):
    """A source that is a feed: the caller decides whether to brief its items.

    Raised by ingest when the bytes of a file or URL are an RSS, Atom or JSON feed, so a
    command that reads one text says to use ``brief``, and one that reads many expands it.
    """

    def __init__(self, label: str, data: bytes) -> None:
        super().__init__(f"{label}: is a feed; use `briefer brief {label}` to brief its items")
        self.label = label
        self.data = data


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One entry of a feed: its title, link, and the text the feed itself carries."""

    title: str | None
    link: str | None
    text: str | None  # content, else summary, reduced to plain text; None when empty


@dataclass(frozen=True, slots=True)
class Feed:
    source: str
    title: str | None
    items: tuple[FeedItem, ...]


@dataclass(frozen=True, slots=True)
class FeedDocuments:
    """What a feed gave: one Document per item that could be read, and a line per failure."""

    documents: tuple[Document, ...]
    errors: tuple[str, ...]
    title: str | None = None  # the feed's own title, neutralised; None for a plain text


def looks_like_feed(data: bytes) -> bool:
    """Whether ``data`` starts like an RSS, Atom or JSON feed (a cheap test on the head)."""
    head = data[:4096]
    return bool(_XML_FEED.match(head) or _JSON_FEED.match(head))


def parse_feed(label: str, data: bytes) -> Feed:
    """The feed's title and items; :class:`InputError` when it cannot be read as one."""
    if _JSON_FEED.match(data[:4096]):
        return _parse_json_feed(label, data)
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries and not parsed.version:
        problem = getattr(parsed, "bozo_exception", None)
        raise InputError(f"{label}: not a readable feed"
                         + (f" ({one_line(str(problem))})" if problem else ""))
    items = []
    for entry in parsed.entries:
        content = entry.get("content") or []
        body = next((c.get("value") for c in content if c.get("value")), None)
        items.append(FeedItem(one_line(entry.get("title")), _link(entry.get("link")),
                              fragment_text(body or entry.get("summary"))))
    return Feed(label, one_line(parsed.feed.get("title")), tuple(items))


def fragment_text(fragment: str | None) -> str | None:
    """An HTML fragment from a feed as plain text, blocks separated by blank lines."""
    if not fragment or not fragment.strip():
        return None
    if "<" not in fragment:
        return fragment.strip()
    import lxml.html

    marked = _BLOCK_END.sub(lambda m: m.group(0) + "\n\n", fragment)
    try:
        root = lxml.html.fragment_fromstring(marked, create_parent="div")
    except Exception:  # lxml raises several types for broken markup; the text is still wanted
        return re.sub(r"<[^>]+>", " ", fragment).strip() or None
    for junk in list(root.iter("script", "style")):
        junk.drop_tree()
    text = "\n\n".join(" ".join(block.split()) for block in root.text_content().split("\n\n"))
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return text or None


def feed_documents(feed: Feed, *, fetch: bool = True, timeout: float | None = None,
                   workers: int = DEFAULT_WORKERS, clean: bool = True, language: str = "auto",
                   progress: Callable[[int, int], None] | None = None) -> FeedDocuments:
    """One Document per item, in the feed's order; failures are collected, not raised.

    With ``fetch``, each item's link is fetched (``workers`` at a time, each within
    ``timeout`` seconds) and read like any page; an item without a link uses the feed's
    own text.  Without ``fetch``, every item uses the feed's own content or summary.
    ``progress(done, total)`` is called as items finish.
    """
    # Imported here, where a feed's items are read: every brief reads its inputs through
    # this module, and concurrent.futures (with logging) is 3 ms of a start-up.
    from concurrent.futures import ThreadPoolExecutor

    from briefer import api
    from briefer.ingest import DEFAULT_TIMEOUT

    limit = DEFAULT_TIMEOUT if timeout is None else timeout
    pool = None
    if fetch and any(item.link for item in feed.items):
        import urllib3

        from briefer.fetch import user_agent

        pool = urllib3.PoolManager(num_pools=max(workers, 1), maxsize=max(workers, 1),
                                   headers={"User-Agent": user_agent()}, retries=False)

    def read(number: int, item: FeedItem) -> Document:
        doc = read_item(number, item)
        if not doc.sentences:  # a text command exits 1 on this; a feed leaves the item out
            raise InputError(f"{doc.source}: no sentences found (only punctuation, symbols "
                             f"or boilerplate)")
        return doc

    def read_item(number: int, item: FeedItem) -> Document:
        name = item.link or f"{feed.source}#{number}"
        if pool is not None and item.link:
            doc = api.read(item.link, clean=clean, language=language, timeout=limit,
                           pool=pool)
            return doc if doc.title else _retitle(doc, item.title)
        if not item.text:
            raise InputError(f"{name}: the feed gives no text for this item"
                             + ("" if fetch else " (try without --no-fetch)"))
        return api.split(item.text, source=name, clean=clean, title=item.title,
                         language=language)

    results: list[Document | str] = []
    total = len(feed.items)
    with ThreadPoolExecutor(max_workers=max(workers, 1)) as executor:
        futures = [executor.submit(read, n, item) for n, item in enumerate(feed.items, 1)]
        for done, future in enumerate(futures, 1):
            try:
                results.append(future.result())
            except InputError as err:
                results.append(str(err))
            if progress is not None:
                progress(done, total)
    if pool is not None:
        pool.clear()
    return FeedDocuments(tuple(r for r in results if isinstance(r, Document)),
                         tuple(r for r in results if isinstance(r, str)))


def read_input(name: str, *, stdin: BinaryIO | None = None, clean: bool = True,
               language: str = "auto", timeout: float | None = None, fetch: bool = True,
               workers: int = DEFAULT_WORKERS,
               progress: Callable[[int, int], None] | None = None) -> FeedDocuments:
    """Read one input a command was given: a file, ``-``, a URL, or a feed of items.

    A text gives one Document; a feed gives its items' (:func:`feed_documents`), and is
    an :class:`InputError` only when none of them can be read.
    """
    from briefer import api

    try:
        return FeedDocuments((api.read(name, stdin=stdin, clean=clean, language=language,
                                       timeout=timeout),), ())
    except FeedFound as found:
        feed = parse_feed(found.label, found.data)
        if not feed.items:
            raise InputError(f"{found.label}: the feed has no items") from None
        got = feed_documents(feed, fetch=fetch, timeout=timeout, workers=workers,
                             clean=clean, language=language, progress=progress)
        if not got.documents:
            detail = f": {got.errors[0]}" if len(got.errors) == 1 else ""
            raise InputError(f"{found.label}: none of the feed's {len(feed.items)} items "
                             f"could be read{detail}") from None
        return replace(got, title=feed.title)


def _retitle(doc: Document, title: str | None) -> Document:
    return replace(doc, title=title) if title else doc


def _link(value: object) -> str | None:
    from briefer.ingest import is_url

    link = one_line(value)
    return link if link and is_url(link) else None


def _parse_json_feed(label: str, data: bytes) -> Feed:
    try:
        parsed = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InputError(f"{label}: broken JSON feed ({one_line(str(err))})") from None
    raw_items = parsed.get("items") if isinstance(parsed, dict) else None
    if not isinstance(raw_items, list):
        raise InputError(f"{label}: a JSON feed without an items list")
    items = []
    for raw in raw_items:
        if not isinstance(raw, dict):
            continue
        text = raw.get("content_text")
        text = text.strip() if isinstance(text, str) and text.strip() else None
        if text is None:
            html = raw.get("content_html") or raw.get("summary")
            text = fragment_text(html) if isinstance(html, str) else None
        items.append(FeedItem(one_line(raw.get("title")), _link(raw.get("url")), text))
    return Feed(label, one_line(parsed.get("title")), tuple(items))
