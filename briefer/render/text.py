"""Plain text output: one sentence a line, nothing else, for ``grep``, ``wc`` and friends.

A brief keeps its headings as plain lines (a brief without them would lose its sections).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefer.document import Document, Summary

if TYPE_CHECKING:
    from briefer.brief.model import Brief


def render_summary(summary: Summary) -> str:
    """The chosen sentences, one a line, in source order."""
    return "".join(f"{s.text}\n" for s in summary.sentences)


def render_sentences(doc: Document) -> str:
    """All sentences of ``doc``, one a line."""
    return "".join(f"{s.text}\n" for s in doc.sentences)


def render_brief(brief: Brief) -> str:
    """A brief as plain text: headings on their own lines, ``- `` items, no markup."""
    lines = [brief.heading()]
    byline = brief.byline()
    if byline:
        lines.append(byline)
    if brief.standfirst:
        lines.append(brief.standfirst)
    lines.append("")
    if brief.bottom_line is not None:
        item = brief.bottom_line
        lines += [f"Bottom line: {item.sentence.text} {brief.cite(item)}", ""]
    for section in brief.sections:
        lines.append(section.title)
        lines += [f"- {i.sentence.text} {brief.cite(i)}" for i in section.items]
        lines.append("")
    if brief.quotes:
        lines.append("Key quotes")
        for q in brief.quotes:
            speaker = f" — {q.speaker}" if q.speaker else ""
            lines.append(f"- “{q.text}”{speaker} {brief.cite_sentence(q.doc, q.sentence)}")
        lines.append("")
    groups = brief.entities_by_kind()
    if groups:
        lines.append("Who and where")
        for label, entities in groups:
            lines.append(f"- {label}: " + ", ".join(f"{e.name} ({e.count})" for e in entities))
        lines.append("")
    lines.append(brief.footer())
    return "\n".join(lines) + "\n"
