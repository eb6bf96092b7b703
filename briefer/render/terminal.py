"""Styled terminal output with rich.

Untrusted text only ever enters as :class:`rich.text.Text` (never as markup), so ``[bold red]``
in an article prints as those characters.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.text import Text

from briefer.document import Document, Summary


def _heading(doc: Document) -> list[RenderableType]:
    out: list[RenderableType] = [Text(doc.title or doc.source, style="bold")]
    if doc.standfirst:
        out.append(Text(doc.standfirst, style="italic"))
    out.append(Rule(style="dim"))
    return out


def render_summary(summary: Summary) -> RenderableType:
    doc = summary.document
    parts = _heading(doc)
    for s in summary.sentences:
        item = Text.assemble(("• ", "cyan"), s.text, (f" [{s.index}]", "dim"))
        parts.append(Padding(item, (0, 0, 0, 1)))
    parts.append(Text(f"{len(summary.chosen)} of {len(doc.sentences)} sentences · "
                      f"{summary.algorithm} · {doc.source}", style="dim"))
    return Group(*parts)


def render_sentences(doc: Document) -> RenderableType:
    parts = _heading(doc)
    for s in doc.sentences:
        parts.append(Text.assemble((f"{s.index:>4} ", "dim"), s.text))
    return Group(*parts)
