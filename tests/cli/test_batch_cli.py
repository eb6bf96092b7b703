"""``briefer batch`` as a user runs it: real processes, exit codes, files and stdin."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, stdin: bytes | None = None, cwd: Path = ROOT
        ) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    return subprocess.run([sys.executable, "-m", "briefer", "batch", *args], input=stdin,
                          capture_output=True, env=env, timeout=180, cwd=cwd)


def story(n: int) -> str:
    return (f"Engineers in district {n} finished a dam on Friday. The dam holds water for "
            f"{n + 2} thousand homes. Farmers near district {n} said the dam would end "
            "years of drought. Environmental groups said fish would suffer. The project "
            "cost less than planned, the engineers said.")


@pytest.fixture
def records(tmp_path: Path) -> Path:
    """Eight records with a bad line and a blank line among them (lines 4 and 7)."""
    lines = [json.dumps({"id": f"d{n}", "text": story(n)}) for n in range(8)]
    lines.insert(3, "{broken")
    lines.insert(6, "")
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def outputs(data: bytes) -> list[dict]:
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


def test_one_line_out_per_line_in_with_error_objects_and_exit_1(records: Path) -> None:
    proc = run(str(records), "-n", "2", "-j", "1")
    assert proc.returncode == 1
    out = outputs(proc.stdout)
    assert len(out) == 10
    assert out[3]["line"] == 4 and "not JSON" in out[3]["error"] and out[3]["id"] is None
    assert out[6] == {"id": None, "line": 7, "error": "blank line"}
    good = [o for o in out if "error" not in o]
    assert [o["id"] for o in good] == [f"d{n}" for n in range(8)]
    for o in good:
        assert set(o) == {"id", "title", "language", "algorithm", "sentences"}
        assert len(o["sentences"]) == 2
    assert b"10 lines, 2 failed" in proc.stderr


def test_all_good_lines_exit_0(tmp_path: Path) -> None:
    path = tmp_path / "good.jsonl"
    path.write_text(json.dumps({"id": 1, "text": story(1)}) + "\n", encoding="utf-8")
    proc = run(str(path))
    assert proc.returncode == 0, proc.stderr
    assert outputs(proc.stdout)[0]["id"] == 1
    assert b"1 line, 0 failed" in proc.stderr


def test_two_jobs_give_the_same_bytes_as_one(records: Path) -> None:
    one = run(str(records), "-j", "1")
    two = run(str(records), "-j", "2", "--chunk-size", "2")
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout


def test_stdin_dash_and_text_field(tmp_path: Path) -> None:
    data = (json.dumps({"key": "k", "body": story(3)}) + "\n").encode()
    proc = run("-", "--text-field", "body", "--id-field", "key", "-a", "lead", "-n", "1",
               stdin=data)
    assert proc.returncode == 0, proc.stderr
    (out,) = outputs(proc.stdout)
    assert out["id"] == "k" and out["algorithm"] == "lead"
    assert out["sentences"][0]["index"] == 1


def test_output_file_is_never_overwritten_without_force(records: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    first = run(str(records), "-o", str(target))
    assert first.returncode == 1 and first.stdout == b""
    assert len(target.read_text(encoding="utf-8").splitlines()) == 10
    target.write_text("keep me\n", encoding="utf-8")
    refused = run(str(records), "-o", str(target))
    assert refused.returncode == 2
    assert b"refusing to overwrite" in refused.stderr and b"--force" in refused.stderr
    assert target.read_text(encoding="utf-8") == "keep me\n"
    forced = run(str(records), "-o", str(target), "--force")
    assert forced.returncode == 1
    assert len(target.read_text(encoding="utf-8").splitlines()) == 10


def test_output_may_not_be_the_input_even_with_force(records: Path) -> None:
    before = records.read_bytes()
    proc = run(str(records), "-o", str(records), "--force")
    assert proc.returncode == 2 and b"input file" in proc.stderr
    assert records.read_bytes() == before


def test_missing_input_is_exit_1(tmp_path: Path) -> None:
    proc = run(str(tmp_path / "nope.jsonl"))
    assert proc.returncode == 1
    assert proc.stderr.startswith(b"briefer: ") and proc.stderr.endswith(b"no such file\n")


@pytest.mark.parametrize("args", [
    ["--scheduler", "tcp://127.0.0.1:8786", "--engine", "local"],
    ["-a", "no-such-ranker"],
    ["-n", "0"],
])
def test_usage_errors_are_exit_2(records: Path, args: list[str]) -> None:
    assert run(str(records), *args).returncode == 2


def test_dask_scheduler_gives_the_same_output_as_local(records: Path) -> None:
    distributed = pytest.importorskip("dask.distributed")
    local = run(str(records), "-j", "1")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  protocol="tcp", host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        remote = run(str(records), "--scheduler", cluster.scheduler_address, "--chunk-size", "3")
    assert remote.returncode == local.returncode == 1
    assert remote.stdout == local.stdout


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_the_workers_are_forked_before_the_progress_bar_starts_its_thread(
        records: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A fork copies only the thread that calls it: a lock that rich's refresh thread held
    at that moment (a terminal's progress bar) would stay held in the worker for ever."""
    import threading

    from click.testing import CliRunner

    from briefer.cli import batch as command
    from briefer.cli import cli

    threads_at_fork: list[int] = []
    real_fork = os.fork

    def fork() -> int:
        threads_at_fork.append(threading.active_count())
        return real_fork()

    class Bar:
        """A progress bar as rich's is on a terminal: a thread runs while it shows."""

        def __init__(self, *args: object, **kwargs: object) -> None:
            self.shown = threading.Event()
            self.thread = threading.Thread(target=self.shown.wait)

        def __enter__(self) -> object:
            self.thread.start()
            return lambda amount, items=1: None

        def __exit__(self, *exc: object) -> None:
            self.shown.set()
            self.thread.join()

    before = threading.active_count()
    monkeypatch.setattr(os, "fork", fork)
    monkeypatch.setattr(command, "progress", Bar)
    result = CliRunner().invoke(cli, ["batch", str(records), "-j", "3", "--chunk-size", "1"])
    assert result.exit_code == 1, result.output  # the fixture's two bad lines
    assert threads_at_fork and threads_at_fork == [before] * len(threads_at_fork)


