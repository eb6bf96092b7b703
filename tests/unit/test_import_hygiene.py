"""The core stays free of UI and heavy imports on the paths where start-up time matters."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _modules_after(code: str) -> set[str]:
    script = code + "\nimport sys\nprint('\\n'.join(sorted(sys.modules)))"
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return {m.split(".")[0] for m in proc.stdout.split()}


def test_help_imports_no_ranker_sumy_nltk_or_textual() -> None:
    mods = _modules_after(
        "from briefer.cli import cli\n"
        "try:\n    cli.main(['--help'], prog_name='briefer')\nexcept SystemExit:\n    pass"
    )
    assert not mods & {"sumy", "nltk", "textual", "numpy", "scipy", "trafilatura"}


def test_summarize_never_imports_textual() -> None:
    seed = ROOT / "seeds" / "venezuela-mexico.txt"
    mods = _modules_after(
        "from briefer.cli import cli\n"
        f"try:\n    cli.main(['summarize', {str(seed)!r}, '-f', 'json'], prog_name='briefer')\n"
        "except SystemExit:\n    pass"
    )
    assert "textual" not in mods
    assert "briefer" in mods


def test_core_api_imports_no_ui() -> None:
    mods = _modules_after("import briefer.api, briefer.document, briefer.clean")
    assert not mods & {"textual", "rich", "click", "sumy", "nltk"}
