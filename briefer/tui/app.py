"""The Textual app for ``briefer tui``, and the one factory the CLI and the tests share.

The app holds only what is app-wide (stylesheet, quit and help, theme, the main screen); the
reading itself happens on :class:`~briefer.tui.screens.MainScreen`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from briefer.document import Document
from briefer.tui.screens import HelpScreen, MainScreen
from briefer.tui.state import ReaderState


class BrieferApp(App[None]):
    """Source and brief side by side; see ``docs/tui.md``."""

    CSS_PATH = "briefer.tcss"
    TITLE = "briefer"
    # Shown in the footer by MainScreen, which lists them first; here so dialogs have them.
    BINDINGS = [
        Binding("q", "quit", "Quit", show=False),
        Binding("question_mark", "help", "Help", key_display="?", show=False),
    ]
    # -narrow: the footer leaves some keys out (see ReaderFooter); -wide: the source gets more room.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (95, "-medium"), (110, "-wide")]

    def __init__(
        self,
        state: ReaderState,
        *,
        paths: Sequence[str] = (),
        errors: Iterable[str] = (),
        theme: str | None = None,
        cursor_blink: bool = True,
    ) -> None:
        super().__init__()
        self.reader = state
        self.paths = tuple(paths)
        self.errors = tuple(errors)
        self.cursor_blink = cursor_blink
        if theme is not None:
            self.theme = theme

    def get_default_screen(self) -> Screen:
        return MainScreen(self.reader, self.paths)

    def on_mount(self) -> None:
        for error in self.errors:
            self.notify(error, title="Could not open", severity="error", markup=False)

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(b for b in MainScreen.BINDINGS if isinstance(b, Binding)))


def make_app(
    sources: Sequence[str | Path | Document],
    *,
    template: str = "auto",
    algorithm: str | None = None,
    count: int | None = None,
    errors: Iterable[str] = (),
    theme: str | None = None,
    cursor_blink: bool = True,
    title: str | None = None,
) -> BrieferApp:
    """The reader for ``sources``: documents already read, or paths to read in the background.

    ``errors`` are shown as notifications when the app starts (the CLI's files that could not
    be read); ``title`` heads the brief of ``sources`` (a feed's title) while they are the
    open documents; ``theme`` and ``cursor_blink`` exist so snapshots come out the same every
    time.
    """
    documents = [s for s in sources if isinstance(s, Document)]
    paths = [str(s) for s in sources if not isinstance(s, Document)]
    state = ReaderState(documents, template=template, algorithm=algorithm, count=count,
                        title=title)
    return BrieferApp(state, paths=paths, errors=errors, theme=theme, cursor_blink=cursor_blink)
