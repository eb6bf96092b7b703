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
from typing import NamedTuple

from briefer.document import Document, Sentence
from briefer.tokens import WORD_RE

_TOKEN = re.compile(
    # One group, the whole token, so that ``split`` gives the text between the tokens
    # and the tokens, alternately (:meth:`_Types.tokens`).
    r"("
    # Every token starts with a letter, so the pattern opens with that one character class:
    # the regex engine then skips the text between tokens with a plain class test per
    # character instead of starting a match (and failing) at each of them.
    r"[^\W\d_]"
    # A capital and a dot, then more of them (U.S., U.K., D.C.) or, before a capitalised
    # word, on its own: an initial (Donald J. Trump).  The look-behind asks that the letter
    # just read is a capital; the whole branch finds what
    # ``(?:[A-Z]\.){2,}|[A-Z]\.(?=\s+[A-Z])`` did.
    r"(?:(?<=[A-Z])\.(?:(?:[A-Z]\.)+|(?=\s+[A-Z]))"
    # Words, with inner apostrophes and hyphens: letters and digits, then any number of an
    # apostrophe or hyphen followed by letters and digits.  The same words as a look-ahead
    # after each letter (``[^\W\d_](?:[^\W_]|['’\-](?=[^\W_]))*``, kept in
    # tests/unit/test_brief_analysis.py), in runs, so the regex engine steps less.  The
    # apostrophe or hyphen is an alternative beside an empty one, not an optional repeat:
    # a repeat costs the engine a context set up for every word, and most words have none,
    # while an alternative that opens with a class is passed over with one test.
    r"|[^\W_]*(?:['’\-][^\W_]+(?:['’\-][^\W_]+)*|))"
    r")"
)
#: How an English possessive ends ("Trump’s", "CNN'S"); a token of three characters or more
#: that ends so is trimmed to its name.
_POSSESSIVE_ENDS = frozenset({"'s", "'S", "’s", "’S"})


class Token(NamedTuple):
    """One word of a sentence, as written and as compared.

    A named tuple rather than a frozen dataclass: a brief makes one per word of its input
    (260,000 for a megabyte of news), and a frozen dataclass's ``__init__`` costs four times
    as much; a tuple is just as immutable.
    """

    text: str  # as written, possessive trimmed
    start: int  # offsets into Document.text
    end: int
    fold: str  # case- and accent-folded
    stem: str
    possessive: bool = False
    #: Whether the word starts with a capital letter (a name, or a sentence's first word).
    capital: bool = False


class View(NamedTuple):
    """A sentence with its tokens; ``doc`` and ``pos`` say where it sits (both 0-based).

    A named tuple, as :class:`Token` is: a brief makes one per sentence (8,000 for a
    megabyte of news), and a frozen dataclass's ``__init__`` costs four times as much.
    """

    doc: int
    pos: int
    sentence: Sentence
    raw: str  # Document.text[sentence.start:sentence.end]
    tokens: tuple[Token, ...]
    content: frozenset[str]  # stems of the words that are not stop words
    #: The rankers' words (:func:`briefer.tokens.words` of ``sentence.text``), found in the
    #: same pass, so ranking a brief's documents tokenises nothing again: as numbers, each
    #: word's place in :attr:`Pass.words` (read as words by
    #: :class:`briefer.rank.terms.WordRows`).
    words: tuple[int, ...] = ()
    #: Casing, found in the same pass for the entity finder (which would otherwise loop over
    #: every token again): the positions of the capitalised tokens (where a name can start),
    #: the folds of the tokens written in lower case, and whether the sentence is written
    #: in capitals (:func:`shouting`).
    capitals: tuple[int, ...] = ()
    lower: tuple[str, ...] = ()
    shouting: bool = False

    @property
    def key(self) -> tuple[int, int]:
        return (self.doc, self.pos)

    def gap(self, a: Token, b: Token) -> str:
        """The text between two tokens of this sentence, as written."""
        base = self.sentence.start
        return self.raw[a.end - base:b.start - base]


def fold(text: str) -> str:
    """Case-, accent- and apostrophe-folded text: "María’s" -> "maria's"."""
    if text.isascii():  # nothing to decompose or straighten
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


