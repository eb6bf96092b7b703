"""Markdown output: what a pipe gets (``briefer summarize a.txt | glow -``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefer.document import Summary

if TYPE_CHECKING:
    from briefer.brief.model import Brief

# Inline markup: code spans and fences (` and ~), emphasis, strike-through (GFM's ~~), links
# and images, raw HTML and autolinks (<), entity and character references (&), tables (|),
# a heading's closing hashes (#).
_INLINE = re.compile(r"([\\`*_~\[\]<>|&#])")
# Markup that counts only at the start of a line: headings, block quotes, list items, setext
# underlines.  An ordered-list marker is escaped at its "." or ")" ("1984\\) ..."), since a
# backslash before a digit is not an escape and would show.
_LINE_START = re.compile(r"^([>+\-=])|^(\d{1,9})([.)])")
_LINE_BREAKS = re.compile(r"\s*[\n\r\u2028\u2029]\s*")


def escape(text: str) -> str:
    """``text`` as one line of CommonMark prose that renders as exactly these characters.

    Every ASCII punctuation mark CommonMark gives a meaning to is backslash-escaped where it
    would have it; line breaks become spaces (a line break could start a heading or a code
    block) and blanks at either end go (four at the start make a code block, two at the end a
    hard line break).
    """
    text = _LINE_BREAKS.sub(" ", text).strip()
    text = _INLINE.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: (f"\\{m.group(1)}" if m.group(1)
                                      else f"{m.group(2)}\\{m.group(3)}"), text, count=1)


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
