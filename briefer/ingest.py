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
  cannot clear a screen whatever the output format.
"""

from __future__ import annotations

import codecs
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

STDIN_NAME = "<stdin>"

# C0 controls except tab and newline, DEL, C1 controls, and the bidirectional overrides and
# isolates that can make text display in an order other than the one it is read in.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
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

    @property
    def html_title(self) -> str | None:
        """The page's own headline (HTML metadata), if it has one."""
        return self.meta.title if self.meta is not None else None


def read_source(name: str, stdin: BinaryIO | None = None) -> Source:
    """Read ``name`` (a path, or ``-`` for standard input) into a :class:`Source`."""
    data = _read_bytes(name, stdin)
    label = STDIN_NAME if name == "-" else name
    return decode_source(label, data)


def decode_source(label: str, data: bytes, *, html: bool | None = None) -> Source:
    """Decode raw bytes from ``label`` into a :class:`Source` (the part tests call directly).

    ``html`` says the bytes are HTML (a server's ``Content-Type``); None sniffs them.
    """
    if not data.strip():
        raise InputError(f"{label}: is empty" if not data
                         else f"{label}: contains only blank space")
    from briefer.feeds import FeedFound, looks_like_feed

    if not html and looks_like_feed(data):
        raise FeedFound(label, data)
    text, encoding = _decode(label, data)
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
    return Source(label, text, encoding, is_html, meta, html_lang)


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
            raise InputError(f"{name}: cannot be listed ({err.strerror or err})") from None
        if not found:
            raise InputError(f"{name}: no text or HTML files in this folder "
                             f"({', '.join(sorted(TEXT_SUFFIXES))})")
        out.extend(found)
    return out


def neutralise(text: str) -> str:
    """Replace control characters with spaces (lone CR with LF), keeping every offset.

    ``\\r\\n`` becomes `` \\n`` and a lone ``\\r`` (old Mac line ends) becomes ``\\n``, so lines
    survive; everything a terminal could act on becomes a plain space.
    """
    if "\r" in text:
        text = text.replace("\r\n", " \n").replace("\r", "\n")
    return _UNSAFE.sub(" ", text)


def _read_bytes(name: str, stdin: BinaryIO | None) -> bytes:
    if name == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(MAX_BYTES + 1)
        if not data:
            raise InputError(f"{STDIN_NAME}: no input on standard input")
        if len(data) > MAX_BYTES:
            raise InputError(f"{STDIN_NAME}: larger than {MAX_BYTES // 2**20} MB")
        return data
    path = Path(name)
    try:
        if path.is_dir():
            raise InputError(f"{name}: is a directory, not a file")
        if not path.exists():
            raise InputError(f"{name}: no such file")
        if path.stat().st_size > MAX_BYTES:
            raise InputError(f"{name}: larger than {MAX_BYTES // 2**20} MB")
        return path.read_bytes()
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as err:
        raise InputError(f"{name}: cannot be read ({err.strerror or err})") from None


def _decode(label: str, data: bytes) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                raise InputError(f"{label}: broken {encoding} text") from None
    if b"\x00" in data[:65536]:
        raise InputError(f"{label}: looks like a binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 1 << 20]).best()
    if best is None:
        raise InputError(f"{label}: looks like a binary file, not text")
    encoding = best.encoding
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise InputError(f"{label}: cannot tell its text encoding") from None
    controls = sum(1 for ch in text[:65536] if ch < " " and ch not in "\t\n\r\f")
    if controls > 0.05 * min(len(text), 65536):
        raise InputError(f"{label}: looks like a binary file, not text")
    return text, encoding


#: A precise extraction shorter than this fraction of the default one (in words) has misjudged
#: the page's main block, so the default extraction is used instead; see :func:`_extract_html`.
PRECISE_MIN_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class PageMeta:
    """What an HTML page says about itself: headline, author, date and site name.

    All of it is untrusted outside text; it is neutralised and folded to one line here.
    """

    title: str | None = None
    author: str | None = None
    date: str | None = None
    site: str | None = None


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

    options = {"include_comments": False, "include_tables": True}
    precise = trafilatura.bare_extraction(html, favor_precision=True, with_metadata=True,
                                          **options)
    text = precise.text if precise is not None else None
    default = trafilatura.extract(html, **options)
    if default and _word_total(text) < PRECISE_MIN_SHARE * _word_total(default):
        text = default
    if not text or not text.strip():
        raise InputError(f"{label}: HTML page with no article text found")
    meta = PageMeta(*(one_line(getattr(precise, name, None))
                      for name in ("title", "author", "date", "sitename")))
    # trafilatura separates blocks with single newlines; blank lines are our paragraph marks.
    return "\n\n".join(line for line in text.splitlines() if line.strip()), meta


def _word_total(text: str | None) -> int:
    return len(re.findall(r"\w+", text)) if text else 0


def one_line(value: object) -> str | None:
    """Outside metadata (a page's title, author...) as one neutralised line, or None."""
    if not isinstance(value, str):
        return None
    line = " ".join(neutralise(value).split())
    return line or None
