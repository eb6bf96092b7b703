"""The status line: which ranker and template made the brief, and how much it kept."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from briefer.tui.state import ReaderState


def status_content(state: ReaderState) -> Content:
    """``algorithm lexrank  template auto → news  lang en  sentences 18 → 5  compression 23%``.

    Compression is words kept over words in: sentences vary too much in length for their
    count to say how much shorter the brief reads.  It fits 80 columns; the reader's pins and
    drops are counted on the brief pane's border instead.
    """
    parts: list[tuple[str, str]] = [("algorithm", state.algorithm)]
    template = state.template
    if state.brief is not None and state.brief.template not in (template, ""):
        template = f"{template} → {state.brief.template}"
    parts.append(("template", template))
    if state.brief is not None:
        parts.append(("lang", state.brief.language))
    stats = state.stats
    if state.brief is not None:
        parts.append(("sentences", f"{stats.sentences_in} → {stats.sentences_out}"))
        parts.append(("compression", f"{stats.compression:.0%}"))
    pieces = [Content.assemble((name, "$text-muted"), " ", (value, "bold"))
              for name, value in parts]
    return Content("  ").join(pieces)


class StatusLine(Static):
    """One line under the panes; :meth:`show` redraws it from the state."""

    def show(self, state: ReaderState) -> None:
        self.update(status_content(state))
