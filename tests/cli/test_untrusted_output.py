"""Everything briefer prints that came from outside is untrusted (issue 12, items 1-5).

File names (typed, or found in a folder), template strings, batch record ids, page titles and
the error messages quoting them must never carry a byte a terminal acts on, in any output
format.  Each test feeds one hostile string through one door and checks every byte printed.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefer.cli import cli

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "venezuela-mexico.txt"
EVAL_DATA = ROOT / "tests" / "data" / "eval_tiny.jsonl"

# OSC 52 (writes the clipboard), clear screen, red; then C1 CSI and OSC, a bidi override,
# right-to-left and Arabic letter marks, and tag characters ("hidden" text).
HOSTILE = "x\x1b]52;c;cHduZWQ=\x07\x1b[2J\x1b[31mRED\x9b2J\x9d0;t\x07\u202e\u200f\u061c\U000e0041"
# What no output may contain: C0 controls but tab and newline, DEL, C1 controls, bidi
# controls and marks, tag characters.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
                    "\U000e0000-\U000e007f]")


def assert_safe(*outputs: str) -> None:
    for out in outputs:
        found = UNSAFE.search(out)
        assert found is None, f"unsafe {found.group()!r} in {out!r}"


def invoke(*args: str, input: bytes | None = None):
    result = CliRunner().invoke(cli, list(args), input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        result.exception
    return result


@pytest.fixture
def hostile_file(tmp_path: Path) -> Path:
    path = tmp_path / f"{HOSTILE}.txt"
    shutil.copy(SEED, path)
    return path


@pytest.mark.parametrize("fmt", ["markdown", "text", "json", "rich"])
@pytest.mark.parametrize("command", ["summarize", "brief", "sentences"])
def test_a_hostile_file_name_is_never_printed_raw(hostile_file: Path, command: str,
                                                  fmt: str) -> None:
    result = invoke(command, str(hostile_file), "-f", fmt)
    assert result.exit_code == 0, result.stderr
    assert_safe(result.stdout, result.stderr)
    if fmt == "json" and command != "sentences":
        data = json.loads(result.stdout)
        source = data["source"] if command == "summarize" else data["sources"][0]["source"]
        assert source.endswith("RED?2J?0;t?????.txt")


def test_a_hostile_name_in_an_error_message_is_neutralised(tmp_path: Path) -> None:
    result = invoke("summarize", str(tmp_path / f"{HOSTILE}.txt"))
    assert result.exit_code == 1
    assert "no such file" in result.stderr
    assert_safe(result.stdout, result.stderr)


def test_a_hostile_argument_in_a_usage_error_is_neutralised() -> None:
    result = invoke("summarize", "-a", HOSTILE, str(SEED))
    assert result.exit_code == 2
    assert_safe(result.stdout, result.stderr)


def test_a_folder_entry_with_a_hostile_name_is_neutralised(hostile_file: Path) -> None:
    result = invoke("brief", str(hostile_file.parent) + "/", "-f", "text")
    assert result.exit_code == 0, result.stderr
    assert "RED" in result.stdout  # the (neutralised) name is still shown
    assert_safe(result.stdout, result.stderr)


def test_a_hostile_name_passed_to_the_api_is_neutralised() -> None:
    from briefer import api

    doc = api.split("One sentence here. Another one there.", source=HOSTILE, title=HOSTILE)
    assert_safe(doc.source, doc.title or "")
    assert doc.title.startswith("x?]52")


@pytest.fixture
def hostile_template(tmp_path: Path) -> Path:
    path = tmp_path / "evil.toml"
    escaped = '"' + "".join(c if c.isprintable() else f"\\U{ord(c):08x}" for c in HOSTILE) + '"'
    path.write_text(f"""
description = {escaped}
catch_all = {escaped}

[[section]]
title = {escaped}
topics = ["Venezuela", "Maduro"]
""", encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["markdown", "text", "json", "rich"])
def test_hostile_template_strings_are_neutralised(hostile_template: Path, fmt: str) -> None:
    result = invoke("brief", str(SEED), "-t", str(hostile_template), "-f", fmt)
    assert result.exit_code == 0, result.stderr
    assert "RED" in result.stdout  # the section title is shown, made safe
    assert_safe(result.stdout, result.stderr)


@pytest.mark.parametrize("fmt", ["text", "json", "rich"])
def test_templates_lists_a_hostile_user_template_safely(hostile_template: Path, fmt: str,
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        tmp_path: Path) -> None:
    folder = tmp_path / "config" / "templates"
    folder.mkdir(parents=True)
    shutil.copy(hostile_template, folder / f"{HOSTILE}.toml")
    monkeypatch.setenv("BRIEFER_CONFIG_DIR", str(folder.parent))
    result = invoke("templates", "-f", fmt)
    assert result.exit_code == 0, result.stderr
    assert "RED" in result.stdout
    assert_safe(result.stdout, result.stderr)


def test_batch_ids_with_c1_controls_are_escaped_in_json() -> None:
    records = "\n".join(json.dumps({"id": HOSTILE + str(k), "text": SEED.read_text()},
                                   ensure_ascii=False) for k in range(2))
    result = invoke("batch", "-", "-j", "1", input=records.encode())
    assert result.exit_code == 0, result.stderr
    assert_safe(result.stdout, result.stderr)
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert [i[-1] for i in ids] == ["0", "1"] and all(i.startswith("x?]52") for i in ids)


@pytest.mark.parametrize("fmt", ["markdown", "json", "rich"])
def test_eval_output_neutralises_the_data_file_name(tmp_path: Path, fmt: str) -> None:
    pytest.importorskip("rouge_score")
    data = tmp_path / f"{HOSTILE}`<img src=x onerror=alert(1)>.jsonl"
    shutil.copy(EVAL_DATA, data)
    result = invoke("eval", str(data), "-a", "lead", "--limit", "2", "-f", fmt)
    assert result.exit_code == 0, result.stderr
    assert_safe(result.stdout, result.stderr)
    if fmt == "markdown":
        from markdown_it import MarkdownIt

        html = MarkdownIt("commonmark").render(result.stdout)
        assert "<img" not in html
        caption = html.split("</p>")[0]  # the table's caption, before the provenance block
        assert "<code>" not in caption
        assert "`&lt;img src=x onerror=alert(1)&gt;.jsonl" in caption


def test_the_reading_spinner_on_a_terminal_neutralises_a_folder_entry(
        hostile_file: Path) -> None:
    """The spinner shows only when stderr is a terminal, so give it a real one (a pty)."""
    import os
    import pty
    import subprocess
    import sys

    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "briefer", "brief", str(hostile_file.parent) + "/", "-f", "json"],
        stdout=subprocess.DEVNULL, stderr=follower, stdin=subprocess.DEVNULL,
        env={**os.environ, "TERM": "xterm-256color", "COLUMNS": "200"})
    os.close(follower)
    printed = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the child closed the terminal (EIO on Linux)
            break
        if not chunk:
            break
        printed += chunk
    os.close(leader)
    assert proc.wait(timeout=60) == 0
    shown = printed.decode("utf-8", "replace")
    assert "reading" in shown  # the spinner did run, with the folder entry's name
    assert "\x1b]52" not in shown and "\x1b[2J" not in shown and "\x9b" not in shown
