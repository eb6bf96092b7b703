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
    assert "2 documents in English, as many sentences as the reference" in out
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
    assert lead["label"] == "LEAD-1" and default["algorithm"] == "pyramid"
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
    ('{"article": "One. Two."}\n', b"line 1: no 'reference', 'highlights' or 'summary' field"),
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
    assert [r["label"] for r in rows] == ["LEAD-2", "pyramid", "greedy oracle-2"]
    assert rows[-1]["rouge1"] == 78.57  # worked out in test_evaluate.py


def test_several_files_give_a_table_each_then_the_mean(tmp_path: Path) -> None:
    other = tmp_path / "first-only.jsonl"
    other.write_text(TINY.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    proc = run(str(TINY), str(other), "-k", "1", "-a", "lead")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode()
    assert out.count("| LEAD-1 |") == 3
    assert "on eval\\_tiny.jsonl: 2 documents" in out  # the name escaped, not in a code span
    assert "on first-only.jsonl: 1 document in English," in out
    assert "the mean of 2 files (each file counts once): 3 documents" in out
    # the mean of the files' LEAD-1: (12/17 + 4/7)/2 and 12/17, as worked out in test_evaluate
    mean = round((round(100 * (12 / 17 + 4 / 7) / 2, 2) + round(100 * 12 / 17, 2)) / 2, 2)
    assert f"| LEAD-1 | {mean:.2f} |" in out.split("the mean of 2 files")[1]
    import hashlib

    for path in (TINY, other):
        assert f"sha256 {hashlib.sha256(path.read_bytes()).hexdigest()}  {path}" in out
    assert out.count(f"briefer eval {TINY} {other} -a lead -k 1\n") == 2


def test_k_ref_is_the_reference_length_and_bad_k_is_a_usage_error() -> None:
    runner = CliRunner()
    by_k = runner.invoke(cli, ["eval", str(TINY), "-k", "ref", "-f", "json"])
    by_flag = runner.invoke(cli, ["eval", str(TINY), "--ref-length", "-f", "json"])
    assert by_k.exit_code == 0, by_k.output
    k_data, flag_data = json.loads(by_k.output), json.loads(by_flag.output)
    assert k_data["sentences"] == "reference"
    assert [r["rouge1"] for r in k_data["rows"]] == [r["rouge1"] for r in flag_data["rows"]]
    assert "-k ref" in k_data["command"] and "-k ref" in flag_data["command"]
    for bad in (["-k", "0"], ["-k", "three"], ["-k", "2", "-n", "2"], ["--tokenizer", "xx"]):
        result = runner.invoke(cli, ["eval", str(TINY), *bad])
        assert result.exit_code == 2, (bad, result.output)


def test_bootstrap_intervals_in_json_and_table() -> None:
    proc = run(str(TINY), "-k", "1", "-a", "pacsum", "--bootstrap", "300", "-f", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["bootstrap"]["resamples"] == 300 and "--bootstrap 300" in data["command"]
    lead, ranker = data["rows"]
    assert "interval" not in lead
    r1 = ranker["interval"]["rouge1"]
    assert r1["low"] <= r1["delta"] <= r1["high"]
    assert r1["delta"] == round(ranker["rouge1"] - lead["rouge1"], 2)
    table = run(str(TINY), "-k", "1", "-a", "pacsum", "--bootstrap", "300").stdout.decode()
    assert "ΔR-1 [95%]" in table and "paired bootstrap, 300 resamples" in table


def test_language_tokenizer_is_named_in_the_caption_and_command() -> None:
    proc = run(str(TINY), "-k", "1", "--tokenizer", "es")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode()
    assert "Unicode words, spanish Snowball stems" in out and "--tokenizer es" in out


def test_a_file_name_with_backticks_stays_inside_the_code_block(tmp_path: Path) -> None:
    from markdown_it import MarkdownIt

    name = tmp_path / "a```<img src=x onerror=alert(1)>.jsonl"
    name.write_bytes(TINY.read_bytes())
    proc = run(str(name), "-k", "1", "-a", "lead")
    assert proc.returncode == 0, proc.stderr
    html = MarkdownIt().render(proc.stdout.decode())
    assert "<img" not in html
    assert html.count("&lt;img src=x onerror=alert(1)&gt;") >= 2  # command and sha256 lines


def test_word_budget_rows_and_conflicts() -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["eval", str(TINY), "--words", "6", "-f", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["words"] == 6 and data["rows"][0]["label"] == "LEAD-6w"
    assert "--words 6" in data["command"] and "-k" not in data["command"].split()
    for bad in (["-k", "3"], ["-n", "3"], ["--ref-length"], ["--oracle"]):
        assert runner.invoke(cli, ["eval", str(TINY), "--words", "6", *bad]).exit_code == 2


def test_json_names_the_language_and_language_is_an_option(tmp_path: Path) -> None:
    data = json.loads(run(str(TINY), "-k", "1", "-f", "json", "-a", "lead").stdout)
    assert data["language"] == "en" and data["tokenizer"] == "rouge"
    proc = run(str(TINY), "-k", "1", "-f", "json", "-a", "lead", "--language", "es")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["language"] == "es" and data["tokenizer"] == "es"
    assert "--language es" in data["command"] and "--tokenizer" not in data["command"]
    mean = json.loads(run(str(TINY), str(TINY), "-k", "1", "-f", "json", "-a", "lead").stdout)
    assert mean["mean"]["language"] == "en"
    assert all(f["language"] == "en" for f in mean["files"])
    bad = run(str(TINY), "--language", "xx")
    assert bad.returncode == 2 and b"Traceback" not in bad.stderr


def test_named_fields_are_read_and_spelled_out_in_the_command(tmp_path: Path) -> None:
    path = tmp_path / "own.jsonl"
    path.write_text(json.dumps({"body": "Rain fell. Roads closed.", "abstract": "Rain fell.",
                                "kicker": "Storm"}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(path), "-k", "1", "-a", "lead", "-f", "json",
                                      "--text-field", "body", "--reference-field", "abstract",
                                      "--title-field", "kicker"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["rows"][0]["rouge1"] == 100.0
    assert data["command"].endswith(
        "--text-field body --reference-field abstract --title-field kicker")
    default = CliRunner().invoke(cli, ["eval", str(TINY), "-k", "1", "-a", "lead", "-f", "json"])
    assert "-field" not in json.loads(default.output)["command"]


def _records(tmp_path: Path, article: str, highlights: str) -> Path:
    path = tmp_path / "data.jsonl"
    path.write_text("".join(json.dumps({"article": article, "highlights": highlights},
                                       ensure_ascii=False) + "\n" for _ in range(3)),
                    encoding="utf-8")
    return path


# Written for these tests.
CHINESE = ("政府周一宣布，明年将提高最低工资。工会对这一决定表示欢迎。反对派批评了这项计划。",
           "政府宣布明年提高最低工资。")
RUSSIAN = ("Правительство объявило, что зарплата вырастет. Профсоюзы приветствовали решение. "
           "Оппозиция раскритиковала план.", "Правительство объявило, что зарплата вырастет.")


def test_text_in_another_script_is_refused_not_scored_zero(tmp_path: Path) -> None:
    # rouge-score's tokenizer keeps only a-z and 0-9: every score was 0.00, exit 0, and the
    # caption said "in English".
    path = _records(tmp_path, *CHINESE)
    proc = run(str(path))
    assert proc.returncode == 1 and proc.stdout == b""
    assert proc.stderr.startswith(b"briefer: ") and b"--tokenizer" in proc.stderr
    forced = run(str(path), "--tokenizer", "rouge")
    assert forced.returncode == 1 and forced.stdout == b""
    assert b"finds no word in 3 of the first 3 references" in forced.stderr


def test_a_named_tokenizer_scores_text_in_another_script(tmp_path: Path) -> None:
    proc = run(str(_records(tmp_path, *RUSSIAN)), "-k", "1", "--tokenizer", "ru", "-f", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["language"] == "und"
    lead = next(r for r in data["rows"] if r["algorithm"] == "lead")
    assert lead["rouge1"] == 100.0
