"""The core stays free of UI and heavy imports on the paths where start-up time matters."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

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


def test_the_stemmer_loads_nltk_without_scipy_stats_and_leaves_it_importable() -> None:
    code = (
        "import sys\n"
        "from briefer.tokens import make_stemmer\n"
        "stem = make_stemmer()\n"
        "assert 'scipy.stats' not in sys.modules, 'scipy.stats was imported'\n"
        "words = ['running', 'Venezuelan', 'generously', 'criticised', 'dying']\n"
        "ours = [stem(w) for w in words]\n"
        "import scipy.stats\n"
        "assert scipy.stats.norm.cdf(0) == 0.5\n"
        "from nltk.stem.snowball import SnowballStemmer\n"
        "assert ours == [SnowballStemmer('english').stem(w.lower()) for w in words], ours\n"
        "print('ok')\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", proc.stderr


def test_briefers_rankers_and_briefs_never_load_nltk() -> None:
    """briefer's own code stems with PyStemmer: a LexRank summary and a brief load no NLTK
    (only sumy's algorithms do, through sumy)."""
    code = (
        "import sys\n"
        "from briefer import api\n"
        "from briefer.brief import make_brief\n"
        "doc = api.split('Rain fell on Monday. The rivers rose fast. Farmers were glad.')\n"
        "api.summarize(doc, algorithm='lexrank', count=1)\n"
        "make_brief([doc], algorithm='lsa')\n"
        "print('nltk' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False", out.stderr


def _core_modules() -> list[str]:
    """Every module of briefer but its faces (cli, tui, render) and ``python -m briefer``:
    found by walking the package, so a new core module is checked without being listed."""
    import pkgutil

    import briefer

    faces = ("briefer.cli", "briefer.tui", "briefer.render", "briefer.__main__")
    return sorted(m.name for m in pkgutil.walk_packages(briefer.__path__, "briefer.")
                  if not m.name.startswith(faces))


@pytest.mark.parametrize("module", _core_modules())
def test_no_core_module_imports_a_ui(module: str) -> None:
    """The child must import the module cleanly (exit 0) and load none of the UI packages; a
    failed import is a failure, not an empty module list."""
    mods = _modules_after(f"import {module}")
    assert not mods & {"textual", "rich", "click"}, module


def test_a_child_that_fails_to_import_fails_the_check() -> None:
    """The guard of the guard: an import error in the child is reported, never read as a
    clean module list."""
    with pytest.raises(AssertionError, match="ImportError"):
        _modules_after("raise ImportError('injected')")
