"""One colour per brief section, taken from the theme so it reads in light and dark alike.

Colours are Textual style strings over theme variables (``on $primary 30%`` is the theme's
primary laid at 30% over whatever the pane's background is), so a theme switch recolours the
highlights without rebuilding anything.  Textual's themes give ``accent`` and ``warning`` the
same colour, and ``secondary`` is a darker ``primary``, so the sections cycle through the four
hues that differ and the bottom line, which is no section, gets a neutral grey; the section
number is always printed beside the colour, so neither a fifth section nor a colour-blind
reader depends on the hue alone.  ``tests/tui/test_reader.py`` checks in both themes that the
tints differ from each other and from the pane, and that the text on them stays legible.
"""

from __future__ import annotations

from briefer.tui.state import BOTTOM_LINE, QUOTES

_CYCLE = ("primary", "success", "accent", "error")
_BOTTOM = "foreground"
_TINT = "30%"  # of the section's colour over the pane: visible, and dark text stays legible
_BOTTOM_TINT = "18%"  # of the foreground: a grey that no section colour resembles


def _colour(section: int) -> str:
    if section == BOTTOM_LINE:
        return _BOTTOM
    if section == QUOTES:
        return "accent"
    return _CYCLE[section % len(_CYCLE)]


def tint(section: int) -> str:
    """Background of a sentence chosen for ``section``."""
    strength = _BOTTOM_TINT if section == BOTTOM_LINE else _TINT
    return f"on ${_colour(section)} {strength}"


def ink(section: int) -> str:
    """Foreground for ``section``'s label and heading."""
    return f"bold $text-{_colour(section)}" if section != BOTTOM_LINE else "bold $foreground"


def label(section: int) -> str:
    """The short name printed beside the colour: ``§1`` for the first section, ``BL`` for the
    bottom line, ``“`` for a sentence quoted."""
    if section == BOTTOM_LINE:
        return "BL"
    if section == QUOTES:
        return "“"
    return f"§{section + 1}"
