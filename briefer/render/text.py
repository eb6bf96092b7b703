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
    """A brief as plain text: headings on their own lines, ``- `` items, no markup; a
    story's heading is underlined with ``=`` so it stands above its sections."""
    from briefer.brief import model as m

    lines: list[str] = []
    for block in brief.blocks():
        match block:
            case m.HeadingBlock(title, standfirst, byline):
                lines.append(title)
                if byline:
                    lines.append(byline)
                if standfirst:
                    lines.append(standfirst)
                lines.append("")
            case m.BottomLineBlock(item):
                lines += [f"Bottom line: {item.sentence.text} {brief.cite(item)}", ""]
            case m.StoryBlock(_, story):
                lines += [story.title, "=" * min(len(story.title), 72), ""]
            case m.SectionBlock(_, section):
                lines.append(section.title)
                lines += [f"- {i.sentence.text} {brief.cite(i)}" for i in section.items]
                lines.append("")
            case m.EmptyBlock(text):
                lines += [text, ""]
            case m.QuotesBlock(quotes):
                lines.append("Key quotes")
                for q in quotes:
                    speaker = f" — {q.speaker}" if q.speaker else ""
                    lines.append(f"- “{q.text}”{speaker} {brief.cite_sentence(q.doc, q.sentence)}")
                lines.append("")
            case m.EntitiesBlock(groups):
                lines.append("Who and where")
                for label, entities in groups:
                    lines.append(f"- {label}: "
                                 + ", ".join(f"{e.name} ({e.count})" for e in entities))
                lines.append("")
            case m.FooterBlock(text):
                lines.append(text)
    return "\n".join(lines) + "\n"
