"""``briefer tui`` before the UI starts: arguments, files, stdin, and the errors a user sees."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from briefer.cli import cli

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "venezuela-mexico.txt"


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Pretend there is a terminal and record the app instead of running it."""
    from briefer.cli import tui as command
    from briefer.tui.app import BrieferApp

    apps: list[Any] = []
    monkeypatch.setattr(command, "stdout_is_terminal", lambda: True)
    monkeypatch.setattr(command, "reattach_terminal", lambda: apps.append("reattached"))
    monkeypatch.setattr(BrieferApp, "run", lambda self, *a, **k: apps.append(self))
    return apps


def test_help_has_examples_and_options() -> None:
    result = CliRunner().invoke(cli, ["tui", "--help"])
    assert result.exit_code == 0
    for text in ("Examples:", "cat article.txt | briefer tui", "-t, --template",
                 "-a, --algorithm", "-n, --sentences", "--theme", "docs/tui.md"):
        assert text in result.output


def test_all_files_bad_is_a_clear_error_before_the_ui(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "briefer", "tui", str(tmp_path / "a.txt"),
         str(tmp_path / "b.txt")], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert proc.returncode == 1
    assert f"briefer: {tmp_path / 'a.txt'}: no such file" in proc.stderr
    assert f"briefer: {tmp_path / 'b.txt'}: no such file" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stdout == ""


def test_a_bad_template_exits_1_without_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "broken.toml"
    bad.write_text("[[section]\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "briefer", "tui", str(SEED), "-t", str(bad)],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert proc.returncode == 1
    assert "broken.toml" in proc.stderr and "Traceback" not in proc.stderr


def test_piped_stdin_without_a_terminal_says_so_in_a_real_process() -> None:
    """``cat article.txt | briefer tui > out``: the text is read, then a clear refusal."""
    proc = subprocess.run([sys.executable, "-m", "briefer", "tui"], input=SEED.read_bytes(),
                          capture_output=True, timeout=120, cwd=ROOT)
    assert proc.returncode == 1
    assert b"needs a terminal" in proc.stderr and b"Traceback" not in proc.stderr


def test_one_good_file_starts_the_app_and_reports_the_bad_one(started: list[Any],
                                                              tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["tui", str(SEED), str(tmp_path / "gone.txt"),
                                      "-a", "lead", "-n", "4"])
    assert result.exit_code == 0, result.output
    (app,) = started
    assert [d.source for d in app.reader.documents] == [str(SEED)]
    assert app.reader.algorithm == "lead" and app.reader.count == 4
    assert app.errors == (f"{tmp_path / 'gone.txt'}: no such file",)


def test_a_folder_opens_its_files_as_brief_reads_it(started: list[Any],
                                                   tmp_path: Path) -> None:
    """The reader takes FILE... as ``briefer brief`` does (one read_inputs for both): a
    folder gives its text files in name order, and a file with no sentences is reported
    beside the ones that opened instead of stopping the reader."""
    (tmp_path / "b.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "a.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "c.txt").write_text("... !!! ---\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["tui", str(tmp_path)])
    assert result.exit_code == 0, result.output
    (app,) = started
    assert [Path(d.source).name for d in app.reader.documents] == ["a.txt", "b.txt"]
    assert len(app.errors) == 1 and "c.txt: no sentences found" in app.errors[0]


def test_a_folder_without_text_is_an_error_before_the_ui(tmp_path: Path) -> None:
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    result = CliRunner().invoke(cli, ["tui", str(tmp_path)])
    assert result.exit_code == 1
    assert "no text or HTML files in this folder" in result.output
    assert "Traceback" not in result.output


def test_piped_stdin_is_read_then_the_terminal_reattached(started: list[Any]) -> None:
    result = CliRunner().invoke(cli, ["tui"], input=SEED.read_bytes())
    assert result.exit_code == 0, result.output
    reattached, app = started
    assert reattached == "reattached"
    assert app.reader.documents[0].source == "<stdin>"
    assert app.reader.documents[0].text == SEED.read_text(encoding="utf-8")


def test_no_file_and_no_pipe_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from briefer.cli import tui as command

    monkeypatch.setattr(command, "stdin_is_piped", lambda: False)
    result = CliRunner().invoke(cli, ["tui"])
    assert result.exit_code == 2
    assert "give a FILE" in result.output


def test_stdin_twice_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["tui", "-", "-"], input=b"x")
    assert result.exit_code == 2


def test_without_a_terminal_it_says_so() -> None:
    result = CliRunner().invoke(cli, ["tui", str(SEED)])
    assert result.exit_code == 1
    assert "needs a terminal" in result.output


def test_the_theme_is_passed_on_and_a_bad_one_is_a_usage_error(started: list[Any],
                                                               monkeypatch: pytest.MonkeyPatch
                                                               ) -> None:
    result = CliRunner().invoke(cli, ["tui", str(SEED), "--theme", "textual-light"])
    assert result.exit_code == 0, result.output
    assert started[-1].theme == "textual-light"
    monkeypatch.setenv("TEXTUAL_THEME", "nord")
    assert CliRunner().invoke(cli, ["tui", str(SEED)]).exit_code == 0
    assert started[-1].theme == "nord"
    result = CliRunner().invoke(cli, ["tui", str(SEED), "--theme", "mauve"])
    assert result.exit_code == 2
    assert "no theme 'mauve'" in result.output and "textual-light" in result.output


def test_a_bad_template_is_an_error_before_the_ui(started: list[Any]) -> None:
    result = CliRunner().invoke(cli, ["tui", str(SEED), "-t", "no-such-template"])
    assert result.exit_code == 1
    assert "no-such-template" in result.output
    assert started == []


def test_tui_help_and_summarize_do_not_import_textual() -> None:
    code = ("import sys\nfrom briefer.cli import cli\n"
            "try:\n    cli.main(['tui', '--help'], prog_name='briefer')\n"
            "except SystemExit:\n    pass\n"
            "print('textual' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().endswith("False")
