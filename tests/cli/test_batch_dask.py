"""``briefer batch --scheduler`` against hostile addresses (issue 12, item 11): a malformed
address is a usage error, and an address where something other than a dask scheduler listens
fails within a bounded time, each with one clear line and never a traceback."""

from __future__ import annotations

import http.server
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
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
])
def test_a_malformed_scheduler_address_is_a_usage_error(address: str, says: str) -> None:
    result = CliRunner().invoke(cli, ["batch", "-", "--scheduler", address], input=RECORD)
    assert result.exit_code == 2, result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)
    error = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(error) == 1 and "'--scheduler'" in error[0] and says in error[0]


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
    assert proc.stderr in (
        f"briefer: no dask scheduler answered at {http_address} within 1 s\n".encode(),
        f"briefer: what answers at {http_address} is not a dask scheduler (".encode()
        + proc.stderr.partition(b"(")[2]), proc.stderr
    assert proc.stderr.count(b"\n") == 1


@pytest.fixture
def babbling_address() -> Iterator[str]:
    """A server that answers every connection at once with an HTTP error, then hangs up."""
    listener = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            with conn:
                conn.sendall(b"HTTP/1.0 400 Bad Request\r\nContent-Length: 0\r\n\r\n" * 4)

    threading.Thread(target=serve, daemon=True).start()
    try:
        yield f"tcp://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        listener.close()


def test_a_server_that_is_not_dask_is_named_so(babbling_address: str) -> None:
    with pytest.raises(dask_cluster.SchedulerError, match="is not a dask scheduler"):
        dask_cluster.connect(babbling_address, timeout=5.0)


def test_nothing_listening_is_one_line() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    proc = run("batch", "-", "--scheduler", f"tcp://127.0.0.1:{port}", code=WITH_SHORT_TIMEOUT)
    assert proc.returncode == 1 and b"Traceback" not in proc.stderr
    assert proc.stderr.startswith(b"briefer: no dask scheduler answered at tcp://127.0.0.1:")
