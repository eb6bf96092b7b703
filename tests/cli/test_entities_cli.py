"""``briefer entities`` as a user runs it: every entity, its sentences, offsets that point at
the name, the brief's list as its top part, and clear errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from briefer import api
from briefer.brief import make_brief
from briefer.cli import cli

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "venezuela-mexico.txt"
DATA = ROOT / "tests" / "data"


def invoke(*args: str, stdin: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["entities", *args], input=stdin)
    return result.exit_code, result.output


def test_json_offsets_point_at_each_mention_and_listed_is_the_briefs_list() -> None:
    code, out = invoke(str(SEED), "-f", "json")
    assert code == 0
    data = json.loads(out)
    text = api.read(str(SEED)).text
    for entity in data["entities"]:
        assert entity["count"] >= 1 and entity["mentions"]
        for m in entity["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]
    listed = [(e["name"], e["kind"]) for e in data["entities"] if e["listed"]]
    brief = make_brief([api.read(str(SEED))])
    assert listed == [(e.name, e.kind) for e in brief.entities]
    assert ("Donald Trump", "person") in listed


def test_text_is_one_tab_separated_line_an_entity_with_several_files() -> None:
    a, b = DATA / "brief_port_a.txt", DATA / "brief_port_b.txt"
    code, out = invoke(str(a), str(b), "-f", "text")
    assert code == 0
    rows = [line.split("\t") for line in out.splitlines()]
    assert rows and all(len(r) == 5 for r in rows)
    cited = ",".join(r[4] for r in rows)
    assert "brief_port_a.txt:" in cited and "brief_port_b.txt:" in cited


def test_markdown_groups_by_kind_and_reads_stdin() -> None:
    code, out = invoke("-", "-f", "markdown",
                       stdin="Officials in Goma said on Monday that Ana Rojas had left.\n\n"
                             "Ana Rojas later returned to Goma.\n")
    assert code == 0
    assert "## People" in out and "**Ana Rojas** (2)" in out
    assert "## Places" in out and "**Goma** (2)" in out


def test_a_missing_file_is_exit_1_with_one_line_and_no_traceback() -> None:
    proc = subprocess.run([sys.executable, "-m", "briefer", "entities", "no/such.txt"],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert proc.returncode == 1
    assert proc.stderr.strip() == "briefer: no/such.txt: no such file"
    assert "Traceback" not in proc.stderr


def test_an_empty_file_in_a_folder_is_left_out_of_the_entities(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "empty.txt").write_bytes(b"")
    proc = subprocess.run([sys.executable, "-m", "briefer", "entities", str(tmp_path),
                           "-f", "text"], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == f"briefer: {tmp_path / 'empty.txt'}: is empty (left out)\n"
    assert "Donald Trump\tperson" in proc.stdout


def test_json_names_the_language() -> None:
    assert json.loads(invoke(str(SEED), "-f", "json")[1])["language"] == "en"
    spanish = ROOT / "seeds" / "venezuela-mexico.es.txt"
    assert json.loads(invoke(str(spanish), "-f", "json")[1])["language"] == "es"
