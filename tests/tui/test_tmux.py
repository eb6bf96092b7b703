"""The reader for real in a terminal: ``tests/tui/tmux_check.sh`` under pytest.

The script starts ``briefer tui`` in tmux (from a file and from a pipe, at 80×24 and 160×45,
dark and light), sends keys and checks what the terminal shows; see docs/tui.md.  It waits
for each screen and process (up to 120 s each) rather than sleeping, so a slow machine makes
it slower, not flaky.  Skipped where tmux or the ``briefer`` console script is not installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
BRIEFER = Path(sys.executable).with_name("briefer")


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
@pytest.mark.skipif(not BRIEFER.exists(), reason="the briefer script is not installed")
def test_the_reader_in_a_real_terminal(tmp_path: Path) -> None:
    # Not inside the tmux pytest may run in: the script has a server of its own.
    env = {k: v for k, v in os.environ.items() if not k.startswith("TMUX")}
    proc = subprocess.run(["bash", str(HERE / "tmux_check.sh"), str(tmp_path)],
                          env={**env, "BRIEFER": str(BRIEFER)},
                          capture_output=True, text=True, timeout=1800)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (tmp_path / "stdin-160x45-light.txt").read_text(encoding="utf-8").count("<stdin>")

