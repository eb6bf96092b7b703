"""Reaching a ``dask.distributed`` cluster for ``briefer batch --engine dask``, safely.

Three things distributed leaves to its caller, which a command-line tool must not:

- **The address is untrusted input.**  ``Client("not-an-address")`` raises a ValueError from
  deep inside ``distributed.comm``; :func:`check_address` parses it with the same functions
  (``distributed.comm.addressing.parse_address``, ``registry.get_backend``,
  ``parse_host_port``) before anything connects, so a bad ``--scheduler`` is a usage error.
- **Connecting is bounded only up to the TCP connect.**  ``distributed.comm.connect`` waits
  for the peer's handshake without a deadline, so an address where any other server listens
  (HTTP, SSH) hangs ``Client(..., timeout=...)`` for ever.  :func:`connect` first asks the
  address who it is (the ``identity`` operation every dask server answers) under one deadline
  for the connect, the handshake and the reply, and only then makes the client.  A server
  that accepts and hangs up is told at once, not retried until the deadline (:func:`_open`).
- **Ctrl-C reaches every process of the terminal's process group**, so a local cluster's
  worker processes each printed a KeyboardInterrupt traceback.  :func:`local_cluster` starts
  them with SIGINT blocked (a blocked signal stays blocked across fork and exec, unlike a
  handler), so only this process sees Ctrl-C, and closing the cluster ends them.

distributed is imported only inside these functions: ``briefer batch`` without the dask
engine never loads it.
"""

from __future__ import annotations

import asyncio
import logging
import re
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

#: Seconds for reaching a scheduler: connect, handshake and its first answer, together
#: (``briefer batch --help`` says 10 s).
CONNECT_TIMEOUT = 10.0

#: Schemes whose location is ``HOST:PORT``.
HOST_PORT_SCHEMES = frozenset({"tcp", "tls", "ws", "wss"})

EXAMPLE = "tcp://HOST:PORT, e.g. tcp://10.0.0.5:8786"


class SchedulerError(RuntimeError):
    """No dask scheduler could be reached at the address; the message says why."""


def check_address(address: str) -> str:
    """``address`` if it can name a dask scheduler, else ValueError with a one-line reason.

    It is checked the way distributed reads it (a missing scheme means its default, tcp),
    without connecting.
    """
    from distributed.comm import registry
    from distributed.comm.addressing import parse_address, parse_host_port

    if not address.strip():
        raise ValueError(f"the address is empty; expected {EXAMPLE}")
    scheme, location = parse_address(address)
    if scheme == "inproc":
        raise ValueError("an inproc:// address names a scheduler inside one Python process; "
                         f"expected {EXAMPLE}")
    known = ", ".join(f"{name}://" for name in sorted(HOST_PORT_SCHEMES))
    try:
        backend = registry.get_backend(scheme)
    except Exception:  # unknown scheme, or a backend whose package is missing
        raise ValueError(f"unknown scheme {scheme!r} in {address!r}; use one of {known}"
                         ) from None
    try:
        backend.get_connector()
    except Exception:  # ucx:// without its package: an abstract placeholder
        raise ValueError(f"{scheme}:// cannot be used here (its package is not installed); "
                         f"use one of {known}") from None
    if scheme not in HOST_PORT_SCHEMES:
        return address
    if location.startswith("[") and "]" not in location:  # not left to a message's wording
        raise ValueError(f"{address!r} is not HOST:PORT (an IPv6 host is written in "
                         f"brackets: tcp://[::1]:8786)")
    try:
        host, port = parse_host_port(location)
    except ValueError as err:
        if "missing port" in str(err):
            raise ValueError(f"{address!r} has no port; expected {EXAMPLE}") from None
        if "ipv6" in str(err):
            raise ValueError(f"{address!r} is not HOST:PORT (an IPv6 host is written in "
                             f"brackets: tcp://[::1]:8786)") from None
        raise ValueError(f"the port in {address!r} is not a number; expected {EXAMPLE}"
                         ) from None
    if not 0 < port < 65536:
        raise ValueError(f"the port in {address!r} is out of range (1-65535)")
    if not host:
        raise ValueError(f"{address!r} has no host; expected {EXAMPLE}")
    return address


