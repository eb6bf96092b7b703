"""The source pane: the whole text, with the sentences the brief took tinted by section.

Every sentence is one entry of an :class:`~textual.widgets.OptionList` (keyboard, mouse and
scrolling for free, and cheap on long texts because it renders lines lazily).  What the
clean-up set aside stays visible but apart: the title and standfirst labelled, boilerplate
struck through with the reason, so a reader can see that nothing was silently lost.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from textual import on
from textual.content import Content, Span
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefer.document import Document
from briefer.tui import palette
from briefer.tui.messages import SentenceSelected
from briefer.tui.search import match_spans
from briefer.tui.state import Key, Placement
from briefer.tui.widgets.hanging import Hanging
from briefer.tui.widgets.reading_list import ReadingList

GUTTER = 3
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of the source shown as one entry: a sentence, or something set aside."""

    start: int
    end: int
    kind: str  # "sentence", "title", "standfirst", "text", or a removed span's kind
    position: int | None = None  # the sentence's position in Document.sentences
    break_before: bool = False  # a blank line precedes it in the source


@dataclass(frozen=True, slots=True)
class Marks:
    """What to show on the sentences: where they went, the reader's choices, a search."""

    placements: Mapping[Key, Placement] = field(default_factory=dict)
    pinned: Collection[Key] = frozenset()
    dropped: Collection[Key] = frozenset()
    query: str = ""


def source_pieces(doc: Document) -> list[Piece]:
    """The document in reading order, cut where sentences and set-aside spans begin.

    Text that is neither (rare: what a clean-up dropped without a span) is kept as ``text``
    so the pane never hides part of the source.
    """
    marks: list[tuple[int, int, str, int | None]] = [
        (s.start, s.end, "sentence", i) for i, s in enumerate(doc.sentences)
    ]
    for span in (doc.title_span, doc.standfirst_span, *doc.removed):
        if span is not None:
            marks.append((span.start, span.end, span.kind, None))
    marks.sort(key=lambda m: (m[0], -m[1]))
    pieces: list[Piece] = []
    cursor = 0
    for start, end, kind, position in marks:
        if start < cursor:
            if kind != "sentence":
                continue  # a span inside one already shown
            start = cursor
        gap = doc.text[cursor:start]
        if gap.strip():
            pieces.append(Piece(cursor, start, "text", None, bool(_BLANK_LINE.search(gap))))
            gap = ""
        pieces.append(Piece(start, end, kind, position,
                            bool(pieces) and bool(_BLANK_LINE.search(gap))))
        cursor = max(cursor, end)
    tail = doc.text[cursor:]
    if tail.strip():
        pieces.append(Piece(cursor, len(doc.text), "text", None, True))
    return pieces


MATCH = "bold underline on $warning-muted"


def sentence_prompt(text: str, number: int, key: Key, marks: Marks) -> Hanging:
    """How one sentence looks: a gutter mark, the text, its number (``[3]``) and state.

    The body is built as one :class:`Content` with its spans (the text was neutralised on
    reading), because a search re-marks every matching sentence of a long text at once.
    """
    placement = marks.placements.get(key)
    pinned, dropped = key in marks.pinned, key in marks.dropped
    if dropped:
        gutter = Content.styled("✗", "bold $text-error")
        style = "strike $text-muted"
    elif placement is not None and placement.tinted:
        gutter = Content.styled(palette.label(placement.section), palette.ink(placement.section))
        style = palette.tint(placement.section)
    elif placement is not None:
        mark = "≈" if placement.merged else palette.label(placement.section)
        gutter = Content.styled(mark, palette.ink(placement.section))
        style = ""
    else:
        gutter, style = Content(""), ""
    spans = [Span(0, len(text), style)] if style else []
    spans += [Span(a, b, MATCH) for a, b in match_spans(text, marks.query)]
    cite = f" [{number}]"
    spans.append(Span(len(text), len(text) + len(cite), "$text-muted"))
    note = " pinned" if pinned else " dropped" if dropped else ""
    if note:
        at = len(text) + len(cite)
        spans.append(Span(at, at + len(note),
                          "bold $text-success" if pinned else "bold $text-error"))
    body = Content(text + cite + note, spans, strip_control_codes=False)
    return Hanging(gutter, body, GUTTER)


