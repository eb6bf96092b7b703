"""The reader's domain events, as Textual messages.

Widgets say what happened in the reader's terms (a sentence was selected, a brief is ready)
rather than in widget terms (option 12 was highlighted), so the screen that wires them together
reads as the feature does, and tests can record them with ``run_test(message_hook=...)``.
"""

from __future__ import annotations

from textual.message import Message

from briefer.brief.model import Brief
from briefer.document import Document
from briefer.tui.state import Key


class SentenceSelected(Message):
    """The reader moved to a sentence in the source pane."""

    def __init__(self, key: Key) -> None:
        super().__init__()
        self.key = key


class ItemSelected(Message):
    """The reader moved to an item of the brief; ``key`` is its source sentence."""

    def __init__(self, key: Key) -> None:
        super().__init__()
        self.key = key


class ItemActivated(Message):
    """The reader chose an item (enter or click): go and read it in the source."""

    def __init__(self, key: Key) -> None:
        super().__init__()
        self.key = key


class BriefReady(Message):
    """A worker finished a brief for request ``generation``."""

    def __init__(self, generation: int, brief: Brief) -> None:
        super().__init__()
        self.generation = generation
        self.brief = brief


class BriefFailed(Message):
    """A worker could not make the brief for request ``generation`` (say, a bad template)."""

    def __init__(self, generation: int, error: str) -> None:
        super().__init__()
        self.generation = generation
        self.error = error


class RankProgress(Message):
    """How far the worker is: ``done`` of ``total`` documents ranked, and what it is doing."""

    def __init__(self, generation: int, done: int, total: int, what: str) -> None:
        super().__init__()
        self.generation = generation
        self.done = done
        self.total = total
        self.what = what


class DocumentsOpened(Message):
    """Files were read in the background, in the order asked, and can join the others."""

    def __init__(self, documents: tuple[Document, ...]) -> None:
        super().__init__()
        self.documents = documents


class OpenFailed(Message):
    """A file could not be read; ``error`` names it and says why."""

    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error
