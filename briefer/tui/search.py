"""The reader's search: one matcher for what counts as a match and where it is.

The count in the source pane's title, the sentences ``n``/``N`` step through and the
highlighted words all come from :func:`match_spans`, so they cannot disagree.  A match ignores
case the Unicode way (``str.casefold``, so "strasse" finds "Straße" and "STRASSE"), and runs of
white space in the query count as one space, as they do in a sentence's text.

It is also blind to how an accented letter is encoded: "café" typed precomposed (NFC, as
keyboards give it) finds "café" written as "e" plus a combining accent (NFD, as some pages
and macOS file names have it), and the other way round.  Both sides are compared in
canonical caseless form, NFD(casefold(NFD(x))) (Unicode 15, D145).  An accent still
counts: "cafe" does not find "café".

Folding can turn one character into several ("ß" into "ss", "ﬁ" into "fi", "é" into "e" and
an accent), so offsets in the folded text are mapped back to the sentence's own; a match
must begin and end on whole characters of the sentence ("s" does not match half of "ß") and
may not stop before a combining accent, which keeps every highlight on what the reader
typed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import lru_cache


def normalise(query: str) -> str:
    """The query as it is shown and matched: trimmed, inner white space folded to one space."""
    return " ".join(query.split())


def _caseless(text: str) -> str:
    """Canonical caseless form, NFD(casefold(NFD(text)))."""
    return unicodedata.normalize("NFD", unicodedata.normalize("NFD", text).casefold())


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    return _caseless(ch)


def _canonical_order(folded: str, origin: list[int]) -> tuple[str, list[int]]:
    """Put each run of combining marks in canonical order (a stable sort by combining
    class, as NFD does), carrying each mark's origin with it: characters folded one at a
    time can leave marks out of order ("e" + U+0302 + U+0323 is U+0323 first in NFD)."""
    chars, where = list(folded), list(origin)
    k = 0
    while k < len(chars):
        if not unicodedata.combining(chars[k]):
            k += 1
            continue
        run = k
        while run < len(chars) and unicodedata.combining(chars[run]):
            run += 1
        marks = sorted(zip(chars[k:run], where[k:run], strict=True),
                       key=lambda mark: unicodedata.combining(mark[0]))
        chars[k:run] = [c for c, _ in marks]
        where[k:run] = [w for _, w in marks]
        k = run
    return "".join(chars), where


def match_spans(text: str, query: str) -> list[tuple[int, int]]:
    """``(start, end)`` offsets into ``text`` of each non-overlapping match of ``query``."""
    needle = _caseless(normalise(query))
    if not needle:
        return []
    origin: list[int] | None = None  # where each folded character came from, if they moved
    bounds: set[int] = set()  # folded offsets where a character of ``text`` starts or ends
    if text.isascii():
        folded = text.lower()  # what casefold and NFD do to ASCII
    else:
        pieces = [_fold_char(ch) for ch in text]
        folded = "".join(pieces)
        if len(folded) != len(text) or not unicodedata.is_normalized("NFD", folded):
            origin = [i for i, piece in enumerate(pieces) for _ in piece]
            folded, origin = _canonical_order(folded, origin)
            bounds = {k for k in range(len(origin)) if k == 0 or origin[k] != origin[k - 1]}
            bounds.add(len(origin))
    found: list[tuple[int, int]] = []
    pos = folded.find(needle)
    while pos >= 0:
        end = pos + len(needle)
        whole = origin is None or (pos in bounds and end in bounds)
        if whole and not (end < len(folded) and unicodedata.combining(folded[end])):
            found.append((pos, end) if origin is None else (origin[pos], origin[end - 1] + 1))
            pos = folded.find(needle, end)
        else:  # it would cut a character or its accent off: look on from the next
            pos = folded.find(needle, pos + 1)
    return found


def matches(text: str, query: str) -> bool:
    """True if ``query`` occurs in ``text`` (as :func:`match_spans` would find it)."""
    return bool(match_spans(text, query))


def step(matched: Sequence[int], here: int, *, forward: bool,
         include_current: bool = False) -> int | None:
    """The match to go to from position ``here``: the next one (or, with ``include_current``,
    ``here`` itself) going forward, the one before going back, wrapping round at the ends."""
    if not matched:
        return None
    if forward:
        after = [m for m in matched if m > here or (include_current and m == here)]
        return after[0] if after else matched[0]
    before = [m for m in matched if m < here]
    return before[-1] if before else matched[-1]


def title(query: str, count: int) -> str:
    """The source pane's title during a search: ``Source · “maduro”: 3 matches``."""
    found = f"{count} match{'es' if count != 1 else ''}" if count else "no match"
    return f"Source · “{normalise(query)}”: {found}"

