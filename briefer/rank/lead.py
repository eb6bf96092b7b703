"""LEAD: the first sentences of a news story, the baseline every news summarizer is held to.

News is written as an inverted pyramid, so the opening sentences carry the story; LEAD-3 is the
standard baseline on CNN/DailyMail (See et al. 2017; Liu & Lapata 2019).
"""

from __future__ import annotations

from briefer.rank import RankInput


def rank(doc: RankInput) -> list[float]:
    """Score sentence ``i`` as ``1 / (i + 1)``, so the earliest sentences win."""
    return [1.0 / (i + 1) for i in range(len(doc.sentences))]
