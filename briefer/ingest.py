"""Read a source into text: files or stdin, any common encoding, plain text or HTML.

Why a module of its own: every face (CLI, TUI, batch) must turn the same bad inputs into the
same clear errors, and every offset the user later checks a brief against is an offset into the
text this module returns.

- Encodings: a BOM decides (UTF-8, UTF-16, UTF-32); else strict UTF-8; else
  charset-normalizer's detection (a maintained detector beats a home-made guesser for
  Latin-1/cp1252 and friends).
- Binary files (NUL bytes without a UTF-16/32 BOM, or mostly control bytes) are refused.
- HTML is reduced to the article's main text with trafilatura, the extractor that leads the
  published web-extraction benchmarks, so navigation, scripts and footers never reach ranking.
- Control characters and terminal escape sequences are neutralised here, once, one character
  for one (offsets do not move): ``ESC ]52;...`` cannot write the clipboard and ``ESC [2J``
  cannot clear a screen whatever the output format.  The source's name is neutralised too
  (:mod:`briefer.untrusted`), and every error message names the source by that safe label.
- Reads are bounded: at most :data:`MAX_BYTES` from any file, pipe or standard input, whatever
  size the file claims (``/proc`` files and devices claim 0).  Devices (``/dev/zero``,
  ``/dev/urandom``, a terminal) are refused, and files are opened without blocking, so a named
  pipe with no writer is an error instead of a hang.
- Mostly-valid UTF-8 (a stray ``\\xff`` in a UTF-8 article) stays UTF-8, the bad bytes
  becoming U+FFFD and a note in :attr:`Source.notes`, instead of the whole file being
  re-read as some legacy encoding.
"""

from __future__ import annotations

import codecs
import fcntl
import io
import os
import re
import stat
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from briefer.untrusted import UNSAFE, neutralise, neutralise_name

__all__ = ["InputError", "LongLine", "Source", "decode_source", "expand_folders",
           "neutralise", "open_input", "read_lines", "read_source"]

STDIN_NAME = "<stdin>"
_HTML_SNIFF = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                         re.I | re.S)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# <html lang="es-MX">: what the page says of itself (pages often leave a template's "en").
_HTML_LANG = re.compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)",
                        re.I)
MAX_BYTES = 512 * 1024 * 1024
#: The limit as the error messages state it.
MAX_BYTES_TEXT = f"{MAX_BYTES // 2**20} MB"
#: The longest line read as one record (batch, eval); a longer one is skipped without being
#: held in memory, so one endless line (``/dev/zero``, a runaway export) cannot exhaust it.
MAX_LINE_BYTES = 64 * 1024 * 1024


class InputError(Exception):
    """A source that cannot be read as text; the message names the source."""


@dataclass(frozen=True, slots=True)
class Source:
    """A decoded source: its name as the user gave it, its text, and how it was read."""

    name: str
    text: str
    encoding: str
    is_html: bool = False
    meta: PageMeta | None = None
    html_lang: str | None = None  # the page's declared language: a hint, not the answer
    notes: tuple[str, ...] = ()  # what the reader should know about how it was read

    @property
    def html_title(self) -> str | None:
        """The page's own headline (HTML metadata), if it has one."""
        return self.meta.title if self.meta is not None else None


#: Seconds for the whole fetch of one URL (:mod:`briefer.fetch`).  Defined here, with
#: :func:`is_url`, so that reading a file and making the ``--timeout`` option never import
#: the network module.
DEFAULT_TIMEOUT = 20.0


def is_url(name: str) -> bool:
    """Whether ``name`` is an ``http://`` or ``https://`` URL (anything else is a path)."""
    return name[:8].lower().startswith(("http://", "https://"))


def read_source(name: str, stdin: BinaryIO | None = None) -> Source:
    """Read ``name`` (a path, or ``-`` for standard input) into a :class:`Source`."""
    label = STDIN_NAME if name == "-" else neutralise_name(name)
    return decode_source(label, _read_bytes(name, label, stdin))


