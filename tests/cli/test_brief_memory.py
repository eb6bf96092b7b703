"""``briefer brief`` refuses, before it starts, texts whose brief needs more memory than the
process may have (review W4): ingest's 512 MB cap admitted inputs whose brief needs some
80-330 bytes a character, more than the machine.  Tested with the available figure given, never
by allocating it."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefer.cli import cli, memory

TEXT = "Engineers finished a dam on Friday. The dam holds water for the valley.\n" * 1500


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "dam.txt"
    path.write_text(TEXT)
    return path


def test_texts_too_big_for_the_memory_available_are_one_line_before_the_brief(
        article: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memory, "available_bytes", lambda root="/": 2_000_000)
    briefed = []
    monkeypatch.setattr(importlib.import_module("briefer.brief"), "make_brief",
                        lambda *a, **k: briefed.append(a))
    result = CliRunner().invoke(cli, ["brief", str(article), "-f", "markdown"])
    assert result.exit_code == 1
    assert result.stdout == "" and not briefed
    assert result.stderr == (
        f"briefer: {article} is {len(TEXT) / 1e6:.1f} MB of text; a brief needs about "
        f"{(90 * len(TEXT) + 4_500 * 3_000) / 1e6:,.0f} MB of memory for it and 2.0 MB is "
        f"available; brief a part of it, or give --memory MB (or BRIEFER_MEMORY) to allow more\n")


def test_entities_runs_the_same_check_before_its_analysis(
        article: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`briefer entities` runs the brief's analysis pass, and needs as much (review round 8
    W6: out of memory after 21 s of work, where `brief` refused before starting)."""
    monkeypatch.setattr(memory, "available_bytes", lambda root="/": 2_000_000)
    planned = []
    monkeypatch.setattr(importlib.import_module("briefer.brief.assembly"), "plan_brief",
                        lambda *a, **k: planned.append(a))
    result = CliRunner().invoke(cli, ["entities", str(article), "-f", "json"])
    assert result.exit_code == 1 and result.stdout == "" and not planned
    assert result.stderr.startswith(f"briefer: {article} is {len(TEXT) / 1e6:.1f} MB of text; "
                                    "listing its entities needs about ")
    monkeypatch.undo()
    monkeypatch.setattr(memory, "available_bytes", lambda root="/": 1_000)
    allowed = CliRunner().invoke(cli, ["entities", str(article), "-f", "json", "--memory",
                                       "100"])
    assert allowed.exit_code == 0, allowed.stderr
    assert allowed.stdout.startswith("{")


def test_memory_sets_the_figure_from_the_command_line_or_the_environment(
        article: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memory, "available_bytes", lambda root="/": 10**12)
    runner = CliRunner()
    refused = runner.invoke(cli, ["brief", str(article), str(article), "--memory", "3"])
    assert refused.exit_code == 1
    assert refused.stderr.startswith("briefer: the 2 inputs are 0.2 MB of text; a brief "
                                     "needs about ")
    assert refused.stderr.endswith("and --memory allows 3.0 MB; brief a part of it, or "
                                   "allow more\n")
    assert runner.invoke(cli, ["brief", str(article)], env={"BRIEFER_MEMORY": "3"}
                         ).exit_code == 1
    piped = runner.invoke(cli, ["brief", "-", "--memory", "3"], input=TEXT)
    assert piped.exit_code == 1 and piped.stderr.startswith("briefer: <stdin> is 0.1 MB ")
    monkeypatch.setattr(memory, "available_bytes", lambda root="/": 1_000)
    allowed = runner.invoke(cli, ["brief", str(article), "-f", "json", "--memory", "100"])
    assert allowed.exit_code == 0, allowed.stderr
    assert allowed.stdout.startswith("{")


def write(root: Path, name: str, text: str) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def test_available_memory_is_the_least_of_meminfo_and_the_cgroup(tmp_path: Path) -> None:
    write(tmp_path, "proc/meminfo", "MemTotal: 8000000 kB\nMemAvailable: 4000000 kB\n")
    assert memory.available_bytes(str(tmp_path)) == 4_096_000_000
    # cgroup v2: 1 GB allowed, 600 MB used of which 100 MB is inactive page cache.
    write(tmp_path, "proc/self/cgroup", "0::/user.slice/job\n")
    write(tmp_path, "sys/fs/cgroup/user.slice/job/memory.max", "1000000000\n")
    write(tmp_path, "sys/fs/cgroup/user.slice/job/memory.current", "600000000\n")
    write(tmp_path, "sys/fs/cgroup/user.slice/job/memory.stat",
          "anon 500000000\ninactive_file 100000000\n")
    assert memory.available_bytes(str(tmp_path)) == 500_000_000
    write(tmp_path, "sys/fs/cgroup/user.slice/job/memory.max", "max\n")
    assert memory.available_bytes(str(tmp_path)) == 4_096_000_000


def test_a_cgroup_v1_limit_is_read_at_the_root_inside_a_container(tmp_path: Path) -> None:
    write(tmp_path, "proc/meminfo", "MemAvailable: 4000000 kB\n")
    write(tmp_path, "proc/self/cgroup", "5:cpu:/docker/abc\n4:memory:/docker/abc\n")
    write(tmp_path, "sys/fs/cgroup/memory/memory.limit_in_bytes", "300000000\n")
    write(tmp_path, "sys/fs/cgroup/memory/memory.usage_in_bytes", "200000000\n")
    write(tmp_path, "sys/fs/cgroup/memory/memory.stat", "total_inactive_file 50000000\n")
    assert memory.available_bytes(str(tmp_path)) == 150_000_000
    write(tmp_path, "sys/fs/cgroup/memory/memory.limit_in_bytes", "9223372036854771712\n")
    assert memory.available_bytes(str(tmp_path)) == 4_096_000_000


def test_where_nothing_says_nothing_is_refused(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """No /proc, no cgroup, no ulimit -v (not Linux): no figure, and every brief starts."""
    monkeypatch.setattr(memory, "_address_space_room", lambda root: None)
    assert memory.available_bytes(str(tmp_path)) is None
    monkeypatch.setattr(memory, "available_bytes", lambda root="/": None)
    assert memory.check(["a.txt"], ["x. " * 10**6]) is None


def test_the_figure_grows_with_the_sentences_not_only_the_characters() -> None:
    """Two texts of one length: short sentences need more (review round 8 V1/V4: two-name
    sentences peaked at 327 bytes a character, news at 78, and a figure per character alone
    let the first through where it did not fit)."""
    long_sentences = "The engineers finished the new dam in the valley on Friday morning. " * 200
    short_sentences = ("Ana Ruiz. " * 2_000)[:len(long_sentences)]
    assert len(long_sentences) == len(short_sentences) == 13_600
    assert memory.needed_bytes([long_sentences]) == 90 * 13_600 + 4_500 * 200
    assert memory.needed_bytes([short_sentences]) == 90 * 13_600 + 4_500 * 1_360
    room = 5_000_000
    assert memory.check(["long.txt"], [long_sentences], limit=room) is None
    assert memory.check(["short.txt"], [short_sentences], limit=room) is not None
    # marks: stops before a quote or a bracket end sentences; a decimal point does not
    marked = 'He said "No." Then (yes.) 3.5 left!'
    assert memory.needed_bytes([marked]) == 90 * len(marked) + 4_500 * 3
