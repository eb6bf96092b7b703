"""A one-line question with a typed answer: a file to open, a file to export to."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label

from briefer.tui.screens.dialog import Dialog


class PromptScreen(Dialog[str | None]):
    """Dismisses with the typed text on enter, or None on escape or an empty answer."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, value: str = "", placeholder: str = "",
                 hint: str = "") -> None:
        super().__init__(classes="dialog")
        self.prompt_title = title
        self.value = value
        self.placeholder = placeholder
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(self.prompt_title, classes="dialog-title", markup=False)
            field = Input(self.value, placeholder=self.placeholder, id="answer")
            field.cursor_blink = getattr(self.app, "cursor_blink", True)
            yield field
            if self.hint:
                yield Label(self.hint, classes="dialog-hint", markup=False)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
