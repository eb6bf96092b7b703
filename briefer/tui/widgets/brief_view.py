"""The brief pane: bottom line, sections and their items, quotes, and who is named.

Section headings and the list of names are shown but skipped by the cursor; every line that
came from a source sentence is an entry the reader can move to, and moving to it posts
:class:`ItemSelected` so the source pane can show where it came from.
"""

from __future__ import annotations

from collections.abc import Collection

from textual import on
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefer.brief import model as m
from briefer.brief.model import Brief, BriefItem, Quote
from briefer.tui import palette
from briefer.tui.messages import ItemActivated, ItemSelected
from briefer.tui.state import BOTTOM_LINE, Key, item_key, sentence_position
from briefer.tui.widgets.hanging import Hanging
from briefer.tui.widgets.reading_list import ReadingList

GUTTER = 2


class BriefView(ReadingList):
    """The brief as a list the cursor moves through, item by item."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)
        self.brief: Brief | None = None
        self._keys: dict[int, Key] = {}

    def show_message(self, text: str) -> None:
        """Show a line of explanation instead of a brief (nothing open, still ranking)."""
        self.brief = None
        self._keys.clear()
        self.set_options([Option(Content.styled(text, "italic $text-muted"), disabled=True)])

    def show_brief(self, brief: Brief, pinned: Collection[Key]) -> None:
        """Show ``brief``, keeping the cursor on the same sentence if it is still there."""
        previous_key, previous_index = self.selected_key, self.highlighted
        self.brief = brief
        self._keys.clear()
        options: list[Option] = []

        def heading(text: str, style: str) -> None:
            if options:
                options.append(Option(Content(""), disabled=True))
            options.append(Option(Content.styled(text, style), disabled=True))

        def entry(item: BriefItem, section: int) -> None:
            key = item_key(brief, item)
            self._keys[len(options)] = key
            body = Content(item.sentence.text) + Content.styled(" " + brief.cite(item),
                                                                "$text-muted")
            if key in pinned:
                body += Content.styled(" pinned", "bold $text-success")
            options.append(Option(Hanging(Content.styled("•", palette.ink(section)), body,
                                          GUTTER)))

        def quoted(quote: Quote) -> None:
            doc = brief.documents[quote.doc]
            self._keys[len(options)] = (quote.doc, sentence_position(doc, quote.sentence))
            body = Content(f"“{quote.text}”")
            if quote.speaker:
                body += Content.styled(f" — {quote.speaker}", "italic")
            body += Content.styled(" " + brief.cite_sentence(quote.doc, quote.sentence),
                                   "$text-muted")
            options.append(Option(Hanging(Content.styled("›", "bold"), body, GUTTER)))

        for block in brief.blocks():
            match block:
                case m.BottomLineBlock(item):
                    heading("Bottom line", palette.ink(BOTTOM_LINE))
                    entry(item, BOTTOM_LINE)
                case m.StoryBlock(_, story):
                    heading(story.title, "bold underline $text")
                case m.SectionBlock(number, section):
                    heading(f"{palette.label(number)} {section.title}", palette.ink(number))
                    for item in section.items:
                        entry(item, number)
                case m.EmptyBlock(text):
                    heading(text, "italic $text-muted")
                case m.QuotesBlock(quotes):
                    heading("Quotes", "bold")
                    for quote in quotes:
                        quoted(quote)
                case m.EntitiesBlock(groups):
                    heading("Who and where", "bold")
                    for label, entities in groups:
                        names = ", ".join(f"{e.name} ({e.count})" for e in entities)
                        options.append(Option(Hanging(Content(""), Content.assemble(
                            (f"{label}: ", "italic $text-muted"), names), GUTTER),
                            disabled=True))
                # the heading is on the document bar, the footer's figures on the status line

        with self.prevent(OptionList.OptionHighlighted):
            self.set_options(options)
            self.highlighted = None
        if previous_key is not None and previous_key in self._keys.values():
            self.select_key(previous_key, quiet=True)
        elif self._keys:
            indexes = sorted(self._keys)
            near = [i for i in indexes if previous_index is not None and i >= previous_index]
            with self.prevent(OptionList.OptionHighlighted):
                self.highlighted = near[0] if near else indexes[-1 if previous_index else 0]

    @property
    def selected_key(self) -> Key | None:
        """The source sentence of the item under the cursor."""
        return None if self.highlighted is None else self._keys.get(self.highlighted)

    @property
    def item_keys(self) -> list[Key]:
        """The source sentence of every entry, top to bottom (tests read the brief here)."""
        return [self._keys[i] for i in sorted(self._keys)]

    def option_index_of(self, key: Key) -> int | None:
        """The first entry that shows sentence ``key``."""
        return next((i for i in sorted(self._keys) if self._keys[i] == key), None)

    def select_key(self, key: Key, *, quiet: bool = False) -> bool:
        """Put the cursor on the item for ``key`` (unless it already is); False if absent."""
        if self.selected_key == key:
            return True
        index = self.option_index_of(key)
        if index is None:
            return False
        if quiet:
            with self.prevent(OptionList.OptionHighlighted):
                self.highlighted = index
        else:
            self.highlighted = index
        return True

    @on(OptionList.OptionHighlighted)
    def _announce(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        key = self.selected_key
        if key is not None:
            self.post_message(ItemSelected(key))

    @on(OptionList.OptionSelected)
    def _activate(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        key = self.selected_key
        if key is not None:
            self.post_message(ItemActivated(key))
