"""The footer, with a class on each key so the stylesheet can leave some out when narrow.

Every key of the reader does not fit in 80 columns (they take 92); cut off by the edge, the
last ones read as garbage (``eExport c``).  Textual's footer gives its keys no name to style
them by, so this one adds ``-key-ACTION`` (``-key-copy``) to each; ``briefer.tcss`` then
hides the least used ones on a narrow screen, where ``?`` still lists every key.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey  # not exported; the key widget Footer yields


class ReaderFooter(Footer):
    """:class:`~textual.widgets.Footer` whose keys carry ``-key-ACTION`` classes."""

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                widget.add_class(f"-key-{widget.action.rpartition('.')[2]}")
            yield widget