def aside_prompt(text: str, kind: str) -> Hanging:
    """How the title, the standfirst and set-aside boilerplate look."""
    if kind == "title":
        body = Content.styled(text, "bold")
    elif kind == "standfirst":
        body = Content.styled(text, "italic")
    elif kind == "text":
        body = Content.styled(text, "$text-muted")
    else:
        body = Content.styled(text, "strike $text-muted")
    note = kind if kind in ("title", "standfirst", "text") else f"{kind}, set aside"
    return Hanging(Content(""), body + Content.styled(f" ({note})", "italic $text-muted"),
                   GUTTER)


class SourceView(ReadingList):
    """The text of one document; moving the cursor posts :class:`SentenceSelected`."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)
        self.doc_index: int | None = None
        self.document: Document | None = None
        self._option_of: dict[int, int] = {}
        self._position_of: dict[int, int] = {}
        self._looks: dict[int, tuple[object, ...]] = {}

    def show_document(self, doc_index: int, document: Document, marks: Marks) -> None:
        """Lay out ``document`` and put the cursor on its first sentence."""
        self.doc_index, self.document = doc_index, document
        options: list[Option] = []
        self._option_of.clear()
        self._position_of.clear()
        self._looks.clear()
        for piece in source_pieces(document):
            if piece.break_before and options:
                options.append(Option(Content(""), disabled=True))
            if piece.position is None:
                text = " ".join(document.text[piece.start:piece.end].split())
                options.append(Option(aside_prompt(text, piece.kind), disabled=True))
                continue
            index = len(options)
            self._option_of[piece.position] = index
            self._position_of[index] = piece.position
            look = self._look(piece.position, marks)
            self._looks[piece.position] = look
            options.append(Option(self._prompt(piece.position, marks)))
        with self.prevent(OptionList.OptionHighlighted):
            self.set_options(options)
            self.highlighted = None
        first = min(self._option_of, default=None)
        if first is not None:
            self.select_sentence(first, scroll=False)
        self.scroll_home(animate=False, immediate=True)

    def _look(self, position: int, marks: Marks) -> tuple[object, ...]:
        key = (self.doc_index or 0, position)
        text = self.document.sentences[position].text if self.document else ""
        found = bool(marks.query.strip()) and marks.query.casefold().strip() in text.casefold()
        return (marks.placements.get(key), key in marks.pinned, key in marks.dropped,
                marks.query if found else "")

    def _prompt(self, position: int, marks: Marks) -> Hanging:
        assert self.document is not None
        sentence = self.document.sentences[position]
        return sentence_prompt(sentence.text, sentence.index, (self.doc_index or 0, position),
                               marks)

    def restyle(self, marks: Marks) -> None:
        """Redraw only the sentences whose marks changed (the layout stays, so does the
        scroll position)."""
        if self.document is None:
            return
        for position, index in self._option_of.items():
            look = self._look(position, marks)
            if self._looks.get(position) != look:
                self._looks[position] = look
                prompt = self._prompt(position, marks)
                prompt.inherit_height(self.get_option_at_index(index).prompt)
                self.replace_option_prompt_at_index(index, prompt)

    def select_sentence(self, position: int, *, scroll: bool = True, quiet: bool = False
                        ) -> None:
        """Move the cursor to sentence ``position``; ``scroll`` brings it to the top, and
        ``quiet`` does it without posting :class:`SentenceSelected` (a jump from the brief)."""
        index = self._option_of.get(position)
        if index is None:
            return
        if quiet:
            with self.prevent(OptionList.OptionHighlighted):
                self.highlighted = index
        else:
            self.highlighted = index
        if scroll:
            self.scroll_to_highlight(top=True)

    @property
    def selected_key(self) -> Key | None:
        """The sentence under the cursor, as a :data:`Key`."""
        if self.highlighted is None or self.doc_index is None:
            return None
        position = self._position_of.get(self.highlighted)
        return None if position is None else (self.doc_index, position)

    def option_index_of(self, position: int) -> int | None:
        """The entry showing sentence ``position`` (tests click on it)."""
        return self._option_of.get(position)

    @on(OptionList.OptionHighlighted)
    def _announce(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        key = self.selected_key
        if key is not None:
            self.post_message(SentenceSelected(key))

    @on(OptionList.OptionSelected)
    def _swallow(self, event: OptionList.OptionSelected) -> None:
        event.stop()
