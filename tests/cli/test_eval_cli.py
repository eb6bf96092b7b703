"""``briefer eval`` as a user runs it: tables, JSON, exit codes (scores: test_evaluate.py)."""

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
TINY = ROOT / "tests" / "data" / "eval_tiny.jsonl"


def run(*args: str) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    return subprocess.run([sys.executable, "-m", "briefer", "eval", *args],
                          capture_output=True, env=env, timeout=180, cwd=ROOT)


def test_markdown_table_in_a_pipe() -> None:
    proc = run(str(TINY), "--ref-length", "-a", "pacsum,sumy-luhn")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode()
    assert "2 documents, as many sentences as the reference" in out
    assert "| Algorithm | ROUGE-1 | ROUGE-2 | ROUGE-Lsum | ms/doc |" in out
    rows = [line for line in out.splitlines() if line.startswith("| ") and "---" not in line]
    assert [r.split("|")[1].strip() for r in rows[1:]] == ["LEAD-ref", "pacsum", "sumy-luhn"]
    assert rows[1].startswith("| LEAD-ref | 78.57 | 70.00 | 78.57 |")
    assert "\x1b[" not in out and proc.stderr == b""


def test_json_rows() -> None:
    proc = run(str(TINY), "-n", "1", "-f", "json", "--limit", "1")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["documents"] == 1 and data["sentences"] == 1
    lead, default = data["rows"]
    assert lead["label"] == "LEAD-1" and default["algorithm"] == "pacsum"
    # Document "cat" alone: LEAD-1 F1 is 12/17 on unigrams (see test_evaluate.py).
    assert lead["rouge1"] == round(100 * 12 / 17, 2)
    assert set(lead) == {"algorithm", "label", "rouge1", "rouge2", "rougeLsum", "ms_per_doc"}


def test_rich_table_when_asked() -> None:
    result = CliRunner().invoke(cli, ["eval", str(TINY), "-n", "1", "-f", "rich"])
    assert result.exit_code == 0, result.output
    assert "LEAD-1" in result.output and "ROUGE-Lsum" in result.output


@pytest.mark.parametrize(("content", "message"), [
    (None, b"no such file"),
    ("plain text, not JSON lines\n", b"line 1: not a JSON object"),
    ('{"article": "One. Two."}\n', b"line 1: no 'reference' field"),
])
def test_bad_data_file_is_exit_1(tmp_path: Path, content: str | None, message: bytes) -> None:
    path = tmp_path / "data.jsonl"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    proc = run(str(path))
    assert proc.returncode == 1
    assert proc.stderr.startswith(b"briefer: ") and message in proc.stderr
    assert proc.stdout == b""


@pytest.mark.parametrize("args", [
    ["-n", "2", "--ref-length"],
    ["-a", "pacsum,no-such-ranker"],
    ["--limit", "0"],
])
def test_usage_errors_are_exit_2(args: list[str]) -> None:
    assert run(str(TINY), *args).returncode == 2


def test_missing_rouge_score_is_exit_1_with_the_install_command(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "rouge_score", None)
    result = CliRunner().invoke(cli, ["eval", str(TINY)])
    assert result.exit_code == 1
    assert "pip install 'briefer[eval]'" in result.output


def test_oracle_row_when_asked() -> None:
    result = CliRunner().invoke(cli, ["eval", str(TINY), "-n", "2", "--oracle", "-f", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)["rows"]
    assert [r["label"] for r in rows] == ["LEAD-2", "pacsum", "greedy oracle-2"]
    assert rows[-1]["rouge1"] == 78.57  # worked out in test_evaluate.py
