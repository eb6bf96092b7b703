"""Near-duplicate sentences: the same thing said twice, in one text or across several.

Two articles from one wire story share sentences word for word or nearly so; a brief should
say such a thing once and cite every place it was said.  Sentences are compared as sets of
content-word stems (stop words out), and two are near-duplicates when

- their Jaccard similarity is at least 0.6 (most of their words are shared), or
- at least 85 % of the shorter one's words are in the longer one, and it has five or more
  (a trimmed copy: "X said on Monday." against "X said.").

Candidate pairs come from an inverted index over the stems, skipping stems that occur in
more than half the sentences (they decide nothing), so the comparison stays near-linear on
news-sized input instead of testing every pair.  Duplicates are grouped transitively
(union-find).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from briefer.brief.analysis import View

JACCARD = 0.6
CONTAINMENT = 0.85
MIN_CONTAINED = 5


def similar(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two stem sets say the same thing (see the module doc for the thresholds)."""
    if not a or not b:
        return False
    shared = len(a & b)
    if shared / len(a | b) >= JACCARD:
        return True
    shorter = min(len(a), len(b))
    return shorter >= MIN_CONTAINED and shared / shorter >= CONTAINMENT


def duplicate_groups(views: Sequence[View]) -> list[list[int]]:
    """Groups of view positions that are near-duplicates of each other, each in order; a
    sentence with no duplicate is a group of one."""
    parent = list(range(len(views)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    postings: dict[str, list[int]] = defaultdict(list)
    for n, view in enumerate(views):
        for s in view.content:
            postings[s].append(n)
    common = max(2, len(views) // 2)
    for n, view in enumerate(views):
        seen: set[int] = set()
        for s in view.content:
            posting = postings[s]
            if len(posting) > common:
                continue
            for m in posting:
                if m <= n or m in seen:
                    continue
                seen.add(m)
                if similar(view.content, views[m].content):
                    a, b = find(n), find(m)
                    if a != b:
                        parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = defaultdict(list)
    for n in range(len(views)):
        groups[find(n)].append(n)
    return [groups[k] for k in sorted(groups)]
