"""LSA sentence ranking -- Steinberger & Ježek (2004) as sumy 0.13 computes it, without the SVD.

Steinberger & Ježek (2004), "Using Latent Semantic Analysis in Text Summarization and Summary
Evaluation", ISIM, section 3: build the terms x sentences matrix ``A``, take its SVD
``A = U S V^T``, keep ``k`` dimensions and score sentence ``j`` by the length of its vector in
the reduced space, ``sqrt(sum_{i<k} s_i^2 v_ji^2)``.

What sumy's ``LsaSummarizer`` feeds that formula, reproduced here:

* terms are the Snowball stems of the non-stop words of ``document.words`` -- the heading
  included, so a stem found only in the title is a row of its own;
* ``A[w, j]`` counts the words of sentence ``j`` whose stem is ``w`` -- *every* word, so a
  stop word whose stem is also a content word's counts;
* each column with a nonzero maximum ``M_j`` becomes ``0.4 + 0.6 * A[w, j] / M_j`` in *every*
  row, zeros included (maximum tf normalisation with smoothing 0.4); an empty column stays 0;
* ``k = max(MIN_DIMENSIONS, int(len(s) * REDUCTION_RATIO))`` with sumy's ratio ``1/1``.

With ``k`` at least the number of singular values, the score is the whole of
``sqrt((A^T A)_jj)``: the Euclidean norm of column ``j``.  So sumy's dense full SVD (cubic time,
a dense ``terms x sentences`` matrix: 747 MB at peak for 300 KB of text) computes, up to rounding, a
column norm, and :func:`rank_lsa` computes exactly that from the sparse counts in ``O(words)``
time and memory: ``sqrt(0.16 * (terms - distinct_j) + sum_w (0.4 + 0.6 c_wj / M_j)^2)``.  No
approximation at any size.  Each sentence's terms are added smallest first, so sentences with
the same counts get bit-identical scores.

Where this differs from sumy: only in the last bits (sumy's SVD adds rounding error of about
1e-14), which matters only between sentences whose norms are mathematically equal -- e.g. two
sentences with the same number of distinct terms, each used once.  sumy then orders them by
that rounding noise, which changes from run to run (its term rows are numbered by iterating a
``frozenset`` of strings, so by ``PYTHONHASHSEED``; ``-a sumy-lsa`` numbers them in sorted
order, so that it at least repeats itself, :func:`briefer.rank.sumy_adapter.rank_lsa`); here
they tie exactly and
:mod:`briefer.select` keeps the earlier one.  On the 399 CNN/DailyMail test articles the top-5
sets are the same in about 80% (the figure moves with sumy's hash seed), and every other one
differs only by sentences exactly tied in our scores; sumy run under two hash seeds disagrees
with itself on 26 of them.

A genuinely *reduced* LSA (``reduction_ratio < 1``, Steinberger & Ježek's setting; not what
sumy runs) needs singular vectors: a dense SVD while the matrix has at most ``DENSE_LIMIT``
cells, above that the top-``k`` truncated SVD of ``scipy.sparse.linalg.svds`` (ARPACK, fixed
start) on a linear operator ``0.4 * ones + sparse``, so no dense matrix is ever built.  ARPACK
converges to a tolerance, not to the last bit, so scores above ``DENSE_LIMIT`` are approximate
(1e-15 off the dense SVD's on news articles; the tests allow 1e-9), and sentence order may
differ where scores are that close.

Cost, measured on concatenated CNN/DailyMail articles (one process, 2-core machine): 300 KB
(2,323 sentences) 0.12 s and 5 MB more memory, where sumy takes 14 s and 747 MB; 1 MB 0.30 s
and 12 MB (sumy > 150 s); 10 MB (76,506 sentences) 1.4 s and 76 MB.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse
from scipy.sparse import linalg

from briefer.rank import RankInput, terms

SMOOTH = 0.4  # sumy's _compute_term_frequency(smooth=0.4)
MIN_DIMENSIONS = 3  # sumy's LsaSummarizer.MIN_DIMENSIONS
REDUCTION_RATIO = 1.0  # sumy's LsaSummarizer.REDUCTION_RATIO (1/1: keep every dimension)
DENSE_LIMIT = 4_000_000  # cells (32 MB of float64) up to which a reduced LSA uses a dense SVD


def rank_lsa(doc: RankInput, *, reduction_ratio: float = REDUCTION_RATIO) -> list[float]:
    """One LSA score per sentence, the one sumy gives it (exactly, up to rounding)."""
    n = len(doc.sentences)
    if n == 0:
        return []
    weights, n_terms = tf_weights(doc)
    if n_terms == 0:  # sumy returns nothing for an empty dictionary: every score 0
        return [0.0] * n
    values = min(n_terms, n)  # singular values of a terms x sentences matrix
    k = max(MIN_DIMENSIONS, int(values * reduction_ratio))
    if k >= values:
        return column_norms(weights, n_terms).tolist()
    return reduced_norms(weights, n_terms, k).tolist()


def tf_weights(doc: RankInput) -> tuple[sparse.csr_matrix, int]:
    """sumy's normalised matrix, transposed and without its baseline: ``(weights, terms)``.

    Row ``j`` holds ``(1 - SMOOTH) * c_wj / M_j`` for the terms of sentence ``j``; the full
    matrix is this plus ``SMOOTH`` in every cell of every nonempty row.  There is one column
    per dictionary term (``terms`` of them; title-only stems are the last, empty, columns).
    """
    toks = terms.stemmed_tokens(doc.sentences, doc.title, doc.language, doc.words)
    in_dictionary = toks.content_counts > 0
    n_terms = int(in_dictionary.sum()) + toks.title_only
    column = np.cumsum(in_dictionary) - 1  # body stem id -> dictionary row, title-only last
    n = len(doc.sentences)
    sentence = terms.row_numbers(toks.offsets)
    kept = in_dictionary[toks.stems]
    counts = terms.pair_counts(sentence[kept], column[toks.stems[kept]], (n, max(1, n_terms)))
    most = counts.max(axis=1).toarray().ravel()
    counts.data = (1.0 - SMOOTH) * (counts.data / most[terms.row_numbers(counts.indptr)])
    return counts, n_terms


def column_norms(weights: sparse.csr_matrix, n_terms: int) -> np.ndarray:
    """Each sentence's norm in sumy's full matrix: every LSA dimension kept."""
    rows = terms.row_numbers(weights.indptr)
    cells = SMOOTH + weights.data
    order = np.lexsort((cells, rows))  # smallest first within a sentence: canonical sums
    squares = np.bincount(rows[order], weights=cells[order] ** 2, minlength=weights.shape[0])
    used = np.diff(weights.indptr)
    baseline = SMOOTH * SMOOTH * (n_terms - used)
    return np.where(used > 0, np.sqrt(baseline + squares), 0.0)


def reduced_norms(weights: sparse.csr_matrix, n_terms: int, k: int) -> np.ndarray:
    """Each sentence's norm in the top-``k`` LSA space of sumy's matrix (``k`` < rank)."""
    n = weights.shape[0]
    nonempty = (np.diff(weights.indptr) > 0).astype(np.float64)
    if n * n_terms <= DENSE_LIMIT:
        dense = weights.toarray() + SMOOTH * nonempty[:, None]
        u, s, _ = np.linalg.svd(dense, full_matrices=False)
        u, s = u[:, :k], s[:k]
    else:
        transposed = weights.T.tocsr()

        def matvec(x: np.ndarray) -> np.ndarray:
            x = x.reshape(n_terms, -1)
            return weights @ x + SMOOTH * np.outer(nonempty, x.sum(axis=0))

        def rmatvec(y: np.ndarray) -> np.ndarray:
            y = y.reshape(n, -1)
            return transposed @ y + SMOOTH * np.outer(np.ones(n_terms), nonempty @ y)

        operator = linalg.LinearOperator((n, n_terms), matvec=matvec, rmatvec=rmatvec,
                                         matmat=matvec, rmatmat=rmatvec, dtype=np.float64)
        u, s, _ = linalg.svds(operator, k=k, random_state=0)
    return np.sqrt(((u * s) ** 2).sum(axis=1))
