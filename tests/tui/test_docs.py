"""docs/tui.md cannot drift from the app: its key table is the one the help screen shows,
generated from the real bindings, and every command it tells a developer to run exists."""

from __future__ import annotations

import re
from pathlib import Path

from briefer.tui.app import BrieferApp
from briefer.tui.screens.help import key_table
from briefer.tui.screens.main import MainScreen

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "tui.md").read_text(encoding="utf-8")


def test_the_key_table_is_generated_from_the_bindings() -> None:
    block = re.search(r"<!-- keys:.*?-->\n(.*?)\n<!-- /keys -->", DOC, re.S)
    assert block is not None, "docs/tui.md lost its key table markers"
    expected = key_table(MainScreen.BINDINGS)
    assert block.group(1) == expected, f"paste this into docs/tui.md:\n{expected}"


def test_every_binding_of_the_app_is_in_the_docs() -> None:
    for binding in [*MainScreen.BINDINGS, *BrieferApp.BINDINGS]:
        keys = binding.key_display or binding.key
        assert f"`{keys}`" in DOC, keys


def test_the_docs_name_the_tmux_check_and_the_snapshot_update() -> None:
    assert "tests/tui/tmux_check.sh" in DOC and (ROOT / "tests/tui/tmux_check.sh").exists()
    assert "pytest tests/tui --snapshot-update" in DOC