def decode_source(label: str, data: bytes, *, html: bool | None = None) -> Source:
    """Decode raw bytes from ``label`` into a :class:`Source` (the part tests call directly).

    ``html`` says the bytes are HTML (a server's ``Content-Type``); None sniffs them.
    """
    label = neutralise_name(label)
    if not data.strip():
        raise InputError(f"{label}: is empty" if not data
                         else f"{label}: contains only blank space")
    if not html and _may_be_feed(data):
        from briefer.feeds import FeedFound, looks_like_feed

        if looks_like_feed(data):
            raise FeedFound(label, data)
    text, encoding, notes = _decode(label, data)
    is_html = html or bool(_HTML_SNIFF.match(data[:4096])) or (
        label.lower().endswith((".html", ".htm", ".xhtml")) and "<" in text[:4096]
    )
    meta = html_lang = None
    if is_html:
        lang = _HTML_LANG.search(text[:8192])
        html_lang = lang.group(1) if lang else None
        text, meta = _extract_html(label, text)
    text = neutralise(text)
    if not text.strip():
        raise InputError(f"{label}: contains no text")
    return Source(label, text, encoding, is_html, meta, html_lang, notes)


def _may_be_feed(data: bytes) -> bool:
    """Whether ``data`` could be a feed at all: past a UTF-8 BOM and blank space it starts
    with ``<`` or ``{``, as every feed :func:`briefer.feeds.looks_like_feed` recognises does.

    A cheap test first, so reading a plain text does not import the feed module (about
    0.01 s of start-up: its patterns, ``concurrent.futures``, ``json``).
    """
    head = data[:4096]
    head = head[3:] if head.startswith(b"\xef\xbb\xbf") else head
    return head.lstrip()[:1] in (b"<", b"{")


#: What a folder given to a multi-file command contributes: its text and HTML files.
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml"})


def expand_folders(names: Sequence[str]) -> list[str]:
    """``names`` with each folder replaced by its text and HTML files, sorted by name.

    A brief "of a folder of reports" should not need a shell glob; only the folder's own
    files are taken (not subfolders, not hidden files), so what goes in is predictable.  A
    folder with none is an :class:`InputError`; files and ``-`` pass through unchanged.
    """
    out: list[str] = []
    for name in names:
        path = Path(name)
        if name == "-" or not path.is_dir():
            out.append(name)
            continue
        try:
            found = sorted(str(p) for p in path.iterdir()
                           if p.is_file() and not p.name.startswith(".")
                           and p.suffix.lower() in TEXT_SUFFIXES)
        except OSError as err:
            raise InputError(f"{neutralise_name(name)}: cannot be listed "
                             f"({err.strerror or err})") from None
        if not found:
            raise InputError(f"{neutralise_name(name)}: no text or HTML files in this folder "
                             f"({', '.join(sorted(TEXT_SUFFIXES))})")
        out.extend(found)
    return out


def _read_bytes(name: str, label: str, stdin: BinaryIO | None) -> bytes:
    if name == "-":
        stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", None)
        if stream is None:
            raise InputError(f"{STDIN_NAME}: standard input is closed")
        try:
            data = stream.read(MAX_BYTES + 1)
        except OSError as err:
            raise InputError(f"{STDIN_NAME}: cannot be read ({err.strerror or err})") from None
        if not data:
            raise InputError(f"{STDIN_NAME}: no input on standard input")
        if len(data) > MAX_BYTES:
            raise InputError(f"{STDIN_NAME}: larger than {MAX_BYTES_TEXT}, the limit for one "
                             f"input")
        return data
    handle = open_input(name, label)
    try:
        data = handle.read(MAX_BYTES + 1)
    except OSError as err:
        raise InputError(f"{label}: cannot be read ({err.strerror or err})") from None
    finally:
        handle.close()
    if len(data) > MAX_BYTES:
        raise InputError(f"{label}: larger than {MAX_BYTES_TEXT}, the limit for one input")
    if not data and handle.pipe:
        raise InputError(f"{label}: a named pipe with nothing written to it (start its writer "
                         f"first)")
    return data


