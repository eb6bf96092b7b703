"""Quotes in one long paragraph cost work in proportion to its length, not to its square.

Each quotation of a paragraph is attributed by looking around it, and the paragraph may be a
whole lower-cased corpus joined on one line (one megabyte took seconds when each quotation
copied the text before it, scanned every sentence of the paragraph for its own, and tested
every token before a speech verb against every quotation).  These tests count work instead
of timing it: the characters the quote finder reads out of the text, and the lines of
Python it runs, for a paragraph and for one twice as long.
"""

from __future__ import annotations

import random
from dataclasses import replace
from typing import Any

from briefer import api
from briefer.brief import lowercased, quotes
from briefer.brief.analysis import analyse
from briefer.brief.entities import find_entities
from briefer.brief.gazetteer import load_gazetteer
from briefer.tokens import make_stemmer, stop_words
from tests.unit.line_count import lines_run
from tests.unit.test_lowercased_quotes import PRESS

MIXED = ('"We will not stop until the work is done," Dana Whitfield said on Tuesday. The '
         'panel heard from the city. Omar Reyes, the health secretary, said: "It is a good '
         'plan for everyone who lives here." Reporters asked about the budget. "There is a '
         'long way to go," he told them. ')


class _Counted(str):
    """A text that adds up the characters its slices and indexing hand out."""

    read: list[int]

    def __getitem__(self, key: Any) -> str:
        out = str.__getitem__(self, key)
        self.read[0] += len(out)
        return out


def _counted(text: str) -> _Counted:
    out = _Counted(text)
    out.read = [0]
    return out


def _work(text: str) -> tuple[int, int, int]:
    """(quotes found, characters read from the document's text, lines of quotes.py and
    lowercased.py run) by :func:`quotes.find_quotes` on ``text``."""
    doc = api.split(text, source="t.txt")
    stop = stop_words()
    views = analyse([doc], make_stemmer(), stop)
    cast = find_entities(views, load_gazetteer(), stop)
    counted = _counted(doc.text)
    doc = replace(doc, text=counted)
    found, lines = lines_run((quotes.__file__, lowercased.__file__),
                             lambda: quotes.find_quotes([doc], views, cast, limit=10_000))
    return len(found), counted.read[0], lines


def _grows_linearly(paragraph: str) -> None:
    n1, read1, lines1 = _work(" ".join([paragraph] * 20))
    n2, read2, lines2 = _work(" ".join([paragraph] * 40))
    assert n1 >= 3 and n2 == n1  # the quotes are found (a repeated one is kept once)
    text2 = len(" ".join([paragraph] * 40))
    # Reading: the paragraph once, each quotation and a few characters around each mark.
    assert read2 <= 4 * text2, (read1, read2, text2)
    # Work: twice the text, about twice the lines (a quadratic finder runs over three times).
    assert lines2 <= 2.4 * lines1, (lines1, lines2)


def test_lower_cased_paragraph_quotes_cost_linear_work() -> None:
    assert lowercased.is_lower_cased(PRESS)
    _grows_linearly(PRESS)


def test_mixed_case_paragraph_quotes_cost_linear_work() -> None:
    _grows_linearly(MIXED)


def test_quote_spans_reads_a_bounded_window_per_mark() -> None:
    text = _counted(" ".join([PRESS] * 40))
    spans = lowercased.quote_spans(text)
    assert len(spans) >= 5 * 40
    assert text.read[0] <= 4 * len(text), (text.read[0], len(text))



def test_bisected_spans_answer_as_a_scan_does() -> None:
    # Overlapping and nested spans too (a curly quotation inside a straight one, the
    # shared mark of a reopened straight quotation).
    rng = random.Random(7)
    for _ in range(200):
        raw = sorted((a, a + rng.randint(1, 30)) for a in rng.sample(range(200), 12))
        spans = quotes._Spans(raw)
        for offset in range(-2, 240):
            assert quotes._inside(offset, spans) == any(a <= offset < b for a, b in raw)
