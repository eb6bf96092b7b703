"""Graph rankers -- LexRank, TextRank and Reduction -- vectorised, scoring as sumy 0.13 does.

sumy (``sumy/summarizers/lex_rank.py``, ``text_rank.py``, ``reduction.py``) compares every pair
of sentences in Python loops and fills a dense ``n x n`` matrix: LexRank on 300 KB of news takes
about half a minute, 1 MB over two minutes.  Here the same numbers come from one sparse
sentence x term matrix (:mod:`briefer.rank.terms`): LexRank from sparse products taken block by
block, TextRank and Reduction from a factorisation that never pairs sentences at all
(:class:`OverlapGraph`).  The maths is sumy's, step by step, so the sentences picked are sumy's:
over the 399 CNN/DailyMail test articles the top-3 and top-5 sets are the same for every article
except where sumy orders an exact tie by floating-point noise (see "Ties" below;
``tests/unit/test_rank_graph.py``, ``benchmarks/rank_parity.py``).

What sumy does, and so do we
----------------------------
*Terms.*  All three use sumy's ``_to_words_set``: the words of the sentence (our
:func:`briefer.tokens.words`, which the sumy adapter also gives sumy), lower-cased, sumy's stop
words dropped, Snowball-stemmed, *repeats kept* -- :func:`briefer.rank.terms.sentence_terms`.

*Sentences.*  sumy ranks ``document.sentences``, which leaves out headings, so the title of a
:class:`RankInput` (a heading in :func:`briefer.rank.sumy_adapter.build_document`) plays no part
and is not used here either; nor are paragraphs.  sumy keys its ratings by sentence, and two
sentences are equal when their stripped texts are: LexRank and TextRank build
``dict(zip(sentences, scores))``, so every copy of a text gets the score of its *last* copy;
Reduction adds each pair's weight to ``ratings[sentence]``, so a text's rating is the *sum* over
its copies.  We do the same (:func:`share_by_text`).

*LexRank* (Erkan & Radev 2004, "LexRank: Graph-based Lexical Centrality as Salience in Text
Summarization", JAIR 22, sections 3.1-3.2: a cosine graph cut at a threshold, each row divided
by its degree, the stationary vector by the power method).  sumy's choices, kept here: term
frequency divided by the sentence's largest count (a scale per sentence, which the cosine
cancels; kept so the numbers are sumy's); idf ``log(n / (1 + n_t))`` over the ``n``
sentences (negative for a term in every sentence, zero for one in ``n - 1``: it is squared in the
cosine, so only its size matters); idf-modified cosine ``sum tf1 tf2 idf^2 / (|v1| |v2|)``, 0 when
either vector is zero; an edge (weight 1, self-loops included) where the cosine is ``> 0.1``;
each row divided by its degree (a row with no edge by 1); the power method on the transpose from
``1/n`` everywhere, L2-normalising each step, until a step moves the vector by at most
``epsilon = 0.1`` in L2 -- a loose stop, so the scores are those after two or three steps, not
the converged eigenvector.

*TextRank* (Mihalcea & Tarau 2004, "TextRank: Bringing Order into Texts", EMNLP, section 2.2,
the weighted score, and section 4.1, the sentence similarity).  Edge weight ``overlap / (log |S_i|
+ log |S_j|)`` where, in sumy and unlike the paper's set of common words, ``overlap`` counts word
*occurrences* (``sum(words_j.count(w) for w in words_i)``, the dot product of the count vectors)
and ``|S|`` is the number of content words with repeats; ``overlap`` itself when both sentences
have one word (``log 1 + log 1 = 0``); self-edges included.  Rows divided by their sum plus
``1e-7``; the matrix ``(1 - 0.85) / n + 0.85 W`` (sumy divides the random jump by ``n``, unlike
the paper); the power method on its transpose from ``1/n``, *not* normalised, until a step moves
the vector by at most ``1e-4`` in L2.  We never build that dense matrix: one step is
``(1 - d)/n * sum(p) + d * W @ (p / (rowsum + 1e-7))``, as ``W`` is symmetric.

*Reduction* (sumy's port of Adam Fabish's "Reduction" summarizer,
https://github.com/adamfabish/Reduction; no paper).  A sentence's rating is the sum, over every
*other* sentence, of ``overlap / (log |S_i| + log |S_j|)``, with 0 (not ``overlap``, unlike
TextRank) when both have one word.

idf and the logarithms of sentence lengths are taken with :func:`math.log`, as sumy takes them,
so those inputs are bit for bit sumy's.

Where we differ on purpose
--------------------------
* **LexRank without a single edge** (every sentence without content words, or e.g. two
  sentences sharing no term, whose idfs are then all 0): sumy divides a zero vector by its norm
  and returns NaN for every sentence.  We return 0.0 for every sentence; the order this gives
  (source order) is the one sumy's stable sort gives to its NaNs.
* **Ties.**  Our sums run in another order than sumy's (sparse products and a factorisation
  instead of dense ``numpy.dot`` and Python loops), so scores differ from sumy's in the last bits
  (measured on the 399 articles: at most 4e-14 absolute, about 1e-15 relative).  Where two
  sentences tie in exact arithmetic -- common in LexRank, whose scores after two steps are sums
  of the same few reciprocal degrees; in Reduction and TextRank when two sentences have the same
  content words -- that noise would decide their order, in sumy as in a naive port.  Scores
  closer than 1e-12 of the document's largest are made equal (:func:`settle_ties`), so such
  sentences tie exactly and :func:`briefer.select.order_by_score` gives the tie to the earlier
  sentence, the house rule.  sumy's choice there follows its BLAS's rounding, often to the later
  sentence: all the top-k disagreements we measured are of this kind, and vanish when sumy's own
  scores are settled the same way.

Cost and long documents
-----------------------
TextRank and Reduction are exact at any length and linear in it (:class:`OverlapGraph`).
LexRank runs on numpy alone for any text of up to ``PAIR_BUDGET`` (16M) shared-term pairs
(:func:`posting_products`; about 1 MB of news): importing ``scipy.sparse`` costs about 0.1 s,
more than ranking 300 KB takes, so only a longer or stranger text loads scipy, for
:func:`band_products`.  Both give the same products.  The cosine is symmetric, so the
numpy path enumerates each pair once (:func:`upper_edges`) and mirrors the edges, which
halves its work and gives the same edges bit for bit.
LexRank's threshold needs each pair's cosine, so it compares a sentence only with the sentences
at most ``WINDOW`` (10,000) positions away: a document of up to ``WINDOW + 1`` sentences (about
1.3 MB of news; any article) is compared all-pairs and scored as sumy scores it; a longer one
gets a banded graph -- idf, term frequencies and the power method unchanged, only edges between
sentences more than ``WINDOW`` apart missing -- so its cost grows linearly with its length
instead of with its square.  The products are taken ``BLOCK_CELLS`` (4M) sentence pairs at a
time and only the edges kept, so memory never holds a dense ``n x n`` matrix; and at most
``EDGE_BUDGET`` (16M) edges are kept: a text whose sentences nearly all share words (a few
words repeated) gets a narrower window instead of gigabytes of edges.

Measured on one shared 2-core machine (``benchmarks/bench_rank.py``, ranking only, same
sentences): 300 KB of news (2,309 sentences) LexRank 0.12 s against sumy's 33 s, TextRank
0.14 s against 9.7 s, Reduction 0.11 s against 25 s; 1 MB (7,701 sentences) 0.3-0.4 s each
against 108 s (TextRank) and over 120 s.  10 MB (76k sentences): ranking 2 s (TextRank,
Reduction) to 5 s (LexRank); the whole ``briefer summarize`` 5-10 s with a peak of 300-390 MB.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

import numpy as np

from briefer.rank import RankInput, terms
from briefer.rank.rows import PAIR_BLOCK, SparseRows

if TYPE_CHECKING:  # imported where used: LexRank on an article runs on numpy alone
    from scipy import sparse

LEXRANK_THRESHOLD = 0.1  # sumy's LexRankSummarizer.threshold
LEXRANK_EPSILON = 0.1  # sumy's LexRankSummarizer.epsilon
TEXTRANK_DAMPING = 0.85  # sumy's TextRankSummarizer.damping (the paper's d)
TEXTRANK_EPSILON = 1e-4  # sumy's TextRankSummarizer.epsilon
TEXTRANK_ROW_GUARD = 1e-7  # sumy's TextRankSummarizer._ZERO_DIVISION_PREVENTION
TIE_TOLERANCE = 1e-12  # scores closer than this share of the largest are a tie
WINDOW = 10_000  # sentences further apart than this are not compared (exact up to WINDOW + 1)
BLOCK_CELLS = 1 << 22  # sentence pairs per sparse product block
EDGE_BUDGET = 1 << 24  # LexRank edges kept at most (16M: about 200 MB as CSR)
PAIR_BUDGET = 1 << 24  # shared-term pairs LexRank enumerates with numpy (about 0.5 s)
#: Pairs :func:`upper_edges` enumerates at a time: its dozen arrays of a block (128 KB each)
#: stay in the CPU's cache and in memory already mapped, where a block of ``PAIR_BLOCK``
#: pairs goes through 8 MB arrays, each paged in anew.  Ranking only, 300 KB of news
#: (195k pairs): 15.7 -> 8.4 ms in a fresh process; 1 MB (1.9M pairs): 169 -> 64 ms.
CACHED_PAIR_BLOCK = 1 << 14

Block = tuple[np.ndarray, np.ndarray, np.ndarray]  # rows, columns, values (COO triplets)


def rank_lexrank(doc: RankInput) -> list[float]:
    """LexRank scores as sumy's ``LexRankSummarizer`` computes them (see the module docstring)."""
    if not doc.sentences:
        return []
    return share_by_text(doc.sentences, lexrank_scores(count_rows(doc)), add=False)