@dataclass(frozen=True, slots=True)
class LongLine:
    """A line longer than :data:`MAX_LINE_BYTES`, skipped unread; ``size`` counts its bytes."""

    size: int


def read_lines(stream: BinaryIO, limit: int = MAX_LINE_BYTES) -> Iterator[bytes | LongLine]:
    """The lines of a binary ``stream``, each read with a bound: a line longer than ``limit``
    is skipped in ``limit``-sized pieces and given as a :class:`LongLine` in its place.

    A raw (unbuffered) stream such as an :class:`InputFile` is read through a buffer: raw
    ``readline`` asks the kernel for one byte at a time, which made reading a batch input
    cost as much as summarizing it."""
    if isinstance(stream, io.RawIOBase):
        stream = io.BufferedReader(stream, buffer_size=1 << 16)
    while line := stream.readline(limit + 1):
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        size = len(line)
        while (piece := stream.readline(limit)) and not piece.endswith(b"\n"):
            size += len(piece)
        yield LongLine(size + len(piece))


class InputFile(io.FileIO):
    """A file opened by :func:`open_input`; ``pipe`` says whether it is a pipe or FIFO."""

    pipe: bool = False


def open_input(name: str, label: str | None = None, max_bytes: int | None = MAX_BYTES
               ) -> InputFile:
    """Open ``name`` for reading: a regular file or a pipe, never a device, never blocking.

    The open itself is non-blocking, so a named pipe with no writer cannot hang the caller
    (the TUI's open, a batch input); reads after it block as usual.  A regular file larger
    than ``max_bytes`` is refused before reading (a caller that streams passes None).  Every
    failure is an :class:`InputError` naming the file by ``label`` (its neutralised name by
    default).
    """
    label = label if label is not None else neutralise_name(name)
    try:
        fd = os.open(name, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        broken = os.path.islink(name)
        raise InputError(f"{label}: " + ("a symbolic link to a file that does not exist"
                                         if broken else "no such file")) from None
    except PermissionError:
        raise InputError(f"{label}: permission denied") from None
    except OSError as err:  # ELOOP (a symbolic link loop), ENAMETOOLONG, EISDIR, ...
        if os.path.isdir(name):
            raise InputError(f"{label}: is a directory, not a file") from None
        raise InputError(f"{label}: cannot be read ({err.strerror or err})") from None
    try:
        info = os.fstat(fd)
        mode = info.st_mode
        if stat.S_ISDIR(mode):
            raise InputError(f"{label}: is a directory, not a file")
        if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
            raise InputError(f"{label}: is a device or socket, not a file (it could be read "
                             f"without end)")
        if stat.S_ISREG(mode) and max_bytes is not None and info.st_size > max_bytes:
            raise InputError(f"{label}: larger than {MAX_BYTES_TEXT}, the limit for one input")
        fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) & ~os.O_NONBLOCK)
    except BaseException:
        os.close(fd)
        raise
    handle = InputFile(fd, "rb")
    handle.pipe = stat.S_ISFIFO(mode)
    return handle


# A well-formed UTF-8 sequence of two to four bytes (RFC 3629, section 4).
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}")
# Mostly UTF-8: at least this many well-formed multi-byte sequences for each broken one.
_UTF8_MAJORITY = 4


