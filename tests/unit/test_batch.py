"""The batch core: one record in, one object out; order, error objects, engines agree."""

from __future__ import annotations

import json
import os
import signal
import sys
from pathlib import Path

import pytest

from briefer import api
from briefer.cli import batch_engine as batch
from briefer.errors import MissingDependency

SEED = Path(__file__).resolve().parents[2] / "seeds" / "venezuela-mexico.txt"


def story(n: int) -> str:
    """A small, distinct news-like text for record ``n``."""
    return (f"Officials in town {n} opened a bridge on Monday. The bridge cost {n} million "
            f"dollars and took three years to build. Traffic on the old bridge in town {n} "
            "will fall by half, officials said. Critics said the money should have gone to "
            "schools. The mayor said the bridge would bring trade.")


def record_lines(count: int) -> list[str]:
    return [json.dumps({"id": f"r{n}", "text": story(n)}) for n in range(count)]


def objects(outputs: object) -> list[dict]:
    """The output lines of an engine, read back; each line's failed flag checked."""
    out = []
    for output in outputs:
        assert output.line.endswith(b"\n") and output.line.count(b"\n") == 1
        out.append(json.loads(output.line))
        assert output.failed == ("error" in out[-1])
    return out


def test_a_record_becomes_the_summarize_json_object_with_its_id() -> None:
    text = SEED.read_text(encoding="utf-8")
    out = batch.summarize_record(json.dumps({"id": 7, "text": text}),
                                 batch.BatchOptions(count=3), number=1)
    assert set(out) == {"id", "title", "language", "algorithm", "sentences"}
    assert out["id"] == 7
    assert out["title"] == api.split(text).title and out["title"]
    assert len(out["sentences"]) == 3
    for s in out["sentences"]:
        assert set(s) == {"index", "text", "start", "end", "score"}
        assert " ".join(text[s["start"]:s["end"]].split()) == s["text"]


def test_fields_count_and_algorithm_are_options() -> None:
    line = json.dumps({"key": "a", "body": story(1)}).encode()
    options = batch.BatchOptions(text_field="body", id_field="key", count=2, algorithm="lead")
    out = batch.summarize_record(line, options)
    assert out["id"] == "a" and out["algorithm"] == "lead"
    assert [s["index"] for s in out["sentences"]] == [1, 2]


def test_a_record_without_id_gets_null() -> None:
    out = batch.summarize_record(json.dumps({"text": story(2)}))
    assert out["id"] is None and out["sentences"]


@pytest.mark.parametrize(("line", "record_id", "error"), [
    ("", None, "blank line"),
    ("   \n", None, "blank line"),
    ("{not json", None, "not JSON"),
    (b'{"text": "caf\xe9"}', None, "not UTF-8"),
    ("[1, 2, 3]", None, "not a JSON object"),
    ('{"id": 4, "body": "text"}', 4, "no 'text' field"),
    ('{"id": "x", "text": 12}', "x", "'text' is not a string"),
    ('{"id": "y", "text": "  \\n "}', "y", "'text' is empty"),
])
def test_bad_lines_become_error_objects(line: str | bytes, record_id: object, error: str
                                        ) -> None:
    out = batch.summarize_record(line, number=12)
    assert set(out) == {"id", "line", "error"}
    assert out["id"] == record_id and out["line"] == 12
    assert error in out["error"]


