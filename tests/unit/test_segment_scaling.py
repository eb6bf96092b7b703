"""The splitter's cues for sentences with no stop before them cost work in proportion to the
text, not to its square.

A headline run into its lede is looked for around each capitalised sentence starter, and a
quotation protects the text inside it; a long paragraph with no stop, full of both, or a text
of many short paragraphs, must not make either rescan the paragraph or every quotation per
candidate.  These tests count the lines of ``briefer/segment.py`` Python runs (not time) for
a text and for one twice as long.
"""

from __future__ import annotations

import pytest

from briefer import segment
from tests.unit.line_count import lines_run

# No stop anywhere: every "O" is a candidate, and the lede restates the headline each time.
RUN_ON = "Ministro anuncia vacina O ministro anuncia a vacina "
QUOTED = "Ministro anuncia vacina «Ele disse O ministro anuncia» O ministro anuncia a vacina "


def _lines(text: str) -> tuple[int, int]:
    """(sentences, lines of segment.py run) for splitting ``text`` as Portuguese."""
    segment.split_sentences("Aquece. O cache.", language="pt")  # the word lists, once
    found, lines = lines_run((segment.__file__,),
                             lambda: segment.split_sentences(text, language="pt"))
    return len(found), lines


@pytest.mark.parametrize(("unit", "joiner"), [(RUN_ON, ""), (QUOTED, ""), (RUN_ON, "\u2029")])
def test_sentences_without_stops_cost_linear_work(unit: str, joiner: str) -> None:
    n1, lines1 = _lines(joiner.join([unit] * 200))
    n2, lines2 = _lines(joiner.join([unit] * 400))
    assert n1 >= 100 and n2 >= 2 * n1 - 2  # the cue fires all along the text
    # Twice the text, about twice the lines (a quadratic cue runs about four times as many).
    assert lines2 <= 2.3 * lines1, (lines1, lines2)


class _Counted(str):
    """A text that adds up how many characters every index and slice of it copies."""

    copied = 0

    def __getitem__(self, key):  # type: ignore[override]
        got = str.__getitem__(self, key)
        _Counted.copied += len(got)
        return got


def _copied(text: str, language: str) -> tuple[int, int]:
    """(sentences, characters copied out of the text) for splitting ``text``."""
    segment.split_sentences("Aquece. O cache.", language=language)  # the word lists, once
    _Counted.copied = 0
    found = segment.split_sentences(_Counted(text), language=language)
    return len(found), _Counted.copied


# Periods after list-label tokens that end no sentence: an event calendar, a run of initials.
# The sentence never ends, so whatever looks back at "the sentence so far" must not copy it.
CALENDAR = "am 12. Juni in Berlin, am 3. Mai in Bonn, "
INITIALS = "K. E. M. U. "


@pytest.mark.parametrize(("unit", "language"), [(CALENDAR, "de"), (INITIALS, "en")])
def test_periods_that_end_no_sentence_do_not_copy_the_sentence_so_far(unit: str, language: str
                                                                       ) -> None:
    n1, copied1 = _copied(unit * 300, language)
    n2, copied2 = _copied(unit * 600, language)
    assert n2 >= n1 >= 1  # (cut only by the length cap on a sentence)
    # Twice the text, about twice the copying (the old test of the sentence's start copied
    # everything since it, four times as much).
    assert copied2 <= 2.3 * copied1, (copied1, copied2)
