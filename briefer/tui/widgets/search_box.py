"""The search field under the source pane: it owns its text and says what the reader wants.

Modelled on toolong's ``FindDialog``: the widget turns keys into domain messages (the query
changed, keep the matches, end the search) and the screen decides what they do to the panes,
so the screen never reaches into an :class:`~textual.widgets.Input` for its value.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input

from briefer.tui.search import normalise


class SearchBox(Input):
    """One line to type a search in; hidden until :meth:`open`."""

    BINDINGS = [
        Binding("escape", "dismiss", "End search", show=False,
                tooltip="Close the search and clear its matches"),
    ]

    # Not ``Changed``/``Submitted``: Input posts ``self.Changed(self, value, ...)`` itself.
    @dataclass
    class QueryChanged(Message):
        """The reader typed: ``query`` is what to look for now (normalised; "" for none)."""

        query: str

    class Kept(Message):
        """Enter: close the field and keep the matches marked, to step through with n/N."""

    class Dismissed(Message):
        """Escape: close the field and clear the matches."""

    def __init__(self, *, id: str | None = None, cursor_blink: bool = True) -> None:
        super().__init__(placeholder="Search the source (enter: keep, esc: clear)", id=id)
        self.cursor_blink = cursor_blink

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    def open(self) -> None:
        """Show the field and put the cursor in it."""
        self.add_class("-open")
        self.focus()

    def close(self, *, clear: bool = False) -> None:
        """Hide the field; with ``clear``, forget its text without announcing a change."""
        self.remove_class("-open")
        if clear:
            with self.prevent(Input.Changed):
                self.value = ""

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.QueryChanged(normalise(event.value)))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Kept())

    def action_dismiss(self) -> None:
        self.post_message(self.Dismissed())
