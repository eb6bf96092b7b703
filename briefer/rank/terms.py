"""Sentences as rows of a sparse term-count matrix: what every vectorised ranker starts from.

sumy walks Python lists of words for every pair of sentences; our rankers turn the document
into one ``scipy.sparse`` CSR matrix (sentences x terms) once and let numpy do the pairs.
How a sentence becomes terms differs between the algorithms (stemmed or not, stop words kept
or not), so tokenising is a separate step from counting: :func:`sentence_terms` does the common
case, :func:`count_matrix` counts any lists of terms.

A ranker reads a document's words through :func:`sentence_words`: a brief hands its rankers
the words its analysis pass already found (``RankInput.words``), so each sentence of a brief
is tokenised once (and its words numbered once, :class:`WordRows`); a plain ``summarize``
tokenises here.  :func:`content_counts` is ``count_matrix(sentence_terms(...))`` done once per
distinct word instead of per occurrence.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, repeat
from typing import TYPE_CHECKING, overload

import numpy as np

from briefer import stemming, tokens

if TYPE_CHECKING:  # scipy is imported where a matrix is built: LexRank on an article needs
    from scipy import sparse  # only numpy, and scipy.sparse costs 0.1 s of start-up

    from briefer.rank import RankInput


def sentence_terms(
    sentences: Sequence[str],
    language: str = "english",
    *,
    stem: bool = True,
    drop_stop_words: bool = True,
    words: Sequence[Sequence[str]] | None = None,
) -> list[list[str]]:
    """Each sentence's words, lower-cased, optionally without stop words and stemmed.

    Words are :func:`briefer.tokens.words` (sumy's notion of a word), or ``words`` when the
    caller has them already; stop words are tested on the lower-cased word before stemming,
    as sumy does.
    """
    stemmer = stemming.stemmer(language) if stem else str.lower
    stops = tokens.stop_words(language) if drop_stop_words else frozenset()
    out: list[list[str]] = []
    for sentence in (words if words is not None else map(tokens.words, sentences)):
        row = []
        for word in sentence:
            lowered = word.lower()
            if lowered not in stops:
                row.append(stemmer(lowered))
        out.append(row)
    return out


class WordRows(Sequence[tuple[str, ...]]):
    """Each sentence's words as numbers into ``vocabulary`` (number -> word), read as rows of
    words: a brief's analysis pass numbers each of the rankers' words once, in order of first
    appearance (:attr:`briefer.brief.analysis.View.words`), so :func:`term_ids`, which every
    vectorised ranker starts from, takes the numbers as they are instead of looking each of
    a text's words up twice (the same numbers; numbered again in numpy when the vocabulary
    was shared with other texts, a brief of several documents)."""

    __slots__ = ("rows", "vocabulary")

    def __init__(self, rows: Sequence[Sequence[int]], vocabulary: Sequence[str]) -> None:
        self.rows = rows
        self.vocabulary = vocabulary

    def __len__(self) -> int:
        return len(self.rows)

    @overload
    def __getitem__(self, i: int) -> tuple[str, ...]: ...

    @overload
    def __getitem__(self, i: slice) -> list[tuple[str, ...]]: ...

    def __getitem__(self, i: int | slice) -> tuple[str, ...] | list[tuple[str, ...]]:
        if isinstance(i, slice):
            return [self._words(row) for row in self.rows[i]]
        return self._words(self.rows[i])

    def __iter__(self) -> Iterator[tuple[str, ...]]:
        return map(self._words, self.rows)

    def _words(self, row: Sequence[int]) -> tuple[str, ...]:
        return tuple(map(self.vocabulary.__getitem__, row))

    def term_ids(self) -> tuple[np.ndarray, np.ndarray, dict[str, int]]:
        """:func:`term_ids` of the rows' words, from their numbers."""
        ids, offsets, words = self.numbered()
        return ids, offsets, dict(zip(words, range(len(words)), strict=True))

    def numbered(self) -> tuple[np.ndarray, np.ndarray, Sequence[str]]:
        """:meth:`term_ids` with the vocabulary as the list of words in number order: for
        a caller that only reads the words in order (:func:`content_entries` given stems),
        18,000 of them on a megabyte, not a dict of them."""
        offsets = np.zeros(len(self.rows) + 1, dtype=np.int64)
        np.cumsum(np.fromiter(map(len, self.rows), dtype=np.int64, count=len(self.rows)),
                  out=offsets[1:])
        ids = np.fromiter(chain.from_iterable(self.rows), dtype=np.int64,
                          count=int(offsets[-1]))
        if not ids.size:
            return ids, offsets, []
        # Numbered in order of first appearance in these rows (each new number one more than
        # the most so far: a pass over this text alone), the numbers are term_ids' own.
        most = np.maximum.accumulate(ids)
        if ids[0] == 0 and not (most[1:] - most[:-1] > 1).any():
            words = self.vocabulary[:int(most[-1]) + 1]
        else:  # numbered again in order of first appearance here
            numbers, first = np.unique(ids, return_index=True)
            order = numbers[np.argsort(first)]
            again = np.empty(int(numbers[-1]) + 1, dtype=np.int64)
            again[order] = np.arange(order.size)
            ids = again[ids]
            words = list(map(self.vocabulary.__getitem__, order.tolist()))
        return ids, offsets, words


