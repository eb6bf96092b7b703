"""Sentences as rows of a sparse term-count matrix: what every vectorised ranker starts from.

sumy walks Python lists of words for every pair of sentences; our rankers turn the document
into one ``scipy.sparse`` CSR matrix (sentences x terms) once and let numpy do the pairs.
How a sentence becomes terms differs between the algorithms (stemmed or not, stop words kept
or not), so tokenising is a separate step from counting: :func:`sentence_terms` does the common
case, :func:`count_matrix` counts any lists of terms.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
from scipy import sparse

from briefer import tokens


def sentence_terms(
    sentences: Sequence[str],
    language: str = "english",
    *,
    stem: bool = True,
    drop_stop_words: bool = True,
) -> list[list[str]]:
    """Each sentence's words, lower-cased, optionally without stop words and stemmed.

    Words are :func:`briefer.tokens.words` (sumy's notion of a word); stop words are tested
    on the lower-cased word before stemming, as sumy does.
    """
    stemmer = tokens.make_stemmer(language) if stem else str.lower
    stops = tokens.stop_words(language) if drop_stop_words else frozenset()
    out: list[list[str]] = []
    for sentence in sentences:
        row = []
        for word in tokens.words(sentence):
            lowered = word.lower()
            if lowered not in stops:
                row.append(stemmer(lowered))
        out.append(row)
    return out


def count_matrix(rows: Iterable[Sequence[str]]) -> tuple[sparse.csr_matrix, dict[str, int]]:
    """Term counts as a CSR matrix (one row per input row) and the term -> column mapping.

    Columns are numbered in order of first appearance, so the result is deterministic.  A
    document with no terms at all still gets one (empty) column, so shapes stay valid.
    """
    vocabulary: dict[str, int] = {}
    columns: list[int] = []
    indptr = [0]
    for row in rows:
        for term in row:
            columns.append(vocabulary.setdefault(term, len(vocabulary)))
        indptr.append(len(columns))
    n, width = len(indptr) - 1, max(1, len(vocabulary))
    counts = sparse.csr_matrix(
        (np.ones(len(columns)), np.asarray(columns, dtype=np.int64),
         np.asarray(indptr, dtype=np.int64)),
        shape=(n, width),
    )
    counts.sum_duplicates()
    return counts, vocabulary