def test_an_unexpected_failure_is_an_error_object_too(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(batch, "summary_object", explode)
    out = batch.summarize_record(json.dumps({"id": 1, "text": "A text."}), number=3)
    assert out == {"id": 1, "line": 3, "error": "RuntimeError: boom"}


def test_run_local_keeps_order_and_numbers_bad_lines() -> None:
    lines = record_lines(5)
    lines[1:1] = ["oops", ""]
    out = objects(batch.run_local(lines, jobs=1, chunk_size=2))
    assert len(out) == len(lines)
    assert out[1] == {"id": None, "line": 2, "error": out[1]["error"]}
    assert out[2]["line"] == 3 and out[2]["error"] == "blank line"
    assert [o["id"] for o in out if "error" not in o] == [f"r{n}" for n in range(5)]


def test_parallel_output_equals_serial_output() -> None:
    lines = record_lines(40) + ["bad"] + record_lines(3)
    serial = list(batch.run_local(lines, jobs=1))
    parallel = list(batch.run_local(lines, jobs=2, chunk_size=3))
    assert parallel == serial
    assert objects(parallel)[40]["line"] == 41


def test_runner_streams_with_bounded_look_ahead() -> None:
    """The first result comes back after a bounded number of lines was read, not all of them."""
    consumed = 0

    def source():
        nonlocal consumed
        for line in record_lines(200):
            consumed += 1
            yield line

    results = batch.run_local(source(), jobs=1, chunk_size=4)
    next(results)
    assert consumed <= 4

    class Done:
        def __init__(self, value: list[dict]) -> None:
            self.value = value

        def result(self) -> list[dict]:
            return self.value

    consumed = 0
    ordered = batch.ordered_results(
        lambda first, part: Done(batch.summarize_chunk(part, batch.BatchOptions(), first)),
        batch.chunks(source(), 5), ahead=3)
    first = next(ordered)
    assert json.loads(first.line)["id"] == "r0" and consumed <= 3 * 5


def test_chunks_number_their_first_line() -> None:
    assert list(batch.chunks(["a", "b", "c", "d", "e"], 2)) == [
        (1, ["a", "b"]), (3, ["c", "d"]), (5, ["e"])]


def test_dask_engine_output_equals_local_output() -> None:
    distributed = pytest.importorskip("dask.distributed")
    lines = record_lines(12) + ["{}"] + record_lines(2)
    local = list(batch.run_local(lines, jobs=1))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        remote = list(batch.run_dask(lines, client=client, chunk_size=4))
    assert remote == local
    assert objects(remote)[12] == {"id": None, "line": 13, "error": "no 'text' field"}


def test_dask_missing_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "dask.distributed", None)
    with pytest.raises(MissingDependency, match=r"pip install 'briefer\[dask\]'"):
        next(batch.run_dask(record_lines(1)))


class Later:
    """A future that finishes when the test says so."""

    def __init__(self, value: list[dict]) -> None:
        self.value = value
        self.finished = False

    def done(self) -> bool:
        return self.finished

    def result(self) -> list[dict]:
        self.finished = True
        return self.value


def test_this_process_summarizes_between_the_workers_chunks_in_order() -> None:
    """shared_results: every line once, in input order, from the worker's chunks and this
    process's own lines; at the end the remaining lines are shared, not all sent away."""
    given: list[Later] = []
    here: list[int] = []

    def submit(first: int, lines: list[str]) -> Later:
        given.append(Later([{"n": first + k, "by": "worker"} for k in range(len(lines))]))
        if len(given) % 2:  # a worker that is sometimes late
            given[-1].finished = True
        return given[-1]

    def summarize(line: str, number: int) -> dict:
        here.append(number)
        return {"n": number, "by": "here"}

    numbered = list(enumerate([f"line {n}" for n in range(1, 101)], start=1))
    out = list(batch.shared_results(submit, summarize, numbered, workers=1, chunk_size=8))
    assert [o["n"] for o in out] == list(range(1, 101))
    assert here and len(here) < 100 and len(given) >= 2
    assert here[-1] == 100  # the last line was not queued behind a worker's chunk
    assert max(len(g.value) for g in given[-2:]) < 8  # the tail went out in smaller chunks


def test_a_stuck_worker_does_not_let_waiting_results_grow() -> None:
    stuck = Later([])
    read = 0

    def numbered():
        nonlocal read
        for n in range(1, 10_001):
            read += 1
            yield n, f"line {n}"

    def submit(first: int, lines: list[str]) -> Later:
        return stuck if first == 1 else Later([{"n": first + k} for k in range(len(lines))])

    stuck.value = [{"n": k} for k in range(1, 5)]
    results = batch.shared_results(submit, lambda line, number: {"n": number}, numbered(),
                                   workers=1, chunk_size=4)
    first = next(results)
    assert first == {"n": 1}
    assert read <= 4 * 2 * 4 + 3 * 4 + 1  # bounded: never the whole input


def _killed(part: list[object], options: object, first: int) -> list[object]:
    """A worker's chunk that ends as the out-of-memory killer ends a process."""
    os.kill(os.getpid(), signal.SIGKILL)
    return []


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_a_worker_killed_from_outside_is_an_engine_error_not_a_traceback(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "summarize_chunk", _killed)  # the forked workers inherit it
    lines = [json.dumps({"id": n, "text": "The dam opened. Farmers cheered."}).encode()
             for n in range(40)]
    with pytest.raises(batch.EngineError, match="worker process ended without answering"):
        list(batch.run_local(lines, jobs=2, chunk_size=2))


