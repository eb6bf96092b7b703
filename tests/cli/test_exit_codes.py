"""How commands end on hostile conditions (issue 12, items 10, 13 and 14): a clear line on
stderr and a documented status, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefer.cli import cli

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "venezuela-mexico.txt"


def shell(command: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["bash", "-c", f"{sys.executable} -m briefer {command}"],
                          capture_output=True, timeout=120, cwd=ROOT)


def assert_clean_failure(proc: subprocess.CompletedProcess[bytes], code: int, text: bytes
                         ) -> None:
    assert proc.returncode == code, proc.stderr
    assert text in proc.stderr
    assert b"Traceback" not in proc.stderr and b"Exception ignored" not in proc.stderr


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
@pytest.mark.parametrize("args", [f"summarize {SEED}", "--help", "templates"])
def test_a_full_disk_on_stdout_is_one_line_and_status_1(args: str) -> None:
    assert_clean_failure(shell(f"{args} > /dev/full"), 1, b"cannot write output")


def test_a_closed_stdout_is_one_line_and_status_1() -> None:
    assert_clean_failure(shell(f"summarize {SEED} >&-"), 1, b"cannot write output")


def test_a_closed_stdin_is_one_line_and_status_1() -> None:
    assert_clean_failure(shell("summarize - <&-"), 1, b"standard input is closed")


def test_ctrl_c_exits_130(monkeypatch: pytest.MonkeyPatch) -> None:
    from briefer import api

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(api, "read", interrupted)
    result = CliRunner().invoke(cli, ["summarize", str(SEED)])
    assert result.exit_code == 130
    assert "Aborted" not in result.stderr


def test_ratio_nan_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["summarize", str(SEED), "--ratio", "nan"])
    assert result.exit_code == 2 and "'nan' is not a number between 0 and 1" in result.stderr


def test_punctuation_only_text_exits_1_like_an_empty_file(tmp_path: Path) -> None:
    dots = tmp_path / "dots.txt"
    dots.write_text("... !!! ??? --- ...\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    for path in (dots, empty):
        for command in ("summarize", "sentences", "brief"):
            result = CliRunner().invoke(cli, [command, str(path)])
            assert result.exit_code == 1, (command, path, result.stdout)


def deep_toml(depth: int) -> str:
    return ("description = 'deep'\nx = " + "[" * depth + "]" * depth +
            "\n[[section]]\ntitle = 'A'\ntopics = ['a']\n")


def test_a_deeply_nested_template_is_a_template_error(tmp_path: Path) -> None:
    template = tmp_path / "deep.toml"
    template.write_text(deep_toml(100_000), encoding="utf-8")
    result = CliRunner().invoke(cli, ["brief", str(SEED), "-t", str(template)])
    assert result.exit_code == 1 and "nested too deeply" in result.stderr, result.stderr


def test_templates_lists_a_deeply_nested_user_template_as_broken(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "config" / "templates"
    folder.mkdir(parents=True)
    (folder / "deep.toml").write_text(deep_toml(100_000), encoding="utf-8")
    monkeypatch.setenv("BRIEFER_CONFIG_DIR", str(folder.parent))
    result = CliRunner().invoke(cli, ["templates", "-f", "text"])
    assert result.exit_code == 0, result.stderr
    line = next(x for x in result.stdout.splitlines() if x.startswith("deep\t"))
    assert "broken" in line and "nested too deeply" in line


def test_an_eval_line_nested_100000_deep_is_a_data_error(tmp_path: Path) -> None:
    data = tmp_path / "deep.jsonl"
    data.write_text("[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(data), "-a", "lead"])
    assert result.exit_code == 1 and "nested too deeply" in result.stderr, result.stderr


@pytest.mark.parametrize("columns", ["0", "1", "5"])
def test_a_too_narrow_columns_is_taken_as_unknown(monkeypatch: pytest.MonkeyPatch,
                                                  columns: str) -> None:
    monkeypatch.setenv("COLUMNS", columns)
    result = CliRunner().invoke(cli, ["summarize", str(SEED), "-f", "rich", "-n", "2"])
    assert result.exit_code == 0
    assert "Maduro" in result.stdout  # printed at a usable width, not dropped


def test_out_of_memory_is_one_line_naming_the_input_not_a_traceback(tmp_path: Path) -> None:
    """A brief that runs out of memory (review W4), simulated: the brief's step raises
    MemoryError in a real process, as it does under ``ulimit -v`` on a large input."""
    text = tmp_path / "big.txt"
    text.write_text("Engineers finished a dam on Friday. The dam holds water.\n" * 20_000)
    script = ("import sys, briefer.brief as b\n"
              "def boom(*a, **k):\n    raise MemoryError\n"
              "b.make_brief = boom\n"
              "from briefer.cli import main\n"
              f"sys.argv = ['briefer', 'brief', {str(text)!r}, '-t', 'news', '-f', 'markdown']\n"
              "main()\n")
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120, cwd=ROOT)
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert proc.stderr == (f"briefer: out of memory ({text}, 1.1 MB); try a smaller input "
                           f"or split it\n")


def test_out_of_memory_reads_which_options_take_no_value_from_the_command(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The word after a flag may be the input; after an option with a value it is not.  A
    flag added to a command needs no second list to be told so (one was kept by hand)."""
    import click

    from briefer.cli import OutOfMemory, cli

    text = tmp_path / "big.txt"
    text.write_text("The dam holds water.\n")
    command = cli.get_command(click.Context(cli), "brief")
    monkeypatch.setattr(command, "params",
                        [*command.params, click.Option(["--shiny"], is_flag=True)])
    assert OutOfMemory(["brief", "--shiny", str(text)]).format_message() == (
        f"out of memory ({text}, 0.0 MB); try a smaller input or split it")
    assert OutOfMemory(["brief", "-t", str(text)]).format_message() == (
        "out of memory; try a smaller input or split it")
