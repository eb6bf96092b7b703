"""``briefer entities`` output: every entity found, its kind, count and where it is named.

One function per format, like the other renderers; each takes an :class:`EntityReport`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from briefer.brief.model import KIND_LABELS
from briefer.document import Document

if TYPE_CHECKING:
    from rich.console import RenderableType

    from briefer.brief.analysis import View
    from briefer.brief.entities import Mention, Named


@dataclass(frozen=True, slots=True)
class EntityReport:
    """The documents, their sentences seen as views, and the entities named in them."""

    documents: tuple[Document, ...]
    views: tuple[View, ...]
    named: tuple[Named, ...]

    def cite(self, mention: Mention) -> str:
        """``3`` for one document, ``a.txt:3`` for several (the brief's citation style)."""
        view = self.views[mention.view]
        if len(self.documents) == 1:
            return str(view.sentence.index)
        return f"{self.documents[view.doc].source}:{view.sentence.index}"

    def citations(self, named: Named) -> list[str]:
        return list(dict.fromkeys(self.cite(m) for m in named.mentions))


def _groups(report: EntityReport) -> list[tuple[str, list[Named]]]:
    out = []
    for kind, label in KIND_LABELS:
        group = [n for n in report.named if n.entity.kind == kind]
        if group:
            out.append((label, group))
    return out


def render_json(report: EntityReport) -> str:
    from briefer.render.json import dumps

    entities: list[dict[str, Any]] = []
    for n in report.named:
        mentions = []
        for m in n.mentions:
            view = report.views[m.view]
            doc = report.documents[view.doc]
            mentions.append({"source": doc.source, "sentence": view.sentence.index,
                             "start": m.start, "end": m.end, "text": doc.text[m.start:m.end]})
        entities.append({"name": n.entity.name, "kind": n.entity.kind,
                         "count": n.entity.count, "listed": n.listed, "mentions": mentions})
    from briefer.language import common_language

    # "language" as the brief's JSON has it: the texts' one language (English when mixed).
    return dumps({"sources": [d.source for d in report.documents],
                  "language": common_language(d.language for d in report.documents),
                  "entities": entities})


def render_text(report: EntityReport) -> str:
    """One entity a line, tab-separated: name, kind, count, listed, sentences."""
    lines = [f"{n.entity.name}\t{n.entity.kind}\t{n.entity.count}\t"
             f"{'listed' if n.listed else '-'}\t{','.join(report.citations(n))}"
             for n in report.named]
    return "".join(line + "\n" for line in lines)


def render_markdown(report: EntityReport) -> str:
    from briefer.render.markdown import escape

    lines = ["# Entities", ""]
    for label, group in _groups(report):
        lines += [f"## {label}", ""]
        for n in group:
            mark = "**" if n.listed else ""
            lines.append(f"- {mark}{escape(n.entity.name)}{mark} ({n.entity.count}) "
                         f"[{', '.join(escape(c) for c in report.citations(n))}]")
        lines.append("")
    if not report.named:
        lines.append("No people, places or organisations found.")
    return "\n".join(lines).rstrip("\n") + "\n"


def render_rich(report: EntityReport) -> RenderableType:
    from rich.console import Group
    from rich.text import Text

    parts: list[Any] = []
    for label, group in _groups(report):
        parts.append(Text(label, style="bold"))
        for n in group:
            line = Text("  ")
            line.append(n.entity.name, style="bold" if n.listed else "")
            line.append(f" ({n.entity.count}) ", style="dim")
            line.append("[" + ", ".join(report.citations(n)) + "]", style="dim")
            parts.append(line)
    if not parts:
        parts.append(Text("No people, places or organisations found.", style="dim"))
    parts.append(Text("Bold: listed under Who and where in the brief.", style="dim"))
    return Group(*parts)
