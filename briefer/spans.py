"""Character spans of a text: the one helper every step that keeps offsets trims them with.

A module of its own, importing nothing, so the splitter (``briefer.segment``, which a caller
may import alone to split text) does not pay for the data model's dataclasses at start-up.
"""

from __future__ import annotations

__all__ = ["strip_span"]


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` moved inwards past white space, so ``text[start:end]`` is stripped.

    The one place offsets are trimmed: the clean-up's lines and paragraphs and the splitter's
    blocks and sentences all keep their offsets into the original text this way, instead of
    calling ``str.strip`` and losing where the piece stood.
    """
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