class _Types:
    """What one pass over many sentences knows about each distinct word as written.

    News repeats its words (a megabyte has 260,000 words but 30,000 distinct ones), so the
    possessive trim, folding, stemming, stop-word test and the rankers' sub-words are worked
    out once per distinct form, and each occurrence only looks its form up.  The table lives
    as long as the pass (one brief), so its memory is bounded by that brief's vocabulary.
    """

    __slots__ = ("stem", "stop", "known", "terms", "numbers")

    def __init__(self, stem: Callable[[str], str], stop: frozenset[str]) -> None:
        self.stem = stem
        self.stop = stop
        #: Each of the rankers' words -> its content stem, or None for a stop word: what a
        #: TF-IDF ranker makes of it (``w.lower()`` tested, then stemmed), worked out here
        #: once per word so the ranker stems nothing again (:func:`analysis_pass`).
        self.terms: dict[str, str | None] = {}
        #: Each of the rankers' words -> its number: numbered in order of first appearance
        #: (a word is numbered when the first token holding it is learnt), so a pass over
        #: one document numbers its words as a ranker would (:func:`briefer.rank.terms.
        #: term_ids`) and the ranker need not look every occurrence up again
        #: (:class:`briefer.rank.terms.WordRows`).  Its keys, in order, are each number's
        #: word.
        self.numbers: dict[str, int] = {}
        # written form -> (text, length, fold, stem, possessive, capital, content stem or
        # None, rankers' words, written in lower case, a word of two letters or more in
        # capitals, the rankers' one word when it is one, else None; the words as numbers)
        self.known: dict[str, tuple[str, int, str, str, bool, bool, str | None,
                                    tuple[int, ...], bool, bool, int | None]] = {}

    def learn(self, word: str) -> tuple[str, int, str, str, bool, bool, str | None,
                                         tuple[int, ...], bool, bool, int | None]:
        text = word
        possessive = word[-2:] in _POSSESSIVE_ENDS and len(word) > 2
        if possessive:
            text = word[:-2]
        plain = word.isascii()
        folded = text.lower() if plain else fold(text)  # (fold's own test, asked once)
        first = text[0]
        stem = self.stem(folded) if first.isalpha() else folded
        stop = self.stop
        content = stem if folded not in stop and len(folded) > 1 else None
        # A token never splits one of the rankers' words (they are letters with inner
        # apostrophes and hyphens, and a token runs at least as far), so a sentence's words
        # are its tokens' words in order: "U.S." holds "U" and "S", "covid-19" holds "covid".
        # A word of letters only is one of the rankers' words as it is (WORD_RE's letters
        # are ``[^\W\d_]``, which holds every character ``str.isalpha`` accepts).
        alpha = word.isalpha()
        # A word new to the pass gets the next number and its stem at once (``numbers`` and
        # ``terms`` hold the same words in the same order).
        numbers, terms = self.numbers, self.terms
        if alpha and plain and not possessive:
            # The common case: the token is the ranker's word, and its fold the word in
            # lower case, so its stem and stop-word test are the ones just made.
            number = numbers.get(word)
            if number is None:
                number = numbers[word] = len(numbers)
                terms[word] = None if folded in stop else stem
            numbered: tuple[int, ...] = (number,)
        else:
            found = []
            for w in (word,) if alpha else WORD_RE.findall(word):
                number = numbers.get(w)
                if number is None:
                    number = numbers[w] = len(numbers)
                    lowered = w.lower()
                    terms[w] = None if lowered in stop else self.stem(lowered)
                found.append(number)
            numbered = tuple(found)
        info = (text, len(text), folded, stem, possessive, first.isupper(), content,
                numbered, first.islower(), len(text) > 1 and text.isupper(),
                numbered[0] if len(numbered) == 1 else None)
        self.known[word] = info
        return info

    def tokens(self, text: str, start: int, end: int) -> _Found:
        """The tokens of ``text[start:end]`` (offsets into ``text``), their content stems,
        the rankers' words of the same stretch, and its casing (see :class:`View`)."""
        known, learn, new = self.known, self.learn, tuple.__new__
        out: list[Token] = []
        content: list[str] = []
        words: list[int] = []
        capitals: list[int] = []
        lower: list[str] = []
        loud = False
        # ``split`` gives the text before each token and the token, in turn (and what
        # follows the last, which zip leaves), so each offset is the last one moved on by
        # their lengths: a third of the time of a match object per word (``finditer``,
        # ``group``, ``start``), and less than finding each word again with ``str.find``.
        # (In the slice, as with pos/endpos in the whole text, look-aheads stop at its end.)
        parts = iter(_TOKEN.split(text[start:end]))
        at = start
        for gap, word in zip(parts, parts, strict=False):
            info = known.get(word) or learn(word)
            at += len(gap)
            if info[5]:
                capitals.append(len(out))  # (this token's position: fewer steps than
                # numbering every token, as only one in five or so has a capital)
                if info[9]:
                    loud = True
            elif info[8]:
                lower.append(info[2])
            elif info[9]:  # in capitals after a letter with no case
                loud = True
            end = at + info[1]
            out.append(new(Token, (info[0], at, end, info[2], info[3], info[4], info[5])))
            # (A possessive's end is its name's; any other token's is where the next gap
            # starts, and the same int serves.)
            at = end + 2 if info[4] else end
            if info[6] is not None:
                content.append(info[6])
            if info[10] is None:
                words += info[7]
            else:  # (most tokens: one word, appended, cheaper than a list extended)
                words.append(info[10])
        found = tuple(out)
        # Only a sentence with a word in capitals can be written in capitals.  (Made as the
        # tokens are, by tuple's own constructor: a named tuple's costs three times as much.)
        return new(_Found, (found, frozenset(content), tuple(words), tuple(capitals),
                            tuple(lower), loud and shouting(found)))


