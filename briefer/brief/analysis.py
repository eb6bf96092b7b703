"""Sentences seen as words: tokens with offsets, folded forms and stems, once per brief.

Every later step of a brief (entities, section matching, quotes, near-duplicates) asks the
same questions of a sentence -- which words, where, capitalised or not, with which stem -- so
they are answered here once and shared.  Offsets are offsets into ``Document.text``, like a
:class:`~briefer.document.Sentence`'s, so anything found in a token can be traced back.

Words are found in the raw slice ``doc.text[s.start:s.end]`` (not the whitespace-folded
``Sentence.text``) to keep offsets exact.  Dotted abbreviations ("U.S.", "D.C.") and
initials ("J." before a capitalised word) are single tokens; an English possessive ("Trump’s")
is trimmed to its name.  Folding (case, accents, curly apostrophes) lets "Maria" find
"María"; stems come from :func:`briefer.stemming.stemmer`, the Snowball stemmer the rankers
use, so "warned" and "warns" meet.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from briefer.document import Document, Sentence

_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}"  # U.S., U.K., D.C.
    r"|[A-Z]\.(?=\s+[A-Z])"  # an initial: Donald J. Trump
    r"|[^\W\d_](?:[^\W_]|['’\-](?=[^\W_]))*"  # words, with inner apostrophes and hyphens
)
_POSSESSIVE = re.compile(r"['’][sS]$")


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a sentence, as written and as compared."""

    text: str  # as written, possessive trimmed
    start: int  # offsets into Document.text
    end: int
    fold: str  # case- and accent-folded
    stem: str
    possessive: bool = False

    @property
    def capital(self) -> bool:
        """Whether the word starts with a capital letter (a name, or a sentence's first word)."""
        return self.text[:1].isupper()


@dataclass(frozen=True, slots=True)
class View:
    """A sentence with its tokens; ``doc`` and ``pos`` say where it sits (both 0-based)."""

    doc: int
    pos: int
    sentence: Sentence
    raw: str  # Document.text[sentence.start:sentence.end]
    tokens: tuple[Token, ...]
    content: frozenset[str]  # stems of the words that are not stop words

    @property
    def key(self) -> tuple[int, int]:
        return (self.doc, self.pos)

    def gap(self, a: Token, b: Token) -> str:
        """The text between two tokens of this sentence, as written."""
        base = self.sentence.start
        return self.raw[a.end - base:b.start - base]


def fold(text: str) -> str:
    """Case-, accent- and apostrophe-folded text: "María’s" -> "maria's"."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def tokenize(text: str, offset: int, stem: Callable[[str], str],
             folds: dict[str, str] | None = None) -> tuple[Token, ...]:
    """The tokens of ``text``, with offsets shifted by ``offset``; ``folds`` memoises
    :func:`fold` for a caller that tokenises many sentences."""
    out: list[Token] = []
    for m in _TOKEN.finditer(text):
        word, end = m.group(), m.end()
        possessive = bool(_POSSESSIVE.search(word)) and len(word) > 2
        if possessive:
            word, end = word[:-2], end - 2
        if folds is None:
            folded = fold(word)
        else:
            folded = folds.get(word) or folds.setdefault(word, fold(word))
        out.append(Token(word, offset + m.start(), offset + end, folded,
                         stem(folded) if word[0].isalpha() else folded, possessive))
    return tuple(out)


def term_tokens(phrase: str, stem: Callable[[str], str]) -> tuple[Token, ...]:
    """Tokens of a phrase from a template or the gazetteer, tokenised as sentences are."""
    return tokenize(phrase, 0, stem)


def analyse(docs: Sequence[Document], stem: Callable[[str], str],
            stop: frozenset[str]) -> list[View]:
    """One :class:`View` per sentence of every document, in document and sentence order."""
    views: list[View] = []
    folds: dict[str, str] = {}  # lives for this call only
    for d, doc in enumerate(docs):
        for p, s in enumerate(doc.sentences):
            raw = doc.text[s.start:s.end]
            tokens = tokenize(raw, s.start, stem, folds)
            content = frozenset(t.stem for t in tokens if t.fold not in stop and len(t.fold) > 1)
            views.append(View(d, p, s, raw, tokens, content))
    return views


def analyse_headlines(docs: Sequence[Document], stem: Callable[[str], str]) -> list[View]:
    """Each document's title as a view (``pos`` -1), for what a text is about.

    Only titles: a standfirst is often the lede's first sentence in other words, and would
    count the same thing twice.  An HTML page's title may not be in ``Document.text``, so a
    headline view's offsets are offsets into the title itself, and nothing is cited from it.
    """
    out: list[View] = []
    for d, doc in enumerate(docs):
        if doc.title:
            s = Sentence(0, doc.title, 0, len(doc.title))
            out.append(View(d, -1, s, doc.title, tokenize(doc.title, 0, stem), frozenset()))
    return out


def find_run(haystack: Sequence[str], needle: Sequence[str]) -> int:
    """Position of the first occurrence of ``needle`` as a contiguous run, else -1."""
    n = len(needle)
    if not n:
        return -1
    first = needle[0]
    for i in range(len(haystack) - n + 1):
        if haystack[i] == first and tuple(haystack[i:i + n]) == tuple(needle):
            return i
    return -1