def _decode(label: str, data: bytes) -> tuple[str, str, tuple[str, ...]]:
    """The text, its encoding, and notes about bytes that had to be replaced."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding, ()
            except UnicodeDecodeError:
                raise InputError(f"{label}: broken {encoding} text") from None
    if b"\x00" in data[:65536]:
        raise InputError(f"{label}: looks like a binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8", ()
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(label, data)
    if mostly is not None:
        return mostly
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 1 << 20]).best()
    if best is None:
        raise InputError(f"{label}: looks like a binary file, not text")
    encoding = best.encoding
    notes: tuple[str, ...] = ()
    try:
        text = data.decode(encoding)
    except LookupError:
        raise InputError(f"{label}: cannot tell its text encoding") from None
    except UnicodeDecodeError:
        # Detected on the first megabyte; a later byte does not fit that encoding.
        text = data.decode(encoding, errors="replace")
        notes = (_replaced_note(label, text.count("\ufffd"), encoding),)
    controls = sum(1 for ch in text[:65536] if ch < " " and ch not in "\t\n\r\f")
    if controls > 0.05 * min(len(text), 65536):
        raise InputError(f"{label}: looks like a binary file, not text")
    return text, encoding, notes


def _mostly_utf8(label: str, data: bytes) -> tuple[str, str, tuple[str, ...]] | None:
    """UTF-8 with U+FFFD for the few broken sequences, when well-formed ones dominate.

    A legacy-encoded file (Latin-1, cp1252) almost never holds a well-formed UTF-8
    multi-byte sequence, while a UTF-8 article holds many (accents, curly quotes, dashes);
    so a stray byte in the latter must not send the whole file to the encoding detector.
    """
    good = len(_UTF8_MULTIBYTE.findall(data))
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    if good == 0 or bad * _UTF8_MAJORITY > good:
        return None
    return text, "utf-8", (_replaced_note(label, bad, "UTF-8"),)


def _replaced_note(label: str, count: int, encoding: str) -> str:
    plural = "s" if count != 1 else ""
    return (f"{label}: {count} byte sequence{plural} that {'are' if plural else 'is'} not "
            f"{encoding} replaced with U+FFFD")


#: A precise extraction shorter than this fraction of the default one (in words) has misjudged
#: the page's main block, so the default extraction is used instead; see :func:`_extract_html`.
PRECISE_MIN_SHARE = 0.5
#: Start tags past which a page's inline formatting is unwrapped before extraction, and past
#: which (after that) a page is refused.  trafilatura's and libxml2's work grows faster than
#: the page's elements (review round 8 W3: one paragraph of 10,000 / 20,000 ``<span>``-wrapped
#: words took 5 / 26 s per extraction, 60,000 did not finish in 300 s, and Ctrl-C cannot stop
#: C code); a syntax-highlighted or karaoke page wraps every word so.  Inline tags carry no
#: structure the extractor needs (blocks, links and headings stay), and unwrapped the words
#: read the same.  30,000 block elements cost about 6 s; the 61 real pages of the HTML
#: benchmark have at most 1,453 start tags.
INLINE_UNWRAP_TAGS = 5_000
MAX_HTML_ELEMENTS = 30_000
#: Attributes one tag keeps.  libxml2 checks each attribute against those before it, so one
#: tag of 20,000 / 50,000 attributes took 4 / 92 s (review round 8 V3); real tags carry a few
#: dozen at most, and those past the limit are dropped before extraction.
MAX_TAG_ATTRIBUTES = 200
#: Markup the element count reads past: what an HTML parser reads as text, not elements (a
#: page's inline JavaScript may hold thousands of ``'<div'`` strings; review round 8 V3).
_MARKUP = re.compile(r"<(?:(!--)|(script|style|textarea|title|xmp)(?=[\s/>])|[a-zA-Z])",
                     re.IGNORECASE)
_RAW_TEXT_END = {name: re.compile(rf"</{name}(?=[\s/>])", re.IGNORECASE)
                 for name in ("script", "style", "textarea", "title", "xmp")}
#: A tag long enough to hold more than :data:`MAX_TAG_ATTRIBUTES` attributes; possessive, so
#: a run of text with no closing ``>`` is read once.
_LONG_TAG = re.compile(rf"<([a-zA-Z][^\s<>/]*+)([^<>]{{{4 * MAX_TAG_ATTRIBUTES},}}+)>")
_ATTRIBUTE = re.compile(r"""[^\s"'<>/=]++(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s"'>]++))?""")
_INLINE_TAG = re.compile(
    r"<(/?)(span|font|b|i|em|strong|u|s|small|big|mark|sup|sub|abbr|cite|q|bdi|bdo|ins"
    r"|del|var|kbd|samp|data|wbr|tt)(?=[\s/>])([^<>]*)>", re.IGNORECASE)
#: Inline tags that say who wrote a page or when (``<span itemprop="author">``, a byline's
#: class): kept when the others are unwrapped, so the page's metadata survives.
_METADATA_ATTRIBUTE = re.compile(r"itemprop|author|byline|\brel\s*=|date|pubdate",
                                 re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class PageMeta:
    """What an HTML page says about itself: headline, author, date and site name.

    All of it is untrusted outside text; it is neutralised and folded to one line here.
    """

    title: str | None = None
    author: str | None = None
    date: str | None = None
    site: str | None = None


#: A numeric character reference, decimal or hex (``&#8;``, ``&#x1b;``).
_CHAR_REF = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,6})|([0-9]{1,7}));?")


