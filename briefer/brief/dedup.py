"""Near-duplicate sentences: the same thing said twice, in one text or across several.

Two articles from one wire story share sentences word for word or nearly so; a brief should
say such a thing once and cite every place it was said.  Sentences are compared as sets of
content-word stems (stop words out), and two are near-duplicates when

- their Jaccard similarity is at least 0.6 (most of their words are shared), or
- at least 85 % of the shorter one's words are in the longer one, and it has five or more
  (a trimmed copy: "X said on Monday." against "X said.").

The search is near-linear without missing a pair, by **prefix filtering** (Chaudhuri, Ganti
& Kaushik 2006, "A Primitive Operator for Similarity Joins in Data Cleaning", ICDE; Bayardo, Ma
& Srikant 2007, "Scaling Up All Pairs Similarity Search", WWW, section 4).  Order every stem
from rarest to commonest.  If two sets share at least ``k`` stems, the first ``|s| - k + 1``
stems of a set ``s`` of them hold a shared one.  So:

- *Jaccard* ``>= t`` means both sets share at least ``ceil(t |s|)`` of their own stems, so
  their prefixes of ``|s| - ceil(t |s|) + 1`` stems meet; and the shorter is at least ``t``
  times the longer (the length filter).
- *Containment* ``>= c`` of the shorter set ``a`` means ``a``'s rarest ``|a| - ceil(c |a|) + 1``
  stems (one to three, for a sentence) hold one of the longer set's stems.

Sentences with the very same stems are united first and searched as one.  Sentences are
searched shortest first against those before them: the Jaccard prefixes of the longer against
the shorter's shorter *mid-prefix* (``o >= 2t / (1 + t) |y|`` stems when ``|y| <= |x|``; Xiao,
Wang, Lin & Yu 2008, "Efficient Similarity Joins for Near Duplicate Detection", WWW, section
3), and every stem of the longer against the containment prefix of the shorter.  A pair first
meets at its rarest shared stem, at places ``i`` and ``j``, and can share no more than
``min(|x| - i, |y| - j)`` stems from there (their *positional filter*, section 4), which drops
most candidates before their sets are intersected.  The joins are array operations (numpy:
each entry one stem of one set, with its rank and its place), so no Python loop runs per stem
or per candidate but the final intersection.  Rare stems have short postings, so the cost
grows about linearly with the text; every pair the rules accept is found (skipping common
stems outright, as an inverted index often does, would miss pairs made only of common words).
Duplicates are grouped transitively (union-find).

Before a candidate is intersected, a 64-bit signature of each set (one bit a stem, by a hash
of its stem: a *bitmap filter*, Sandes, Teodoro & Melo 2020, "Bitmap Filter: Speeding up
Exact Set Similarity Joins with Bitwise Operations", Information Systems) bounds what the two
can share: a bit one signature has and the other lacks is a stem of one set that the other
lacks, so ``shared <= |x| - popcount(bx & ~by)`` (and the same from ``y``).  On 10 MB of news
it leaves about one candidate in 400 to intersect, and it drops none that passes.

**The window.**  Where every stem is common -- text over a small vocabulary: random words,
tables, a few words repeated -- a stem's postings are long even in the prefixes, so the
candidates grow as the square of the text (review W3: 4 MB of random sentences over 400 words
took 73 s).  So one stem pairs a set only with the :data:`WINDOW` sets before it and the
:data:`WINDOW` after it, in the text, among the sets that hold that stem in their indexed
prefix; the work is then at most ``2 WINDOW`` candidates per prefix stem, linear in the text.
Sentences with the very same stems are still grouped however far apart (by hashing, above),
and a pair that shares a stem held by fewer than about ``2 WINDOW`` sets' prefixes is still
always found.  What the window can miss: two near-copies whose every shared stem in their
prefixes is held by more than :data:`WINDOW` other sets' prefixes between them -- sentences
written only in words the text uses everywhere, far apart.  On news that does not happen:
the groups are the same as the full search's on 1 MB, 10 MB and a folder of 2,624 articles
(32 keeps them so too, 16 does not).  Stems are numbered in sorted order, so
which pairs the window sees does not depend on Python's string hashing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from itertools import chain
from typing import TYPE_CHECKING, Any, NamedTuple

from briefer.brief.analysis import View

if TYPE_CHECKING:
    import numpy as np

JACCARD = 0.6
CONTAINMENT = 0.85
MIN_CONTAINED = 5
#: The share of an indexed set's own stems that any longer set within :data:`JACCARD` of it
#: shares: overlap ``o >= t (|x| + |y|) / (1 + t) >= 2t / (1 + t) |y|`` when ``|x| >= |y|``.
INDEXED_JACCARD = 2 * JACCARD / (1 + JACCARD)
#: How many rows of a join are enumerated at a time (a few MB of arrays).
PAIR_BLOCK = 1 << 18
#: How many sets on each side, in the text, one stem pairs a set with (see the module doc).
WINDOW = 64
#: Multiplies a stem's number for its signature bit (Knuth's multiplicative hash: the top six
#: bits of the product pick one of 64).
_GOLDEN = 0x9E3779B97F4A7C15


def similar(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two stem sets say the same thing (see the module doc for the thresholds)."""
    if not a or not b:
        return False
    return _close(len(a & b), len(a), len(b))


