"""Clean-up of scraped text: what is article body, what is headline, and what is page furniture.

Text copied from a news site carries more than the story: share bars ("Gallery Gallery Videos
Videos Share on WhatsApp Share"), teasers for other stories ("Also Read: ...", "Scroll down for
video"), lone symbols left from buttons ("×"), datelines ("LONDON (Reuters) -"), and a
headline and standfirst that are not body sentences.  Ranking them as sentences wastes a
summary's few lines, so they are found here and set aside -- never deleted: each is recorded as
a :class:`~briefer.document.Span` with its kind, and every offset still points into the
original text.

The rules are generic and lexical (a small vocabulary of page-furniture words and teaser
openers, and layout cues such as a short unpunctuated first line followed by a blank line), so
they carry over to news from any outlet.  Two levels:

- **lines** (:func:`find_layout`): blank lines separate paragraphs; a line that is furniture
  is removed; the first short unpunctuated block is the title, a short block after it the
  standfirst.
- **sentences** (:func:`trim_sentence`): after splitting, a sentence that is only furniture
  ("Scroll down for video.", "Click here to read more.") is removed by the same test as a
  line (:func:`furniture_kind`); a teaser glued to its front (:func:`teaser_prefix_end`) or a
  dateline at its start (:func:`dateline_end`) is trimmed off.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefer.document import Span, strip_span
from briefer.tokens import COUNT_WORD_RE as _WORD

_BLANK_SPLIT = re.compile(r"\n[ \t\f\v]*\n\s*")

#: Words of share bars, galleries and page chrome; a line made (almost) only of them is chrome.
FURNITURE_WORDS = frozenset(
    """
    gallery galleries video videos photo photos image images share shares sharing shared
    whatsapp facebook twitter x linkedin pinterest reddit email e-mail mail print comment
    comments tweet telegram messenger copy link tumblr flipboard on via menu search home
    subscribe subscribed newsletter login log sign in up register advertisement advertising
    ad ads sponsored skip to content next previous prev close open more top back follow us
    listen audio play watch save bookmark icon toggle navigation
    """.split()
)

#: Share bars are short: a run of button labels is a line or two (a dozen words), never a
#: paragraph; past this many words a line full of "share" and "video" is prose about them.
SHARE_BAR_MAX_WORDS = 25
#: ...and made almost only of chrome words: three in four, so one stray word the vocabulary
#: misses ("Gallery Gallery Videos Videos Share on WhatsApp Share Ukraine") still counts.
SHARE_BAR_CHROME_SHARE = 0.75
#: A teaser is one call to action ("Also Read: <a headline>"); a longer line that opens like
#: one is a story sentence that happens to start with "Related" or "Subscribe".
TEASER_MAX_WORDS = 30

#: Openers of a line or sentence that points elsewhere instead of telling the story.
_TEASER = re.compile(
    r"""^\W*(?:
        also\ read|read\ (?:more|also|next|the\ full\ story)|see\ also|related(?:\ stories|
        \ articles|\ coverage)?|recommended|more\ on\ this|don'?t\ miss|trending|
        scroll\ down(?:\ for)?(?:\ (?:the|more|more\ of\ the))?(?:\ videos?|\ pictures?)?|
        click\ (?:here|to)|tap\ here|sign\ up|subscribe|advertisement|sponsored|
        follow\ (?:us|@)|watch(?:\ the)?\ video|watch\ now|listen\ now|
        share\ this|copyright|all\ rights\ reserved
    )\b
    |^\W*(?:\(c\)\ |©|(?:watch|video|photos|pictures|gallery|related|listen)\s*:)""",
    re.IGNORECASE | re.VERBOSE,
)

#: "LONDON, England (CNN) -- ", "WASHINGTON (Reuters) - ", "(CNN)The ...", "Rome (AP) The ...":
#: a place, then an agency in parentheses and a dash; the dash may be missing after an
#: all-capitals agency, which is how CNN's own pages print it ("(CNN)Ever had...").
_DATELINE = re.compile(
    r"""^(?:[A-Z][A-Za-z.'’-]*(?:[ ,]+[A-Z][A-Za-z.'’-]*){0,4}[ ,]*)?
        (?:\((?:[A-Z][A-Za-z.&' ]{0,24})\)\s*(?:--|—|–|-|:)\s*
          |\([A-Z][A-Z&]{1,9}\)\s*)""",
    re.VERBOSE,
)
_CAPS_DATELINE = re.compile(r"^[A-Z][A-Z .,'’-]{2,40}\s*(?:--|—|–)\s*")

#: Headlines are short: news style keeps them under about 15 words, and even long web headlines
#: fit in 25 words and 250 characters.  A longer first block is the lede, not a title.
TITLE_MAX_WORDS = 25
TITLE_MAX_CHARS = 250
#: A title heads a body at least twice its length; otherwise the "title" may be half of a
#: short note, and setting it aside would leave almost nothing to summarize.
TITLE_BODY_RATIO = 2
#: A standfirst (dek) is one sentence or two: 4 words at least (a shorter block is a kicker
#: or section label) and no more than a headline's 25.
STANDFIRST_MIN_WORDS = 4
STANDFIRST_MAX_WORDS = TITLE_MAX_WORDS
#: A dek summarizes the story below it, so the paragraph after it is longer (1.5x) and the
#: body as a whole much longer (4x); a lede followed by a short body is not a dek.
STANDFIRST_NEXT_RATIO = 1.5
STANDFIRST_BODY_RATIO = 4

GLUED_MIN_WORDS = 6  # words of story after a glued teaser for it to be trimmed, not dropped
#: "Scroll down for video" glued to the next sentence, as scraped pages often leave it (the
#: button's label, then a caption or the story with no full stop between).
_GLUED_TEASER = re.compile(
    r"^\W*[Ss]croll down(?: for)?(?: (?:the|more|more of the))?(?: videos?| pictures?)?"
    r"(?:[.:…]+|\s)\s*(?=[A-Z‘'\"“])"
)


@dataclass(frozen=True, slots=True)
class Layout:
    """Where the body paragraphs are, and what was set aside."""

    paragraphs: tuple[tuple[int, int], ...]
    removed: tuple[Span, ...]
    title: Span | None = None
    standfirst: Span | None = None


def find_layout(text: str, clean: bool = True, known_title: str | None = None) -> Layout:
    """Split ``text`` into paragraphs and, with ``clean``, set furniture, title and dek aside.

    ``known_title`` (an HTML page's ``<title>``) marks a first block with the same words as
    the title even if it would not pass the layout test.
    """
    blocks = _blocks(text)
    if not clean:
        return Layout(tuple(blocks), ())
    removed: list[Span] = []
    kept: list[tuple[int, int]] = []
    for start, end in blocks:
        line_start = start
        run_start: int | None = None
        line_opens = True  # a teaser must start a line that follows a finished one
        for line in text[start:end].split("\n"):
            line_end = line_start + len(line)
            kind = furniture_kind(line, teasers=line_opens)
            line_opens = bool(kind) or bool(re.search(r"[.!?:\"”’)]\s*$", line))
            if kind:
                if run_start is not None:
                    kept.append(strip_span(text, run_start, line_start))
                    run_start = None
                if line.strip():
                    removed.append(Span(*strip_span(text, line_start, line_end), kind))
            elif run_start is None:
                run_start = line_start
            line_start = line_end + 1
        if run_start is not None:
            kept.append(strip_span(text, run_start, end))
    kept = [p for p in kept if p[1] > p[0]]
    title = standfirst = None
    if kept and _looks_like_title(text, kept, known_title):
        s, e = kept.pop(0)
        title = Span(s, e, "title")
        if kept and _looks_like_standfirst(text, kept):
            s, e = kept.pop(0)
            standfirst = Span(s, e, "standfirst")
    return Layout(tuple(kept), tuple(removed), title, standfirst)


def furniture_kind(line: str, teasers: bool = True) -> str | None:
    """Why a whole line is page furniture ("symbol", "share-bar", "teaser"), or None.

    ``teasers=False`` checks only symbols and share bars: a wrapped line in the middle of a
    sentence may well start with "click here" and still be story.
    """
    stripped = line.strip()
    if not stripped:
        return None
    words = _WORD.findall(stripped)
    if not words:
        return "symbol"
    if not re.search(r"[.!?:;”\"]$", stripped) and len(words) <= SHARE_BAR_MAX_WORDS:
        chrome = sum(1 for w in words if w.lower() in FURNITURE_WORDS)
        if chrome >= 2 and chrome >= SHARE_BAR_CHROME_SHARE * len(words):
            return "share-bar"
    if teasers and len(words) <= TEASER_MAX_WORDS and _TEASER.match(stripped):
        return "teaser"
    return None


def trim_sentence(text: str, start: int, end: int) -> tuple[int | None, tuple[Span, ...]]:
    """Set aside the page furniture of the sentence ``text[start:end]``.

    In this order: a teaser glued to its front is cut off (:func:`teaser_prefix_end`); a
    sentence that is all furniture (:func:`furniture_kind`, the test lines get) is dropped; a
    dateline at its front is cut off (:func:`dateline_end`).  Returns where the story now
    starts -- ``None`` when the whole sentence was dropped -- and the spans set aside, in
    offsets into ``text``, so nothing is lost.
    """
    removed: list[Span] = []
    cut = teaser_prefix_end(text[start:end])
    if cut:
        removed.append(Span(start, start + cut, "teaser"))
        start += cut
    kind = furniture_kind(text[start:end])
    if kind:
        removed.append(Span(start, end, kind))
        return None, tuple(removed)
    cut = dateline_end(text[start:end])
    if cut:
        removed.append(Span(start, start + cut, "dateline"))
        start += cut
    return start, tuple(removed)


def dateline_end(sentence: str) -> int:
    """Length of a dateline at the start of ``sentence`` ("PARIS (AP) -- "), else 0."""
    m = _DATELINE.match(sentence) or _CAPS_DATELINE.match(sentence)
    if not m or m.end() >= len(sentence) - 1:
        return 0
    rest = sentence[m.end():]
    return m.end() if rest[:1].isupper() or rest[:1] in "\"“‘'" else 0


def teaser_prefix_end(sentence: str) -> int:
    """Length of a teaser glued to the front of a sentence ("Scroll down for video A man..."),
    when at least :data:`GLUED_MIN_WORDS` words of story follow it; else 0.

    Dropping such a sentence whole would lose the story glued to the button's label; keeping
    it whole would print the label in the brief.
    """
    m = _GLUED_TEASER.match(sentence)
    if not m or len(_WORD.findall(sentence[m.end():])) < GLUED_MIN_WORDS:
        return 0
    return m.end()


def title_text(text: str) -> str:
    """A title as it should be shown: one line, no markdown heading marks."""
    return " ".join(text.lstrip("#").split())


def _blocks(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = 0
    for m in _BLANK_SPLIT.finditer(text):
        out.append(strip_span(text, pos, m.start()))
        pos = m.end()
    out.append(strip_span(text, pos, len(text)))
    return [b for b in out if b[1] > b[0]]


def _word_count(text: str) -> int:
    return len(_WORD.findall(text))


def _looks_like_title(text: str, blocks: list[tuple[int, int]], known: str | None) -> bool:
    start, end = blocks[0]
    block = text[start:end]
    if known and title_text(block).casefold() == title_text(known).casefold():
        return True
    if len(blocks) < 2 or "\n" in block:
        return False
    if block.startswith("#"):
        return True
    words = _word_count(block)
    if not 1 <= words <= TITLE_MAX_WORDS or len(block) > TITLE_MAX_CHARS:
        return False
    if re.search(r"[.,;:]$", block.rstrip("\"'”’ ")):
        return False
    # The body must be more than the candidate title, or we would strip a one-line note.
    rest = sum(_word_count(text[s:e]) for s, e in blocks[1:])
    return rest >= TITLE_BODY_RATIO * words


def _looks_like_standfirst(text: str, blocks: list[tuple[int, int]]) -> bool:
    """A dek: one short paragraph between the title and a body of at least two paragraphs."""
    if len(blocks) < 3:
        return False
    start, end = blocks[0]
    block = text[start:end]
    words = _word_count(block)
    if "\n" in block.strip() or dateline_end(block) or not (
            STANDFIRST_MIN_WORDS <= words <= STANDFIRST_MAX_WORDS):
        return False
    if len(re.findall(r"[.!?](?:\s|$)", block)) > 2:
        return False
    # A lede can look like a dek; only call it one when a real body follows (a dek is a
    # fraction of the story, and the paragraph after it is longer than it is).
    following = _word_count(text[blocks[1][0]:blocks[1][1]])
    rest = sum(_word_count(text[s:e]) for s, e in blocks[1:])
    return following >= STANDFIRST_NEXT_RATIO * words and rest >= STANDFIRST_BODY_RATIO * words
