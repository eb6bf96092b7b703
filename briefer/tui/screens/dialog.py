"""The base of briefer's dialogs: a modal screen that can be dismissed only once.

Two quick Enters (or Enter then Escape) queue two dismissals; the second used to reach a
screen already popped off the stack and raise ``ScreenStackError``, ending the app.
"""

from __future__ import annotations

from typing import TypeVar

from textual.await_complete import AwaitComplete
from textual.screen import ModalScreen

ResultType = TypeVar("ResultType")


class Dialog(ModalScreen[ResultType]):
    """A :class:`ModalScreen` whose later dismissals are ignored once the first has begun."""

    _dismissed = False

    def dismiss(self, result: ResultType | None = None) -> AwaitComplete:
        if self._dismissed:
            return AwaitComplete.nothing()
        self._dismissed = True
        return super().dismiss(result)
