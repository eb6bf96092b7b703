"""Ctrl-C as a terminal sends it (issue 12, items 11 and 13): a real SIGINT to the command's
whole process group, workers included, while it works. It must exit 130 with nothing on
stderr but the newline after ``^C``: no traceback from the command or from any worker.

Each test waits on a condition (input consumed, a result written), never on a sleep. The
batch tests keep standard input open, so the command cannot finish before the signal.
``brief`` reads its whole input before it starts, so it reads a file, and the signal goes once
it has used a second of CPU, which reading and splitting the file do not take.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs POSIX signals")


def story(n: int) -> str:
    return (f"Engineers in district {n} finished a dam on Friday. The dam holds water for "
            f"{n + 2} thousand homes. Farmers near district {n} said the dam would end years "
            f"of drought. Environmental groups said fish in river {n} would suffer. The "
            "project cost less than planned, the engineers said.")


def _as_a_foreground_job() -> None:
    """Ctrl-C's default action in the child, as a shell gives its foreground jobs.

    A shell starts a background job (``cmd &``, a CI runner's script) with SIGINT ignored,
    an ignored signal stays ignored across exec, and Python installs no KeyboardInterrupt
    handler then: run so, these tests once saw the brief finish with exit 0 and took it for
    a lost signal.
    """
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start(*args: str) -> subprocess.Popen[bytes]:
    """``briefer ARGS`` in a process group of its own, as a shell runs a foreground job."""
    return subprocess.Popen([sys.executable, "-m", "briefer", *args], cwd=ROOT,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True,
                            preexec_fn=_as_a_foreground_job)


def interrupt(proc: subprocess.Popen[bytes]) -> bytes:
    """Send SIGINT to the process group, as Ctrl-C does; wait for the end; give stderr."""
    os.killpg(proc.pid, signal.SIGINT)
    try:
        _, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    return err


def assert_interrupted_quietly(proc: subprocess.Popen[bytes], err: bytes) -> None:
    assert proc.returncode == 130, err.decode(errors="replace")
    assert b"Traceback" not in err and b"KeyboardInterrupt" not in err, err.decode()
    assert err.strip() == b"", err.decode(errors="replace")


def cpu_seconds(pid: int) -> float:
    """User plus system CPU the process has used so far (Linux ``/proc/PID/stat``)."""
    with open(f"/proc/{pid}/stat", "rb") as stat:
        fields = stat.read().rsplit(b")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@pytest.mark.skipif(not os.path.exists("/proc/self/stat"), reason="needs Linux /proc")
def test_ctrl_c_while_brief_works_exits_130(tmp_path: Path) -> None:
    # The signal goes once the command has spent a second of CPU, which reading and
    # splitting the file alone do not take: it lands while the brief is being worked out,
    # however loaded the machine.
    source = tmp_path / "news.txt"
    source.write_text("\n\n".join(story(n) for n in range(6000)), encoding="utf-8")
    proc = start("brief", str(source))
    assert proc.stdin is not None
    proc.stdin.close()
    proc.stdin = None
    while proc.poll() is None and cpu_seconds(proc.pid) < 1.0:
        time.sleep(0.02)
    assert proc.poll() is None, "the brief finished before a second of CPU: use more text"
    assert_interrupted_quietly(proc, interrupt(proc))


def records(count: int) -> bytes:
    return b"".join(json.dumps({"id": f"d{n}", "text": story(n)}).encode() + b"\n"
                    for n in range(count))


@pytest.mark.parametrize("engine", ["local", "dask"])
def test_ctrl_c_during_a_batch_exits_130_without_worker_tracebacks(engine: str) -> None:
    if engine == "dask":
        pytest.importorskip("dask.distributed")
    proc = start("batch", "-", "--engine", engine, "-j", "2", "--chunk-size", "1")
    assert proc.stdin is not None and proc.stdout is not None
    # More records than the engine keeps in flight (4 chunks per worker), so results come
    # back while standard input stays open and the batch cannot end by itself.
    proc.stdin.write(records(40))
    proc.stdin.flush()
    first = proc.stdout.readline()  # the workers are running
    assert json.loads(first)["id"] == "d0"
    err = interrupt(proc)
    proc.stdin.close()
    assert_interrupted_quietly(proc, err)


def test_an_interrupted_batch_ends_its_engine_before_the_command_ends(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C while a result is written (outside the engine's generator) must still end the
    engine there and then, not when the generator is collected, perhaps at interpreter exit,
    where closing a dask cluster prints its own errors."""
    import io

    from click.testing import CliRunner

    from briefer.cli import batch as command
    from briefer.cli import batch_engine as core
    from briefer.cli import cli

    log: list[str] = []

    class Interrupted:
        """A result whose line, as the command writes it, meets a Ctrl-C."""

        failed = False

        @property
        def line(self) -> bytes:
            raise KeyboardInterrupt

    def engine(*args: object, **kwargs: object) -> object:
        try:
            yield Interrupted()
            yield Interrupted()
        finally:
            log.append("engine ended")

    class Input(io.BytesIO):
        def close(self) -> None:
            log.append("input closed")
            super().close()

    monkeypatch.setattr(command, "open_input", lambda name: (Input(b""), None))
    monkeypatch.setattr(core, "run_local", engine)
    result = CliRunner().invoke(cli, ["batch", "in.jsonl"])
    assert result.exit_code == 130
    assert log == ["engine ended", "input closed"]


def test_ctrl_c_while_the_command_line_is_imported_exits_130() -> None:
    """The console script's entry catches a Ctrl-C that lands before the command line has
    loaded.  The signal's timing cannot be aimed from outside, so an import hook raises the
    KeyboardInterrupt at the moment a real one would: importing :mod:`briefer.cli`."""
    code = (
        "import sys\n"
        "class Hook:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'briefer.cli':\n"
        "            raise KeyboardInterrupt\n"
        "sys.meta_path.insert(0, Hook())\n"
        "from briefer.entry import main\n"
        "main()\n")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          timeout=120)
    assert proc.returncode == 130, proc.stderr.decode(errors="replace")
    assert proc.stderr == b""


