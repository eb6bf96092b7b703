"""Dialogs survive a second quick Enter (issue 12, item 12): the app stays up and the
first choice counts."""

from __future__ import annotations

from briefer_snapshot_app import reader_app, run_async, settle

from briefer.tui.screens import ChooseScreen, MainScreen


@run_async
async def test_enter_twice_in_a_picker_chooses_once_and_keeps_the_app() -> None:
    app = reader_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        assert isinstance(app.screen, ChooseScreen)
        picker = app.screen
        # Two Enters queued before the first is handled: both reach the picker.
        picker.dismiss("textrank")
        picker.dismiss("lsa")
        await pilot.pause()
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.return_code in (None, 0)
        assert app.reader.algorithm == "textrank"  # the first choice was taken
