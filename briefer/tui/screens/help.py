"""``?``: what the colours mean and every key, generated from the bindings themselves.

The key table is built from the live bindings, so it cannot drift from what the keys do.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

ABOUT = """\
# briefer — reading a brief against its source

The **source** pane (left) shows the whole text. Sentences the brief took are tinted, one
colour per section, with the section's number in the margin (`§1`, `§2`, …); the bottom line
is grey and marked `BL`, a sentence only quoted is marked `“`, one folded into a similar item
`≈`, one you dropped `✗` and struck through. The title and standfirst are labelled;
boilerplate the clean-up set aside (share bars, teasers, lone symbols) is struck through with
the reason, and never ranked. Search matches are underlined.

The **brief** pane (right) shows the sections and their items. Moving through the items
scrolls the source to each one's sentence; moving through the source shows, on the line
below it, the sentence's score, its rank and where it went.

**Pin** a sentence to keep it in the brief whatever the length or ranker; **drop** one to
keep it out. Both work from either pane and last until you undo them (press the key again).
"""


def key_table(bindings: Iterable[Binding]) -> str:
    """A markdown table of keys and what they do, one row per described binding."""
    rows = ["| key | does |", "|---|---|"]
    seen: set[str] = set()
    for binding in bindings:
        if not binding.description or binding.description in seen:
            continue
        seen.add(binding.description)
        keys = binding.key_display or binding.key.replace(",", ", ")
        rows.append(f"| `{keys}` | {binding.tooltip or binding.description} |")
    return "\n".join(rows)


class HelpScreen(ModalScreen[None]):
    """The help text over the reader; any of escape, ``q`` or ``?`` closes it."""

    BINDINGS = [Binding("escape,q,question_mark", "close", "Close", key_display="esc")]

    def __init__(self, bindings: Iterable[Binding]) -> None:
        super().__init__(classes="dialog")
        self.text = ABOUT + "\n## Keys\n\n" + key_table(bindings) + (
            "\n\n`tab` moves between the panes; the mouse works too: click an item or a "
            "sentence, scroll with the wheel.\n")

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog-box help-box"):
            yield Markdown(self.text, id="help-text")

    def action_close(self) -> None:
        self.dismiss(None)
