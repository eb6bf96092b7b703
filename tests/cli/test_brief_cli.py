"""``briefer brief`` and ``briefer templates`` as a user runs them.

Exit codes and what a pipe gets come from real processes; output formats from CliRunner.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from briefer.cli import cli

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "venezuela-mexico.txt"
SEED_TEMPLATE = ROOT / "seeds" / "venezuela-mexico.toml"
DATA = ROOT / "tests" / "data"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    return subprocess.run([sys.executable, "-m", "briefer", *args], input=stdin,
                          capture_output=True, env=env, timeout=180, cwd=ROOT)


def invoke(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_seed_brief_to_a_pipe_is_markdown_with_auto_sections() -> None:
    proc = run("brief", str(SEED))
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode()
    assert out.startswith("# Trump Signals Talks with Maduro")
    assert "**Bottom line:**" in out
    assert "## Venezuela" in out and "## Mexico" in out
    assert "## Key quotes" in out and "## Who and where" in out
    assert "template auto" in out
    assert "\x1b[" not in out


def test_seed_template_sections_in_order() -> None:
    proc = run("brief", str(SEED), "-t", str(SEED_TEMPLATE), "-n", "3")
    assert proc.returncode == 0, proc.stderr
    headings = [line for line in proc.stdout.decode().splitlines() if line.startswith("## ")]
    assert headings[:3] == ["## Venezuela", "## Mexico", "## Reactions"]


def test_several_files_one_brief() -> None:
    files = [str(DATA / n) for n in ("brief_port_a.txt", "brief_port_b.txt", "brief_page.html")]
    proc = run("brief", *files, "-f", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert [s["source"] for s in data["sources"]] == files
    sentences = [s for sec in data["sections"] for s in sec["sentences"]]
    assert all("source" in s for s in sentences)
    shared = [s for s in sentences + [data["bottom_line"]]
              if s["text"] == "Shipping companies diverted vessels to Antwerp and Hamburg."]
    assert len(shared) == 1 and len(shared[0]["also"]) == 1


def test_stdin_works() -> None:
    proc = run("brief", "-", "-f", "text", stdin=SEED.read_bytes())
    assert proc.returncode == 0, proc.stderr
    assert "Source: <stdin>" in proc.stdout.decode()


def test_bad_inputs_exit_1_naming_the_file(tmp_path: Path) -> None:
    missing = run("brief", str(tmp_path / "nope.txt"))
    assert missing.returncode == 1
    assert b"nope.txt: no such file" in missing.stderr
    empty = run("brief", "-", stdin=b"")
    assert empty.returncode == 1
    bad = tmp_path / "bad.toml"
    bad.write_text('[[section]]\ntitle = "A"\ntopcs = ["x"]\n', encoding="utf-8")
    broken = run("brief", str(SEED), "-t", str(bad))
    assert broken.returncode == 1
    assert f"{bad}:3: section 1: unknown key 'topcs'".encode() in broken.stderr
    unknown = run("brief", str(SEED), "-t", "no-such-template")
    assert unknown.returncode == 1
    assert b"no template named 'no-such-template'" in unknown.stderr


def test_bad_usage_exits_2() -> None:
    assert run("brief").returncode == 2
    assert run("brief", str(SEED), "-a", "nope").returncode == 2
    assert run("brief", str(SEED), "-n", "0").returncode == 2
    assert run("brief", "-", "-").returncode == 2


def test_every_format_through_the_runner() -> None:
    md = invoke("brief", str(SEED), "-f", "markdown", "-t", "news")
    assert md.startswith("# ") and "template news" in md
    data = json.loads(invoke("brief", str(SEED), "-f", "json"))
    assert {"title", "template", "sections", "bottom_line", "quotes", "entities",
            "sources"} <= set(data)
    assert data["template"] == "auto"
    plain = invoke("brief", str(SEED), "-f", "text")
    assert "Bottom line: " in plain and "**" not in plain
    styled = invoke("brief", str(SEED), "-f", "rich")
    assert "Bottom line" in styled and "Who and where" in styled


def test_help_has_examples() -> None:
    out = invoke("brief", "--help")
    assert "Examples:" in out and "-t, --template" in out
    assert "Examples:" in invoke("templates", "--help")


def test_templates_lists_builtins_and_user_ones() -> None:
    folder = Path(os.environ["BRIEFER_CONFIG_DIR"]) / "templates"
    folder.mkdir(parents=True)
    (folder / "mine.toml").write_text('description = "Mine"\n[[section]]\ntitle = "A"\n'
                                      'topics = ["a"]\n', encoding="utf-8")
    lines = invoke("templates", "-f", "text").splitlines()
    rows = {line.split("\t")[0]: line.split("\t") for line in lines if "\t" in line}
    assert rows["auto"][1] == "built-in" and rows["news"][1] == "built-in"
    assert rows["mine"][1] == "user" and rows["mine"][3] == "Mine"
    assert lines[-1] == f"# your templates: {folder}"
    data = json.loads(invoke("templates", "-f", "json"))
    assert {"name": "mine", "origin": "user"}.items() <= data["templates"][-1].items()
    out = invoke("brief", str(SEED), "-t", "mine", "-f", "json")
    assert json.loads(out)["template"] == "mine"


def test_brief_never_imports_textual() -> None:
    script = (
        "from briefer.cli import cli\n"
        f"try:\n    cli.main(['brief', {str(SEED)!r}, '-f', 'json'], prog_name='briefer')\n"
        "except SystemExit:\n    pass\n"
        "import sys\nprint('\\n'.join(sorted(sys.modules)))"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=ROOT, timeout=180)
    assert proc.returncode == 0, proc.stderr
    modules = {m.split(".")[0] for m in proc.stdout.split()}
    assert "textual" not in modules and "rich" not in modules


def test_core_brief_imports_no_ui() -> None:
    proc = subprocess.run([sys.executable, "-c", "import briefer.brief, sys; "
                           "print('\\n'.join(sys.modules))"], capture_output=True, text=True,
                          cwd=ROOT, timeout=60)
    assert proc.returncode == 0, proc.stderr  # a failed import lists no modules at all
    modules = {m.split(".")[0] for m in proc.stdout.split()}
    assert "briefer" in modules
    assert not modules & {"textual", "rich", "click", "sumy", "nltk"}


def test_a_folder_is_briefed_as_its_text_files(tmp_path: Path) -> None:
    for name in ("brief_port_b.txt", "brief_port_a.txt"):
        (tmp_path / name).write_bytes((DATA / name).read_bytes())
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4 binary")  # not a text file: skipped
    (tmp_path / ".hidden.txt").write_text("Hidden text is not read.")
    data = json.loads(invoke("brief", str(tmp_path), "-f", "json"))
    assert [Path(s["source"]).name for s in data["sources"]] == ["brief_port_a.txt",
                                                             "brief_port_b.txt"]


def test_an_empty_file_in_a_folder_is_left_out_and_the_rest_briefed(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "empty.txt").write_bytes(b"")
    proc = run("brief", str(tmp_path), "-f", "json")
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.decode() == f"briefer: {tmp_path / 'empty.txt'}: is empty (left out)\n"
    data = json.loads(proc.stdout)
    assert [Path(s["source"]).name for s in data["sources"]] == ["good.txt"]


def test_a_folder_of_only_bad_files_is_exit_1_naming_each(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02\x03")
    proc = run("brief", str(tmp_path))
    assert proc.returncode == 1
    assert proc.stdout == b""
    lines = proc.stderr.decode().splitlines()
    assert lines[0] == f"briefer: {tmp_path / 'a.txt'}: is empty (left out)"
    assert lines[1].startswith(f"briefer: {tmp_path / 'b.txt'}: ")
    assert lines[1].endswith(" (left out)")
    assert lines[2] == ("briefer: nothing left to read: all 2 file(s) found in the folder(s) "
                        "given were left out")
    assert len(lines) == 3


def test_an_empty_file_named_on_the_command_line_is_still_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    proc = run("brief", str(tmp_path / "empty.txt"), str(SEED))
    assert proc.returncode == 1
    assert proc.stdout == b""
    assert proc.stderr.decode() == f"briefer: {tmp_path / 'empty.txt'}: is empty\n"


def test_a_folder_without_text_files_is_a_clear_error(tmp_path: Path) -> None:
    proc = run("brief", str(tmp_path))
    assert proc.returncode == 1
    assert proc.stderr.decode().startswith(f"briefer: {tmp_path}: no text or HTML files")
    assert b"Traceback" not in proc.stderr
