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

Sentences with the very same stems are united first and searched as one.  Each sentence is
indexed by those two prefixes and probes, shortest sentences first, the
Jaccard index with its own prefix and the containment index with all its stems.  Rare stems
have short postings, so the cost grows about linearly with the text; every pair the rules
accept is found (skipping common stems outright, as an inverted index often does, would miss
pairs made only of common words).  Duplicates are grouped transitively (union-find).
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Sequence

from briefer.brief.analysis import View

JACCARD = 0.6
CONTAINMENT = 0.85
MIN_CONTAINED = 5


def similar(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two stem sets say the same thing (see the module doc for the thresholds)."""
    if not a or not b:
        return False
    return _close(len(a & b), len(a), len(b))


def _close(shared: int, a: int, b: int) -> bool:
    """:func:`similar` from the sizes: ``shared`` stems of two sets of ``a`` and ``b``."""
    if shared / (a + b - shared) >= JACCARD:  # the union has a + b - shared stems
        return True
    shorter = min(a, b)
    return shorter >= MIN_CONTAINED and shared / shorter >= CONTAINMENT


def prefix_length(size: int, share: float) -> int:
    """How many of a set's rarest stems hold one of any ``share * size`` stems of it."""
    return size - math.ceil(share * size - 1e-9) + 1


def duplicate_groups(views: Sequence[View]) -> list[list[int]]:
    """Groups of view positions that are near-duplicates of each other, each in order; a
    sentence with no duplicate is a group of one."""
    parent = list(range(len(views)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Sentences with the same stems are one set: unite them, then search among distinct sets.
    first: dict[frozenset[str], int] = {}
    for n, view in enumerate(views):
        if view.content:
            m = first.setdefault(view.content, n)
            if m != n:
                parent[n] = m
    distinct = list(first.values())  # in position order
    df = Counter(s for n in distinct for s in views[n].content)
    rarity = {s: k for k, s in enumerate(sorted(df, key=lambda s: (df[s], s)))}
    sets = [v.content for v in views]
    rank_of = rarity.__getitem__
    # Shortest first: a sentence probes the sentences indexed before it, none longer than it,
    # so every posting list is in order of length too, and the length filter keeps a tail
    # of it (found by bisection, with each list's lengths kept beside it).
    order = sorted(distinct, key=lambda n: (len(sets[n]), n))
    jaccard: dict[int, tuple[list[int], list[int]]] = {}
    contained: dict[int, list[int]] = defaultdict(list)
    contained_at = contained.get
    for n in order:
        content = sets[n]
        ranked = sorted(map(rank_of, content))
        size = len(ranked)
        prefix = ranked[:prefix_length(size, JACCARD)]
        least = JACCARD * size
        candidates: set[int] = set()
        for r in prefix:
            posting = jaccard.get(r)
            if posting is not None:
                members, lengths = posting
                candidates.update(members[bisect_left(lengths, least):])
        candidates.update(*[found for found in map(contained_at, ranked) if found])
        for m in candidates:
            # :func:`_close`, written out (it runs for every candidate pair): each candidate
            # was indexed before ``n``, so it is the shorter set.
            other = sets[m]
            shared = len(content & other)
            shorter = len(other)
            if shared / (size + shorter - shared) >= JACCARD or (
                    shorter >= MIN_CONTAINED and shared / shorter >= CONTAINMENT):
                a, b = find(n), find(m)
                if a != b:
                    parent[max(a, b)] = min(a, b)
        for r in prefix:
            posting = jaccard.get(r)
            if posting is None:
                jaccard[r] = ([n], [size])
            else:
                posting[0].append(n)
                posting[1].append(size)
        if size >= MIN_CONTAINED:
            for r in ranked[:prefix_length(size, CONTAINMENT)]:
                contained[r].append(n)
    groups: dict[int, list[int]] = defaultdict(list)
    for n in range(len(views)):
        groups[find(n)].append(n)
    return [groups[k] for k in sorted(groups)]
