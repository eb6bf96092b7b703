"""The CLI's one renderer table: every command prints every format, through a real function."""

from __future__ import annotations

import importlib

import pytest

from briefer.cli.renderers import RENDERERS
from briefer.render import FORMATS


@pytest.mark.parametrize("kind", sorted(RENDERERS))
def test_every_kind_renders_every_format(kind: str) -> None:
    assert set(RENDERERS[kind]) == set(FORMATS)
    for target in RENDERERS[kind].values():
        module, _, name = target.partition(":")
        assert callable(getattr(importlib.import_module(f"briefer.render.{module}"), name))
