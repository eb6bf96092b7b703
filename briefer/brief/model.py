"""The Brief: what ``briefer brief`` builds and every face renders.

A brief is sections of chosen sentences, each sentence kept with its document so every line
can cite where it came from (``[3]`` or ``[file:3]``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefer.document import Document, Sentence


@dataclass(frozen=True, slots=True)
class BriefItem:
    """One line of a brief: a source sentence, its score, and where else it was said."""

    doc: int  # position of its document in Brief.documents
    sentence: Sentence
    score: float
    also: tuple[tuple[int, int], ...] = ()  # (doc, sentence index) of near-duplicates merged in


@dataclass(frozen=True, slots=True)
class Section:
    title: str
    items: tuple[BriefItem, ...]


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation from the text, with its speaker when the text says who."""

    text: str
    speaker: str | None
    doc: int
    sentence: Sentence


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, place or organisation named in the text, with how often."""

    name: str
    kind: str  # "person", "place", "organisation", "other"
    count: int


@dataclass(frozen=True, slots=True)
class Brief:
    title: str | None
    standfirst: str | None
    template: str
    algorithm: str
    documents: tuple[Document, ...]
    sections: tuple[Section, ...]
    bottom_line: BriefItem | None = None
    quotes: tuple[Quote, ...] = ()
    entities: tuple[Entity, ...] = ()
    scores: tuple[tuple[float, ...], ...] = field(default=())  # per document, per sentence

    @property
    def sentences_in(self) -> int:
        return sum(len(d.sentences) for d in self.documents)

    @property
    def sentences_out(self) -> int:
        return sum(len(s.items) for s in self.sections)
