"""Choosing sentences from scores: how many, and which.

One rule for every ranker: the highest scores win, ties go to the earlier sentence (news puts
what matters first), and the chosen sentences are returned in source order so the summary
reads as the text does.  Pinned sentences (chosen by a reader) always stay and count toward the
length; dropped ones never come back.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence

DEFAULT_COUNT = 5


def summary_length(total: int, count: int | None = None, ratio: float | None = None) -> int:
    """How many sentences to keep out of ``total``: ``count``, else ``ratio`` of them, else 5.

    ``ratio`` must be in (0, 1]; NaN is not.
    """
    if ratio is not None and not 0 < ratio <= 1:
        raise ValueError(f"ratio must be more than 0 and at most 1, not {ratio!r}")
    if total <= 0:
        return 0
    if count is not None:
        return min(count, total)
    if ratio is not None:
        return min(total, max(1, round(ratio * total)))
    return min(DEFAULT_COUNT, total)


def order_by_score(scores: Sequence[float]) -> list[int]:
    """Positions sorted best first; NaN counts as the worst score, ties keep source order."""
    def key(i: int) -> tuple[float, int]:
        s = scores[i]
        return (-s if not math.isnan(s) else math.inf, i)

    return sorted(range(len(scores)), key=key)


def select_top(
    scores: Sequence[float],
    count: int,
    *,
    pinned: Collection[int] = (),
    dropped: Collection[int] = (),
    word_counts: Sequence[int] | None = None,
    max_words: int | None = None,
) -> tuple[int, ...]:
    """Positions of the chosen sentences, in source order.

    With ``max_words``, sentences are taken best first while they fit the word budget (the
    first one always fits, so a summary is never empty), and ``count`` is ignored.
    """
    chosen = [i for i in pinned if 0 <= i < len(scores) and i not in dropped]
    taken = set(chosen)
    used = sum(word_counts[i] for i in chosen) if word_counts and max_words else 0
    for i in order_by_score(scores):
        if i in taken or i in dropped:
            continue
        if max_words is not None and word_counts is not None:
            if chosen and used + word_counts[i] > max_words:
                continue
            used += word_counts[i]
        elif len(chosen) >= count:
            break
        chosen.append(i)
        taken.add(i)
    return tuple(sorted(chosen))
