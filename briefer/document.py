"""The plain data that flows through briefer: a read text, its sentences, a ranked summary.

Every step of the flow (read -> clean -> split -> rank -> select -> arrange -> render) takes
and returns these frozen dataclasses, so any face (CLI, TUI, batch) can show any of them and
any line of output can be traced back to a character range of the input.

Offsets are always character offsets into ``Document.text``: the decoded input for plain text,
the extracted article text for HTML.  ``Document.text[s.start:s.end]`` equals ``s.text`` up to
whitespace (``s.text`` has runs of whitespace folded to one space, so hard-wrapped lines read
as one sentence).
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Re-exported: the clean-up and its tests trim offsets with the spans they trim.
from briefer.spans import strip_span as strip_span


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the text that was set aside by the clean-up, and why."""

    start: int
    end: int
    kind: str  # "title", "standfirst", "boilerplate", "teaser", "byline", ...


@dataclass(frozen=True, slots=True)
class Sentence:
    """One body sentence.

    ``index`` is the sentence's number in the document, counted from 1, as cited in briefs
    (``[3]``) and printed by ``briefer sentences``.
    """

    index: int
    text: str
    start: int
    end: int
    paragraph: int = 0


@dataclass(frozen=True, slots=True)
class Document:
    """A text read from one source, cleaned and split into sentences."""

    source: str
    text: str
    sentences: tuple[Sentence, ...]
    title: str | None = None
    standfirst: str | None = None
    removed: tuple[Span, ...] = ()
    title_span: Span | None = None
    standfirst_span: Span | None = None
    #: ISO 639-1 code of the text's language, one of :data:`briefer.language.SUPPORTED`,
    #: or "und" for a text in a script none of them uses (read with English rules):
    #: detected from the text unless the caller named it (``--language``).
    language: str = "en"
    notes: tuple[str, ...] = ()  # how it was read, for the reader (bytes replaced, ...)
    #: What the source says about itself (an HTML page's metadata), as one line each.
    author: str | None = None
    date: str | None = None
    site: str | None = None

    @property
    def byline(self) -> str | None:
        """Author, site and date as one line for a header ("Jane Doe · Example News ·
        2019-11-18"), or None when the source named none of them."""
        parts = [p for p in (self.author, self.site, self.date) if p]
        return " · ".join(parts) if parts else None


@dataclass(frozen=True, slots=True)
class Summary:
    """A ranked document and the sentences chosen from it.

    ``scores[i]`` belongs to ``document.sentences[i]`` (higher is better); ``chosen`` holds
    positions into ``document.sentences`` in source order.
    """

    document: Document
    algorithm: str
    scores: tuple[float, ...]
    chosen: tuple[int, ...]
    pinned: tuple[int, ...] = field(default=())

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        """The chosen sentences, in source order."""
        return tuple(self.document.sentences[i] for i in self.chosen)
