"""Run sumy's summarizers on our sentences and read back every sentence's score.

sumy ranks a ``document`` and returns only the best sentences; the rating of each sentence is
passed to ``AbstractSummarizer._get_best_sentences`` and then dropped.  The adapter hands sumy
a document built from *our* sentences (so sumy never calls NLTK's Punkt, which needs a data
download) and a summarizer whose ``_get_best_sentences`` records the ratings, asking for all
sentences.  The result is one score per sentence, in the same order, for every sumy algorithm.

sumy keys ratings by sentence text, so identical sentences share one score; we give every
sentence the score sumy gave its text.

sumy's LexRank, TextRank and Reduction fill a dense ``n x n`` matrix of sentence pairs in
Python loops, and its LSA a dense terms x sentences matrix for a full SVD: 10,000 sentences
would be 800 MB for one matrix and an hour of loops.  Those algorithms refuse a text of more
than :data:`SUMY_MAX_SENTENCES` sentences with :class:`TooManySentences`, an input error the
faces report in one line, naming the limit and briefer's own bounded version of the ranker.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from briefer import tokens
from briefer.ingest import InputError
from briefer.rank import RankInput

SUMY_MAX_SENTENCES = 5_000  # about 650 KB of news: a 200 MB matrix and minutes of loops
QUADRATIC = frozenset({"LexRankSummarizer", "TextRankSummarizer", "ReductionSummarizer",
                       "LsaSummarizer", "KLSummarizer"})


class TooManySentences(InputError):
    """A text too long for one of sumy's all-pairs algorithms (see the module doc)."""


class _WordTokenizer:
    """The tokenizer protocol sumy's DOM needs: ``language``, ``to_words``, ``to_sentences``."""

    def __init__(self, language: str) -> None:
        self.language = language

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(tokens.words(sentence))

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:  # never called: we split
        return (paragraph,)


def build_document(doc: RankInput) -> Any:
    """sumy's ObjectDocumentModel for ``doc``: our sentences grouped by paragraph."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    tokenizer = _WordTokenizer(doc.language)
    paragraphs: list[list[Any]] = []
    last = None
    for i, text in enumerate(doc.sentences):
        para = doc.paragraphs[i] if doc.paragraphs else 0
        if para != last or not paragraphs:
            paragraphs.append([])
            last = para
        paragraphs[-1].append(Sentence(text, tokenizer))
    if doc.title:
        paragraphs.insert(0, [Sentence(doc.title, tokenizer, is_heading=True)])
    return ObjectDocumentModel(tuple(Paragraph(p) for p in paragraphs))


def _ratings(summarizer: Any, document: Any, call: Callable[[Any], Any]) -> dict[Any, float]:
    """Call ``call(summarizer)`` with a recording ``_get_best_sentences`` and return ratings."""
    seen: dict[Any, float] = {}

    def record(sentences, count, rating, *args, **kwargs):
        rate = (lambda s: rating[s]) if isinstance(rating, dict) else rating
        for s in sentences:
            seen[s] = float(rate(s, *args, **kwargs))
        return tuple(sentences)

    summarizer._get_best_sentences = record
    call(summarizer)
    return seen


def _run(doc: RankInput, factory: Callable[[Callable[[str], str]], Any],
         call: Callable[[Any, Any], Any] | None = None) -> list[float]:
    if not doc.sentences:
        return []
    summarizer = factory(tokens.make_stemmer(doc.language))
    kind = type(summarizer).__name__
    if kind in QUADRATIC and len(doc.sentences) > SUMY_MAX_SENTENCES:
        ours = kind.removesuffix("Summarizer").lower().replace("klsum", "kl")
        raise TooManySentences(
            f"sumy's {ours} compares every pair of sentences in memory: this text has "
            f"{len(doc.sentences):,} sentences, more than its limit of "
            f"{SUMY_MAX_SENTENCES:,}; use -a {ours} (briefer's own, bounded memory) or a "
            f"shorter text")
    document = build_document(doc)
    if hasattr(summarizer, "stop_words"):
        summarizer.stop_words = tokens.stop_words(doc.language)
    count = len(document.sentences)
    invoke = call or (lambda s, d: s(d, count))
    ratings = _ratings(summarizer, document, lambda s: invoke(s, document))
    body = [s for s in document.sentences if not s.is_heading]
    return [ratings.get(s, 0.0) for s in body]


def rank_lexrank(doc: RankInput) -> list[float]:
    """sumy's LexRank (Erkan & Radev 2004)."""
    from sumy.summarizers.lex_rank import LexRankSummarizer

    return _run(doc, LexRankSummarizer)


