"""The line under the source: what became of the sentence under the cursor, and why.

Selecting a sentence answers the reader's first question about a brief (why was this one
kept, or not?) with the ranker's score, its rank, and the section it went to.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from briefer.tui import palette
from briefer.tui.state import SentenceInfo

LEGEND = "§n: in section n of the brief  BL: bottom line  “: quoted  ✗: dropped"


def info_content(info: SentenceInfo | None) -> Content:
    """``[12] score 0.083, 4th of 18 · in §2 Reactions · pinned``."""
    if info is None:
        return Content.styled(LEGEND, "$text-muted")
    parts: list[Content] = [Content.styled(f"[{info.sentence.index}]", "bold")]
    if info.score is None:
        parts.append(Content.styled("not ranked yet", "$text-muted"))
    else:
        parts.append(Content(f"score {info.score:.3g}, {_ordinal(info.rank or 0)} "
                             f"of {info.total}"))
    placement = info.placement
    if info.dropped:
        parts.append(Content.styled("dropped by you", "bold $text-error"))
    elif placement is None:
        parts.append(Content.styled("not in the brief", "$text-muted"))
    elif not placement.tinted and not placement.merged:
        parts.append(Content.styled("quoted in the brief", palette.ink(placement.section)))
    else:
        where = "merged into" if placement.merged else "in"
        parts.append(Content.assemble(f"{where} ", (f"{palette.label(placement.section)} "
                                                    f"{placement.title}",
                                                    palette.ink(placement.section))))
    if info.pinned:
        parts.append(Content.styled("pinned by you", "bold $text-success"))
    return Content(" · ").join(parts)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


class SentenceInfoLine(Static):
    """Shows :func:`info_content` for the selected sentence."""

    def show(self, info: SentenceInfo | None) -> None:
        self.update(info_content(info))
