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
                      f"{summary.algorithm} · {doc.language} · {doc.source}", style="dim"))
    return Group(*parts)


def render_sentences(doc: Document) -> RenderableType:
    parts = _heading(doc)
    for s in doc.sentences:
        parts.append(Text.assemble((f"{s.index:>4} ", "dim"), s.text))
    return Group(*parts)


def render_brief(brief: Brief) -> RenderableType:
    """A brief for the terminal: bold title, coloured section headings, bulleted items
    (wrapped under their text, not under the bullet) citing their sentences, then quotes,
    who and where, and a dim footer.  A story's heading is a titled rule above its
    sections."""
    from briefer.brief import model as m

    parts: list[RenderableType] = []
    for block in brief.blocks():
        match block:
            case m.HeadingBlock(title, standfirst, byline):
                parts.append(Text(title, style="bold"))
                if byline:
                    parts.append(Text(byline, style="dim"))
                if standfirst:
                    parts.append(Text(standfirst, style="italic"))
                parts.append(Rule(style="dim"))
            case m.BottomLineBlock(item):
                parts.append(Text("Bottom line", style="bold magenta"))
                parts.append(_list([(">", Text.assemble(item.sentence.text,
                                                        (f" {brief.cite(item)}", "dim")))],
                                   "magenta"))
            case m.StoryBlock(_, story):
                parts += [Text(""), Rule(Text(story.title, style="bold yellow"),
                                         align="left", style="yellow")]
            case m.SectionBlock(_, section):
                parts += [Text(""), Text(section.title, style="bold cyan")]
                parts.append(_list([("•", Text.assemble(i.sentence.text,
                                                        (f" {brief.cite(i)}", "dim")))
                                    for i in section.items], "cyan"))
            case m.EmptyBlock(text):
                parts += [Text(""), Text(text, style="italic")]
            case m.QuotesBlock(quotes):
                parts += [Text(""), Text("Key quotes", style="bold")]
                rows = []
                for q in quotes:
                    line = Text(f"“{q.text}”")
                    if q.speaker:
                        line.append(f" — {q.speaker}", style="italic")
                    line.append(f" {brief.cite_sentence(q.doc, q.sentence)}", style="dim")
                    rows.append(("›", line))
                parts.append(_list(rows, "bold"))
            case m.EntitiesBlock(groups):
                parts += [Text(""), Text("Who and where", style="bold")]
                parts.append(_list([(f"{label}:", Text(", ".join(f"{e.name} ({e.count})"
                                                                 for e in entities)))
                                    for label, entities in groups], "bold"))
            case m.FooterBlock(text):
                parts += [Text(""), Text(text, style="dim")]
    return Group(*parts)


def _list(rows: list[tuple[str, Text]], style: str) -> RenderableType:
    """Rows of (marker, text) with the text wrapping in its own column."""
    table = Table.grid(padding=(0, 1))
    table.add_column(style=style, no_wrap=True)
    table.add_column(ratio=1)
    for marker, text in rows:
        table.add_row(Text(marker), text)
    return Padding(table, (0, 0, 0, 1))