def _control_reference(match: re.Match[str]) -> str:
    """A space for a reference to a character :mod:`briefer.untrusted` neutralises, the
    reference itself for any other.  128-159 are read as windows-1252 by HTML parsers
    (``&#150;`` is an en dash), so only the five that code leaves undefined are controls;
    ``&#0;`` is read as U+FFFD."""
    hexa, decimal = match.groups()
    point = int(hexa, 16) if hexa else int(decimal)
    if point == 0 or point > 0x10FFFF:
        return match.group(0)
    if 0x80 <= point <= 0x9F:
        try:
            bytes([point]).decode("cp1252")
            return match.group(0)
        except UnicodeDecodeError:
            pass
    return " " if UNSAFE.fullmatch(chr(point)) else match.group(0)


def _without_control_references(html: str) -> str:
    """``html`` with references to control characters made spaces, as raw ones are.

    lxml decodes ``&#8;`` inside trafilatura, which then cannot build its XML tree (a
    control character is not an XML character) and returns nothing for the whole page; a
    stray one pasted from a word processor would lose a real article.
    """
    return _CHAR_REF.sub(_control_reference, html) if "&#" in html else html


def _extract_html(label: str, html: str) -> tuple[str, PageMeta]:
    """The main text and metadata of an HTML page, paragraphs separated by blank lines.

    trafilatura runs twice, with ``favor_precision`` (which keeps page furniture out of
    most pages) and with its defaults; the precise text is taken unless it is empty or has
    fewer than :data:`PRECISE_MIN_SHARE` of the default text's words.  Precision mode drops
    blocks it is unsure of, and on some pages that is the article itself (a page where only
    a reprint notice survived had 7% of the default's words); when it keeps under half of
    what the default finds, the default is the better guess.  Comments stay out in both,
    tables stay in (results, figures and schedules are part of an article, and the clean-up
    sets table rows aside from ranking).  The metadata (title, author, date, site) comes
    from the page's own ``<meta>``, JSON-LD and headline markup, via the same call.
    """
    import trafilatura

    html = _with_bounded_attributes(_without_control_references(html))
    elements = _element_count(html)
    if elements > INLINE_UNWRAP_TAGS:
        html = _unwrapped_inline(html)
        elements = _element_count(html)
    if elements > MAX_HTML_ELEMENTS:
        raise InputError(f"{label}: HTML page with {elements:,} elements, more than briefer "
                         f"reads ({MAX_HTML_ELEMENTS:,}); save its text and brief that")
    options = {"include_comments": False, "include_tables": True}
    precise = trafilatura.bare_extraction(html, favor_precision=True, with_metadata=True,
                                          **options)
    text = precise.text if precise is not None else None
    default = trafilatura.extract(html, **options)
    if default and _word_total(text) < PRECISE_MIN_SHARE * _word_total(default):
        text = default
    if not text or not text.strip():
        limit = _parser_limit(html)
        raise InputError(f"{label}: HTML page with no article text found"
                         + (f" ({limit})" if limit else ""))
    meta = PageMeta(*(one_line(getattr(precise, name, None))
                      for name in ("title", "author", "date", "sitename")))
    # trafilatura separates blocks with single newlines; blank lines are our paragraph marks.
    return "\n\n".join(line for line in text.splitlines() if line.strip()), meta