def rank_textrank(doc: RankInput) -> list[float]:
    """sumy's TextRank (Mihalcea & Tarau 2004)."""
    from sumy.summarizers.text_rank import TextRankSummarizer

    return _run(doc, TextRankSummarizer)


def rank_lsa(doc: RankInput) -> list[float]:
    """sumy's LSA (Steinberger & Ježek 2004), its term rows in a fixed order.

    sumy numbers the rows of its terms x sentences matrix by iterating a ``frozenset`` of
    stems, an order that changes with ``PYTHONHASHSEED`` (a new one every process).  The SVD
    of a row-permuted matrix has the same singular values only up to rounding, and sentences
    whose scores are mathematically equal were ordered by that noise: ``briefer eval -a
    sumy-lsa`` moved by a few hundredths of ROUGE from run to run.  The stems are numbered in
    sorted order instead; everything else is sumy's.
    """
    from sumy.summarizers.lsa import LsaSummarizer

    def factory(stemmer: Callable[[str], str]) -> Any:
        summarizer = LsaSummarizer(stemmer)
        numbered = summarizer._create_dictionary

        def sorted_dictionary(document: Any) -> dict[str, int]:
            return {w: i for i, w in enumerate(sorted(numbered(document)))}

        summarizer._create_dictionary = sorted_dictionary
        return summarizer

    return _run(doc, factory)


def rank_luhn(doc: RankInput) -> list[float]:
    """sumy's Luhn (Luhn 1958)."""
    from sumy.summarizers.luhn import LuhnSummarizer

    return _run(doc, LuhnSummarizer)


def rank_sumbasic(doc: RankInput) -> list[float]:
    """sumy's SumBasic (Nenkova & Vanderwende 2005)."""
    from sumy.summarizers.sum_basic import SumBasicSummarizer

    return _run(doc, SumBasicSummarizer)


def rank_kl(doc: RankInput) -> list[float]:
    """sumy's KL-Sum (Haghighi & Vanderwende 2009)."""
    from sumy.summarizers.kl import KLSummarizer

    return _run(doc, KLSummarizer)


def rank_reduction(doc: RankInput) -> list[float]:
    """sumy's Reduction (graph of sentence overlap)."""
    from sumy.summarizers.reduction import ReductionSummarizer

    return _run(doc, ReductionSummarizer)


#: Edmundson (1969) needs cue words; these general-news cues are ours, not sumy's (sumy ships
#: none and refuses to run without them).
EDMUNDSON_BONUS = ("announced", "said", "first", "important", "significant", "key", "major",
                   "new", "will", "must", "warned", "agreed", "decided", "according")
EDMUNDSON_STIGMA = ("share", "click", "read", "subscribe", "follow", "video", "gallery",
                    "advertisement", "photo", "copyright", "hardly", "perhaps")


def rank_edmundson(doc: RankInput) -> list[float]:
    """sumy's Edmundson (cue, key, title and location methods) with general news cue words."""
    from sumy.summarizers.edmundson import EdmundsonSummarizer

    def factory(stemmer: Callable[[str], str]) -> Any:
        s = EdmundsonSummarizer(stemmer)
        s.bonus_words = EDMUNDSON_BONUS
        s.stigma_words = EDMUNDSON_STIGMA
        s.null_words = sorted(tokens.stop_words(doc.language)) or ("the",)
        return s

    return _run(doc, factory)
