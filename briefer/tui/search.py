"""The reader's search: one matcher for what counts as a match and where it is.

The count in the source pane's title, the sentences ``n``/``N`` step through and the
highlighted words all come from :func:`match_spans`, so they cannot disagree.  A match ignores
case the Unicode way (``str.casefold``, so "strasse" finds "Straße" and "STRASSE"), and runs of
white space in the query count as one space, as they do in a sentence's text.

Case folding can turn one character into several ("ß" into "ss", "ﬁ" into "fi"), so offsets
in the folded text are mapped back to the sentence's own; a match must begin and end on whole
characters of the sentence ("s" does not match half of "ß"), which keeps every highlight on
what the reader typed.
"""

from __future__ import annotations

from collections.abc import Sequence


def normalise(query: str) -> str:
    """The query as it is shown and matched: trimmed, inner white space folded to one space."""
    return " ".join(query.split())


def match_spans(text: str, query: str) -> list[tuple[int, int]]:
    """``(start, end)`` offsets into ``text`` of each non-overlapping match of ``query``."""
    needle = normalise(query).casefold()
    if not needle:
        return []
    folded = text.casefold()
    origin: list[int] | None = None  # where each folded character came from, if they moved
    bounds: set[int] = set()  # folded offsets where a character of ``text`` starts or ends
    if len(folded) != len(text):
        origin = [i for i, ch in enumerate(text) for _ in ch.casefold()]
        bounds = {k for k in range(len(origin)) if k == 0 or origin[k] != origin[k - 1]}
        bounds.add(len(origin))
    found: list[tuple[int, int]] = []
    pos = folded.find(needle)
    while pos >= 0:
        end = pos + len(needle)
        if origin is None:
            found.append((pos, end))
        elif pos in bounds and end in bounds:
            found.append((origin[pos], origin[end - 1] + 1))
        else:  # starts or ends inside one character's folding: look on from the next
            pos = folded.find(needle, pos + 1)
            continue
        pos = folded.find(needle, end)
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

