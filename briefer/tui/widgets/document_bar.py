"""The open files, one line above the source; click one (or press ``[``/``]``) to read it.

A line of clickable names rather than a tab strip: tabs take two rows, and at 80×24 every row
of text counts.  It is hidden while only one file is open.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import Static

from briefer.brief.model import short_name
from briefer.document import Document


def bar_content(documents: Sequence[Document], current: int) -> Content:
    """`` 1 a.txt  2 b.txt `` with the current one reversed; each name runs
    ``screen.show_document(i)`` when clicked."""
    parts = []
    for i, doc in enumerate(documents):
        style = "reverse bold" if i == current else "$text-muted"
        name = short_name(doc.source)  # as the brief's citations name it
        parts.append(Content.styled(f" {i + 1} {name} ",
                                    f"{style} @click=screen.show_document({i})"))
    return Content(" ").join(parts)


class DocumentBar(Static):
    """Shows :func:`bar_content`; visible only with two or more files."""

    def show(self, documents: Sequence[Document], current: int) -> None:
        self.set_class(len(documents) > 1, "-several")
        self.update(bar_content(documents, current))
