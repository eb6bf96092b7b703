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
  (or a table row) is removed; dates, bylines, datelines, labels and reading times around
  the headline are set aside (:func:`lead_meta_kind`); the first short unpunctuated block is
  the title (or the block with a known title's words), a short block after it the
  standfirst only when the layout marks it as one (italics, no full stop, a byline under it,
  a datelined lede below it) -- a one-sentence first paragraph is otherwise the lede, as in
  most news; a short line above a longer paragraph is a sub-heading.
- **sentences** (:func:`trim_sentence`): after splitting, a sentence that is only furniture
  ("Scroll down for video.", "Click here to read more.") is removed by the same test as a
  line (:func:`furniture_kind`); a teaser glued to its front (:func:`teaser_prefix_end`) or a
  dateline at its start (:func:`dateline_end`) is trimmed off.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

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

#: The same outside English, where places and agencies carry accents and a date may sit
#: between them: "BOGOTÁ (Reuters) - ", "Caracas, 1 dic (EFE).- ", "MADRID, 3 Dic. (EUROPA
#: PRESS) - ", "Paris, 1er décembre (AFP) - ", "BERLIN (dpa) - ", "(EFE).- "; and the
#: Spanish-American "BUENOS AIRES.- " with no agency at all.
_UPPER = "A-ZÀ-ÖØ-Þ"
_INTL_DATELINE = re.compile(
    rf"""^(?:[{_UPPER}][^\W\d_]*\.?(?:[ ,]+(?:de\ |del\ |do\ |da\ )?[{_UPPER}][^\W\d_.]*\.?){{0,4}}
          (?:,\s*\d{{1,2}}(?:er|º|°)?\.?\s+(?:de\s+)?[^\W\d_]{{3,10}}\.?(?:\s+\d{{4}})?)?\s*)?
        (?:\((?:[^\W\d_][\w.&' ]{{0,24}})\)\s*(?:\.\s?-|--|—|–|-|:)\s*)
        |^[{_UPPER}][{_UPPER} ,'’-]{{2,40}}\.\s?-\s*""",
    re.VERBOSE,
)

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
#: A dek summarizes the story below it, so the body is much longer (4x): a short block above
#: a short body is part of a note, not a dek.
STANDFIRST_BODY_RATIO = 4

#: How a sentence ends: a stop, then any closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)\]]*$")
#: A block wholly in markdown italics: "*...*" or "_..._" (not bold "**...**"), with no
#: marker inside ("_id_ of the users and _key_" is two emphasised words, not one span).
_EMPHASIS = re.compile(r"(?s)(\*|_)(?!\1)\S(?:(?!\1).)*\S\1")

GLUED_MIN_WORDS = 6  # words of story after a glued teaser for it to be trimmed, not dropped
#: "Scroll down for video" glued to the next sentence, as scraped pages often leave it (the
#: button's label, then a caption or the story with no full stop between).
_GLUED_TEASER = re.compile(
    r"^\W*[Ss]croll down(?: for)?(?: (?:the|more|more of the))?(?: videos?| pictures?)?"
    r"(?:[.:…]+|\s)\s*(?=[A-Z‘'\"“])"
)


#: A month name beside a day or year number ("November 18", "18 Nov", "May 2019"): a date,
#: not a headline that merely mentions a year ("2018 Boys State Swim Results").
_MONTH_DATE = re.compile(
    r"""\b(?:january|february|march|april|may|june|july|august|september|october|november
        |december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?,?\s+\d{1,4}\b
        |\b\d{1,2}(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(?:january|february|march|april|may|june
        |july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep
        |sept|oct|nov|dec)\b""",
    re.IGNORECASE | re.VERBOSE,
)
#: A clock time or an all-numeric date: enough on their own to make a short line a date line.
_TIME_OR_NUMERIC_DATE = re.compile(
    r"\b\d{1,2}:\d{2}\b|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b")
_DATE_PREFIX = re.compile(r"^(?:\d{4}[/.-]\d{1,2}[/.-]\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{4})\s+")
_READING_TIME = re.compile(
    r"""^\W*(?:(?:reading\ time|read\ time|lesezeit|lectura)\W*\d+\s*(?:min|minutes?)\b
        |\d+\s*(?:-|\s)?\s*(?:min|mins|minutes?)\s+(?:read|reading|de\ lectura|lesezeit)\b)""",
    re.IGNORECASE | re.VERBOSE,
)
_BYLINE = re.compile(r"^\W*(?:by|written\s+by|posted\s+by|reporting\s+by|von|por|par)\s+\w",
                     re.IGNORECASE)
#: Words a byline is made of when it names no person ("Staff Reports", "Wire Services").
_BYLINE_WORDS = frozenset(
    """staff report reports reporter reporters writer writers wire service services
    correspondent correspondents editor editors desk news agency agencies and from""".split()
)
LEAD_META_WORDS = 12  # a date, byline or dateline line above a headline is at most this long
LEAD_META_BLOCKS = 4  # and is among the first few blocks (the page's masthead area)
SUBHEADING_MAX_WORDS = 10  # a sub-heading inside an article is a short line...
SUBHEADING_BODY_RATIO = 2  # ...with a paragraph at least this many times longer after it


@dataclass(frozen=True, slots=True)
class Layout:
    """Where the body paragraphs are, and what was set aside."""

    paragraphs: tuple[tuple[int, int], ...]
    removed: tuple[Span, ...]
    title: Span | None = None
    standfirst: Span | None = None
    date: Span | None = None  # a date found with the title ("2005/01/08 Tsunami aid ...")


def find_layout(text: str, clean: bool = True, known_title: str | None = None,
                language: str = "en") -> Layout:
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
            kind = furniture_kind(line, teasers=line_opens, language=language)
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
    title = standfirst = date = None
    removed += _set_aside_lead_meta(text, kept)
    if kept and known_title is None:
        date = _split_dated_headline(text, kept)
    if kept and _looks_like_title(text, kept, known_title):
        s, e = kept.pop(0)
        title = Span(s, e, "title")
        removed += _set_aside_lead_meta(text, kept)
        if kept and _looks_like_standfirst(text, kept, language):
            s, e = kept.pop(0)
            standfirst = Span(s, e, "standfirst")
            removed += _set_aside_lead_meta(text, kept)
    if date is not None:
        removed.append(date)
    removed += _set_aside_subheadings(text, kept)
    return Layout(tuple(kept), tuple(sorted(removed, key=lambda sp: sp.start)), title,
                  standfirst, date)


def lead_meta_kind(line: str, next_line: str | None = None) -> str | None:
    """Why a short line above (or just below) a headline is not one: "date", "byline",
    "reading-time", "dateline" or "label"; else None.

    Pages and copied articles put such lines around the headline ("BAAR, SWITZERLAND",
    "Staff Reports", "Review", "5 min read", "November 18, 2019"); a layout test that takes
    the first short line as the title would take them instead.  ``next_line`` is the block
    after ``line``: a single word is a section label only when a headline-like line follows.
    """
    stripped = " ".join(line.split())
    words = _WORD.findall(stripped)
    if not words or len(words) > LEAD_META_WORDS or re.search(r"[.!?]$", stripped):
        return None
    lower = [w.lower() for w in words]
    if _READING_TIME.match(stripped):
        return "reading-time"
    if _TIME_OR_NUMERIC_DATE.search(stripped) or _MONTH_DATE.search(stripped):
        return "date"
    if (_BYLINE.match(stripped) and len(words) <= 8) or (
            len(words) <= 4 and all(w in _BYLINE_WORDS for w in lower)):
        return "byline"
    letters = [ch for ch in stripped if ch.isalpha()]
    if (letters and all(ch.isupper() for ch in letters) and len(words) <= 4
            and ("," in stripped or len(words) <= 2 or re.search(r"[—–-]$", stripped))):
        return "dateline"
    if len(words) == 1 and next_line is not None and _headline_like(next_line):
        return "label"
    return None


def _headline_like(block: str) -> bool:
    """A short single line with no closing punctuation: what a headline looks like."""
    words = _word_count(block)
    return ("\n" not in block.strip() and 2 <= words <= TITLE_MAX_WORDS
            and len(block) <= TITLE_MAX_CHARS and not re.search(r"[.,;:]$", block.rstrip("\"'”’ ")))


def _set_aside_lead_meta(text: str, blocks: list[tuple[int, int]]) -> list[Span]:
    """Pop dates, bylines, datelines, labels and reading times off the front of ``blocks``."""
    out: list[Span] = []
    while len(blocks) > 1 and len(out) < LEAD_META_BLOCKS:
        start, end = blocks[0]
        block = text[start:end]
        if "\n" in block:
            break
        kind = lead_meta_kind(block, text[blocks[1][0]:blocks[1][1]])
        if kind is None:
            break
        out.append(Span(start, end, kind))
        blocks.pop(0)
    return out


def _split_dated_headline(text: str, blocks: list[tuple[int, int]]) -> Span | None:
    """A first line "2005/01/08 Tsunami aid pledges grow" directly above the story.

    Wire archives print the date before the headline with no blank line after it; the date
    prefix is what tells such a line from the first line of a hard-wrapped paragraph.  The
    line becomes a block of its own (so the title test takes it) and its date is returned.
    """
    start, end = blocks[0]
    first_end = text.find("\n", start, end)
    if first_end < 0:
        first_end = end
    m = _DATE_PREFIX.match(text, start, first_end)
    if not m:
        return None
    head_start, head_end = strip_span(text, m.end(), first_end)
    if not _headline_like(text[head_start:head_end]):
        return None
    blocks[0] = (head_start, head_end)
    if first_end < end:
        rest = strip_span(text, first_end, end)
        if rest[1] > rest[0]:
            blocks.insert(1, rest)
    return Span(*strip_span(text, start, m.end()), "date")


def _set_aside_subheadings(text: str, blocks: list[tuple[int, int]]) -> list[Span]:
    """Remove in-article sub-headings ("Local death tolls") from ``blocks``.

    A sub-heading is a line of at most :data:`SUBHEADING_MAX_WORDS` words without closing
    punctuation, followed by a paragraph :data:`SUBHEADING_BODY_RATIO` times as long: layout
    that names what follows, not a sentence of the story to pick.
    """
    out: list[Span] = []
    keep: list[tuple[int, int]] = []
    for i, (start, end) in enumerate(blocks):
        block = text[start:end]
        if i + 1 < len(blocks) and "\n" not in block:
            words = _word_count(block)
            following = _word_count(text[blocks[i + 1][0]:blocks[i + 1][1]])
            if (1 <= words <= SUBHEADING_MAX_WORDS and following >= SUBHEADING_BODY_RATIO * words
                    and not re.search(r"[.!?,;:\"”’)。！？]$", block.rstrip())
                    and not block.lstrip().startswith(("-", "*", "•"))):
                out.append(Span(start, end, "subheading"))
                continue
        keep.append((start, end))
    blocks[:] = keep
    return out


def furniture_kind(line: str, teasers: bool = True, language: str = "en") -> str | None:
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
    if stripped.startswith("|") and stripped.count("|") >= 3:
        return "table"  # a table row as trafilatura writes it: "| 1 | Kyle Busch | 5040 |"
    if not re.search(r"[.!?:;”\"]$", stripped) and len(words) <= SHARE_BAR_MAX_WORDS:
        chrome = sum(1 for w in words if w.lower() in FURNITURE_WORDS)
        if chrome >= 2 and chrome >= SHARE_BAR_CHROME_SHARE * len(words):
            return "share-bar"
    if teasers and len(words) <= TEASER_MAX_WORDS and (
        _TEASER.match(stripped)
        or (language != "en" and _language_teaser(language).match(stripped))
    ):
        return "teaser"
    return None


def trim_sentence(text: str, start: int, end: int, language: str = "en"
                  ) -> tuple[int | None, tuple[Span, ...]]:
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
    kind = furniture_kind(text[start:end], language=language)
    if kind:
        removed.append(Span(start, end, kind))
        return None, tuple(removed)
    cut = dateline_end(text[start:end], language)
    if cut:
        removed.append(Span(start, start + cut, "dateline"))
        start += cut
    return start, tuple(removed)


def dateline_end(sentence: str, language: str = "en") -> int:
    """Length of a dateline at the start of ``sentence`` ("PARIS (AP) -- "), else 0."""
    m = (language != "en" and _INTL_DATELINE.match(sentence)) or (
        _DATELINE.match(sentence) or _CAPS_DATELINE.match(sentence))
    if not m or m.end() >= len(sentence) - 1:
        return 0
    rest = sentence[m.end():]
    return m.end() if rest[:1].isupper() or rest[:1] in "\"“‘'" else 0


@lru_cache(maxsize=8)
def _language_teaser(language: str) -> re.Pattern[str]:
    """The teaser openers of ``language``'s data file as one pattern ("Lee también", "Leia
    também", "Lire aussi", "Auch interessant", "Leggi anche"), like :data:`_TEASER`."""
    from briefer.language import language_data

    phrases = sorted(language_data(language).teasers, key=len, reverse=True)
    if not phrases:
        return re.compile(r"(?!)")
    alternatives = "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)
    # The phrase, then a separator ("Lee también: ...", "LEIA TAMBÉM | ...") or a line that
    # ends without a stop (a label): "Leer más tarde..., dijo." is a sentence, not a teaser.
    return re.compile(rf"^\W*(?:{alternatives})(?:\s*[:|>»•–—-]|(?![^\W_])"
                      r"(?!.*[.!?…][\"”»’)]*\s*$))", re.IGNORECASE | re.DOTALL)


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


def standfirst_text(text: str) -> str:
    """A standfirst as it should be shown: one line, without the italics that marked it."""
    line = " ".join(text.split())
    return line[1:-1].strip() if _EMPHASIS.fullmatch(line) else line


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
    if known:
        # A page's metadata names its headline; only a first block with its words is it
        # (the metadata title may add the site's name: "Headline - Site").
        got, want = _WORD.findall(block.casefold()), _WORD.findall(known.casefold())
        return bool(got) and "\n" not in block and want[:len(got)] == got and (
            len(got) == len(want) or len(got) >= 3)
    if len(blocks) < 2 or "\n" in block:
        return False
    if block.startswith("#"):
        return True
    words = _word_count(block)
    if not 1 <= words <= TITLE_MAX_WORDS or len(block) > TITLE_MAX_CHARS:
        return False
    if re.search(r"(?<!\.\.)[.,;:]$", block.rstrip("\"'”’ ")):  # "..." may end a headline
        return False
    # The body must be more than the candidate title, or we would strip a one-line note.
    rest = sum(_word_count(text[s:e]) for s, e in blocks[1:])
    return rest >= TITLE_BODY_RATIO * words


def _looks_like_standfirst(text: str, blocks: list[tuple[int, int]], language: str = "en"
                           ) -> bool:
    """A dek: one short paragraph between the title and the body, that the layout marks as one.

    Shape alone does not tell a dek from a lede: most news (BBC, wire copy, the web) opens
    with a one-sentence paragraph that is exactly as short, and setting it aside would hide
    the sentence that carries the story from every ranker.  So the shape is necessary and
    :func:`_marked_as_standfirst` must also hold.
    """
    if len(blocks) < 3:
        return False
    start, end = blocks[0]
    block = text[start:end]
    words = _word_count(block)
    if "\n" in block.strip() or dateline_end(block, language) or not (
            STANDFIRST_MIN_WORDS <= words <= STANDFIRST_MAX_WORDS):
        return False
    if len(re.findall(r"[.!?](?:\s|$)", block)) > 2:
        return False
    # The body starts after any byline or date under the dek.
    body = next((i for i in range(1, len(blocks)) if _meta_kind(text, blocks, i) is None),
                len(blocks))
    if body >= len(blocks):
        return False
    if sum(_word_count(text[s:e]) for s, e in blocks[body:]) < STANDFIRST_BODY_RATIO * words:
        return False
    return _marked_as_standfirst(text, blocks, body, language)


def _marked_as_standfirst(text: str, blocks: list[tuple[int, int]], body: int,
                          language: str) -> bool:
    """Whether the layout shows the short first block ``blocks[0]`` is a dek, not the lede.

    Evidence, any one of:

    - it is set in emphasis (``*...*`` or ``_..._``: markdown's italics, how a dek is
      printed, and how briefer's own markdown writes one);
    - it does not end like a sentence: a lede is a sentence and ends with a stop, a dek is
      display text and often has none ("Twenty teams have punched tickets for next
      summer's tournament");
    - a byline, date or dateline line (:func:`lead_meta_kind`) comes between it and the
      body, ``body > 1``: headline, dek, byline, story is the page's masthead;
    - the body opens with a dateline ("WASHINGTON (EFE).- El presidente..."): the story
      starts there, so what is above it is not story.

    A block that ends in ``,`` ``;`` or ``:`` leads into what follows and is never a dek.
    """
    block = text[blocks[0][0]:blocks[0][1]].strip()
    if _EMPHASIS.fullmatch(block):
        return True
    if re.search(r"[,;:]$", block):
        return False
    if not _SENTENCE_END.search(block) or body > 1:
        return True
    return bool(dateline_end(text[blocks[body][0]:blocks[body][1]], language))


def _meta_kind(text: str, blocks: list[tuple[int, int]], i: int) -> str | None:
    """:func:`lead_meta_kind` of the one-line block ``blocks[i]``, labels aside."""
    block = text[blocks[i][0]:blocks[i][1]]
    if "\n" in block:
        return None
    after = text[blocks[i + 1][0]:blocks[i + 1][1]] if i + 1 < len(blocks) else None
    kind = lead_meta_kind(block, after)
    return None if kind == "label" else kind
