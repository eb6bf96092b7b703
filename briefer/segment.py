"""Sentence boundaries with character offsets (placeholder: replaced by the rule-based splitter)."""

from __future__ import annotations

import re

_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+|$)|\n\s*\n")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) spans of the sentences of ``text``, without surrounding white space."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _END.finditer(text):
        _append(text, pos, m.end(), spans)
        pos = m.end()
    _append(text, pos, len(text), spans)
    return spans


def _append(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
