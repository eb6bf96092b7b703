"""The reader against hostile files (issue 12, item 12), driven through its keys: each gives a
message in the app, and the app stays usable afterwards; a crash ends with a non-zero status.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest
from briefer_snapshot_app import (
    SEED,
    choose,
    notices,
    reader_app,
    run_async,
    settle,
    type_into,
)
from click.testing import CliRunner
from textual.message import Message
from textual.pilot import Pilot

from briefer.cli import cli
from briefer.tui.screens import ChooseScreen, HelpScreen, MainScreen, PromptScreen


def deep_toml(depth: int) -> str:
    return ("description = 'deep'\nx = " + "[" * depth + "]" * depth +
            "\n[[section]]\ntitle = 'A'\ntopics = ['a']\n")


async def still_usable(pilot: Pilot[Any]) -> None:
    """The reader answers keys after the failure: a longer brief, then the help screen."""
    app = pilot.app
    assert app.is_running and isinstance(app.screen, MainScreen)
    before = app.reader.stats.sentences_out
    await pilot.press("plus")
    await settle(pilot)
    assert app.reader.stats.sentences_out == before + 1
    await pilot.press("question_mark")
    assert isinstance(app.screen, HelpScreen)
    await pilot.press("escape")
    assert isinstance(app.screen, MainScreen)


@run_async
async def test_a_user_template_nested_500_deep_is_a_message(tmp_path: Path) -> None:
    folder = Path(os.environ["BRIEFER_CONFIG_DIR"]) / "templates"
    folder.mkdir(parents=True)
    (folder / "deep.toml").write_text(deep_toml(500), encoding="utf-8")
    messages: list[Message] = []
    app = reader_app()
    async with app.run_test(size=(100, 30), message_hook=messages.append) as pilot:
        await settle(pilot)
        good = app.reader.brief
        await pilot.press("t")
        assert isinstance(app.screen, ChooseScreen)
        assert "deep" in [value for value, _ in app.screen.choices]
        await choose(pilot, "deep")
        await settle(pilot)
        assert any("deep.toml" in n and "nested too deeply" in n for n in notices(messages))
        assert app.reader.template != "deep" and app.reader.brief is good
        await still_usable(pilot)
    assert app.return_code in (None, 0)


async def open_path(pilot: Pilot[Any], path: str) -> None:
    await pilot.press("o")
    assert isinstance(pilot.app.screen, PromptScreen)
    await type_into(pilot, "#answer", path)
    # A read that hangs (a FIFO opened blocking) fails here instead of hanging the suite.
    deadline = time.monotonic() + 120
    while any(w.group == "read" and not w.is_finished for w in pilot.app.workers):
        if time.monotonic() > deadline:
            raise TimeoutError(f"reading {path} did not end")
        await pilot.pause(0.05)
    await settle(pilot)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
@run_async
async def test_opening_dev_zero_is_a_message() -> None:
    messages: list[Message] = []
    app = reader_app()
    async with app.run_test(size=(100, 30), message_hook=messages.append) as pilot:
        await settle(pilot)
        await open_path(pilot, "/dev/zero")
        assert any(n.startswith("/dev/zero: ") for n in notices(messages)), notices(messages)
        assert len(app.reader.documents) == 1
        await still_usable(pilot)
    assert app.return_code in (None, 0)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
@run_async
async def test_opening_a_fifo_with_no_writer_is_a_message_not_a_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    messages: list[Message] = []
    app = reader_app()
    async with app.run_test(size=(100, 30), message_hook=messages.append) as pilot:
        await settle(pilot)
        try:
            await open_path(pilot, str(fifo))
        except TimeoutError:
            # Be the writer the blocked open waits for, so the test fails instead of hanging.
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
            raise AssertionError("opening a FIFO with no writer hung the reader") from None
        assert any(n.startswith(f"{fifo}: ") for n in notices(messages)), notices(messages)
        await still_usable(pilot)
    assert app.return_code in (None, 0)


@run_async
async def test_how_a_file_was_read_is_shown_in_the_app(tmp_path: Path) -> None:
    """A note about the reading ("bytes replaced") is a notification in the reader, for a
    file given at start as for one opened in it: stderr is hidden behind the app's screen."""
    from briefer import api

    data = SEED.read_bytes()
    cut = data.index(b"Maduro")
    stray = tmp_path / "stray.txt"
    stray.write_bytes(data[:cut] + b"\xff" + data[cut:])
    document = api.read(str(stray))
    assert document.notes, "the file must give a note for this test to mean anything"
    messages: list[Message] = []
    app = reader_app([document])
    async with app.run_test(size=(100, 30), message_hook=messages.append) as pilot:
        await settle(pilot)
        assert document.notes[0] in notices(messages)
        messages.clear()
        await open_path(pilot, str(stray))
        assert document.notes[0] in notices(messages)


def test_a_crash_in_the_app_exits_non_zero(monkeypatch: pytest.MonkeyPatch) -> None:
    """An unhandled error inside the app ends ``briefer tui`` with Textual's status 1, not
    the 0 of a quit (run headless, the error injected into a key's action)."""
    from briefer.cli import tui as command
    from briefer.tui.app import BrieferApp

    def crash(self: MainScreen) -> None:
        raise RuntimeError("injected")

    async def press_plus(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("plus")

    run = BrieferApp.run
    monkeypatch.setattr(command, "stdout_is_terminal", lambda: True)
    monkeypatch.setattr(MainScreen, "action_longer", crash)
    monkeypatch.setattr(BrieferApp, "run", lambda self: run(self, headless=True,
                                                             auto_pilot=press_plus))
    result = CliRunner().invoke(cli, ["tui", str(SEED), "-a", "lead"])
    assert result.exit_code == 1
