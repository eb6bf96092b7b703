"""Markdown output: what a pipe gets (``briefer summarize a.txt | glow -``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefer.document import Document, Summary

if TYPE_CHECKING:
    from briefer.brief.model import Brief

_INLINE = re.compile(r"([\\`*_\[\]<>|])")
_LINE_START = re.compile(r"^(\s*)([#>+\-=]|\d+[.)])", re.M)


def escape(text: str) -> str:
    """Escape what a markdown renderer would read as markup in a line of prose."""
    text = _INLINE.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def render_summary(summary: Summary) -> str:
    """A title line, then one ``- `` item a chosen sentence, citing its number."""
    doc = summary.document
    lines = [f"# {escape(doc.title or doc.source)}", ""]
    if doc.standfirst:
        lines += [f"*{escape(doc.standfirst)}*", ""]
    lines += [f"- {escape(s.text)} [{s.index}]" for s in summary.sentences]
    total = len(doc.sentences)
    lines += ["", f"*{len(summary.chosen)} of {total} sentences · {summary.algorithm} · "
                  f"{doc.language} · {escape(doc.source)}*", ""]
    return "\n".join(lines)


def render_sentences(doc: Document) -> str:
    """Every sentence of ``doc`` as a numbered markdown list."""
    return "\n".join(f"{s.index}. {escape(s.text)}" for s in doc.sentences) + "\n"


def render_brief(brief: Brief) -> str:
    """A brief as CommonMark: ``# `` title, ``## `` sections, ``- `` items citing sources.

    Every piece of source text is escaped, and nothing but headings, emphasis and lists is
    used, so any markdown renderer (glow, rich, a browser) shows it as written.  With
    several stories, each story is a ``## `` heading and its sections ``### ``.
    """
    from briefer.brief import model as m

    several = len(brief.stories) > 1
    lines: list[str] = []
    for block in brief.blocks():
        match block:
            case m.HeadingBlock(title, standfirst, byline):
                lines += [f"# {escape(title)}", ""]
                if byline:
                    lines += [escape(byline), ""]
                if standfirst:
                    lines += [f"*{escape(standfirst)}*", ""]
            case m.BottomLineBlock(item):
                lines += [f"**Bottom line:** {escape(item.sentence.text)} "
                          f"{brief.cite(item, escape)}", ""]
            case m.StoryBlock(_, story):
                lines += [f"## {escape(story.title)}", ""]
            case m.SectionBlock(_, section):
                lines += [f"{'###' if several else '##'} {escape(section.title)}", ""]
                lines += [f"- {escape(i.sentence.text)} {brief.cite(i, escape)}"
                          for i in section.items]
                lines.append("")
            case m.EmptyBlock(text):
                lines += [f"*{escape(text)}*", ""]
            case m.QuotesBlock(quotes):
                lines += ["## Key quotes", ""]
                for q in quotes:
                    speaker = f" — {escape(q.speaker)}" if q.speaker else ""
                    lines.append(f"- “{escape(q.text)}”{speaker} "
                                 f"{brief.cite_sentence(q.doc, q.sentence, escape)}")
                lines.append("")
            case m.EntitiesBlock(groups):
                lines += ["## Who and where", ""]
                for label, entities in groups:
                    names = ", ".join(f"{escape(e.name)} ({e.count})" for e in entities)
                    lines.append(f"- **{label}:** {names}")
                lines.append("")
            case m.FooterBlock(text):
                lines += [f"*{escape(text)}*", ""]
    return "\n".join(lines)