class _Found(NamedTuple):
    """What :meth:`_Types.tokens` finds in a stretch of text."""

    tokens: tuple[Token, ...]
    content: frozenset[str]
    words: tuple[int, ...]
    capitals: tuple[int, ...]
    lower: tuple[str, ...]
    shouting: bool


def shouting(tokens: Sequence[Token]) -> bool:
    """A sentence written in capitals (a headline or a dateline run into the text): most of
    its words of two letters or more are."""
    words = [t for t in tokens if len(t.text) > 1]
    return len(words) >= 2 and sum(t.text.isupper() for t in words) > len(words) / 2


def tokenize(text: str, offset: int, stem: Callable[[str], str]) -> tuple[Token, ...]:
    """The tokens of ``text``, with offsets shifted by ``offset``."""
    found = _Types(stem, frozenset()).tokens(text, 0, len(text)).tokens
    if not offset:
        return found
    return tuple(t._replace(start=t.start + offset, end=t.end + offset) for t in found)


def term_tokens(phrase: str, stem: Callable[[str], str]) -> tuple[Token, ...]:
    """Tokens of a phrase from a template or the gazetteer, tokenised as sentences are."""
    return tokenize(phrase, 0, stem)


class Pass(NamedTuple):
    """:func:`analysis_pass`'s result: the views, each of the rankers' words of them with
    its content stem (None for a stop word) under the pass's stemmer and stop words, and
    each word number's word (:attr:`View.words`)."""

    views: list[View]
    terms: dict[str, str | None]
    words: list[str]


def analysis_pass(docs: Sequence[Document], stem: Callable[[str], str],
                  stop: frozenset[str]) -> Pass:
    """One :class:`View` per sentence of every document, in document and sentence order, and
    the rankers' words' stems (see :class:`Pass`): a TF-IDF ranker given those for a text in
    the pass's language tokenises and stems nothing again."""
    views: list[View] = []
    types = _Types(stem, stop)  # lives for this call only
    new = tuple.__new__
    for d, doc in enumerate(docs):
        text = doc.text
        for p, s in enumerate(doc.sentences):
            f = types.tokens(text, s.start, s.end)
            # (Made by tuple's own constructor, as the tokens are.)
            views.append(new(View, (d, p, s, text[s.start:s.end], *f)))
    return Pass(views, types.terms, list(types.numbers))


def analyse(docs: Sequence[Document], stem: Callable[[str], str],
            stop: frozenset[str]) -> list[View]:
    """One :class:`View` per sentence of every document, in document and sentence order."""
    return analysis_pass(docs, stem, stop).views


def analyse_headlines(docs: Sequence[Document], stem: Callable[[str], str]) -> list[View]:
    """Each document's title as a view (``pos`` -1), for what a text is about.

    Only titles: a standfirst is often the lede's first sentence in other words, and would
    count the same thing twice.  An HTML page's title may not be in ``Document.text``, so a
    headline view's offsets are offsets into the title itself, and nothing is cited from it.
    """
    out: list[View] = []
    types = _Types(stem, frozenset())
    for d, doc in enumerate(docs):
        if doc.title:
            s = Sentence(0, doc.title, 0, len(doc.title))
            f = types.tokens(doc.title, 0, len(doc.title))
            out.append(View(d, -1, s, doc.title, f.tokens, frozenset(), (), f.capitals,
                            f.lower, f.shouting))
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
