"""The layers in pyproject.toml's ``[tool.importlinter]`` hold: the core never imports a UI
library or a face, renderers never import the CLI or the TUI, the TUI's widgets sit on its
state.  Run here so that CI (which runs exactly the README's pytest command) enforces them."""

from __future__ import annotations

import pkgutil
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FACES = {"briefer.cli", "briefer.tui", "briefer.render", "briefer.__main__",
         "briefer.entry"}


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


def test_every_module_is_core_or_a_face() -> None:
    """A contract over a list is only as good as the list: a new top-level module must be
    named in the core's contract (or be a face), else nothing checks what it imports."""
    import briefer

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    core = next(c for c in contracts if "briefer.tui" in c.get("forbidden_modules", ()))
    assert {"textual", "rich", "click"} <= set(core["forbidden_modules"])
    modules = {f"briefer.{m.name}" for m in pkgutil.iter_modules(briefer.__path__)}
    unclassified = modules - set(core["source_modules"]) - FACES
    assert not unclassified, f"add to the core contract in pyproject.toml: {unclassified}"