def connect(address: str, timeout: float | None = None) -> Any:
    """A ``distributed.Client`` of the scheduler at ``address``, else :class:`SchedulerError`
    within about ``timeout`` seconds (:data:`CONNECT_TIMEOUT` unless given)."""
    from distributed import Client
    from distributed.comm.addressing import parse_address
    from distributed.security import Security

    timeout = CONNECT_TIMEOUT if timeout is None else timeout
    settings = Security().get_connection_args("client")  # what Client itself will use
    if parse_address(address)[0] in {"tls", "wss"} and settings.get("ssl_context") is None:
        raise SchedulerError(f"{address} needs TLS certificates, and dask's configuration "
                             f"has none (distributed.comm.tls)")
    try:
        identity = asyncio.run(asyncio.wait_for(_identity(address, settings), timeout))
    except _Closed:
        raise SchedulerError(f"the server at {address} closed the connection without "
                             f"answering (not a dask scheduler?)") from None
    except (TimeoutError, OSError) as err:
        # A refused or failing connect is tried again until the deadline (:func:`_open`):
        # either way nothing answered in time.
        reason = f": {err.strerror}" if isinstance(err, OSError) and err.strerror else ""
        raise SchedulerError(f"no dask scheduler answered at {address} within "
                             f"{timeout:g} s{reason}") from None
    except _NotDask as err:
        raise SchedulerError(f"what answers at {address} is not a dask scheduler ({err})"
                             ) from None
    kind = identity.get("type") if isinstance(identity, dict) else None
    if kind != "Scheduler":
        raise SchedulerError(f"what answers at {address} is not a dask scheduler "
                             f"(it says it is {kind!r})")
    quiet(logging.ERROR)
    try:
        return Client(address, timeout=timeout)
    except (OSError, TimeoutError) as err:  # it answered, then went away
        raise SchedulerError(f"lost the dask scheduler at {address}: {err}") from None


class _NotDask(Exception):
    """The server's answer could not be read as dask's protocol (the message: the error)."""


class _Closed(Exception):
    """The server accepted the connection, then closed it before saying what it is."""


async def _identity(address: str, settings: dict[str, Any]) -> Any:
    """What the server at ``address`` says it is (``{"type": "Scheduler", ...}``), connected
    with ``settings`` as ``Client`` connects; the caller bounds the time."""
    from distributed.comm.core import CommClosedError
    from distributed.core import send_recv

    comm = await _open(address, settings)
    try:
        return await send_recv(comm, op="identity")
    except CommClosedError:
        raise _Closed from None
    except (OSError, TimeoutError):
        raise
    except Exception as err:
        raise _NotDask(type(err).__name__) from None
    finally:
        comm.abort()


async def _open(address: str, settings: dict[str, Any]) -> Any:
    """A comm to ``address`` after dask's handshake, as ``distributed.comm.connect`` makes
    it, except that a server that hangs up is :class:`_Closed` at once.

    distributed retries every failed connect until its deadline, with a backoff that doubles.
    That is right for a refused connect (a scheduler still starting) and wrong for a server
    that accepted and closed the connection: when it closes before the connector has read
    the socket's own address (most attempts on a loaded machine), the connector raises a
    bare CommClosedError so that the retry takes it (dask/distributed#7953), and twelve such
    attempts fill 30 s.  Each attempt is made here, once, by the scheme's connector; only a
    refused or failed TCP connect is tried again, until the caller's deadline.  The
    handshake is the one both ends of every dask comm make (``Listener.on_connection`` is
    the other end): each writes its ``handshake_info`` and reads the other's.
    """
    from distributed.comm import registry
    from distributed.comm.addressing import parse_address
    from distributed.comm.core import CommClosedError

    scheme, location = parse_address(address)
    connector = registry.get_backend(scheme).get_connector()
    pause = 0.01
    while True:
        try:
            comm = await connector.connect(location, deserialize=True, **settings)
            break
        except CommClosedError as err:  # an OSError too, but maybe one that did connect
            if not isinstance(err.__cause__ or err.__context__, ConnectionRefusedError):
                raise _Closed from None
        except OSError:
            pass  # no route, no name yet: tried again, as distributed does
        except Exception as err:  # a TLS or decoding failure: something else answered
            raise _NotDask(type(err).__name__) from None
        await asyncio.sleep(pause)
        pause = min(2 * pause, 1.0)
    try:
        mine = comm.handshake_info()
        await comm.write(mine)
        theirs = await comm.read()
        if not isinstance(theirs, dict):
            raise _NotDask(f"a handshake of type {type(theirs).__name__}")
        comm.remote_info = {**theirs, "address": comm.peer_address}
        comm.local_info = {**mine, "address": comm.local_address}
        comm.handshake_options = comm.handshake_configuration(comm.local_info,
                                                              comm.remote_info)
    except CommClosedError:
        comm.abort()
        raise _Closed from None
    except (OSError, TimeoutError, _NotDask, asyncio.CancelledError):
        comm.abort()
        raise
    except Exception as err:  # an answer that breaks the decoder (HTTP, SSH banners...)
        comm.abort()
        raise _NotDask(type(err).__name__) from None
    return comm


