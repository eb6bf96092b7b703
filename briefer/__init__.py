"""briefer: offline, deterministic, traceable extractive briefs.

The public API is re-exported here lazily so that ``import briefer`` (and ``briefer --help``)
stays instant; see :mod:`briefer.api` for the functions.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["read", "split", "rank", "summarize", "brief", "__version__"]


def __getattr__(name: str) -> Any:
    if name in {"read", "split", "rank", "summarize"}:
        from briefer import api

        return getattr(api, name)
    if name == "brief":
        from briefer.brief import make_brief

        return make_brief
    raise AttributeError(f"module 'briefer' has no attribute {name!r}")
