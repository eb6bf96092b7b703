"""The reader as the TUI tests drive and photograph it: one text, one ranker, one theme.

posting's ``tests/posting_snapshot_app.py`` is the model: every test builds its app through
the same factory the CLI uses (``make_app``), pinned so a run is the same on any machine: the
``lead`` ranker (no sumy, instant), a fixed theme, no cursor blink.  Sizes are fixed by each
test.
"""

from __future__ import annotations

import asyncio
import functools
import io
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from textual.message import Message
from textual.notifications import Notify
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from briefer import api
from briefer.document import Document
from briefer.tui.app import BrieferApp, make_app

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "venezuela-mexico.txt"
SECOND = """\
Rain Ends Drought in the Valley

Farmers welcomed the first heavy rain in eight months on Tuesday.

The storm brought 40 millimetres to the valley overnight, the weather office said. \
Reservoirs remain at a third of their capacity. Officials said water limits would stay \
in place until the spring.

Growers of citrus said the rain came too late for this year's crop. \
Forecasters expect more storms next week.
"""


def seed_document() -> Document:
    """The sample article, named as from the repository root (the snapshots show the name,
    and must not show where the repository happens to be)."""
    return replace(api.read(str(SEED)), source="seeds/venezuela-mexico.txt")


def dek_document() -> Document:
    """The sample with its one-sentence first paragraph set in italics, which marks it as a
    standfirst (as plain text it is read as the lede)."""
    text = SEED.read_text(encoding="utf-8")
    dek = next(line for line in text.splitlines() if line.startswith("U.S. president hints"))
    return api.split(text.replace(dek, f"*{dek}*"), source="seeds/venezuela-mexico.txt")


def second_document() -> Document:
    return api.split(SECOND, source="valley.txt")


def reader_app(
    sources: Sequence[str | Path | Document] | None = None,
    *,
    theme: str = "textual-dark",
    algorithm: str = "lead",
    **options: Any,
) -> BrieferApp:
    """The app on the seed article (or ``sources``), deterministic for tests."""
    return make_app(list(sources) if sources is not None else [seed_document()],
                    algorithm=algorithm, theme=theme, cursor_blink=False, **options)


async def settle(pilot: Pilot[Any]) -> None:
    """Wait until reading and ranking are done and what they posted has been handled.

    Only the ``read`` and ``brief`` workers are waited for: a dialog's worker waits for the
    reader, and waiting for it would wait for ever.
    """
    app = pilot.app
    for _ in range(20):
        await pilot.pause()
        busy = [w for w in app.workers if w.group in ("read", "brief") and not w.is_finished]
        if not busy:
            await pilot.pause()
            return
        await app.workers.wait_for_complete(busy)
    raise AssertionError("the reader's workers did not settle")


def run_async(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an ``async def`` test in its own event loop (the suite has no asyncio plugin);
    pytest still sees the test's own parameters, so fixtures work."""

    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return run


def notices(messages: list[Message]) -> list[str]:
    """The texts of the notifications among recorded ``messages``."""
    return [m.notification.message for m in messages if isinstance(m, Notify)]


async def type_into(pilot: Pilot[Any], selector: str, text: str) -> None:
    """Fill a dialog's input and press enter (typing a long path key by key is slow)."""
    field = pilot.app.screen.query_one(selector, Input)
    field.focus()
    field.value = text
    await pilot.press("end", "enter")
    await pilot.pause()


async def choose(pilot: Pilot[Any], value: str) -> None:
    """Pick ``value`` in the open ChooseScreen: the cursor onto it, then enter."""
    from briefer.tui.screens import ChooseScreen

    dialog = pilot.app.screen
    assert isinstance(dialog, ChooseScreen)
    values = [v for v, _ in dialog.choices]
    dialog.query_one("#choices", OptionList).highlighted = values.index(value)
    await pilot.press("enter")


def screen_text(app: BrieferApp) -> str:
    """Every character on the terminal, as the app would draw it (styles left out): what a
    reader sees, to check that text from outside reaches the screen as text."""
    from rich.console import Console

    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True,
                      color_system="truecolor", record=True, legacy_windows=False)
    console.print(app.screen._compositor.render_update(full=True))  # textual internals
    return console.export_text(styles=False)
