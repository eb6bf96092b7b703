"""The one table of what each command prints in each format, as sumy's CLI picks its
summarizers from ``AVAILABLE_METHODS``.

A command names what it prints (``"summary"``, ``"brief"``, ``"sentences"``, ``"templates"``)
and :func:`renderers` gives the format -> function table :func:`~briefer.cli.common.emit`
expects.  Entries are ``"module:function"`` below :mod:`briefer.render` and are imported only
when called, so ``briefer summarize -f json`` never loads rich, and ``--help`` loads no
renderer at all.  Where a format has no renderer of its own the table says what stands in:
``sentences`` and ``templates`` print one line an item in a pipe (``text``) rather than
markdown, which is what ``wc -l`` or ``cut -f1`` want.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

RENDERERS: dict[str, dict[str, str]] = {
    "summary": {"rich": "terminal:render_summary", "markdown": "markdown:render_summary",
                "json": "json:render_summary", "text": "text:render_summary"},
    "brief": {"rich": "terminal:render_brief", "markdown": "markdown:render_brief",
              "json": "json:render_brief", "text": "text:render_brief"},
    "sentences": {"rich": "terminal:render_sentences", "markdown": "text:render_sentences",
                  "json": "json:render_sentences", "text": "text:render_sentences"},
    "templates": {"rich": "templates:render_rich", "markdown": "templates:render_text",
                  "json": "templates:render_json", "text": "templates:render_text"},
}


def renderers(kind: str) -> dict[str, Callable[..., Any]]:
    """Format name -> renderer of ``kind``, each importing its module on first call."""
    return {fmt: _lazy(target) for fmt, target in RENDERERS[kind].items()}


def _lazy(target: str) -> Callable[..., Any]:
    module, _, name = target.partition(":")

    def render(*args: Any) -> Any:
        return getattr(importlib.import_module(f"briefer.render.{module}"), name)(*args)

    render.__qualname__ = f"render.{target}"
    return render
