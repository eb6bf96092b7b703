"""The interactive reader: a text and its brief side by side (``briefer tui``).

Only :mod:`briefer.tui.state` is free of Textual, so it can be unit-tested and reasoned about
on its own; everything else here is the Textual face (``app``, ``screens``, ``widgets``,
``messages``).  Nothing outside this package imports it, except ``briefer.cli.tui`` inside
the command, so ``briefer summarize`` never loads Textual.
"""
