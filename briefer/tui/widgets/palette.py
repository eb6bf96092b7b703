"""One colour per brief section, taken from the theme so it reads in light and dark alike.

Colours are Textual style strings over theme variables (``$primary-muted`` is the theme's
primary blended into its background), so a theme switch recolours the highlights without
rebuilding anything.  Textual's themes give ``accent`` and ``warning`` the same colour, so the
cycle uses the four that differ; the section number is always printed beside the colour, so
neither a fifth section nor a colour-blind reader depends on the hue alone.
"""

from __future__ import annotations

from briefer.tui.state import BOTTOM_LINE, QUOTES

_CYCLE = ("primary", "success", "accent", "error")
_BOTTOM = "secondary"


def _colour(section: int) -> str:
    if section == BOTTOM_LINE:
        return _BOTTOM
    if section == QUOTES:
        return "accent"
    return _CYCLE[section % len(_CYCLE)]


def tint(section: int) -> str:
    """Background of a sentence chosen for ``section``."""
    return f"on ${_colour(section)}-muted"


def ink(section: int) -> str:
    """Foreground for ``section``'s label and heading."""
    return f"bold $text-{_colour(section)}"


def label(section: int) -> str:
    """The short name printed beside the colour: ``§1`` for the first section, ``BL`` for the
    bottom line, ``“`` for a sentence quoted."""
    if section == BOTTOM_LINE:
        return "BL"
    if section == QUOTES:
        return "“"
    return f"§{section + 1}"
