"""Styled terminal output with rich.

Untrusted text only ever enters as :class:`rich.text.Text` (never as markup), so ``[bold red]``
in an article prints as those characters.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from briefer.document import Document, Summary

if TYPE_CHECKING:
    from briefer.brief.model import Brief


def _heading(doc: Document) -> list[RenderableType]:
    out: list[RenderableType] = [Text(doc.title or doc.source, style="bold")]
    if doc.byline:
        out.append(Text(doc.byline, style="dim"))
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


def render_brief(brief: Brief) -> RenderableType:
    """A brief for the terminal: bold title, coloured section headings, bulleted items
    (wrapped under their text, not under the bullet) citing their sentences, then quotes,
    who and where, and a dim footer."""
    parts: list[RenderableType] = [Text(brief.heading(), style="bold")]
    byline = brief.byline()
    if byline:
        parts.append(Text(byline, style="dim"))
    if brief.standfirst:
        parts.append(Text(brief.standfirst, style="italic"))
    parts.append(Rule(style="dim"))
    if brief.bottom_line is not None:
        item = brief.bottom_line
        parts.append(Text("Bottom line", style="bold magenta"))
        parts.append(_list([(">", Text.assemble(item.sentence.text,
                                                (f" {brief.cite(item)}", "dim")))], "magenta"))
    for section in brief.sections:
        parts += [Text(""), Text(section.title, style="bold cyan")]
        parts.append(_list([("•", Text.assemble(i.sentence.text, (f" {brief.cite(i)}", "dim")))
                            for i in section.items], "cyan"))
    if brief.quotes:
        parts += [Text(""), Text("Key quotes", style="bold")]
        rows = []
        for q in brief.quotes:
            line = Text(f"“{q.text}”")
            if q.speaker:
                line.append(f" — {q.speaker}", style="italic")
            line.append(f" {brief.cite_sentence(q.doc, q.sentence)}", style="dim")
            rows.append(("›", line))
        parts.append(_list(rows, "bold"))
    groups = brief.entities_by_kind()
    if groups:
        parts += [Text(""), Text("Who and where", style="bold")]
        parts.append(_list([(f"{label}:", Text(", ".join(f"{e.name} ({e.count})"
                                                         for e in entities)))
                            for label, entities in groups], "bold"))
    parts += [Text(""), Text(brief.footer(), style="dim")]
    return Group(*parts)


def _list(rows: list[tuple[str, Text]], style: str) -> RenderableType:
    """Rows of (marker, text) with the text wrapping in its own column."""
    table = Table.grid(padding=(0, 1))
    table.add_column(style=style, no_wrap=True)
    table.add_column(ratio=1)
    for marker, text in rows:
        table.add_row(Text(marker), text)
    return Padding(table, (0, 0, 0, 1))
