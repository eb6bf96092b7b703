"""``briefer batch --scheduler`` against hostile addresses (issue 12, item 11): a malformed
address is a usage error, and an address where something other than a dask scheduler listens
fails within a bounded time, each with one clear line and never a traceback."""

from __future__ import annotations

import http.server
import json
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefer.cli import cli

pytest.importorskip("dask.distributed")

from briefer.cli import dask_cluster  # noqa: E402 - after the skip: it needs distributed

ROOT = Path(__file__).resolve().parents[2]
RECORD = '{"id": 1, "text": "One sentence here. And another one."}\n'

#: Runs ``briefer`` with a one-second scheduler deadline, so the test is short; a hang is
#: caught by the subprocess timeout far above it.
WITH_SHORT_TIMEOUT = ("import briefer.cli.dask_cluster as d; d.CONNECT_TIMEOUT = 1.0; "
                      "from briefer.cli import main; main()")


def run(*args: str, code: str = "from briefer.cli import main; main()"
        ) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, env=env,
                          input=RECORD.encode(),
                          timeout=60, cwd=ROOT)


@pytest.mark.parametrize(("address", "says"), [
    ("not-an-address", "has no port"),
    ("tcp://[::1", "IPv6"),
    ("foo://bar:1", "unknown scheme 'foo'"),
    ("tcp://10.0.0.5:port", "not a number"),
    ("tcp://10.0.0.5:70000", "out of range"),
    ("inproc://x", "inside one Python process"),
    ("", "empty"),
])
def test_a_malformed_scheduler_address_is_a_usage_error(address: str, says: str) -> None:
    result = CliRunner().invoke(cli, ["batch", "-", "--scheduler", address], input=RECORD)
    assert result.exit_code == 2, result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)
    error = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(error) == 1 and "'--scheduler'" in error[0] and says in error[0]


def test_tls_without_certificates_is_one_line_before_connecting() -> None:
    with pytest.raises(dask_cluster.SchedulerError, match="needs TLS certificates"):
        dask_cluster.connect("tls://127.0.0.1:1", timeout=60.0)


def test_a_well_formed_address_passes_the_check() -> None:
    for address in ("tcp://10.0.0.5:8786", "10.0.0.5:8786", "tcp://[::1]:8786",
                    "tls://scheduler.example:8786"):
        assert dask_cluster.check_address(address) == address