def _element_count(html: str) -> int:
    """The start tags of ``html`` an HTML parser reads as elements: not those inside
    comments, scripts, styles and other raw text, which run to their end tag (or to the end
    of the page when it has none, as a parser reads them).  One pass."""
    count = 0
    position = 0
    while (match := _MARKUP.search(html, position)) is not None:
        if match.group(1):
            end = html.find("-->", match.end())
            position = -1 if end < 0 else end + 3
        elif match.group(2):
            count += 1
            close = _RAW_TEXT_END[match.group(2).lower()].search(html, match.end())
            position = -1 if close is None else close.end()
        else:
            count += 1
            position = match.end()
        if position < 0:
            break
    return count


def _with_bounded_attributes(html: str) -> str:
    """``html`` with each tag's attributes past :data:`MAX_TAG_ATTRIBUTES` dropped."""

    def bounded(match: re.Match[str]) -> str:
        body = match.group(2)
        attributes = _ATTRIBUTE.findall(body)
        if len(attributes) <= MAX_TAG_ATTRIBUTES:
            return match.group(0)
        closing = "/" if body.rstrip().endswith("/") else ""
        return f"<{match.group(1)} {' '.join(attributes[:MAX_TAG_ATTRIBUTES])}{closing}>"

    return _LONG_TAG.sub(bounded, html) if len(html) > 4 * MAX_TAG_ATTRIBUTES else html


def _unwrapped_inline(html: str) -> str:
    """``html`` with its inline tags removed, their words kept, except those that carry the
    page's author or date (:data:`_METADATA_ATTRIBUTE`), which stay with their end tags.

    A stack per tag name pairs each end tag with its start tag, so a kept ``<span>`` keeps
    its own ``</span>`` and no other."""
    open_tags: dict[str, list[bool]] = {}

    def unwrap(match: re.Match[str]) -> str:
        closing, name, attributes = match.group(1), match.group(2).lower(), match.group(3)
        stack = open_tags.setdefault(name, [])
        if closing:
            return match.group(0) if stack and stack.pop() else ""
        keep = bool(_METADATA_ATTRIBUTE.search(attributes))
        if not attributes.rstrip().endswith("/") and name != "wbr":
            stack.append(keep)
        return match.group(0) if keep else ""

    return _INLINE_TAG.sub(unwrap, html)


def _parser_limit(html: str) -> str | None:
    """Why libxml2's HTML parser (trafilatura's, through lxml) gave up on ``html``, if it hit
    one of its resource limits, else None.

    The parser stops at 256 levels of nesting and at huge text nodes, and lxml keeps what it
    had read: for a page nested deeper, only the head survives and the "no article text"
    would otherwise be all the user learns.  Run only for a page that gave no text.
    """
    from lxml import etree
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser(collect_ids=False)
    try:
        lxml_html.document_fromstring(html.encode("utf-8", "replace"), parser=parser)
    except (etree.LxmlError, ValueError):
        pass
    for entry in parser.error_log:
        if entry.type_name != "ERR_RESOURCE_LIMIT":
            continue
        if "depth" in entry.message.lower():
            return "nested more than 255 levels deep, more than the HTML parser reads"
        return "the page is beyond the HTML parser's limits"
    return None


def _word_total(text: str | None) -> int:
    return len(re.findall(r"\w+", text)) if text else 0


def one_line(value: object) -> str | None:
    """Outside metadata (a page's title, author...) as one neutralised line, or None."""
    if not isinstance(value, str):
        return None
    line = " ".join(neutralise(value).split())
    return line or None