def sentence_words(doc: RankInput) -> Sequence[Sequence[str]]:
    """Each sentence's words: the ones the caller found (``doc.words``), else found here."""
    if doc.words is not None:
        return doc.words
    return [tokens.words(s) for s in doc.sentences]


def content_counts(words: Sequence[Sequence[str]], language: str = "english"
                   ) -> sparse.csr_matrix:
    """``count_matrix(sentence_terms(..., words=words))[0]``, the same matrix entry for entry
    (columns in order of first appearance): :func:`content_entries` as a scipy matrix."""
    from scipy import sparse

    indptr, indices, data, width = content_entries(words, language)
    return sparse.csr_matrix((data, indices, indptr), shape=(indptr.size - 1, width))


def content_entries(words: Sequence[Sequence[str]], language: str = "english",
                    stems: Mapping[str, str | None] | None = None
                    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """:func:`content_counts` as CSR arrays with numpy alone: indptr, indices, data, width.

    Entries are sorted by row, then column (scipy's canonical form); columns number the
    content stems in order of first appearance.  The lower-casing, stop-word test and
    stemming are done once per distinct word and spread over the occurrences by indexing;
    ``stems``, when the caller made them already (a brief's analysis pass), gives each
    word's stem, or None for a stop word, and only the words it lacks are stemmed here.
    """
    if stems is not None and isinstance(words, WordRows):
        ids, offsets, vocabulary = words.numbered()  # (read in order only, below)
    else:
        ids, offsets, vocabulary = term_ids(words)
    if stems is None:
        stem = stemming.stemmer(language)
        stops = tokens.stop_words(language)
        stem_ids: dict[str, int] = {}
        # Word types come in order of first appearance, so numbering stems as they are met
        # numbers them in order of first appearance too, as count_matrix does.
        type_stem = per_term(vocabulary, lambda w: -1 if w.lower() in stops else
                             stem_ids.setdefault(stem(w.lower()), len(stem_ids)), np.int64)
    else:
        # (A brief's stems hold every word: the set of the missing ones is made only when
        # some are, a headline's words, say.)
        missing = () if all(map(stems.__contains__, vocabulary)) else \
            set(vocabulary).difference(stems)
        if missing:
            stem, stops = stemming.stemmer(language), tokens.stop_words(language)
            stems = {**stems, **{w: None if w.lower() in stops else stem(w.lower())
                                 for w in missing}}
        # The same numbering, in C: the distinct stems in order of first appearance.
        found = list(map(stems.__getitem__, vocabulary))
        first = dict.fromkeys(found)
        first.pop(None, None)
        stem_ids = {s: k for k, s in enumerate(first)}
        type_stem = np.fromiter(map(stem_ids.get, found, repeat(-1)), dtype=np.int64,
                                count=len(found))
    stems = type_stem[ids]
    kept = stems >= 0
    width = max(1, len(stem_ids))
    n = offsets.size - 1
    rows = row_numbers(offsets)[kept]
    cells, counts = np.unique(rows * width + stems[kept], return_counts=True)
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(cells // width, minlength=n), out=indptr[1:])
    return indptr, cells % width, counts.astype(float), width


def count_matrix(rows: Iterable[Sequence[str]]) -> tuple[sparse.csr_matrix, dict[str, int]]:
    """Term counts as a CSR matrix (one row per input row) and the term -> column mapping.

    Columns are numbered in order of first appearance, so the result is deterministic.  A
    document with no terms at all still gets one (empty) column, so shapes stay valid.
    """
    from scipy import sparse

    ids, indptr, vocabulary = term_ids(rows)
    counts = sparse.csr_matrix((np.ones(ids.size), ids, indptr),
                               shape=(indptr.size - 1, max(1, len(vocabulary))))
    counts.sum_duplicates()
    return counts, vocabulary


def term_ids(rows: Iterable[Sequence[str]]
             ) -> tuple[np.ndarray, np.ndarray, dict[str, int]]:
    """Every term of every row as a number, in order: flat ids, row offsets, vocabulary.

    Row ``i``'s terms are ``ids[offsets[i]:offsets[i + 1]]``, numbered in order of first
    appearance as in :func:`count_matrix`.  For rankers that need word order (Luhn's chunks) or
    that want per-type work (stem each distinct word once, then index with numpy).
    """
    if isinstance(rows, WordRows):
        return rows.term_ids()
    rows = rows if isinstance(rows, Sequence) else list(rows)
    flat = list(chain.from_iterable(rows))
    # dict.fromkeys keeps first appearances in order: the numbering, built at C speed.
    vocabulary = {term: k for k, term in enumerate(dict.fromkeys(flat))}
    ids = np.fromiter(map(vocabulary.__getitem__, flat), dtype=np.int64, count=len(flat))
    offsets = np.zeros(len(rows) + 1, dtype=np.int64)
    np.cumsum(np.fromiter(map(len, rows), dtype=np.int64, count=len(rows)), out=offsets[1:])
    return ids, offsets, vocabulary


def per_term(vocabulary: Iterable[str], function: Callable[[str], object], dtype: type
             ) -> np.ndarray:
    """``function`` of each term of ``vocabulary``, in id order, as a numpy array.

    With :func:`term_ids`, per-word work (stemming, stop-word tests) runs once per distinct
    word and is spread over the tokens by indexing: ``per_term(...)[ids]``.
    """
    terms_ = list(vocabulary)
    return np.fromiter((function(t) for t in terms_), dtype=dtype, count=len(terms_))


def row_numbers(offsets: np.ndarray) -> np.ndarray:
    """The row of every entry, given CSR-style row ``offsets`` (``indptr``)."""
    return np.repeat(np.arange(offsets.size - 1), np.diff(offsets))


def pair_counts(rows: np.ndarray, columns: np.ndarray, shape: tuple[int, int]
                ) -> sparse.csr_matrix:
    """How often each (row, column) pair occurs, as CSR with sorted, summed entries."""
    from scipy import sparse

    counts = sparse.csr_matrix((np.ones(rows.size), (rows, columns)), shape=shape)
    counts.sum_duplicates()
    return counts


@dataclass(frozen=True, slots=True)
class StemmedTokens:
    """Every word of the body as a stem id, in order, with what sumy's counters need.

    ``stems[offsets[i]:offsets[i + 1]]`` are sentence ``i``'s words (stop words included),
    ``content`` marks the words that are not stop words, ``content_counts[s]`` counts stem
    ``s`` over the non-stop words of the title *and* the body, and ``title_only`` is the number
    of distinct non-stop title stems that no body word has.
    """

    stems: np.ndarray
    offsets: np.ndarray
    content: np.ndarray
    content_counts: np.ndarray
    title_only: int


def stemmed_tokens(sentences: Sequence[str], title: str | None = None,
                   language: str = "english",
                   words: Sequence[Sequence[str]] | None = None) -> StemmedTokens:
    """Stem every word of ``sentences`` (once per distinct word) and count content stems.

    The title, when given, counts toward ``content_counts`` only: sumy's LSA dictionary and
    Luhn's significant words are built from ``document.words``, which includes the heading,
    while the sentences scored are the body's.  A word is a stop word when its lower-cased
    form is in the list, as in sumy.  ``words``: the sentences' words, if already found.
    """
    stem = stemming.stemmer(language)
    stops = tokens.stop_words(language)
    ids, offsets, vocabulary = term_ids(words if words is not None
                                        else map(tokens.words, sentences))
    # Per distinct word, in C: lower-cased (the stop-word test), then stemmed in one call.
    lowered, straightened = stemming.prepared(list(vocabulary))
    found = stemming.stem_words(straightened, language)
    stem_ids = {s: k for k, s in enumerate(dict.fromkeys(found))}  # by first appearance
    type_stem = np.fromiter(map(stem_ids.__getitem__, found), np.int64, count=len(found))
    type_content = ~np.fromiter(map(stops.__contains__, lowered), bool, count=len(lowered))
    stems, content = type_stem[ids], type_content[ids]
    counts = np.bincount(stems[content], minlength=len(stem_ids)).astype(np.int64)
    title_only: set[str] = set()
    for word in tokens.words(title or ""):
        if word.lower() not in stops:
            s = stem(word)
            if s in stem_ids:
                counts[stem_ids[s]] += 1
            else:
                title_only.add(s)
    return StemmedTokens(stems, offsets, content, counts, len(title_only))
