"""Snapshots of the main screen: 80×24 and 120×35, dark, and 80×24 light.

Regenerate with ``pytest tests/tui --snapshot-update`` after checking the new pictures (see
docs/tui.md); textual is pinned exactly because patch releases move pixels.
"""

from __future__ import annotations

from typing import Any

from briefer_snapshot_app import reader_app, settle


async def _ready(pilot: Any) -> None:
    await settle(pilot)


def test_main_screen_80x24(snap_compare: Any) -> None:
    assert snap_compare(reader_app(), terminal_size=(80, 24), run_before=_ready)


def test_main_screen_120x35(snap_compare: Any) -> None:
    assert snap_compare(reader_app(count=7), terminal_size=(120, 35), run_before=_ready)


def test_main_screen_light_with_pin_drop_and_search(snap_compare: Any) -> None:
    """The light theme, with each kind of mark on screen: a pin, a drop, a search match."""

    async def shape(pilot: Any) -> None:
        await settle(pilot)
        await pilot.press("d", "tab", "end", "p")
        await settle(pilot)
        await pilot.press("slash", *"oval", "enter")
        await settle(pilot)

    assert snap_compare(reader_app(theme="textual-light"), terminal_size=(80, 24),
                        run_before=shape)


def test_help_screen_80x24(snap_compare: Any) -> None:
    assert snap_compare(reader_app(), press=["question_mark"], terminal_size=(80, 24),
                        run_before=_ready)


ONE_SENTENCE = "The council opened the new bridge over the river on Monday morning."
TWO_SENTENCES = ("The council opened the new bridge over the river on Monday morning. "
                 "Traffic crossed it within the hour, the mayor said.")


def test_one_sentence_brief_shows_its_bottom_line_only(snap_compare: Any) -> None:
    """One sentence is a bottom line and nothing else: no "Nothing to brief" under it (the
    TUI used to say so whenever no section had an item)."""
    from briefer import api

    doc = api.split(ONE_SENTENCE, source="bridge.txt")
    assert snap_compare(reader_app([doc]), terminal_size=(80, 24), run_before=_ready)


def test_all_dropped_brief_says_nothing_is_left(snap_compare: Any) -> None:
    from briefer import api

    async def drop_all(pilot: Any) -> None:
        await settle(pilot)
        for _ in range(2):
            await pilot.press("d")
            await settle(pilot)

    doc = api.split(TWO_SENTENCES, source="bridge.txt")
    assert snap_compare(reader_app([doc]), terminal_size=(80, 24), run_before=drop_all)
