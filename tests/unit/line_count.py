"""Work counted as lines of Python run, for the scaling tests (no timing in unit tests)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from types import FrameType
from typing import Any, TypeVar

T = TypeVar("T")


def lines_run(files: Iterable[str], call: Callable[[], T]) -> tuple[T, int]:
    """What ``call()`` returns, and how many lines of the source ``files`` it ran."""
    watched = set(files)
    lines = [0]

    def trace(frame: FrameType, event: str, arg: object) -> Any:
        if frame.f_code.co_filename not in watched:
            return None
        if event == "line":
            lines[0] += 1
        return trace

    sys.settrace(trace)
    try:
        out = call()
    finally:
        sys.settrace(None)
    return out, lines[0]