def local_cluster(workers: int) -> Any:
    """A local cluster of ``workers`` single-threaded worker processes that ignore Ctrl-C."""
    from multiprocessing import resource_tracker

    from dask.distributed import LocalCluster

    # The first process multiprocessing spawns starts its resource tracker, and starting it
    # unblocks SIGINT in the spawning thread (CPython's resource_tracker, bpo-33613): started
    # here first, it leaves the cluster's thread as it found it.
    resource_tracker.ensure_running()
    with sigint_blocked():
        # Its warnings (a task cancelled by Ctrl-C, a worker killed after it) are about the
        # cluster's housekeeping, not the batch: a record that fails is an error object.
        # The scheduler serves HTTP (health, metrics) even without a dashboard, on 8787 of
        # every interface unless told otherwise, and warns when that port is taken: a
        # private port on the loopback instead.
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                            dashboard_address=None, silence_logs=logging.ERROR,
                            scheduler_kwargs={"dashboard_address": "127.0.0.1:0"})


def failure_message(err: BaseException) -> str | None:
    """One line for an error that means the cluster failed under a running batch (the
    scheduler went away, a worker kept dying), or None for any other error.

    The records summarized before it are written already; distributed's own messages run
    over several lines and name internal task keys.
    """
    import distributed
    from distributed.comm.core import CommClosedError

    if isinstance(err, distributed.KilledWorker):
        return ("dask workers kept dying on the same records (distributed.KilledWorker); "
                "the lines before them were written")
    if isinstance(err, distributed.CancelledError):
        found = re.search(r"reason: ([\w-]+)", str(err))
        why = f" ({found.group(1)})" if found else ""
        return f"lost the dask cluster during the batch{why}; the lines before were written"
    if isinstance(err, (CommClosedError, distributed.TimeoutError)):
        return (f"lost the dask cluster during the batch ({type(err).__name__}); the lines "
                f"before were written")
    return None


@contextmanager
def log_levels_kept() -> Iterator[None]:
    """distributed's log handlers at the levels they had before the body, whatever
    :func:`quiet` did inside it: a library caller's logging is its own after the batch.

    Inside the body the event loop's own errors ("tornado.application") are not printed:
    they are exceptions in distributed's callbacks, never a record's.  One is a race in
    distributed itself: on Ctrl-C, ``distributed.utils.sync`` schedules ``cancel`` of a
    future it may not have made yet, and the loop logs the NameError with a traceback
    (seen in CI on the Ctrl-C test)."""
    handlers = list(logging.getLogger("distributed").handlers)
    levels = [handler.level for handler in handlers]
    loop_log = logging.getLogger("tornado.application")
    loop_level = loop_log.level
    loop_log.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        loop_log.setLevel(loop_level)
        for handler, level in zip(handlers, levels, strict=True):
            handler.setLevel(level)


def quiet(level: int = logging.CRITICAL) -> None:
    """Print only distributed's log records of ``level`` and above.

    Called with ERROR once connected (its INFO and WARNING records are the cluster's
    housekeeping: a connection closing, with a traceback, when the scheduler goes away), and
    with CRITICAL when the batch stops early (Ctrl-C, a reader that closed the pipe, a lost
    cluster), where closing mid-task makes it log errors about the work it was told to drop.
    """
    for handler in logging.getLogger("distributed").handlers:
        handler.setLevel(level)


@contextmanager
def sigint_blocked() -> Iterator[None]:
    """SIGINT blocked in this thread while the body runs, and in every thread and process it
    starts (they inherit the mask) for their whole life.

    A Ctrl-C pressed meanwhile is held and arrives, as KeyboardInterrupt, when the body ends.
    Where signal masks do not exist (Windows) or off the main thread, nothing changes.
    """
    mask = getattr(signal, "pthread_sigmask", None)
    if mask is None or threading.current_thread() is not threading.main_thread():
        yield
        return
    mask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        mask(signal.SIG_UNBLOCK, {signal.SIGINT})
