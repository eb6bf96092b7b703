"""Sparse sentence x term rows as plain numpy arrays, and their dot products.

The matrix LexRank (:mod:`briefer.rank.graph`) and the position rankers
(:mod:`briefer.rank.position`) share.  It has a module of its own so that the default ranker,
which needs only this of the graph rankers, does not compile and import all of
:mod:`briefer.rank.graph` in every process that ranks (4 ms of each ``summarize`` and of
``batch``'s serial start-up, where this environment compiles every module from source).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from briefer.rank import terms

if TYPE_CHECKING:  # imported where used (to_scipy): LexRank on an article runs on numpy alone
    from scipy import sparse

PAIR_BLOCK = 1 << 20  # pairs enumerated at a time (about 80 MB of arrays)


def stable_order(keys: np.ndarray, bound: int) -> np.ndarray:
    """``np.argsort(keys, kind="stable")`` of keys in ``[0, bound)``: the same order, sorted
    as 16-bit numbers when they fit, which numpy sorts by radix (a megabyte's 78,000 entries
    by column: 0.3 ms against 3.3 ms)."""
    if bound <= 1 << 16:
        keys = keys.astype(np.uint16)
    return np.argsort(keys, kind="stable")


@dataclass(frozen=True, slots=True)
class SparseRows:
    """A sentences x terms matrix as CSR arrays, entries sorted by row then column.

    (Except :func:`briefer.rank.position.tfidf_vectors`, whose rows list their columns last
    first, the order its sums were tuned in; :meth:`products` needs rows grouped, not sorted.)

    LexRank works on these with numpy alone: importing ``scipy.sparse`` costs about 0.1 s,
    more than ranking a 300 KB text takes, so scipy is loaded only where it is needed (long
    texts, TextRank and Reduction) by :meth:`to_scipy`.
    """

    indptr: np.ndarray  # n + 1 offsets into indices and data
    indices: np.ndarray  # each entry's column
    data: np.ndarray
    width: int

    @property
    def n(self) -> int:
        return len(self.indptr) - 1

    def row_of(self) -> np.ndarray:
        """The row of every entry."""
        return terms.row_numbers(self.indptr)

    def to_scipy(self) -> sparse.csr_matrix:
        from scipy import sparse

        return sparse.csr_matrix((self.data, self.indices, self.indptr),
                                 shape=(self.n, self.width))

    def postings(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Every entry by column (stable: rows ascending within one), as sorted keys
        ``column * n + row``, with the row and the value of each in that order: for
        :meth:`products` of many blocks of consecutive right rows."""
        order = stable_order(self.indices, self.width)
        rows = self.row_of()[order]
        return self.indices[order] * self.n + rows, rows, self.data[order]

    def products(self, left: np.ndarray, right: np.ndarray, cells: int = PAIR_BLOCK,
                 postings: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None,
                 near: int | None = None) -> np.ndarray:
        """The dense ``len(left) x len(right)`` dot products of rows ``left`` with rows ``right``.

        ``(m[left] @ m[right].T).toarray()`` with numpy alone, bit for bit what scipy gives:
        every pair of entries sharing a term is enumerated (as in :func:`posting_products`)
        and each sentence pair's products are added in the order of the left row's columns,
        one after another (``np.bincount``), as scipy's CSR product adds them.  For the
        small blocks of the position rankers (a few hundred rows); pairs are enumerated at
        most ``cells`` at a time, whole left rows at a time.

        With :meth:`postings`, ``right`` must be consecutive rows: a left entry's partners
        are then the run of the text's postings between (its column, the first right row)
        and (its column, the last), found by two binary searches, instead of the right
        rows' postings being cut from all of them or sorted again (the same entries in the
        same order).  With ``near`` as well, the run is narrowed to the rows at most
        ``near`` from the left entry's, and every other cell is 0: the position rankers'
        window, whose cells that count get the same products in the same order, while the
        pairs no such cell needs (a third of a block's) are not made.
        """
        left, right = np.asarray(left, dtype=np.int64), np.asarray(right, dtype=np.int64)
        if not left.size or not right.size:
            return np.zeros((left.size, right.size))
        l_entries, l_pos = self.entries_of(left)
        l_cols = self.indices[l_entries]
        if postings is None:
            r_entries, r_pos = self.entries_of(right)
            by_term = stable_order(self.indices[r_entries], self.width)  # their postings
            post_entries, post_pos = r_entries[by_term], r_pos[by_term]
            post_cols, post_values = self.indices[post_entries], self.data[post_entries]
            start = np.searchsorted(post_cols, l_cols, side="left")
            count = np.searchsorted(post_cols, l_cols, side="right") - start
            shift = 0
        else:
            keys, post_pos, post_values = postings  # post_pos: rows of the whole text
            first, last = int(right[0]), int(right[-1])
            if near is None:
                low, high = first, last
            else:
                row = left[l_pos]
                low, high = np.maximum(row - near, first), np.minimum(row + near, last)
            column = l_cols * self.n
            start = np.searchsorted(keys, column + low, side="left")
            count = np.maximum(np.searchsorted(keys, column + high, side="right") - start, 0)
            shift = first  # a partner's cell is its row less the first right row
        row_pairs = np.bincount(l_pos, weights=count, minlength=left.size).astype(np.int64)
        done = np.concatenate(([0], np.cumsum(row_pairs)))
        row_start = np.concatenate(([0], np.cumsum(np.bincount(l_pos, minlength=left.size))))
        m = right.size
        blocks = []
        a = 0
        while a < left.size:
            b = max(a + 1, int(np.searchsorted(done, done[a] + cells, side="right")) - 1)
            e0, e1 = int(row_start[a]), int(row_start[b])
            n_pairs = count[e0:e1]
            # What a pair needs of its left entry (the cell's row, the entry's value) is
            # repeated once per pair, a sequential copy, rather than gathered through the
            # pair's entry number: the same numbers, a third of the pair-sized gathers.
            cell_row = np.repeat((l_pos[e0:e1] - a) * m - shift, n_pairs)
            value = np.repeat(self.data[l_entries[e0:e1]], n_pairs)
            # the k-th partner of an entry is the k-th posting of its term
            partner = (np.repeat(start[e0:e1] - (np.cumsum(n_pairs) - n_pairs), n_pairs)
                       + np.arange(cell_row.size))
            key = cell_row + post_pos[partner]
            dots = value * post_values[partner]
            blocks.append(np.bincount(key, weights=dots, minlength=(b - a) * m).reshape(b - a, m))
            a = b
        # (Most calls are one block: no second array of the whole product to copy it into.)
        return blocks[0] if len(blocks) == 1 else np.concatenate(blocks)

    def entries_of(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The entries of ``rows`` in order, and for each the position in ``rows`` it came from."""
        first, lengths = self.indptr[rows], self.indptr[rows + 1] - self.indptr[rows]
        position = np.repeat(np.arange(rows.size), lengths)
        offsets = np.concatenate(([0], np.cumsum(lengths)))[:-1]
        return np.repeat(first - offsets, lengths) + np.arange(position.size), position
