"""Errors any part of the core may raise and every face reports the same way.

An optional dependency (``rouge-score`` for ``eval``, ``dask.distributed`` for the dask
engine) is imported only when the work that needs it starts; when it is missing, the core
raises :class:`MissingDependency` with the install command, and the CLI prints it as a
one-line error (exit 1) instead of a traceback.
"""

from __future__ import annotations


class MissingDependency(RuntimeError):
    """An optional package needed for this command is not installed."""
