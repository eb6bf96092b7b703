"""Untrusted strings made safe to print: one rule for everything that came from outside.

Everything briefer prints that it did not write itself is untrusted: the text, file names
(typed or found in a folder), template strings, batch record ids, page titles, and the error
messages that quote any of them.  A terminal acts on what it is sent, so ``ESC ]52;...``
writes the clipboard, ``ESC [2J`` clears the screen, C1 controls (U+009B is CSI, U+009D is
OSC) do the same on many terminals, bidirectional overrides and marks reorder what is shown,
and Unicode tag characters (U+E0000 block) hide text from the reader.  These are neutralised
where such strings enter the core (reading a source, ``api.split``, loading a template,
parsing a batch record) so every face and every output format gets safe strings, and output
formats add their own escaping on top (markdown, JSON).

Two shapes:

- :func:`neutralise` for text whose offsets matter: one character for one, so a sentence's
  offsets still point into the text; line breaks and tabs stay.
- :func:`neutralise_name` for a name shown on one line (a file name, a title, an id): line
  breaks and tabs go too, each unsafe character becoming ``?`` as ``ls`` shows them.

Lone surrogates (what Python makes of file-name bytes that are not UTF-8, or a JSON
``"\\ud800"``) cannot be written as UTF-8 at all; they become U+FFFD.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, C1 controls, the Arabic letter mark, LRM and RLM,
# the bidirectional embeddings, overrides and isolates, and the tag characters.
_UNSAFE_CHARS = ("\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e"
                 "\u2066-\u2069\U000e0000-\U000e007f")
UNSAFE = re.compile(f"[{_UNSAFE_CHARS}]")
_UNSAFE_IN_NAME = re.compile(f"[{_UNSAFE_CHARS}\t\n\r\u2028\u2029]")
_UNSAFE_IN_MESSAGE = re.compile(f"[{_UNSAFE_CHARS}\t\r\u2028\u2029]")
_SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def neutralise(text: str) -> str:
    """Replace control characters with spaces (lone CR with LF), keeping every offset.

    ``\\r\\n`` becomes `` \\n`` and a lone ``\\r`` (old Mac line ends) becomes ``\\n``, so
    lines survive; everything a terminal could act on becomes a plain space, and a lone
    surrogate becomes U+FFFD.
    """
    if "\r" in text:
        text = text.replace("\r\n", " \n").replace("\r", "\n")
    return _SURROGATE.sub(REPLACEMENT, UNSAFE.sub(" ", text))


def neutralise_name(name: str) -> str:
    """A name (file, title, id, template string) safe to print on one line."""
    return _SURROGATE.sub(REPLACEMENT, _UNSAFE_IN_NAME.sub("?", name))


def neutralise_message(message: str) -> str:
    """An error or warning message safe to print: as :func:`neutralise_name`, but keeping its
    own line breaks (click's usage errors span lines)."""
    return _SURROGATE.sub(REPLACEMENT, _UNSAFE_IN_MESSAGE.sub("?", message))


def has_surrogate(text: str) -> bool:
    """Whether ``text`` holds a lone surrogate, which no UTF-8 output can carry."""
    return _SURROGATE.search(text) is not None