def rank_textrank(doc: RankInput) -> list[float]:
    """TextRank scores as sumy's ``TextRankSummarizer`` computes them."""
    return scores_by_text(doc, textrank_scores, add=False)


def rank_reduction(doc: RankInput) -> list[float]:
    """Reduction ratings as sumy's ``ReductionSummarizer`` computes them."""
    return scores_by_text(doc, reduction_scores, add=True)


def lexrank_scores(counts: SparseRows) -> np.ndarray:
    """One LexRank score per row of a sentence x stem count matrix."""
    vectors, lengths = lexrank_vectors(counts)
    return lexrank_power_method(lexrank_edges(vectors, lengths))


def textrank_scores(counts: sparse.csr_matrix) -> np.ndarray:
    """One TextRank score per row of a sentence x stem count matrix."""
    return textrank_power_method(OverlapGraph(counts, one_word_pair=1.0, diagonal=True))


def reduction_scores(counts: sparse.csr_matrix) -> np.ndarray:
    """One Reduction rating per row of a sentence x stem count matrix."""
    return OverlapGraph(counts, one_word_pair=0.0, diagonal=False).row_sums()


def scores_by_text(doc: RankInput, score: Callable[[sparse.csr_matrix], np.ndarray], *,
                   add: bool) -> list[float]:
    """``score`` the sentences' content-word counts, then :func:`share_by_text`."""
    if not doc.sentences:
        return []
    return share_by_text(doc.sentences, score(content_matrix(doc)), add=add)