def _sent_in_half(fd: int, data: object) -> int:
    """``os.write`` as a Ctrl-C cuts it: half the message goes, then KeyboardInterrupt."""
    _real_write(fd, bytes(data)[:len(data) // 2])  # type: ignore[arg-type]
    raise KeyboardInterrupt


_real_write = os.write


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_ctrl_c_in_the_middle_of_sending_a_chunk_cannot_hang_the_end(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A chunk cut in the middle (the hang of CPython 3.11's ProcessPoolExecutor, whose
    shutdown then waited for ever) only goes to a worker that the end then stops."""
    from briefer.cli import workers

    pool = workers.Pool(1, lambda task: task)
    pids = [w.pid for w in pool.workers]
    assert pool.submit("warm").result() == "warm"
    monkeypatch.setattr(os, "write", _sent_in_half)
    with pytest.raises(KeyboardInterrupt):
        pool.submit("x" * 10_000)
    monkeypatch.undo()
    pool.close()  # returns: the worker waiting for the rest is stopped, and reaped
    for pid in pids:
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)


def test_the_warm_up_stays_frozen_only_when_the_process_ends_with_the_batch() -> None:
    """``briefer batch`` keeps the warm-up out of the collector to the end (its last pass at
    exit skips it); a caller that lives on gets its collector back as it was."""
    import gc

    assert gc.get_freeze_count() == 0
    assert len(list(batch.run_local(record_lines(3), jobs=1))) == 3
    assert gc.get_freeze_count() == 0
    try:
        assert len(list(batch.run_local(record_lines(3), jobs=1, process_ends=True))) == 3
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


class Timed:
    """A worker's chunk on a simulated clock: every line costs one tick, in a worker as in
    this process, and a worker does its chunks one after another."""

    def __init__(self, clock: list[int], free: list[int], first: int, size: int) -> None:
        self.clock = clock
        self.ends = max(clock[0], free[0]) + size
        free[0] = self.ends
        self.value = [{"n": first + k} for k in range(size)]

    def done(self) -> bool:
        return self.clock[0] >= self.ends

    def result(self) -> list[dict]:
        self.clock[0] = max(self.clock[0], self.ends)  # this process waits
        return self.value


@pytest.mark.parametrize("count", [100, 101, 137, 250])
def test_at_the_end_of_the_input_neither_process_waits_for_the_other(count: int) -> None:
    """With one worker as fast as this process, the batch ends within two ticks of half the
    lines: no worker is left with a queue the parent waits for, nor idle while it works."""
    clock, free = [0], [0]

    def submit(first: int, lines: list[str]) -> Timed:
        return Timed(clock, free, first, len(lines))

    def summarize(line: str, number: int) -> dict:
        clock[0] += 1
        return {"n": number}

    numbered = list(enumerate([f"line {n}" for n in range(1, count + 1)], start=1))
    out = list(batch.shared_results(submit, summarize, numbered, workers=1, chunk_size=16))
    assert [o["n"] for o in out] == list(range(1, count + 1))
    assert clock[0] <= (count + 1) // 2 + 2, clock[0]


def test_without_fork_a_spawned_pool_gives_the_same_output(
        monkeypatch: pytest.MonkeyPatch) -> None:
    lines = record_lines(6) + ["bad"]
    serial = list(batch.run_local(lines, jobs=1))
    monkeypatch.delattr(os, "fork", raising=False)  # as on Windows
    assert list(batch.run_local(lines, jobs=2, chunk_size=2)) == serial


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_huge_jobs_count_forks_at_most_four_processes_per_cpu(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """``-j 100000`` once forked that many copies before the first record."""
    import errno

    forks = 0
    real_fork = os.fork

    def fork() -> int:
        nonlocal forks
        forks += 1
        if forks > 10:  # the old code's way: stop it before it takes the machine
            raise OSError(errno.EAGAIN, "too many forks in a test")
        return real_fork()

    monkeypatch.setattr(batch, "_usable_cpus", lambda: 1)
    monkeypatch.setattr(os, "fork", fork)
    lines = record_lines(8)
    assert list(batch.run_local(lines, jobs=100_000, chunk_size=1)) == list(
        batch.run_local(lines, jobs=1))
    assert forks == batch.MAX_JOBS_PER_CPU - 1
