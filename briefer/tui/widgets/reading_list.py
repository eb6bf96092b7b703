"""An option list whose cursor shows through the section tints of its entries.

Entries here carry their own backgrounds (a sentence tinted by its section), and a
background-coloured cursor would vanish behind them; Textual's component styles cannot
reverse video either.  So the cursor is drawn at the line level: the lines of the highlighted
entry are shown in reverse, which is visible on any tint and in any theme.
"""

from __future__ import annotations

from rich.style import Style as RichStyle
from textual.strip import Strip
from textual.widgets import OptionList

_CURSOR = RichStyle(reverse=True)
_CURSOR_FOCUSED = RichStyle(reverse=True, bold=True)


class ReadingList(OptionList):
    """An :class:`OptionList` with a reverse-video cursor (bold while focused)."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        if self.highlighted is None:
            return strip
        for segment in strip:
            # Every rendered line carries its entry's index as ``option`` meta.
            index = segment.style.meta.get("option") if segment.style else None
            if index is not None:
                if index == self.highlighted:
                    return strip.apply_style(_CURSOR_FOCUSED if self.has_focus else _CURSOR)
                break
        return strip