def _close(shared: Any, a: Any, b: Any) -> Any:
    """:func:`similar` from the sizes: ``shared`` stems of two non-empty sets of ``a`` and
    ``b``; numbers or numpy arrays alike (the search tests its candidates a block at a
    time), written with operators only so both read the one rule."""
    shorter = (a + b - abs(a - b)) // 2
    return (shared / (a + b - shared) >= JACCARD) | (  # the union has a + b - shared stems
        (shorter >= MIN_CONTAINED) & (shared / shorter >= CONTAINMENT))


def prefix_length(sizes: np.ndarray, share: float) -> np.ndarray:
    """How many of a set's rarest stems hold one of any ``share * size`` stems of it."""
    import numpy as np

    return sizes - np.ceil(share * sizes - 1e-9).astype(np.int64) + 1


class StemNumbers(NamedTuple):
    """Every view's content stems as numbers, each stem's place in the sorted vocabulary of
    ``size`` stems: view ``n``'s are ``ids[offsets[n]:offsets[n + 1]]``, in its frozenset's
    order.  Made once a brief (:func:`number_stems`) for the two steps that count stems, the
    search for near-duplicates and the sections' centroids, instead of once by each."""

    ids: np.ndarray
    offsets: np.ndarray
    size: int

    def of(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The ids of views ``rows``, one view after another, and how many each has."""
        import numpy as np

        first = self.offsets[rows]
        sizes = self.offsets[rows + 1] - first
        index = np.repeat(first - (np.cumsum(sizes) - sizes), sizes) + np.arange(sizes.sum())
        return self.ids[index], sizes

    def subset(self, rows: np.ndarray) -> StemNumbers:
        """The numbers of views ``rows`` alone, their own stems numbered again from 0 (in
        the same order: a story's sentences in a brief of several)."""
        import numpy as np

        ids, sizes = self.of(rows)
        stems, again = np.unique(ids, return_inverse=True)
        offsets = np.zeros(sizes.size + 1, dtype=np.int64)
        np.cumsum(sizes, out=offsets[1:])
        return StemNumbers(again.astype(np.int64), offsets, int(stems.size))


def number_stems(contents: Sequence[frozenset[str]]) -> StemNumbers:
    """:class:`StemNumbers` of views whose content stems are ``contents``.

    Numbered in sorted order, not in a frozenset's (hash-seeded) order: ties of rarity in
    the search for near-duplicates, and so its prefixes and what its window sees, are the
    same in every run."""
    import numpy as np

    flat = list(chain.from_iterable(contents))
    stems = sorted(set(flat))
    vocabulary = dict(zip(stems, range(len(stems)), strict=True))
    offsets = np.zeros(len(contents) + 1, dtype=np.int64)
    np.cumsum(np.fromiter(map(len, contents), dtype=np.int64, count=len(contents)),
              out=offsets[1:])
    return StemNumbers(np.fromiter(map(vocabulary.__getitem__, flat), dtype=np.int64,
                                   count=len(flat)), offsets, len(stems))


def duplicate_groups(views: Sequence[View], numbers: StemNumbers | None = None
                     ) -> list[list[int]]:
    """Groups of view positions that are near-duplicates of each other, each in order; a
    sentence with no duplicate is a group of one.  ``numbers``: :func:`number_stems` of the
    views, when the caller made them.

    See the module doc for the search; every pair it accepts is one :func:`similar` accepts.
    """
    # Sentences with the same stems are one set: unite them, then search among distinct sets.
    # Each view points at the first view of its set (a dict over the views in reverse keeps
    # the earliest of each), a view with no stems at itself: in C, not a step per view.
    contents = [view.content for view in views]
    first = dict(zip(reversed(contents), range(len(views) - 1, -1, -1), strict=True))
    first.pop(frozenset(), None)
    parent = list(map(first.get, contents, range(len(views))))
    distinct = sorted(first.values())  # in position order
    sets = list(map(contents.__getitem__, distinct))
    if len(sets) > 1:
        import numpy as np

        if numbers is None:
            numbers = number_stems(contents)
        # (Every stem of the views is one of the distinct sets', so the numbering is theirs.)
        stem_ids = numbers.of(np.array(distinct, dtype=np.int64))[0]
        for k, root in enumerate(_set_groups(sets, stem_ids).tolist()):
            if root != k:
                parent[distinct[k]] = distinct[root]  # distinct is in position order
    # A group's root is its first view, which points at itself; every other view points at
    # its set's first view, and that at the root.  So a view's root is two steps up, and a
    # group is opened at its root, before any other member comes: in the order of roots.
    groups: dict[int, list[int]] = {}
    for n, root in enumerate(map(parent.__getitem__, parent)):
        if root == n:
            groups[n] = [n]
        else:
            groups[root].append(n)
    return list(groups.values())


def _set_groups(sets: Sequence[frozenset[str]], stem_ids: np.ndarray | None = None
                ) -> np.ndarray:
    """The first position of the group of each of ``sets`` (distinct, none empty): the
    groups of the pairs :func:`similar` accepts, found by prefix filtering with numpy (see
    :func:`duplicate_groups`).  ``stem_ids``: the sets' stems, one set after another, as
    :func:`number_stems` numbers them (numbered here when not given).

    The candidates come a block at a time and are tested as they come, so a text of many
    repeated articles or of many sentences over a few words (market reports, results
    tables: quadratic candidates) is never held whole; a candidate whose two sets are
    already in one group is not intersected, so where everything is one group the work
    stays near one test a set instead of one a candidate (review V1)."""
    import numpy as np

    from briefer.rank.rows import stable_order

    sizes = np.fromiter(map(len, sets), dtype=np.int64, count=len(sets))
    if stem_ids is None:
        stem_ids = number_stems(sets).ids
    df = np.bincount(stem_ids)
    rarity = np.empty_like(df)
    rarity[np.argsort(df, kind="stable")] = np.arange(df.size)
    owner = np.repeat(np.arange(len(sets)), sizes)
    # By set, rarest stem first: by rarity, then stably by set, each sorted by radix when
    # the numbers fit 16 bits (a megabyte's: 0.9 ms against 3.2); else one sort of a key
    # unique to each entry (a set's stems are distinct), quicker than np.lexsort of the two.
    if max(len(sets), df.size) <= 1 << 16:
        by_rarity = stable_order(rarity[stem_ids], df.size)
        entries = by_rarity[stable_order(owner[by_rarity], len(sets))]
    else:
        entries = np.argsort(owner * df.size + rarity[stem_ids])
    ranks = rarity[stem_ids][entries]
    starts = np.cumsum(sizes) - sizes
    place = np.arange(stem_ids.size) - np.repeat(starts, sizes)
    # Each set is searched against the sets before it in order of length (then position),
    # none longer than it: ``seq`` is that order's number of each set.
    seq = np.empty(len(sets), dtype=np.int64)
    seq[np.lexsort((np.arange(len(sets)), sizes))] = np.arange(len(sets))
    set_size = sizes[owner]
    bits = np.left_shift(np.uint64(1),
                         (stem_ids.astype(np.uint64) * np.uint64(_GOLDEN)) >> np.uint64(58))
    signature = np.bitwise_or.reduceat(bits, starts)

    def prefix(share: float) -> np.ndarray:
        """Entries inside their set's prefix for ``share`` (:func:`prefix_length`)."""
        return place < prefix_length(sizes, share)[owner]

    probes = prefix(JACCARD)
    indexed = prefix(INDEXED_JACCARD)
    contained = prefix(CONTAINMENT) & (set_size >= MIN_CONTAINED)
    # Positional filtering (Xiao et al., section 4): a pair meets first at its rarest shared
    # stem, which the join of the prefixes finds, at places ``i`` and ``j``; no more than
    # ``min(|x| - i, |y| - j)`` stems can be shared from there on.  A row of the join at a
    # later shared stem has a smaller bound, so testing every row keeps the first one of
    # every pair that can pass; a pair dropped from the Jaccard join that passes the
    # containment rule is found by the containment join, and the other way round.
    jaccard = _join(ranks, owner, place, sizes, probes, indexed, seq,
                    lambda x, y, bound: bound >= JACCARD / (1 + JACCARD)
                    * (sizes[x] + sizes[y]) - 1e-9)
    containment = _join(ranks, owner, place, sizes, np.ones_like(probes), contained, seq,
                        lambda x, y, bound: bound >= CONTAINMENT * sizes[y] - 1e-9)  # y: shorter
    # Union-find over the sets: each points at a set of its group, a root at itself, and a
    # union points the later root at the earlier, so a group's root is its first set.  After
    # each block every set is pointed straight at its root (pointer jumping), so a block's
    # candidates are looked up in one step.
    root = np.arange(len(sets))
    for x, y in chain(jaccard, containment):
        codes = np.sort(x * len(sets) + y)  # each pair once (np.unique would import numpy.ma)
        first = np.ones(codes.size, dtype=bool)
        first[1:] = codes[1:] != codes[:-1]
        x, y = np.divmod(codes[first], len(sets))
        apart = root[x] != root[y]
        x, y = x[apart], y[apart]
        bx, by = signature[x], signature[y]
        bound = np.minimum(sizes[x] - np.bitwise_count(bx & ~by),
                           sizes[y] - np.bitwise_count(by & ~bx))
        may = _close(bound.astype(np.float64), sizes[x], sizes[y])
        x, y = x[may], y[may]
        xs, ys = x.tolist(), y.tolist()
        shared = np.fromiter(map(len, map(frozenset.intersection, map(sets.__getitem__, xs),
                                          map(sets.__getitem__, ys))),
                             dtype=np.float64, count=len(xs))
        accepted = np.flatnonzero(_close(shared, sizes[x], sizes[y])).tolist()
        for k in accepted:
            a, b = xs[k], ys[k]
            while (up := int(root[a])) != a:
                a = up
            while (up := int(root[b])) != b:
                b = up
            if a != b:
                root[max(a, b)] = min(a, b)
        if accepted:
            while not np.array_equal(jumped := root[root], root):
                root = jumped
    return root


def _join(ranks: np.ndarray, owner: np.ndarray, place: np.ndarray, sizes: np.ndarray,
          probes: np.ndarray, indexed: np.ndarray, seq: np.ndarray,
          keep: Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray]
          ) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """(probing set, indexed set) for every probe entry and indexed entry of the same stem
    whose indexed set comes before the probing one (``seq``) and that ``keep`` keeps, given
    how many stems the two can share at most from this one on.  Each probe entry meets
    only the :data:`WINDOW` indexed entries of its stem before its own set and as many
    after (see the module doc).

    The rows are enumerated and yielded about :data:`PAIR_BLOCK` at a time, so memory stays
    bounded however long a stem's postings are (a text of many repeated articles has long
    ones) and however many candidates pass."""
    import numpy as np

    from briefer.rank.rows import stable_order

    index_at = np.flatnonzero(indexed)
    # By rank, then in order: a stable sort by rank of the entries in order.
    index_at = index_at[stable_order(ranks[index_at], int(ranks.max()) + 1)]
    index_ranks = ranks[index_at]
    probe_at = np.flatnonzero(probes)
    probe_ranks = ranks[probe_at]
    # Each stem's indexed entries, from where they start (ranks are small numbers): a table
    # looked up, not a binary search per probe.
    start = np.zeros(int(ranks.max()) + 2, dtype=np.int64)
    np.cumsum(np.bincount(index_ranks, minlength=start.size - 1), out=start[1:])
    lo, hi = start[probe_ranks], start[probe_ranks + 1]
    # A stem's indexed entries are in the order of their sets, so a set's place among them
    # is found by (rank, set) and the window is the entries either side of it; only a stem
    # with more than WINDOW of them can leave any out.
    long = np.flatnonzero(hi - lo > WINDOW)
    if long.size:
        middle = np.searchsorted(index_ranks * sizes.size + owner[index_at],
                                 probe_ranks[long] * sizes.size + owner[probe_at[long]])
        lo[long] = np.maximum(lo[long], middle - WINDOW)
        hi[long] = np.minimum(hi[long], middle + WINDOW)
    counts = hi - lo
    done = np.concatenate(([0], np.cumsum(counts)))
    a = 0
    while a < probe_at.size:
        b = max(a + 1, int(np.searchsorted(done, done[a] + PAIR_BLOCK, side="right")) - 1)
        n = counts[a:b]
        probe = np.repeat(probe_at[a:b], n)
        other = index_at[np.repeat(lo[a:b] - (np.cumsum(n) - n), n) + np.arange(probe.size)]
        x, y = owner[probe], owner[other]
        before = seq[y] < seq[x]
        x, y, probe, other = x[before], y[before], probe[before], other[before]
        chosen = keep(x, y, np.minimum(sizes[x] - place[probe], sizes[y] - place[other]))
        yield x[chosen], y[chosen]
        a = b
