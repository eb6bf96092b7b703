"""Plain text output: one sentence a line, nothing else, for ``grep``, ``wc`` and friends."""

from __future__ import annotations

from briefer.document import Document, Summary


def render_summary(summary: Summary) -> str:
    """The chosen sentences, one a line, in source order."""
    return "".join(f"{s.text}\n" for s in summary.sentences)


def render_sentences(doc: Document) -> str:
    """All sentences of ``doc``, one a line."""
    return "".join(f"{s.text}\n" for s in doc.sentences)