def _parent_of(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            fields = stat.read().rsplit(b")", 1)[1].split()
    except OSError:
        return None
    return None if fields[0] == b"Z" else int(fields[1])  # a zombie has ended


def workers_of(pid: int) -> list[int]:
    """The live processes whose parent is ``pid`` (Linux ``/proc``)."""
    return [int(p) for p in os.listdir("/proc") if p.isdigit() and _parent_of(int(p)) == pid]


def wait_until_ended(pids: list[int], deadline: float = 60.0) -> list[int]:
    """Wait (up to ``deadline`` seconds) for ``pids`` to end; those still running."""
    end = time.monotonic() + deadline
    while (left := [p for p in pids if _parent_of(p) is not None]) and time.monotonic() < end:
        time.sleep(0.05)
    for pid in left:  # leave nothing running behind the test
        os.kill(pid, signal.SIGKILL)
    return left


def started_batch(*args: str) -> subprocess.Popen[bytes]:
    """``batch - -j 2`` at work, its standard input kept open so it cannot end by itself."""
    proc = start("batch", "-", "-j", "2", "--chunk-size", "1", *args)
    assert proc.stdin is not None
    proc.stdin.write(records(40))
    proc.stdin.flush()
    return proc


@pytest.mark.skipif(not os.path.exists("/proc/self/stat"), reason="needs Linux /proc")
def test_sigterm_ends_the_workers_too_and_exits_143() -> None:
    """SIGTERM to the command alone (a service manager's stop, ``timeout``, ``kill``): the
    workers go with it, so a reader of its output sees the end (before, they ran on,
    re-parented, holding the caller's pipes, and ``communicate`` below never returned)."""
    proc = started_batch()
    assert proc.stdout is not None
    assert json.loads(proc.stdout.readline())["id"] == "d0"
    workers = workers_of(proc.pid)
    assert workers
    proc.send_signal(signal.SIGTERM)
    try:
        _, err = proc.communicate(timeout=60)
    finally:
        left = wait_until_ended(workers)
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 143, err.decode(errors="replace")
    assert err.startswith(b"briefer: terminated (SIGTERM) after ") and b"Traceback" not in err
    assert left == []


@pytest.mark.skipif(not os.path.exists("/proc/self/stat"), reason="needs Linux /proc")
def test_sigterm_ends_a_batch_whose_worker_is_stopped() -> None:
    """A stopped worker (SIGSTOP, a debugger, ``kill -STOP``) holds a SIGTERM until it is
    continued: the parent sent it and then waited for ever, its own signals held (review
    R4).  It continues its workers, as a shell's ``kill`` does for a stopped job."""
    proc = start("batch", "-", "-j", "2")
    assert proc.stdin is not None
    long_text = " ".join(story(n) for n in range(1500))  # each takes its worker a while
    proc.stdin.write(b"".join(json.dumps({"id": k, "text": long_text}).encode() + b"\n"
                              for k in range(6)))
    proc.stdin.flush()
    deadline = time.monotonic() + 60
    while not (workers := workers_of(proc.pid)) or (
            max(cpu_seconds(pid) for pid in workers) < 0.3 and time.monotonic() < deadline):
        time.sleep(0.05)  # until a worker is in the middle of a record
    for pid in workers:
        os.kill(pid, signal.SIGSTOP)
    proc.send_signal(signal.SIGTERM)
    try:
        _, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        err = b"(no end within 30 s)"
    finally:
        for pid in workers:
            try:
                os.kill(pid, signal.SIGCONT)
            except ProcessLookupError:
                pass
        left = wait_until_ended(workers)
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 143, err.decode(errors="replace")
    assert left == []


@pytest.mark.skipif(not os.path.exists("/proc/self/stat"), reason="needs Linux /proc")
def test_the_workers_end_when_the_command_is_killed() -> None:
    """SIGKILL cannot be caught: the kernel ends the workers (Linux PR_SET_PDEATHSIG).

    Killed in the middle of a long record, so that a worker the kernel did not end would
    finish the record first (about a second of CPU) and end only when it writes to the dead
    parent's pipe: the test once passed with the prctl removed, its records being short
    (review R6)."""
    proc = start("batch", "-", "-j", "2", "--chunk-size", "1")
    stdin = proc.stdin
    assert stdin is not None
    long_text = " ".join(story(n) for n in range(6000))  # about a second of CPU each
    data = b"".join(json.dumps({"id": k, "text": long_text}).encode() + b"\n"
                    for k in range(8))

    def feed() -> None:  # from a thread: the batch reads its records as workers take them
        with contextlib.suppress(OSError):
            stdin.write(data)
            stdin.flush()

    threading.Thread(target=feed, daemon=True).start()
    deadline = time.monotonic() + 60
    while not (workers := workers_of(proc.pid)) or (
            max(cpu_seconds(pid) for pid in workers) < 0.3 and time.monotonic() < deadline):
        time.sleep(0.05)  # until a worker is in the middle of a record
    at_kill = {pid: cpu_seconds(pid) for pid in workers}
    proc.kill()
    proc.wait(timeout=60)
    last = dict(at_kill)
    end = time.monotonic() + 60
    while (alive := [p for p in workers if _parent_of(p) is not None]) and (
            time.monotonic() < end):
        for pid in alive:
            try:
                last[pid] = cpu_seconds(pid)
            except OSError:  # it has just ended
                pass
        time.sleep(0.02)
    assert wait_until_ended(workers) == []
    # Ended by the signal, not at the end of its record: next to no CPU after the kill.
    assert max(last[pid] - at_kill[pid] for pid in workers) < 0.2


@pytest.mark.skipif(not os.path.exists("/proc/self/stat"), reason="needs Linux /proc")
@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_an_unfinished_batch_leaves_the_output_file_as_it_was(
        tmp_path: Path, signum: int, code: int) -> None:
    """An interrupted ``-o`` keeps its lines in FILE.partial: FILE never looks complete, and
    the file it replaces (``--force``) is not lost (before, it was cut at the first line)."""
    target = tmp_path / "out.jsonl"
    target.write_bytes(b"keep me\n")
    partial = tmp_path / "out.jsonl.partial"
    proc = started_batch("-o", str(target), "--force")
    end = time.monotonic() + 60
    while proc.poll() is None and time.monotonic() < end and (
            not partial.exists() or b"\n" not in partial.read_bytes()):
        time.sleep(0.02)
    workers = workers_of(proc.pid)
    if signum == signal.SIGINT:
        os.killpg(proc.pid, signum)
    else:
        proc.send_signal(signum)
    try:
        _, err = proc.communicate(timeout=60)
    finally:
        wait_until_ended(workers)
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == code, err.decode(errors="replace")
    assert target.read_bytes() == b"keep me\n"
    kept = partial.read_bytes().splitlines(keepends=True)
    assert kept and all(line.endswith(b"\n") and json.loads(line)["id"] for line in kept)
    assert f"the {len(kept)} line".encode() in err and str(partial).encode() in err
