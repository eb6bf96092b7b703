"""The Brief: what ``briefer brief`` builds and every face renders.

A brief is sections of chosen sentences, each sentence kept with its document so every line
can cite where it came from (``[3]`` or ``[file:3]``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import TypeAlias

from briefer.document import Document, Sentence


@dataclass(frozen=True, slots=True)
class BriefItem:
    """One line of a brief: a source sentence, its score, and where else it was said."""

    doc: int  # position of its document in Brief.documents
    sentence: Sentence
    score: float
    # (doc, sentence position in doc.sentences, 0-based) of near-duplicates merged into this one
    also: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Section:
    """A titled group of items, in source order; ``story`` is its story's position in
    :attr:`Brief.stories` (``None`` when the brief has no stories: one document, or one
    story)."""

    title: str
    items: tuple[BriefItem, ...]
    story: int | None = None


@dataclass(frozen=True, slots=True)
class Story:
    """Documents about the same event, briefed together under one title."""

    title: str
    documents: tuple[int, ...]  # positions in Brief.documents


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation from the text, with its speaker when the text says who."""

    text: str
    speaker: str | None
    doc: int
    sentence: Sentence  # the sentence the quotation opens in
    start: int = 0  # the quotation's offsets into the document's text, quote marks excluded
    end: int = 0


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, place or organisation named in the text, with how often."""

    name: str
    kind: str  # "person", "place", "organisation", "other"
    count: int


#: What a brief with nothing in it says, wherever it is shown.
EMPTY_NOTE = "Nothing to brief: every sentence was dropped or the text has none."

#: How many places one citation, and sources the footer, names before "and N more" (a
#: sentence reposted in 2,000 files would otherwise be one line of every file; JSON keeps
#: them all).
CITED_PLACES = 5

#: How "Who and where" groups the entities, in this order.
KIND_LABELS = (("person", "People"), ("place", "Places"), ("organisation", "Organisations"),
               ("other", "Also named"))


@dataclass(frozen=True, slots=True)
class Brief:
    """A brief of one or more documents; every face renders this, and only this."""

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
    stories: tuple[Story, ...] = ()  # two or more, or none
    #: How citations name each document (:meth:`source_label`), worked out once: a
    #: sentence said in D documents cites D places, and asking every document's name for
    #: each would make a folder's brief quadratic in its files.
    labels: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        names = [short_name(d.source) for d in self.documents]
        shared = Counter(names)
        object.__setattr__(self, "labels", tuple(
            d.source if shared[name] > 1 else name
            for d, name in zip(self.documents, names, strict=True)))

    @property
    def is_empty(self) -> bool:
        """Whether the brief shows no sentence at all: no bottom line and no item."""
        return self.bottom_line is None and not any(s.items for s in self.sections)

    def blocks(self) -> tuple[Block, ...]:
        """The brief's blocks in reading order, as plain data: what every face shows, so a
        renderer only formats (and a face that shows the heading or the footer elsewhere,
        as the TUI does, skips those two).

        Heading; bottom line; for each section its story's heading when a new story starts,
        then the section (or the empty note when nothing is left); key quotes; who and
        where; footer.  Blocks that would be empty are left out.
        """
        out: list[Block] = [HeadingBlock(self.heading(), self.standfirst, self.byline())]
        if self.bottom_line is not None:
            out.append(BottomLineBlock(self.bottom_line))
        story = None
        for number, section in enumerate(self.sections):
            if not section.items:
                continue
            if section.story is not None and section.story != story:
                story = section.story
                out.append(StoryBlock(story, self.stories[story]))
            out.append(SectionBlock(number, section))
        if self.is_empty:
            out.append(EmptyBlock(EMPTY_NOTE))
        if self.quotes:
            out.append(QuotesBlock(self.quotes))
        groups = self.entities_by_kind()
        if groups:
            out.append(EntitiesBlock(tuple(groups)))
        out.append(FooterBlock(self.footer()))
        return tuple(out)

    @property
    def language(self) -> str:
        """The documents' language code, ``"mul"`` (ISO 639's "multiple") when they differ."""
        codes = {d.language for d in self.documents}
        return codes.pop() if len(codes) == 1 else ("mul" if codes else "en")

    @property
    def sentences_in(self) -> int:
        return sum(len(d.sentences) for d in self.documents)

    @property
    def sentences_out(self) -> int:
        return sum(len(s.items) for s in self.sections)

    @property
    def sentences_shown(self) -> int:
        """Sentences the reader sees: the section items and the bottom line."""
        return self.sentences_out + (self.bottom_line is not None)

    def heading(self) -> str:
        """The title to show: the text's own, else its source, else how many texts."""
        if self.title:
            return self.title
        if len(self.documents) == 1:
            return self.documents[0].source
        return f"Brief of {len(self.documents)} texts"

    def byline(self) -> str | None:
        """Author, site and date under the heading, for a brief of one document."""
        return self.documents[0].byline if len(self.documents) == 1 else None

    def footer(self) -> str:
        """One line on where the brief came from and how it was made."""
        sources = ", ".join(d.source for d in self.documents[:CITED_PLACES]) or "no input"
        if len(self.documents) > CITED_PLACES + 1:  # a folder of 2,000 files: not one line
            sources += f" and {len(self.documents) - CITED_PLACES:,} more"
        else:
            sources = ", ".join(d.source for d in self.documents) or sources
        label = "Sources" if len(self.documents) > 1 else "Source"
        return (f"{label}: {sources} · {self.sentences_in} sentences in, "
                f"{self.sentences_shown} out · {self.algorithm} · template {self.template} · "
                f"{self.language}")

    def entities_by_kind(self) -> list[tuple[str, tuple[Entity, ...]]]:
        """"Who and where": (label, entities) for each kind that has any, people first."""
        out = []
        for kind, label in KIND_LABELS:
            group = tuple(e for e in self.entities if e.kind == kind)
            if group:
                out.append((label, group))
        return out

    def source_label(self, doc: int) -> str:
        """How citations name document ``doc``: its file name (a page: its site and last
        path segment), or the whole source when two documents share that name."""
        return self.labels[doc]

    def cite(self, item: BriefItem, escape: Callable[[str], str] = str) -> str:
        """``[3]`` for one document; ``[a.txt:3]`` for several, with every place a merged
        near-duplicate was also said (``[3, 17]``, ``[a.txt:3, b.txt:5]``), the first
        :data:`CITED_PLACES` and how many more when there are more (JSON lists them all).
        ``escape`` is applied to the file names (markdown escapes them; the brackets stay
        plain)."""
        if len(self.documents) <= 1:
            numbers = [item.sentence.index]
            numbers += [self.documents[d].sentences[p].index for d, p in item.also if d == 0]
            numbers = sorted(set(numbers))
            more = len(numbers) - CITED_PLACES
            if more > 1:  # one file that repeats a sentence 500 times: not a 3,000-character line
                return "[" + ", ".join(map(str, numbers[:CITED_PLACES])) + f" and {more:,} more]"
            return "[" + ", ".join(map(str, numbers)) + "]"
        places = [(item.doc, item.sentence.index)]
        places += [(d, self.documents[d].sentences[p].index) for d, p in item.also]
        places.sort()
        shown = ", ".join(f"{escape(self.labels[d])}:{n}" for d, n in places[:CITED_PLACES])
        more = len(places) - CITED_PLACES
        return f"[{shown} and {more:,} more]" if more > 1 else \
            "[" + ", ".join(f"{escape(self.labels[d])}:{n}" for d, n in places) + "]"

    def cite_sentence(self, doc: int, sentence: Sentence,
                      escape: Callable[[str], str] = str) -> str:
        """The citation of one sentence, as :meth:`cite` writes it."""
        return self.cite(BriefItem(doc, sentence, 0.0), escape)


