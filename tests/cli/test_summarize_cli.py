"""``briefer summarize`` and ``briefer sentences`` as a user runs them: real processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefer.cli import cli

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "venezuela-mexico.txt"


def run(*args: str, stdin: bytes | None = None, env: dict[str, str] | None = None
        ) -> subprocess.CompletedProcess[bytes]:
    full_env = {**os.environ, **(env or {})}
    full_env.pop("NO_COLOR", None) if env is None or "NO_COLOR" not in env else None
    return subprocess.run([sys.executable, "-m", "briefer", *args], input=stdin,
                          capture_output=True, env=full_env, timeout=120, cwd=ROOT)


def test_summarize_seed_to_a_pipe_is_markdown() -> None:
    proc = run("summarize", str(SEED), "-n", "3")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode()
    assert out.startswith("# Trump Signals Talks with Maduro")
    items = [line for line in out.splitlines() if line.startswith("- ")]
    assert len(items) == 3
    assert "\x1b[" not in out


def test_json_contract_offsets_point_into_the_input() -> None:
    proc = run("summarize", str(SEED), "-n", "4", "-f", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert set(data) == {"source", "title", "language", "author", "date", "site", "algorithm",
                         "sentences"}
    assert data["language"] == "en"
    text = SEED.read_text(encoding="utf-8")
    assert len(data["sentences"]) == 4
    indexes = [s["index"] for s in data["sentences"]]
    assert indexes == sorted(indexes)
    for s in data["sentences"]:
        assert set(s) == {"index", "text", "start", "end", "score"}
        assert " ".join(text[s["start"]:s["end"]].split()) == s["text"]
        assert isinstance(s["score"], float)


def test_sentences_json_and_text() -> None:
    proc = run("sentences", str(SEED), "-f", "json")
    data = json.loads(proc.stdout)
    assert set(data) == {"source", "title", "language", "author", "date", "site", "sentences"}
    text = SEED.read_text(encoding="utf-8")
    for s in data["sentences"]:
        assert set(s) == {"index", "text", "start", "end"}
        assert " ".join(text[s["start"]:s["end"]].split()) == s["text"]
    plain = run("sentences", str(SEED), "-f", "text").stdout.decode().splitlines()
    assert plain == [s["text"] for s in data["sentences"]]
    raw = run("sentences", "--no-clean", str(SEED), "-f", "text").stdout.decode()
    assert "Also Read" in raw and "Also Read" not in "\n".join(plain)


@pytest.mark.parametrize(
    ("args", "stdin", "code", "message"),
    [
        (["summarize", "missing.txt"], None, 1, "missing.txt: no such file"),
        (["summarize", "seeds"], None, 1, "seeds: is a directory"),
        (["summarize", "-"], b"", 1, "<stdin>: no input"),
        (["summarize", "-"], b"  \n \n", 1, "<stdin>: contains only blank space"),
        (["summarize", str(SEED), "-a", "nope"], None, 2, "'nope' is not one of"),
        (["summarize", str(SEED), "-n", "0"], None, 2, "0 is not in the range"),
        (["summarize", str(SEED), "-n", "-3"], None, 2, "-3 is not in the range"),
        (["summarize", str(SEED), "-n", "2", "--words", "9"], None, 2, "only one of"),
        (["summarize"], None, 2, "Missing argument 'FILE'"),
        (["frobnicate"], None, 2, "No such command"),
    ],
)
def test_errors_are_one_clear_line_with_exit_code(args, stdin, code, message) -> None:
    proc = run(*args, stdin=stdin)
    err = proc.stderr.decode()
    assert proc.returncode == code
    assert message in err
    assert "Traceback" not in err
    assert proc.stdout == b""


def test_binary_and_empty_files(tmp_path: Path) -> None:
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 40)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    for path, message in ((binary, "binary"), (empty, "is empty")):
        proc = run("summarize", str(path))
        assert proc.returncode == 1
        assert str(path) in proc.stderr.decode() and message in proc.stderr.decode()
        assert "Traceback" not in proc.stderr.decode()


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-16"])
def test_legacy_and_utf16_files_work(tmp_path: Path, encoding: str) -> None:
    text = ("Le café a fermé ses portes lundi. Les clients étaient déçus. "
            "Le propriétaire a déclaré qu'il était épuisé. La mairie cherche un repreneur.")
    path = tmp_path / "fr.txt"
    path.write_bytes(text.encode(encoding))
    proc = run("summarize", str(path), "-n", "2", "-f", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    for s in data["sentences"]:
        assert s["text"] in text


def test_text_without_punctuation_is_split_anyway(tmp_path: Path) -> None:
    words = "the river rose again and the town waited for news from the hills " * 60
    path = tmp_path / "nopunct.txt"
    path.write_text(words.strip())
    proc = run("sentences", str(path), "-f", "json")
    assert proc.returncode == 0, proc.stderr
    sentences = json.loads(proc.stdout)["sentences"]
    assert len(sentences) > 3
    assert max(len(s["text"].split()) for s in sentences) <= 120


def test_markup_and_escapes_in_input_never_reach_the_terminal(tmp_path: Path) -> None:
    evil = ("[bold red]Alert[/bold red] said the [link=http://x]minister[/link]. "
            "Then \x1b]52;c;ZXZpbA==\x07 the screen \x1b[2J was cleared. "
            "Officials said *nothing* else.")
    path = tmp_path / "evil.txt"
    path.write_text(evil)
    for fmt in ("rich", "markdown", "json", "text"):
        proc = run("summarize", str(path), "-f", fmt)
        out = proc.stdout.decode()
        assert proc.returncode == 0
        assert "\x1b]52" not in out and "\x1b[2J" not in out and "\x07" not in out
        if fmt in ("rich", "text"):
            assert "[bold red]Alert[/bold red]" in out
    runner = CliRunner()
    result = runner.invoke(cli, ["summarize", str(path), "-f", "rich"], color=True)
    assert "[bold red]Alert[/bold red]" in result.output
    assert "\x1b]52" not in result.output


def test_no_color_and_forced_rich(tmp_path: Path) -> None:
    runner = CliRunner()
    coloured = runner.invoke(cli, ["summarize", str(SEED), "-f", "rich"], color=True)
    assert coloured.exit_code == 0
    plain = runner.invoke(cli, ["summarize", str(SEED), "-f", "rich"], color=True,
                          env={"NO_COLOR": "1"})
    assert "\x1b[" not in plain.output
    assert "Trump" in plain.output


@pytest.mark.parametrize("command", [
    # far more than a pipe buffer (64 KiB), so briefer is still writing when head leaves
    "batch {records} -j 1 -a lead",
    "sentences {big} -f text",
    "templates -f json",
])
def test_closed_pipe_ends_quietly(tmp_path: Path, command: str) -> None:
    """briefer's own rule (LazyGroup.main): a reader that stops early ends any command with
    status 0 and nothing on stderr (click alone exits 1; Python alone prints "Exception
    ignored" from the last flush)."""
    text = SEED.read_text(encoding="utf-8")
    records = tmp_path / "records.jsonl"
    records.write_text("".join(json.dumps({"id": k, "text": text}) + "\n" for k in range(200)),
                       encoding="utf-8")
    big = tmp_path / "big.txt"
    big.write_text(text * 60, encoding="utf-8")
    args = command.format(records=records, big=big)
    # head -c 1 leaves after one byte, whatever the command has written by then
    cmd = f"{sys.executable} -m briefer {args} | head -c 1 >/dev/null; exit ${{PIPESTATUS[0]}}"
    proc = subprocess.run(["bash", "-c", cmd], capture_output=True, timeout=120, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert b"Traceback" not in proc.stderr and b"Exception ignored" not in proc.stderr
    assert b"Broken pipe" not in proc.stderr


def test_version_and_help_examples() -> None:
    assert run("--version").stdout.decode().startswith("briefer, version ")
    help_text = run("summarize", "--help").stdout.decode()
    assert "Examples:" in help_text and "--ratio" in help_text


def test_stdin_dash() -> None:
    proc = run("summarize", "-", "-n", "1", "-f", "text",
               stdin=b"One fact here. Another fact there. A third fact.")
    assert proc.returncode == 0
    assert len(proc.stdout.decode().splitlines()) == 1


def test_html_file(tmp_path: Path) -> None:
    page = tmp_path / "story.html"
    paras = "".join(f"<p>Paragraph {i} tells how the flood reached street number {i} "
                    f"and what the residents did next.</p>" for i in range(1, 6))
    page.write_text(f"<html><head><title>Flood</title></head><body><nav>Menu Home</nav>"
                    f"<article><h1>Flood</h1>{paras}</article></body></html>")
    proc = run("summarize", str(page), "-f", "json", "-n", "2")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["title"] == "Flood"
    assert all("Paragraph" in s["text"] for s in data["sentences"])


def test_ten_megabyte_file_is_summarized(tmp_path: Path) -> None:
    """Issue 2's 10 MB case works end to end (its time and memory are measured in
    benchmarks/bench_rank.py, not asserted here).  Each copy of the seed gets a numbered
    paragraph of its own, so the text is not one sentence repeated."""
    seed = SEED.read_text(encoding="utf-8")
    parts, size, k = [], 0, 0
    while size < 10_000_000:
        part = f"{seed}\n\nDispatch {k} was filed from desk {k % 97} at {k % 24}:00 hours.\n\n"
        parts.append(part)
        size += len(part.encode("utf-8"))
        k += 1
    path = tmp_path / "big.txt"
    text = "".join(parts)
    path.write_text(text, encoding="utf-8")
    proc = run("summarize", str(path), "-n", "5", "-f", "json")
    assert proc.returncode == 0, proc.stderr[-500:]
    chosen = json.loads(proc.stdout)["sentences"]
    assert len(chosen) == 5
    for s in chosen:
        assert " ".join(text[s["start"]:s["end"]].split()) == s["text"]


def test_sumy_on_a_text_past_its_limit_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from briefer.rank import sumy_adapter

    monkeypatch.setattr(sumy_adapter, "SUMY_MAX_SENTENCES", 3)
    text = "One thing happened. Two things happened. Three things. Four things now."
    result = CliRunner().invoke(cli, ["summarize", "-", "-a", "sumy-lexrank"], input=text)
    assert result.exit_code == 1
    assert "limit of 3" in result.output and "-a lexrank" in result.output
    assert "Traceback" not in result.output
    ok = CliRunner().invoke(cli, ["summarize", "-", "-a", "sumy-luhn", "-n", "1"], input=text)
    assert ok.exit_code == 0, "linear sumy algorithms have no limit"
