"""Progress of the background work (reading, ranking), shown above the brief.

Ranking a long text takes seconds; the reader keeps reading the source meanwhile, so this only
says what is happening and how far it got, and hides itself when the brief is ready.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar


class WorkProgress(Horizontal):
    """A label and a bar; indeterminate when there is a single step to wait for."""

    DEFAULT_CSS = """
    WorkProgress {
        height: 1;
        display: none;
        &.-busy { display: block; }
        Label { width: 1fr; color: $text-muted; text-overflow: ellipsis; text-wrap: nowrap; }
        ProgressBar { width: auto; }
        Bar { width: 12; }
    }
    """

    def compose(self) -> ComposeResult:
        yield Label(id="progress-label")
        yield ProgressBar(total=None, show_eta=False, show_percentage=False,
                          id="progress-bar")

    def report(self, done: int, total: int, what: str) -> None:
        """Show ``what`` is happening, ``done`` of ``total`` steps in."""
        self.add_class("-busy")
        self.query_one(Label).update(what)
        self.query_one(ProgressBar).update(total=total if total > 1 else None, progress=done)

    def finish(self) -> None:
        """Hide until the next piece of work."""
        self.remove_class("-busy")

    @property
    def busy(self) -> bool:
        return self.has_class("-busy")
