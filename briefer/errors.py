"""Errors any part of the core may raise and every face reports the same way.

They live in this small module, which imports nothing heavy, so a face can catch them by class
(``except TemplateError``) without loading the part of the core that raises them: the CLI's
error mapping is entered by every command, and ``briefer summarize`` never loads the brief
package.

An optional dependency (``rouge-score`` for ``eval``, ``dask.distributed`` for the dask
engine) is imported only when the work that needs it starts; when it is missing, the core
raises :class:`MissingDependency` with the install command, and the CLI prints it as a
one-line error (exit 1) instead of a traceback.
"""

from __future__ import annotations

from briefer.untrusted import neutralise_message, neutralise_name


class MissingDependency(RuntimeError):
    """An optional package needed for this command is not installed."""


class TemplateError(ValueError):
    """A brief template that cannot be found or used; the message names the file and line."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        # A path is a name: its line breaks become "?" too, or a file called
        # "a\nbriefer: done.toml" would split the message and forge a line of its own.
        where = neutralise_name(path) if path else ""
        if path and line:
            where = f"{where}:{line}"
        # The message quotes a path and template strings: untrusted (briefer.untrusted).
        super().__init__(neutralise_message(f"{where}: {message}" if where else message))
        self.path = path
        self.line = line