@dataclass(frozen=True, slots=True)
class HeadingBlock:
    """The brief's title (:meth:`Brief.heading`), the text's standfirst, if any, and its
    author, site and date (:meth:`Brief.byline`), if the source named them."""

    title: str
    standfirst: str | None
    byline: str | None = None


@dataclass(frozen=True, slots=True)
class BottomLineBlock:
    item: BriefItem


@dataclass(frozen=True, slots=True)
class StoryBlock:
    """The start of a story's sections in a brief of several stories."""

    number: int  # position in Brief.stories
    story: Story


@dataclass(frozen=True, slots=True)
class SectionBlock:
    number: int  # position in Brief.sections (the TUI colours sections by it)
    section: Section


@dataclass(frozen=True, slots=True)
class EmptyBlock:
    text: str


@dataclass(frozen=True, slots=True)
class QuotesBlock:
    quotes: tuple[Quote, ...]


@dataclass(frozen=True, slots=True)
class EntitiesBlock:
    groups: tuple[tuple[str, tuple[Entity, ...]], ...]  # (label, entities), people first


@dataclass(frozen=True, slots=True)
class FooterBlock:
    text: str


Block: TypeAlias = (HeadingBlock | BottomLineBlock | StoryBlock | SectionBlock | EmptyBlock
                    | QuotesBlock | EntitiesBlock | FooterBlock)


def short_name(source: str) -> str:
    """A source's short name for citations: a path's file name; a URL's host (less "www.")
    with its last path segment, since a page's file name alone is often a date, a number or
    "index.html" ("https://www.example.com/news/2024/12/02/" is "example.com/02", and one
    with no path is its host); anything else as it is."""
    from urllib.parse import urlsplit

    if source[:8].lower().startswith(("http://", "https://")):
        try:
            parts = urlsplit(source)
            host = parts.hostname or ""
        except ValueError:  # a malformed port or bracket: keep it whole
            return source
        host = host.removeprefix("www.")
        last = next((p for p in reversed(parts.path.split("/")) if p), "")
        return f"{host}/{last}" if host and last else host or source
    return PurePath(source).name or source

