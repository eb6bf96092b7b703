"""The layers in pyproject.toml's ``[tool.importlinter]`` hold: the core never imports a UI
library or a face, renderers never import the CLI or the TUI, the TUI's widgets sit on its
state.  Run here so that CI (which runs exactly the README's pytest command) enforces them."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _lint_imports() -> str:
    beside = Path(sys.executable).with_name("lint-imports")
    found = str(beside) if beside.exists() else shutil.which("lint-imports")
    if found is None:
        pytest.fail("lint-imports is missing: pip install -e '.[test]' installs import-linter")
    return found


def test_import_contracts_are_kept() -> None:
    proc = subprocess.run([_lint_imports(), "--no-cache"], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 broken" in proc.stdout
