"""Ranking in a child process: the same scores, cancellation that kills, failures that say so.

The child imports its rankers by name, so the odd ones these tests need (slow, crashing,
chatty) live in ``child_rankers``.
"""

from __future__ import annotations

import os
from pathlib import Path

import child_rankers
import pytest
from briefer_snapshot_app import (
    choose,
    notices,
    reader_app,
    run_async,
    second_document,
    seed_document,
    settle,
)
from textual.message import Message

from briefer import api
from briefer.document import Document
from briefer.rank import UnknownAlgorithm
from briefer.tui import ranking
from briefer.tui.ranking import RankingFailed, is_slow, rank_for_reader, rank_in_process
from briefer.tui.screens import MainScreen


def gone(pid: int) -> bool:
    """Whether process ``pid`` has ended and been reaped (no zombie left behind)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_the_child_gives_the_same_scores_as_ranking_here() -> None:
    doc = seed_document()
    assert rank_in_process(doc, "pacsum") == tuple(api.rank(doc, "pacsum"))


def test_cancelling_returns_none_and_ends_the_child(tmp_path: Path) -> None:
    pid_file = tmp_path / "pid"
    scores = rank_in_process(second_document(), str(pid_file), rank=child_rankers.sleepy,
                             cancelled=lambda: pid_file.exists())
    assert scores is None  # the sleepy ranker would have answered, after its minute
    assert gone(int(pid_file.read_text(encoding="utf-8"))), "killed and reaped on return"


def test_a_rankers_error_is_raised_here_as_it_was() -> None:
    with pytest.raises(UnknownAlgorithm, match="no-such-ranker"):
        rank_in_process(second_document(), "no-such-ranker")


def test_a_child_that_dies_without_an_answer_says_so() -> None:
    with pytest.raises(RankingFailed, match=r"exit code 3\): the ranker gave up: now"):
        rank_in_process(second_document(), "now", rank=child_rankers.crash)


def test_an_error_that_cannot_travel_is_sent_as_text() -> None:
    with pytest.raises(RankingFailed, match="_Stubborn: lsa: cannot be sent back"):
        rank_in_process(second_document(), "lsa", rank=child_rankers.stubborn)


def test_what_a_ranker_prints_does_not_spoil_the_answer() -> None:
    doc = second_document()
    assert rank_in_process(doc, "x", rank=child_rankers.chatty) == tuple(
        child_rankers.chatty(doc, "x"))


def test_the_child_does_not_load_textual() -> None:
    assert set(rank_in_process(second_document(), "x", rank=child_rankers.textual_loaded)
               ) == {0.0}


def test_only_slow_rankers_on_long_texts_go_to_a_child(monkeypatch: pytest.MonkeyPatch
                                                       ) -> None:
    assert is_slow("sumy-kl") and is_slow("SUMY-LexRank")
    assert not is_slow("lead") and not is_slow("pacsum") and not is_slow("no-such-ranker")
    children: list[str] = []

    def recorded(doc: Document, algorithm: str, cancelled: object) -> tuple[float, ...]:
        children.append(algorithm)
        return (0.0,) * len(doc.sentences)

    monkeypatch.setattr(ranking, "rank_in_process", recorded)
    short = second_document()
    assert len(short.sentences) < ranking.LARGE
    assert rank_for_reader(short, "sumy-luhn") == tuple(api.rank(short, "sumy-luhn"))
    monkeypatch.setattr(ranking, "LARGE", len(short.sentences))
    rank_for_reader(short, "lead")
    assert children == []
    rank_for_reader(short, "sumy-luhn")
    assert children == ["sumy-luhn"]


# -- in the reader ---------------------------------------------------------------------------


@run_async
async def test_a_ranker_that_fails_is_a_notification_and_the_reader_stays(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(doc: Document, algorithm: str | None = None) -> tuple[float, ...]:
        raise RuntimeError("sumy fell over")

    monkeypatch.setattr(api, "rank", broken)
    messages: list[Message] = []
    app = reader_app()
    async with app.run_test(size=(80, 24), message_hook=messages.append) as pilot:
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, MainScreen)
        assert "RuntimeError: sumy fell over" in notices(messages)
        assert app.reader.brief is None
        main = app.screen
        assert not main.progress.busy
        shown = main.brief_view.get_option_at_index(0).prompt
        assert "No brief: RuntimeError: sumy fell over" in str(shown)


@run_async
async def test_a_child_that_dies_is_a_notification_and_the_last_brief_stays(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def in_a_dying_child(doc: Document, algorithm: str, cancelled: object
                         ) -> tuple[float, ...] | None:
        if algorithm != "sumy-luhn":
            return tuple(api.rank(doc, algorithm))
        return rank_in_process(doc, "out of memory", rank=child_rankers.crash)

    monkeypatch.setattr(ranking, "rank_for_reader", in_a_dying_child)
    messages: list[Message] = []
    app = reader_app()
    async with app.run_test(size=(80, 24), message_hook=messages.append) as pilot:
        await settle(pilot)
        before = app.reader.brief
        await pilot.press("a")
        await choose(pilot, "sumy-luhn")
        await settle(pilot)
        assert any("exit code 3" in n and "the ranker gave up: out of memory" in n
                   for n in notices(messages))
        assert app.reader.algorithm == "lead", "back to the ranker that worked"
        assert app.reader.brief is before


@run_async
async def test_another_ranker_chosen_while_a_child_ranks_ends_the_child(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The reader can read while a slow ranker works, and a change of mind kills it."""
    pid_file = tmp_path / "pid"

    def slow_in_a_child(doc: Document, algorithm: str, cancelled: object
                        ) -> tuple[float, ...] | None:
        if algorithm != "sumy-kl":
            return tuple(api.rank(doc, algorithm))
        return rank_in_process(doc, str(pid_file), cancelled,  # type: ignore[arg-type]
                               rank=child_rankers.sleepy)

    monkeypatch.setattr(ranking, "rank_for_reader", slow_in_a_child)
    app = reader_app(algorithm="sumy-kl")
    async with app.run_test(size=(80, 24)) as pilot:
        main = app.screen
        assert isinstance(main, MainScreen)
        for _ in range(400):
            if pid_file.exists() and pid_file.read_text(encoding="utf-8"):
                break
            await pilot.pause(0.05)
        pid = int(pid_file.read_text(encoding="utf-8"))
        assert main.progress.busy and app.reader.brief is None
        await pilot.press("tab", "down")
        assert main.source.selected_key == (0, 1), "the source reads while the child ranks"
        await pilot.press("a")
        await choose(pilot, "lead")
        await settle(pilot)
        assert app.reader.brief is not None and app.reader.brief.algorithm == "lead"
        for _ in range(100):
            if gone(pid):
                break
            await pilot.pause(0.05)
        assert gone(pid), "the superseded ranking's child was killed"
