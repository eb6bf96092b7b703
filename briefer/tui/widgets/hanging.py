"""A Textual visual with a hanging indent: a short gutter, then text wrapped beside it.

Textual's ``Content`` wraps every line back to the left edge; in a list of sentences that
buries the marks (section, pin, drop) that a reader scans down the margin for.  This keeps the
gutter on the first line and indents the rest, as a printed list does.
"""

from __future__ import annotations

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual


class Hanging(Visual):
    """``gutter`` (at most ``width`` cells) on the first line, ``body`` wrapped to its right."""

    def __init__(self, gutter: Content, body: Content, width: int) -> None:
        self.gutter = gutter
        self.body = body
        self.width = width
        self._height: tuple[int, int] | None = None  # (width, height) last measured

    def inherit_height(self, other: object) -> None:
        """Re-use ``other``'s measured height when the text is the same and only styles
        differ: re-marking thousands of sentences (a search) then costs no re-wrapping."""
        if isinstance(other, Hanging) and other.plain == self.plain:
            self._height = other._height

    @property
    def plain(self) -> str:
        """The text without styles (what tests and searches look at)."""
        return self.gutter.plain + self.body.plain

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.width + self.body.get_optimal_width(rules, container_width - self.width)

    def get_height(self, rules: RulesMap, width: int) -> int:
        if self._height is not None and self._height[0] == width:
            return self._height[1]
        height = self.body.get_height(rules, max(width - self.width, 1))
        self._height = (width, height)
        return height

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        body_width = max(width - self.width, 1)
        body = self.body.render_strips(body_width, height, style, options)
        gutter = self.gutter.render_strips(self.width, 1, style, options)
        rich_style = style.rich_style
        first = gutter[0].crop(0, self.width) if gutter else Strip.blank(0, rich_style)
        first = first.extend_cell_length(self.width, rich_style)
        blank = Strip.blank(self.width, rich_style)
        return [
            Strip.join([first if y == 0 else blank,
                        line.extend_cell_length(body_width, rich_style)])
            for y, line in enumerate(body)
        ]