def rows_from_entries(rows: np.ndarray, cols: np.ndarray, values: np.ndarray, n: int,
                      width: int) -> SparseRows:
    """:class:`SparseRows` from entries already sorted by row, then column."""
    indptr = np.concatenate(([0], np.cumsum(np.bincount(rows, minlength=n))))
    return SparseRows(indptr, cols, values, width)


def count_rows(doc: RankInput) -> SparseRows:
    """Sentence x stem counts of content words (sumy's ``_to_words_set``, repeats kept).

    Each distinct word is lower-cased, tested and stemmed once
    (:func:`briefer.rank.terms.stemmed_tokens`); columns number the content stems in sorted
    order of their first appearance among all the words.
    """
    tokens = terms.stemmed_tokens(doc.sentences, language=doc.language, words=doc.words)
    n = len(tokens.offsets) - 1
    rows = terms.row_numbers(tokens.offsets)[tokens.content]
    stems, cols = np.unique(tokens.stems[tokens.content], return_inverse=True)
    width = max(1, len(stems))
    cells, counts = np.unique(rows * width + cols.ravel(), return_counts=True)
    return rows_from_entries(cells // width, cells % width, counts.astype(float), n, width)


def content_matrix(doc: RankInput) -> sparse.csr_matrix:
    """:func:`count_rows` as a scipy CSR matrix (TextRank, Reduction).

    Not :func:`briefer.rank.terms.content_counts`, which numbers stems by first appearance
    for the position rankers; here the columns are in :func:`count_rows` order.
    """
    return count_rows(doc).to_scipy()


def share_by_text(sentences: Sequence[str], scores: np.ndarray, *, add: bool) -> list[float]:
    """Give every copy of a text one score, as sumy's ratings keyed by sentence do; settle ties.

    sumy's sentences compare equal when their stripped texts do.  With ``add`` a text's score is
    the sum over its copies (Reduction's ``ratings[s] += ...``), else the last copy's
    (``dict(zip(sentences, scores))``).  Then :func:`settle_ties`.
    """
    copies: dict[str, list[int]] = {}
    for i, text in enumerate(sentences):
        copies.setdefault(text.strip(), []).append(i)
    out = scores.astype(float)
    for where in copies.values():
        if len(where) > 1:
            out[where] = scores[where].sum() if add else scores[where[-1]]
    return settle_ties(out).tolist()


def settle_ties(scores: np.ndarray, tolerance: float = TIE_TOLERANCE) -> np.ndarray:
    """Make scores within ``tolerance`` of the largest of each other exactly equal.

    Sums of the same numbers in another order differ in their last bits; without this, which of
    two sentences with equal scores comes first would depend on that noise instead of on
    :func:`briefer.select.order_by_score`'s rule (the earlier one).  Each run of sorted scores
    whose neighbours are that close takes the run's largest value; other scores are untouched.
    """
    top = float(np.max(np.abs(scores), initial=0.0))
    if len(scores) < 2 or top == 0.0 or not math.isfinite(top):
        return scores
    order = np.argsort(scores, kind="stable")
    ordered = scores[order]
    run = np.concatenate(([0], np.cumsum(np.diff(ordered) > tolerance * top)))
    last_of_run = np.flatnonzero(np.diff(np.append(run, run[-1] + 1)))
    out = np.empty_like(scores)
    out[order] = ordered[last_of_run][run]
    return out


def log_table(values: np.ndarray) -> np.ndarray:
    """``math.log`` of each value, computed once per distinct value (bit for bit sumy's)."""
    distinct, inverse = np.unique(values, return_inverse=True)
    return np.array([math.log(v) if v > 0 else 0.0 for v in distinct.tolist()])[inverse]


def band_products(matrix: sparse.csr_matrix, window: int = WINDOW,
                  cells: int = BLOCK_CELLS) -> Iterator[Block]:
    """``matrix @ matrix.T`` by row blocks, only pairs ``|i - j| <= window``, as COO triplets.

    Rows come in ascending order, block after block.  Each block spans at most ``cells``
    sentence pairs, so the memory of one block is bounded whatever the length.  With
    ``n <= window + 1`` rows every pair is included.
    """
    n = matrix.shape[0]
    # A block of ``step`` rows meets ``step + 2 window`` columns: keep their product
    # within ``cells`` (``step = sqrt(window^2 + cells) - window``).
    step = max(1, min(n, math.isqrt(window * window + cells) - window))
    for a in range(0, n, step):
        b = min(n, a + step)
        c0, c1 = max(0, a - window), min(n, b + window)
        product = (matrix[a:b] @ matrix[c0:c1].T).tocoo()
        rows = product.row.astype(np.int64) + a
        cols = product.col.astype(np.int64) + c0
        values = product.data
        if c0 > 0 or c1 < n or b - a > window:  # block edges may reach past the window
            near = np.abs(rows - cols) <= window
            rows, cols, values = rows[near], cols[near], values[near]
        yield rows, cols, values


def summed_by_pair(i: np.ndarray, j: np.ndarray, dots: np.ndarray, n: int
                   ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each distinct ``(i, j)`` pair once, in row-major order, with its ``dots`` summed.

    One product per shared term comes in; a pair's dot product is their sum.  The stable
    sort keeps each pair's products in the order they came, so the sums (and the scores
    built on them) are the same to the last bit however the pairs were enumerated.
    """
    key, by_pair = stable_sort(i * n + j)
    starts = np.flatnonzero(np.diff(key, prepend=-1))  # keys are >= 0
    summed = np.add.reduceat(dots[by_pair], starts) if starts.size else dots[:0]
    key = key[starts]
    return key // n, key % n, summed

def stable_sort(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``keys`` (int64, none negative) sorted, and the stable order that sorts them:
    ``np.argsort(keys, kind="stable")`` and ``keys`` taken in that order, the same arrays.

    numpy's stable sort of 64-bit integers is a merge sort, several times slower than its
    unstable one (SIMD quicksort where the CPU has it).  Packing each key with its position
    below it (``key << b | position``) makes every packed value distinct and orders equal
    keys by position, so the unstable sort of the packed values is the stable order; the
    stable argsort is kept for keys too large to pack in 63 bits.
    """
    size = keys.size
    shift = max(1, (size - 1).bit_length())
    if size == 0 or int(keys.max()).bit_length() + shift > 62:
        order = np.argsort(keys, kind="stable")
        return keys[order], order
    packed = keys << shift
    packed |= np.arange(size)
    packed.sort()
    return packed >> shift, packed & ((1 << shift) - 1)


def posting_products(vectors: SparseRows, window: int = WINDOW, cells: int = PAIR_BLOCK
                     ) -> Iterator[Block] | None:
    """``vectors @ vectors.T`` for pairs ``|i - j| <= window`` with numpy alone, or None.

    The product of two sentences is a sum over the terms they share, so every pair of a
    term's postings (the sentences containing it) is enumerated -- ``sum(df^2)`` pairs, the
    work of a sparse product -- and the pairs' products are summed per sentence pair after a
    sort, block by block of rows: at most ``cells`` pairs at a time (a single row may
    enumerate more).  The triplets come as :func:`band_products` gives them.  A text with
    more than :data:`PAIR_BUDGET` pairs (a few words repeated, or megabytes of text) gets
    None, for :func:`band_products`, whose window bounds the work.
    """
    n, width = vectors.n, vectors.width
    rows, cols, values = vectors.row_of(), vectors.indices, vectors.data
    df = np.bincount(cols, minlength=width).astype(np.int64)
    partners = df[cols]  # pairs each entry takes part in, itself included
    if int(partners.sum()) > PAIR_BUDGET:
        return None
    order = np.argsort(cols, kind="stable")  # postings: by term, rows ascending
    post_rows, post_values = rows[order], values[order]
    post_start = np.concatenate(([0], np.cumsum(df)))[:-1]
    row_pairs = np.bincount(rows, weights=partners, minlength=n).astype(np.int64)
    done = np.concatenate(([0], np.cumsum(row_pairs)))

    def blocks() -> Iterator[Block]:
        a = 0
        while a < n:
            b = max(a + 1, int(np.searchsorted(done, done[a] + cells, side="right")) - 1)
            e0, e1 = int(vectors.indptr[a]), int(vectors.indptr[b])
            count = partners[e0:e1]
            left = np.repeat(np.arange(e0, e1), count)
            # the k-th partner of entry e is its term's k-th posting
            first = np.repeat(post_start[cols[e0:e1]] - (np.cumsum(count) - count), count)
            partner = first + np.arange(left.size)
            del first
            i, j = rows[left], post_rows[partner]
            dots = values[left] * post_values[partner]
            del left, partner
            if n > window + 1:
                near = np.abs(i - j) <= window
                i, j, dots = i[near], j[near], dots[near]
            yield summed_by_pair(i, j, dots, n)
            a = b

    return blocks()


def lexrank_vectors(counts: SparseRows) -> tuple[SparseRows, np.ndarray]:
    """Rows of ``tf * idf`` (sumy's LexRank weights) and their L2 lengths.

    ``tf`` is a count over the sentence's largest count; ``idf = log(n / (1 + n_t))``.
    Explicit zeros (idf 0) are dropped so a sentence whose vector is zero has no entries.
    """
    n, width = counts.n, counts.width
    rows = counts.row_of()
    row_max = np.zeros(n)
    np.maximum.at(row_max, rows, counts.data)
    df = np.bincount(counts.indices, minlength=width)
    idf = log_table(n / (1.0 + df))  # n / (1 + n_t) as sumy divides it
    values = counts.data / row_max[rows] * idf[counts.indices]
    keep = values != 0.0
    rows, values = rows[keep], values[keep]
    lengths = np.sqrt(np.bincount(rows, weights=values * values, minlength=n))
    return rows_from_entries(rows, counts.indices[keep], values, n, width), lengths


def lexrank_edges(vectors: SparseRows, lengths: np.ndarray,
                  threshold: float = LEXRANK_THRESHOLD, window: int = WINDOW,
                  budget: int = EDGE_BUDGET) -> SparseRows:
    """The 0/1 adjacency of sentences whose idf-modified cosine exceeds ``threshold``.

    Self-loops count, as in sumy (a sentence's cosine with itself is 1).  Only the edges are
    kept, block by block, never the dense cosine matrix: half the pairs with numpy alone
    (:func:`upper_edges`) when the text is within :data:`PAIR_BUDGET` and its edges within
    ``budget``, else :func:`posting_products` or :func:`band_products`.  When a text's
    sentences are so alike that the edges would pass ``budget`` (a text of a few words
    repeated has an edge for nearly every pair), the window narrows to what the budget holds,
    projected from the edges found so far, and the edges are found again: memory stays
    bounded whatever the text, at the price of the farthest edges of such a text.
    """
    half = upper_edges(vectors, lengths, threshold, window)
    if half is not None:
        edges = mirrored(*half, vectors.n)
        if edges.indices.size <= budget:
            return edges
    n = vectors.n
    while True:
        degree = np.zeros(n, dtype=np.int64)
        kept: list[np.ndarray] = []
        total = 0
        products = posting_products(vectors, window)
        if products is None:
            products = band_products(vectors.to_scipy(), window)
        for rows, cols, dots in products:  # rows ascend by block
            edge = dots / (lengths[rows] * lengths[cols]) > threshold
            total += int(edge.sum())
            if total > budget and window > 0:
                projected = total * n / (int(rows.max()) + 1)
                window = max(0, min(window - 1, int(window * budget / projected / 2)))
                break
            degree += np.bincount(rows[edge], minlength=n)
            kept.append(cols[edge].astype(np.int32))
        else:
            break
    indices = np.concatenate(kept) if kept else np.zeros(0, np.int32)
    indptr = np.concatenate(([0], np.cumsum(degree)))
    return SparseRows(indptr, indices, np.ones(len(indices)), n)


def upper_edges(vectors: SparseRows, lengths: np.ndarray,
                threshold: float = LEXRANK_THRESHOLD, window: int = WINDOW,
                cells: int = CACHED_PAIR_BLOCK) -> tuple[np.ndarray, np.ndarray] | None:
    """The LexRank edges ``i -> j`` with ``i <= j`` (and ``j - i <= window``), or None.

    :func:`posting_products` enumerates every pair of a term's postings both ways; the cosine
    is symmetric, so here each entry meets only the postings at or after its own -- the
    sentences ``j >= i`` -- which is half the pairs (``sum df (df + 1) / 2``).  The edges
    are exactly those the full enumeration finds: a pair's dot product is summed over the
    shared terms in column order whichever of the two sentences leads (both rows list their
    terms in column order), each product ``v_i v_j`` is the same number as ``v_j v_i``, and
    so is ``|v_i| |v_j|``.  Rows ascend; within a row, columns ascend.  None past
    :data:`PAIR_BUDGET`, as :func:`posting_products`.
    """
    n, width = vectors.n, vectors.width
    rows, cols, values = vectors.row_of(), vectors.indices, vectors.data
    df = np.bincount(cols, minlength=width).astype(np.int64)
    if int((df * df).sum()) > PAIR_BUDGET:
        return None
    order = np.argsort(cols, kind="stable")  # postings: by term, rows ascending
    post_rows, post_values = rows[order], values[order]
    post_end = np.cumsum(df)
    place = np.empty(order.size, dtype=np.int64)  # each entry's own place in the postings
    place[order] = np.arange(order.size)
    later = post_end[cols] - place  # partners at or after the entry itself
    row_pairs = np.bincount(rows, weights=later, minlength=n).astype(np.int64)
    done = np.concatenate(([0], np.cumsum(row_pairs)))
    found_rows: list[np.ndarray] = []
    found_cols: list[np.ndarray] = []
    a = 0
    while a < n:
        b = max(a + 1, int(np.searchsorted(done, done[a] + cells, side="right")) - 1)
        e0, e1 = int(vectors.indptr[a]), int(vectors.indptr[b])
        count = later[e0:e1]
        left = np.repeat(np.arange(e0, e1), count)
        # the k-th partner of entry e is the k-th posting from its own place on
        partner = np.repeat(place[e0:e1] - (np.cumsum(count) - count), count)
        partner += np.arange(left.size)
        i, j = rows[left], post_rows[partner]
        dots = values[left] * post_values[partner]
        del left, partner
        if n > window + 1:
            near = j - i <= window
            i, j, dots = i[near], j[near], dots[near]
        i, j, summed = summed_by_pair(i, j, dots, n)
        edge = summed / (lengths[i] * lengths[j]) > threshold
        found_rows.append(i[edge].astype(np.int32))
        found_cols.append(j[edge].astype(np.int32))
        a = b
    if not found_rows:
        return np.zeros(0, np.int32), np.zeros(0, np.int32)
    return np.concatenate(found_rows), np.concatenate(found_cols)


def mirrored(rows: np.ndarray, cols: np.ndarray, n: int) -> SparseRows:
    """The symmetric 0/1 matrix whose upper triangle is the edges ``rows[k] -> cols[k]``.

    ``rows`` ascend and, within a row, ``cols`` (all ``>= rows``) ascend, as
    :func:`upper_edges` gives them; each row of the result lists its columns in ascending
    order -- first those below the diagonal, the mirrored edges, then its own -- as
    :func:`lexrank_edges` lists them from the full enumeration.
    """
    off = rows != cols
    below_row, below_col = cols[off], rows[off]  # the mirror of every edge off the diagonal
    by_row = np.argsort(below_row, kind="stable")  # keeps each row's columns ascending
    below_row, below_col = below_row[by_row], below_col[by_row]
    below = np.bincount(below_row, minlength=n)
    above = np.bincount(rows, minlength=n)
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(below + above, out=indptr[1:])
    indices = np.empty(int(indptr[-1]), dtype=np.int32)
    below_start = np.concatenate(([0], np.cumsum(below)))[:-1]
    above_start = np.concatenate(([0], np.cumsum(above)))[:-1]
    indices[indptr[below_row] + np.arange(below_row.size) - below_start[below_row]] = below_col
    indices[indptr[rows] + below[rows] + np.arange(rows.size) - above_start[rows]] = cols
    return SparseRows(indptr, indices, np.ones(indices.size), n)


def lexrank_power_method(edges: SparseRows, epsilon: float = LEXRANK_EPSILON) -> np.ndarray:
    """sumy's ``LexRankSummarizer.power_method`` on the degree-normalised ``edges``.

    Returns zeros where sumy returns NaN (a graph without a single edge).
    """
    n = edges.n
    degree = np.diff(edges.indptr)
    degrees = degree.astype(float)
    degrees[degrees == 0] = 1.0
    inverse_degree = 1.0 / degrees  # sumy's matrix[row][col] / degrees[row] on a 0/1 entry
    p = np.full(n, 1.0 / n)
    change = 1.0
    while change > epsilon:
        # edges.T @ (inverse_degree * p): every edge i -> j adds row i's share to j
        step = np.bincount(edges.indices, weights=np.repeat(inverse_degree * p, degree),
                           minlength=n)
        norm = np.linalg.norm(step)
        if norm == 0:
            return np.zeros(n)
        step /= norm
        change = float(np.linalg.norm(step - p))
        p = step
    return p


class OverlapGraph:
    """The word-overlap graph of TextRank and Reduction, multiplied without building it.

    Its weights are ``w_ij = o_ij / (log L_i + log L_j)`` with ``o_ij = c_i . c_j`` (the count
    vectors' dot product) and ``L`` a sentence's number of content words.  The denominator
    depends on ``i`` and ``j`` only through their lengths, and a document has few distinct
    lengths (about fifty for news), so with ``y_L = sum of x_j c_j over sentences j of length L``

        (W x)_i = sum over lengths L of (c_i . y_L) / (log L_i + log L)

    -- one sparse product with a terms x lengths matrix, linear in the text, instead of ``n^2``
    pairs; exact at any length, no window.  ``one_word_pair`` is the weight factor for two
    one-word sentences (``log 1 + log 1 = 0``): the overlap itself (1.0, TextRank) or 0
    (Reduction).  ``diagonal`` keeps a sentence's edge to itself (TextRank) or not (Reduction).
    Lengths are taken ``BLOCK_CELLS`` values at a time, so memory stays linear too.
    """

    def __init__(self, counts: sparse.csr_matrix, *, one_word_pair: float, diagonal: bool,
                 cells: int = BLOCK_CELLS) -> None:
        self.n, width = counts.shape
        lengths = np.asarray(counts.sum(axis=1)).ravel()
        self.present = np.flatnonzero(lengths > 0)  # sentences with no content word have no edge
        self.contents = counts[self.present]
        distinct, self.length_class = np.unique(lengths[self.present], return_inverse=True)
        log_length = log_table(distinct)
        norm = log_length[:, None] + log_length[None, :]  # sumy's log(len1) + log(len2)
        self.norm = np.where(norm == 0.0, 1.0, norm)
        self.factor = np.where(norm == 0.0, one_word_pair, 1.0)
        self.self_overlap = None if diagonal else np.asarray(
            self.contents.multiply(self.contents).sum(axis=1)).ravel()
        self.chunk = max(1, cells // max(len(self.present), width, 1))
        self.pairs = self.pair_weights() if len(self.present) ** 2 <= cells else None

    def pair_weights(self) -> np.ndarray:
        """The dense weights among sentences with content words (for short documents).

        The power method multiplies by the graph dozens of times; for a short document one
        small dense matrix is cheaper than the sparse products of :meth:`apply`.
        """
        overlap = (self.contents @ self.contents.T).toarray()
        pair = np.ix_(self.length_class, self.length_class)
        weights = overlap / self.norm[pair] * self.factor[pair]
        if self.self_overlap is not None:
            np.fill_diagonal(weights, 0.0)
        return weights

    def apply(self, x: np.ndarray) -> np.ndarray:
        """``W @ x`` for ``x >= 0`` (no cancellation, so the reordered sums stay accurate)."""
        from scipy import sparse

        out = np.zeros(self.n)
        xs = x[self.present]
        if self.pairs is not None:
            out[self.present] = self.pairs @ xs
            return out
        m, classes, cls = len(self.present), len(self.norm), self.length_class
        by_length = sparse.csc_matrix((xs, (np.arange(m), cls)), shape=(m, classes))
        for k0 in range(0, classes, self.chunk):
            k1 = min(classes, k0 + self.chunk)
            y = (self.contents.T @ by_length[:, k0:k1]).toarray()  # y_L: terms x lengths
            overlap = np.asarray(self.contents @ y)  # c_i . y_L: sentences x lengths
            if self.self_overlap is not None:  # take each sentence's pair with itself out
                mine = np.flatnonzero((cls >= k0) & (cls < k1))
                overlap[mine, cls[mine] - k0] -= self.self_overlap[mine] * xs[mine]
            weighted = overlap / self.norm[cls, k0:k1] * self.factor[cls, k0:k1]
            out[self.present] += weighted.sum(axis=1)
        return out

    def row_sums(self) -> np.ndarray:
        """``W @ 1``: each sentence's total weight."""
        return self.apply(np.ones(self.n))


def textrank_power_method(weights: OverlapGraph, damping: float = TEXTRANK_DAMPING,
                          epsilon: float = TEXTRANK_EPSILON) -> np.ndarray:
    """sumy's ``TextRankSummarizer.power_method`` on its damped, row-normalised matrix.

    ``M = (1 - d)/n + d W / (rowsum + 1e-7)``; ``M.T @ p`` is computed as
    ``(1 - d)/n * sum(p) + d * W @ (p / (rowsum + 1e-7))`` because ``W`` is symmetric.
    """
    n = weights.n
    scale = 1.0 / (weights.row_sums() + TEXTRANK_ROW_GUARD)
    teleport = (1.0 - damping) / n
    p = np.full(n, 1.0 / n)
    change = 1.0
    while change > epsilon:
        step = teleport * p.sum() + damping * weights.apply(scale * p)
        change = float(np.linalg.norm(step - p))
        p = step
    return p