def test_force_through_a_dangling_link_makes_its_target(records: Path, tmp_path: Path) -> None:
    """Review R1: a link to a file not made yet was a FileNotFoundError traceback."""
    link = tmp_path / "out.jsonl"
    link.symlink_to(tmp_path / "made.jsonl")
    proc = run(str(records), "-o", str(link), "--force")
    assert proc.returncode == 1 and b"Traceback" not in proc.stderr, proc.stderr
    assert link.is_symlink()
    assert len((tmp_path / "made.jsonl").read_text(encoding="utf-8").splitlines()) == 10


def test_force_overwrites_in_place_keeping_mode_and_hard_links(records: Path,
                                                               tmp_path: Path) -> None:
    """Review R2: renaming the new file over the old one made a private file world-readable
    and left a hard link holding the old lines; ``>`` in a shell keeps both."""
    target, other = tmp_path / "out.jsonl", tmp_path / "other-name.jsonl"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o600)
    os.link(target, other)
    proc = run(str(records), "-o", str(target), "--force")
    assert proc.returncode == 1, proc.stderr
    assert target.stat().st_mode & 0o777 == 0o600
    assert os.path.samefile(target, other)
    assert len(other.read_text(encoding="utf-8").splitlines()) == 10
    assert not list(tmp_path.glob("*.partial"))


def test_an_empty_output_name_is_bad_usage(records: Path, tmp_path: Path) -> None:
    """Review R3: ``-o ''`` ran the whole batch, failed, and left ./.partial behind."""
    proc = run(str(records), "-o", "", cwd=tmp_path)
    assert proc.returncode == 2 and b"names no file" in proc.stderr
    assert list(tmp_path.iterdir()) == [records]