class QuietHandler(http.server.BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - its name
        pass


@pytest.fixture
def http_address() -> Iterator[str]:
    """An HTTP server on 127.0.0.1: it accepts the connection and waits for a request line
    that dask's handshake never sends."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), QuietHandler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"tcp://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_an_http_server_at_the_address_fails_in_bounded_time(http_address: str) -> None:
    proc = run("batch", "-", "--scheduler", http_address, code=WITH_SHORT_TIMEOUT)
    assert proc.returncode == 1, proc.stderr
    # It may wait for an answer or give up on the one it gets: either is one line.
    assert proc.stderr == (
        f"briefer: no dask scheduler answered at {http_address} within 1 s\n".encode()
    ) or (proc.stderr.startswith(
        f"briefer: what answers at {http_address} is not a dask scheduler (".encode())
        and proc.stderr.endswith(b")\n")), proc.stderr
    assert proc.stderr.count(b"\n") == 1


@contextmanager
def tcp_server(answer: Callable[[socket.socket], None]) -> Iterator[str]:
    """A server on 127.0.0.1 that gives every connection to ``answer`` and closes it."""
    listener = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            with conn:
                answer(conn)

    threading.Thread(target=serve, daemon=True).start()
    try:
        yield f"tcp://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        listener.close()


@pytest.fixture
def babbling_address() -> Iterator[str]:
    """A server that answers every connection at once with an HTTP error, then hangs up."""
    with tcp_server(lambda conn: conn.sendall(
            b"HTTP/1.0 400 Bad Request\r\nContent-Length: 0\r\n\r\n" * 4)) as address:
        yield address


def test_a_server_that_is_not_dask_is_named_so(babbling_address: str) -> None:
    with pytest.raises(dask_cluster.SchedulerError, match="is not a dask scheduler"):
        dask_cluster.connect(babbling_address, timeout=5.0)


@pytest.fixture
def closing_address() -> Iterator[str]:
    """A server that accepts every connection and closes it at once, saying nothing."""
    with tcp_server(lambda conn: None) as address:
        yield address


def test_a_server_that_hangs_up_is_not_told_as_silence(closing_address: str) -> None:
    """distributed's CommClosedError is an OSError, like a refused connect; what the user
    needs to hear differs: something is there and is not a scheduler.  The server hangs up at
    once, so a long timeout costs nothing here; a short one failed on a loaded machine."""
    with pytest.raises(dask_cluster.SchedulerError,
                       match="closed the connection without answering"):
        dask_cluster.connect(closing_address, timeout=30.0)


def test_a_hang_up_before_the_connect_ends_is_not_retried(
        closing_address: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """When the server closes before the connector has read its socket's own address (most
    attempts on a loaded machine), distributed raises a bare CommClosedError for its retry
    to take (dask/distributed#7953); retried with a doubling backoff for the whole deadline,
    the hang-up took all of it, and was told as silence ("no dask scheduler answered ...
    within 30 s", a flaky landing) when the outer deadline fired first.  Here every attempt
    loses that race, as a loaded machine makes it: one attempt is enough to tell."""
    from distributed.comm import tcp
    from distributed.comm.core import CommClosedError

    attempts = []

    def closed_first(stream: object) -> str:
        attempts.append(stream)
        raise CommClosedError()

    monkeypatch.setattr(tcp, "get_stream_address", closed_first)
    with pytest.raises(dask_cluster.SchedulerError,
                       match="closed the connection without answering"):
        dask_cluster.connect(closing_address, timeout=3.0)
    assert len(attempts) == 1


def test_nothing_listening_is_one_line() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    proc = run("batch", "-", "--scheduler", f"tcp://127.0.0.1:{port}", code=WITH_SHORT_TIMEOUT)
    assert proc.returncode == 1 and b"Traceback" not in proc.stderr
    assert proc.stderr.startswith(b"briefer: no dask scheduler answered at tcp://127.0.0.1:")


def test_a_local_cluster_says_nothing_when_port_8787_is_taken() -> None:
    """The scheduler's HTTP server would take 8787 and warn, on stderr, when it cannot."""
    holder = socket.socket()
    try:
        holder.bind(("127.0.0.1", 8787))
        holder.listen()
    except OSError:
        pass  # something else holds it: the condition this test wants either way
    try:
        proc = run("batch", "-", "--engine", "dask", "-j", "1")
    finally:
        holder.close()
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == b"briefer: 1 line, 0 failed\n"


SCHEDULER = """\
import time
from distributed import LocalCluster
if __name__ == "__main__":
    cluster = LocalCluster(n_workers=1, threads_per_worker=1, processes=False, protocol="tcp",
                           host="127.0.0.1", dashboard_address=None)
    print(cluster.scheduler_address, flush=True)
    time.sleep(600)
"""


def test_a_scheduler_lost_during_the_batch_is_one_line() -> None:
    """The scheduler goes away after the first result: the lines written stay, and the end
    is one line and status 1 (it was a FutureCancelledError traceback)."""
    scheduler = subprocess.Popen([sys.executable, "-c", SCHEDULER], stdout=subprocess.PIPE,
                                 stderr=subprocess.DEVNULL, text=True, cwd=ROOT)
    try:
        assert scheduler.stdout is not None
        address = scheduler.stdout.readline().strip()
        batch = subprocess.Popen([sys.executable, "-m", "briefer", "batch", "-", "--scheduler",
                                  address, "--chunk-size", "1"], cwd=ROOT,
                                 stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE)
        assert batch.stdin is not None and batch.stdout is not None
        # Standard input stays open, so the batch is still running when the scheduler dies.
        batch.stdin.write(RECORD.encode() * 8)
        batch.stdin.flush()
        assert json.loads(batch.stdout.readline())["id"] == 1
    finally:
        scheduler.kill()
        scheduler.wait()
    _, err = batch.communicate(timeout=120)
    assert batch.returncode == 1, err
    assert err.startswith(b"briefer: lost the dask cluster during the batch") and \
        err.count(b"\n") == 1, err.decode()


def test_only_the_clusters_own_failures_become_one_line() -> None:
    import distributed
    from distributed.comm.core import CommClosedError

    assert "kept dying" in dask_cluster.failure_message(
        distributed.KilledWorker("summarize_chunk-1", "tcp://127.0.0.1:1", 3))
    assert dask_cluster.failure_message(CommClosedError()).startswith("lost the dask cluster")
    # An error of the batch itself (reading the input, a bug) keeps its own report.
    assert dask_cluster.failure_message(OSError(5, "Input/output error")) is None
    assert dask_cluster.failure_message(ValueError("bug")) is None


def test_the_batch_leaves_distributeds_log_levels_as_it_found_them() -> None:
    """Connecting quiets distributed's handlers to ERROR; a library caller of ``run_dask``
    gets its own levels back when the batch ends."""
    import logging

    from distributed import LocalCluster

    from briefer.cli.batch_engine import BatchOptions, run_dask

    logger = logging.getLogger("distributed")
    mine = logging.StreamHandler()  # the caller's own handler
    logger.addHandler(mine)
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, protocol="tcp",
                      host="127.0.0.1", dashboard_address=None) as cluster:
        mine.setLevel(logging.INFO)  # after LocalCluster, which sets its own (silence_logs)
        handlers = list(logger.handlers)
        before = [handler.level for handler in handlers]
        lines = ['{"text": "One sentence here. Another one there."}']
        results = list(run_dask(lines, BatchOptions(), scheduler=cluster.scheduler_address))
        after = [handler.level for handler in handlers]
    logger.removeHandler(mine)
    assert len(results) == 1
    assert after == before


def test_the_event_loops_own_errors_are_not_printed_during_a_batch() -> None:
    """distributed's sync() can log, on Ctrl-C, a NameError of its own through tornado (a
    race seen in CI); inside a batch's logging scope the loop's errors are not printed, and
    the caller's level comes back after it."""
    import logging

    loop_log = logging.getLogger("tornado.application")
    before = loop_log.level
    with dask_cluster.log_levels_kept():
        assert not loop_log.isEnabledFor(logging.ERROR)
    assert loop_log.level == before
