"""The reader's domain events, as Textual messages.

Widgets say what happened in the reader's terms (a sentence was selected, a brief is ready)
rather than in widget terms (option 12 was highlighted), so the screen that wires them together
reads as the feature does, and tests can record them with ``run_test(message_hook=...)``.

Each is a dataclass (Textual's :class:`~textual.message.Message` initialises itself in
``__post_init__`` for this), so its fields are declared once and shown in its repr.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from briefer.brief.model import Brief
from briefer.document import Document
from briefer.tui.state import Key


@dataclass
class SentenceSelected(Message):
    """The reader moved to a sentence in the source pane."""

    key: Key


@dataclass
class ItemSelected(Message):
    """The reader moved to an item of the brief; ``key`` is its source sentence."""

    key: Key


@dataclass
class ItemActivated(Message):
    """The reader chose an item (enter or click): go and read it in the source."""

    key: Key


@dataclass
class BriefReady(Message):
    """A worker finished a brief for request ``generation``."""

    generation: int
    brief: Brief


@dataclass
class BriefFailed(Message):
    """A worker could not make the brief for request ``generation`` (say, a bad template)."""

    generation: int
    error: str


@dataclass
class RankProgress(Message):
    """How far the worker is: ``done`` of ``total`` documents ranked, and what it is doing."""

    generation: int
    done: int
    total: int
    what: str


@dataclass
class ReadProgress(Message):
    """How far the reading of files is: ``done`` of ``total`` read, and which one is next.

    Reading belongs to no brief request, so unlike :class:`RankProgress` it has no
    generation to be stale against: it is always shown.
    """

    done: int
    total: int
    what: str


@dataclass
class DocumentsOpened(Message):
    """Files were read in the background, in the order asked, and can join the others."""

    documents: tuple[Document, ...]


@dataclass
class OpenFailed(Message):
    """A file could not be read; ``error`` names it and says why."""

    error: str
