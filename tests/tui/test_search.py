"""The reader's one search: what the count, the n/N steps and the highlights agree on."""

from __future__ import annotations

from typing import Any

import pytest
from briefer_snapshot_app import reader_app, run_async, settle
from textual.message import Message

from briefer import api
from briefer.tui.messages import ReadProgress
from briefer.tui.search import match_spans, matches, normalise, step, title
from briefer.tui.state import ReaderState
from briefer.tui.widgets import SearchBox
from briefer.tui.widgets.source_view import MATCH, Marks, sentence_prompt

STREET = "Die Straße ist lang. Der Weg ist kurz."


@pytest.mark.parametrize(
    ("text", "query", "found"),
    [
        ("Die Straße ist lang.", "strasse", ["Straße"]),  # ß folds to ss
        ("Die Straße ist lang.", "STRASSE", ["Straße"]),
        ("Die Straße ist lang.", "straße", ["Straße"]),
        ("Die Straße ist lang.", "ss", ["ß"]),
        ("Die Straße ist lang.", "s", ["S", "s"]),  # never half of ß
        ("Die Straße ist lang.", "stras", []),  # would end inside ß
        ("Maduro met maduro's aides.", "MADURO", ["Maduro", "maduro"]),
        ("the ﬁnal ﬁle", "fi", ["ﬁ", "ﬁ"]),
        ("aaaa", "aa", ["aa", "aa"]),  # not overlapping
        ("two words here", "  two   words ", ["two words"]),
        ("anything", "   ", []),
        # Canonical equivalence: NFC and NFD spellings of an accent find each other.
        ("Un café solo.", "cafe\u0301", ["café"]),
        ("Un cafe\u0301 solo.", "café", ["cafe\u0301"]),
        ("Un cafe\u0301 solo.", "CAFÉ", ["cafe\u0301"]),
        ("Un cafe\u0301 solo.", "cafe", []),  # the accent still counts
        ("Un café solo.", "cafe", []),
        ("Ångström", "a\u030angstro\u0308m", ["Ångström"]),
        # Marks written out of canonical order still match their NFC form.
        ("Vie\u0302\u0323t Nam", "Việt", ["Vie\u0302\u0323t"]),
    ],
)
def test_match_spans(text: str, query: str, found: list[str]) -> None:
    spans = match_spans(text, query)
    assert [text[a:b] for a, b in spans] == found
    assert matches(text, query) == bool(found)


def test_find_and_the_highlight_agree_on_a_folded_match() -> None:
    """The bug: find("strasse") reported a match and moved the cursor to it while the
    source pane highlighted nothing."""
    doc = api.split(STREET)
    state = ReaderState([doc])
    assert state.find("strasse") == [0]
    sentence = doc.sentences[0]
    look = sentence_prompt(sentence.text, sentence.index, (0, 0), Marks(query="strasse"))
    marked = [sentence.text[s.start:s.end] for s in look.body.spans if s.style == MATCH]
    assert marked == ["Straße"]


def test_step_wraps_round() -> None:
    assert step([2, 5, 9], 5, forward=True) == 9
    assert step([2, 5, 9], 5, forward=True, include_current=True) == 5
    assert step([2, 5, 9], 9, forward=True) == 2
    assert step([2, 5, 9], 2, forward=False) == 9
    assert step([2, 5, 9], -1, forward=True) == 2
    assert step([], 3, forward=True) is None


def test_title_counts() -> None:
    assert title(" maduro ", 3) == "Source · “maduro”: 3 matches"
    assert title("x", 1) == "Source · “x”: 1 match"
    assert title("x", 0) == "Source · “x”: no match"
    assert normalise(" a \t b ") == "a b"


@run_async
async def test_the_search_box_speaks_in_messages_and_escape_in_it_clears(tmp_path: Any) -> None:
    article = tmp_path / "street.txt"
    article.write_text(STREET + "\n\nDie Straße war voll. Niemand kam.\n", encoding="utf-8")
    seen: list[Message] = []
    app = reader_app([str(article)])
    async with app.run_test(size=(80, 24), message_hook=seen.append) as pilot:
        await settle(pilot)
        main = app.screen_stack[0]
        assert any(isinstance(m, ReadProgress) and m.total == 1 for m in seen)
        await pilot.press("slash", *"STRASSE")
        box = main.query_one(SearchBox)
        assert box.is_open and box.has_focus
        queries = [m.query for m in seen if isinstance(m, SearchBox.QueryChanged)]
        assert queries[-1] == "STRASSE"
        assert "“STRASSE”: 2 matches" in str(main.source.border_title)
        assert main.source.selected_key == (0, 0)
        await pilot.press("escape")  # in the box: the box's own binding
        assert any(isinstance(m, SearchBox.Dismissed) for m in seen)
        assert not box.is_open and box.value == ""
        assert main.query_text == "" and str(main.source.border_title) == "Source"
