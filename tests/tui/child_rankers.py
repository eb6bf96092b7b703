"""Rankers for tests of :mod:`briefer.tui.ranking`, run in its child process.

They live here rather than in the test module because the child imports them by name, and
this module imports nothing heavy (the test module imports Textual).  The ``algorithm``
argument carries what each one needs to know: a path to write to, a message to fail with.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from briefer.document import Document


def sleepy(doc: Document, algorithm: str) -> Sequence[float]:
    """Write this process's id to the file ``algorithm``, then take a minute.

    Written beside it and renamed, so a test waiting for the file never reads it half-written.
    """
    partial = Path(f"{algorithm}.partial")
    partial.write_text(str(os.getpid()), encoding="utf-8")
    partial.replace(algorithm)
    time.sleep(60)
    return [0.0] * len(doc.sentences)


def crash(doc: Document, algorithm: str) -> Sequence[float]:
    """Die the way an out-of-memory kill does: no answer, no exception, a last word."""
    print(f"the ranker gave up: {algorithm}", file=sys.stderr, flush=True)
    os._exit(3)


class _Stubborn(Exception):
    """An exception that pickles but does not unpickle (its ``__init__`` wants two args)."""

    def __init__(self, what: str, why: str) -> None:
        super().__init__(f"{what}: {why}")


def stubborn(doc: Document, algorithm: str) -> Sequence[float]:
    raise _Stubborn(algorithm, "cannot be sent back as it is")


def chatty(doc: Document, algorithm: str) -> Sequence[float]:
    """Print to standard output, as careless library code does, then rank by position."""
    print("ranking... [bold]done[/bold]")
    return [1.0 / (i + 1) for i in range(len(doc.sentences))]


def textual_loaded(doc: Document, algorithm: str) -> Sequence[float]:
    """1.0 for every sentence if the child has imported Textual, else 0.0."""
    return [float("textual" in sys.modules)] * len(doc.sentences)
