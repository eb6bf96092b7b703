"""Pick one of a list (an algorithm, a template), or type a name the list does not have."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from briefer.tui.screens.dialog import Dialog


class ChooseScreen(Dialog[str | None]):
    """A list with the current choice under the cursor; with ``typed``, an input for a name
    or path not in the list (a template file)."""

    # q closes the list rather than reaching the app's quit: a reader pressing q in a dialog
    # means "never mind".  In the typed input, q is a letter (the input takes it first).
    BINDINGS = [Binding("escape,q", "cancel", "Cancel", key_display="esc")]

    def __init__(self, title: str, choices: Sequence[tuple[str, str]], current: str,
                 typed: str | None = None) -> None:
        """``choices`` are (value, description) pairs; ``typed`` is the input's placeholder,
        or None for no input."""
        super().__init__(classes="dialog")
        self.choose_title = title
        self.choices = list(choices)
        self.current = current
        self.typed = typed

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(self.choose_title, classes="dialog-title", markup=False)
            options = [Option(Content.assemble(value, (f"  {about}", "$text-muted")), id=value)
                       for value, about in self.choices]
            yield OptionList(*options, id="choices")
            if self.typed is not None:
                field = Input(placeholder=self.typed, id="typed")
                field.cursor_blink = getattr(self.app, "cursor_blink", True)
                yield field

    def on_mount(self) -> None:
        choices = self.query_one("#choices", OptionList)
        values = [value for value, _ in self.choices]
        if self.current in values:
            choices.highlighted = values.index(self.current)
        choices.focus()

    @on(OptionList.OptionSelected, "#choices")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_id)

    @on(Input.Submitted, "#typed")
    def _typed(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
