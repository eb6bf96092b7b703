"""Markdown output: what a pipe gets (``briefer summarize a.txt | glow -``)."""

from __future__ import annotations

import re

from briefer.document import Document, Summary

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
                  f"{escape(doc.source)}*", ""]
    return "\n".join(lines)


def render_sentences(doc: Document) -> str:
    """Every sentence of ``doc`` as a numbered markdown list."""
    return "\n".join(f"{s.index}. {escape(s.text)}" for s in doc.sentences) + "\n"
