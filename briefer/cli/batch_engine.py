"""The engine of ``briefer batch``: one JSON record in, one JSON object out, on all cores or a
dask cluster.

It is a face, not core: it calls :mod:`briefer.api` for each record and renders the summary
as ``briefer summarize -f json`` does (:func:`briefer.render.json.summary_dict`), so it lives
beside the command that writes its output.  Nothing in the core imports it.

The unit of work is :func:`summarize_record`, a plain function of one input line that never
raises: a record it cannot summarize becomes an error object
``{"id": ..., "line": N, "error": "..."}``, so a bad line costs one line of output, not the
batch, and output line N always answers input line N.

Runners stream: lines are read in chunks of ``chunk_size``, at most ``ahead`` chunks are in
flight, and results come back in input order (an ordered, bounded ``imap``; the standard
library's ``Executor.map`` would submit the whole input first, so a 10 GB file would be held in
memory).  The local runner forks its workers (:mod:`briefer.cli.workers`) and is one of them
itself; the dask runner submits the same chunk function to a ``dask.distributed`` client,
imported only then.  What comes back are :class:`Output` lines, rendered where they were
summarized.

Nothing here prints or exits; the ``briefer batch`` command writes and counts.
"""

from __future__ import annotations

import json
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from typing import Any, NamedTuple

from briefer.errors import MissingDependency
from briefer.ingest import MAX_LINE_BYTES, LongLine
from briefer.untrusted import has_surrogate, neutralise_name

Line = str | bytes | LongLine


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """How every record is read and summarized (picklable: it travels to the workers)."""

    text_field: str = "text"
    id_field: str = "id"
    count: int | None = None  # sentences per summary; None means summarize's default
    algorithm: str | None = None  # None means the registry's default
    clean: bool = True
    language: str = "auto"  # a code of briefer.language.SUPPORTED, or auto per record


class EngineError(RuntimeError):
    """The parallel engine could not start (for example, no dask scheduler at the address)."""


class RecordError(ValueError):
    """A record that cannot be summarized; the message goes into its error object."""


def summarize_record(line: Line, options: BatchOptions = BatchOptions(), number: int = 0
                     ) -> dict[str, Any]:
    """The output object for one input line (``number`` counts from 1, for error objects).

    ``{"id", "title", "algorithm", "sentences"}`` as ``briefer summarize -f json`` gives,
    with the record's id in place of the source name; or an error object.
    """
    record_id = None
    try:
        data = parse_object(line)
        raw_id = data.get(options.id_field)
        record_id = safe_id(raw_id)
        if isinstance(raw_id, str) and has_surrogate(raw_id):
            raise RecordError(f"{options.id_field!r} is not valid Unicode (a lone surrogate)")
        return summary_object(record_text(data, options.text_field), record_id, options, number)
    except RecordError as err:
        message = str(err)
    except Exception as err:  # a bug or a pathological text: report it, keep the batch going
        message = f"{type(err).__name__}: {err}"
    return {"id": record_id, "line": number, "error": message}


def safe_id(value: Any) -> Any:
    """A record id as it may be printed: a string is neutralised (controls become ``?``, lone
    surrogates U+FFFD); other JSON values pass (the JSON writer escapes their strings)."""
    return neutralise_name(value) if isinstance(value, str) else value


def parse_object(line: Line) -> dict[str, Any]:
    """The JSON object on ``line`` (UTF-8 when bytes), else :class:`RecordError`."""
    if isinstance(line, LongLine):
        raise RecordError(f"line longer than {MAX_LINE_BYTES // 2**20} MB, the limit for one "
                          f"record (skipped)")
    if isinstance(line, bytes):
        try:
            line = line.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise RecordError("not UTF-8 text") from None
    if not line.strip():
        raise RecordError("blank line")
    try:
        data = json.loads(line)
    except ValueError as err:
        raise RecordError(f"not JSON ({err})") from None
    except RecursionError:
        raise RecordError("not JSON this program can read: nested too deeply") from None
    if not isinstance(data, dict):
        raise RecordError("not a JSON object")
    return data


def record_text(data: dict[str, Any], field: str) -> str:
    """The record's non-empty text, else :class:`RecordError`."""
    if field not in data:
        raise RecordError(f"no {field!r} field")
    text = data[field]
    if not isinstance(text, str):
        raise RecordError(f"{field!r} is not a string")
    if not text.strip():
        raise RecordError(f"{field!r} is empty")
    if has_surrogate(text):
        raise RecordError(f"{field!r} is not valid Unicode (a lone surrogate)")
    return text


def summary_object(text: str, record_id: Any, options: BatchOptions, number: int = 0
                   ) -> dict[str, Any]:
    """Split, rank and select ``text``; the summary as a JSON-ready dict."""
    from briefer import api
    from briefer.render.json import META_KEYS, summary_dict

    source = str(record_id) if record_id is not None else f"line {number}"
    doc = api.split(text, source=source, clean=options.clean, language=options.language)
    summary = api.summarize(doc, count=options.count, algorithm=options.algorithm)
    out: dict[str, Any] = {"id": record_id}
    # A record is text with an id: it has no page metadata to report.
    out.update((k, v) for k, v in summary_dict(summary).items()
               if k != "source" and k not in META_KEYS)
    return out


def result_line(result: dict[str, Any]) -> bytes:
    """One output line: strict JSON (a NaN or infinite id becomes a string) that is safe to
    print, as UTF-8."""
    from briefer.render.json import dumps

    return dumps(result, indent=None).encode("utf-8")


class Output(NamedTuple):
    """One output line as written (JSON, UTF-8, newline included), and whether it is an
    error object.  Workers send these, so the parent only writes bytes."""

    line: bytes
    failed: bool


def render_record(line: Line, options: BatchOptions, number: int) -> Output:
    """:func:`summarize_record`, as the line to write."""
    result = summarize_record(line, options, number)
    return Output(result_line(result), "error" in result)


def summarize_chunk(lines: Sequence[Line], options: BatchOptions, first: int) -> list[Output]:
    """:func:`render_record` over consecutive lines numbered from ``first``."""
    return [render_record(line, options, first + k) for k, line in enumerate(lines)]


def chunks(lines: Iterable[Line], size: int) -> Iterator[tuple[int, list[Line]]]:
    """``(number of the first line, lines)`` for consecutive chunks of ``size`` lines."""
    it = iter(lines)
    first = 1
    while chunk := list(islice(it, size)):
        yield first, chunk
        first += len(chunk)


def ordered_results(submit: Callable[[int, list[Line]], Any],
                    parts: Iterable[tuple[int, list[Line]]], ahead: int) -> Iterator[Any]:
    """Submit chunks, keeping at most ``ahead`` in flight, and yield results in input order.

    ``submit(first, lines)`` returns a future (anything with ``.result()``).
    """
    pending: deque[Any] = deque()
    for first, lines in parts:
        pending.append(submit(first, lines))
        if len(pending) >= ahead:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


#: Processes per CPU that ``-j`` may ask for.  Summarizing is CPU-bound, so past one per CPU
#: more processes only share the same cores and each costs its memory; a ``-j 100000``
#: forked that many copies of the command before the first record (a review's test).
MAX_JOBS_PER_CPU = 4


def _usable_cpus() -> int:
    """The CPUs this process may run on (a container's or ``taskset``'s share), not the
    host's: ``os.cpu_count()`` counts every CPU of the machine."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def worker_count(jobs: int) -> int:
    """``jobs``, or one per CPU for 0; at most :data:`MAX_JOBS_PER_CPU` per CPU."""
    cpus = _usable_cpus()
    return min(jobs, MAX_JOBS_PER_CPU * cpus) if jobs > 0 else cpus


#: Plainly English, so language detection settles it by its function words without loading
#: py3langid's model (0.3-0.5 s of serial start-up before the workers fork; a record that
#: needs the model loads it in its worker).
WARM_UP_TEXT = ("The ranker is warmed up here, before any worker starts. It is fast, and the "
                "workers that are forked from this process inherit what it has loaded.")


def warm_up(options: BatchOptions) -> None:
    """Summarize a two-sentence record here, before any worker starts.

    An unknown algorithm fails at once instead of once per line, and forked workers inherit
    the imported splitter, ranker and stemmer instead of each importing them again.
    """
    from briefer.rank import DEFAULT_ALGORITHM, get_ranker

    get_ranker(options.algorithm or DEFAULT_ALGORITHM)
    summarize_record(json.dumps({options.text_field: WARM_UP_TEXT}), options)


@contextmanager
def interrupts_held() -> Iterator[None]:
    """A Ctrl-C or SIGTERM during the body is recorded and acted on when it ends, not in the
    middle (ending the workers, say, which a second Ctrl-C must not leave half done).

    Swapping the Python-level handlers (not masking the signals) is what holds them: the
    kernel may hand a signal to any thread that does not block it, and CPython then runs
    the handler in the main thread anyway.  Off the main thread nothing changes.
    """
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    got: list[int] = []
    held = (signal.SIGINT, signal.SIGTERM)
    previous = {signum: signal.signal(signum, lambda signum, frame: got.append(signum))
                for signum in held}
    try:
        yield
    finally:
        for signum in held:
            signal.signal(signum, previous[signum])
        for signum in dict.fromkeys(got):
            handler = previous[signum]
            if callable(handler):
                handler(signum, None)
            elif handler == signal.SIG_DFL:
                signal.raise_signal(signum)


def run_local(lines: Iterable[Line], options: BatchOptions = BatchOptions(), *, jobs: int = 0,
              chunk_size: int = 16, process_ends: bool = False) -> LocalRun:
    """Results for ``lines`` in order, computed by ``jobs`` processes (0: one per CPU).

    The warm-up and the fork happen here, before the first result is asked for: a caller
    starts its progress bar (a thread) afterwards.  ``process_ends`` says that this process
    ends with the batch (the ``briefer batch`` command).  See :class:`LocalRun`.
    """
    return LocalRun(lines, options, jobs=jobs, chunk_size=chunk_size,
                    process_ends=process_ends)


class LocalRun:
    """The results of a local batch, an iterator; :meth:`close` ends it at any point.

    With one job everything runs in this process.  With more, this process is one of them:
    it forks ``jobs - 1`` workers (:mod:`briefer.cli.workers`) after :func:`warm_up`, when
    the run is made, and summarizes records itself between handing chunks to them
    (:func:`shared_results`), so no core waits while the workers start and none is spent on
    a parent that only passes records on.  Workers start with the warmed-up objects frozen
    out of the garbage collector (:func:`gc.freeze`, made for this: a collection in a forked
    child would otherwise write to every inherited object and copy the pages it shares with
    the parent).  Where the platform cannot fork, a process pool does the chunks.

    When this process ends with the batch (``process_ends``), what the warm-up loaded stays
    frozen to the end, with one job too: the garbage collector's passes during the batch, and
    the interpreter's last one at exit (about 0.02 s, serial in every run), skip every
    module's objects, which live until then anyway.  Otherwise they are unfrozen at the end,
    so a long-lived caller's garbage is collected as before.
    """

    def __init__(self, lines: Iterable[Line], options: BatchOptions, *, jobs: int,
                 chunk_size: int, process_ends: bool = False) -> None:
        import gc

        from briefer.cli import workers

        warm_up(options)
        jobs = worker_count(jobs)
        self._pool: workers.Pool | None = None
        self._frozen = False
        if process_ends or (jobs > 1 and hasattr(os, "fork")):
            gc.freeze()
            self._frozen = not process_ends  # unfrozen at the end, or never
        if jobs > 1 and hasattr(os, "fork"):
            try:
                with interrupts_held():
                    self._pool = workers.Pool(
                        jobs - 1, lambda task: summarize_chunk(task[1], options, task[0]))
            except OSError as err:
                self._end()
                raise EngineError(f"cannot start worker processes: {err.strerror or err}"
                                  ) from None
        self._results = self._run(lines, options, jobs, chunk_size)

    def __iter__(self) -> LocalRun:
        return self

    def __next__(self) -> Output:
        return next(self._results)

    def close(self) -> None:
        """End the run: no more results; every worker ended and reaped."""
        self._results.close()
        self._end(stop=True)

    def _run(self, lines: Iterable[Line], options: BatchOptions, jobs: int,
             chunk_size: int) -> Iterator[Output]:
        from briefer.cli.workers import WorkerDied

        parts = chunks(lines, chunk_size)
        try:
            if jobs == 1:
                for first, part in parts:
                    yield from summarize_chunk(part, options, first)
            elif self._pool is None:
                yield from _pooled(parts, options, jobs)
            else:
                pool = self._pool
                yield from shared_results(
                    lambda first, part: pool.submit((first, part)),
                    lambda line, number: render_record(line, options, number),
                    lines_of(parts), workers=jobs - 1, chunk_size=chunk_size)
            self._end()  # every answer is in: the workers read the end of their pipes
        except WorkerDied:
            # A worker killed from outside (the kernel's out-of-memory killer, a kill -9)
            # takes its chunk with it; the results so far are written, and the rest cannot
            # be trusted to be complete, so the batch ends here with the reason.
            raise EngineError("a worker process ended without answering (killed, or out of "
                              "memory?); the lines written so far are complete: rerun the "
                              "rest, with -j 1 to find the record") from None
        finally:
            self._end(stop=True)  # after the normal end, nothing is left to stop

    def _end(self, stop: bool = False) -> None:
        """Reap the workers: ``stop`` ends them in the middle of their work (SIGTERM), as an
        interrupted, terminated or abandoned run must; otherwise they end at their pipe's end."""
        import gc

        pool, self._pool = self._pool, None
        with interrupts_held():
            if pool is not None and stop:
                pool.stop()
            elif pool is not None:
                pool.close()
            if self._frozen:
                self._frozen = False
                gc.unfreeze()


def _pooled(parts: Iterable[tuple[int, list[Line]]], options: BatchOptions, jobs: int
            ) -> Iterator[Output]:
    """The chunks on a :class:`~concurrent.futures.ProcessPoolExecutor`, for a platform
    without ``fork``: its ``spawn`` workers import everything again."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs,
                             mp_context=multiprocessing.get_context("spawn")) as pool:
        yield from ordered_results(
            lambda first, part: pool.submit(summarize_chunk, part, options, first),
            parts, ahead=4 * jobs)


def lines_of(parts: Iterable[tuple[int, list[Line]]]) -> Iterator[tuple[int, Line]]:
    """``(number, line)`` for every line of :func:`chunks`."""
    for first, part in parts:
        for k, line in enumerate(part):
            yield first + k, line


class _Done:
    """Results this process computed, shaped like a future that is done."""

    __slots__ = ("value",)

    def __init__(self, value: list[Any]) -> None:
        self.value = value

    def done(self) -> bool:
        return True

    def result(self) -> list[Any]:
        return self.value


def shared_results(submit: Callable[[int, list[Line]], Any],
                   summarize: Callable[[Line, int], Any],
                   numbered: Iterable[tuple[int, Line]], *, workers: int, chunk_size: int,
                   queued: int = 2) -> Iterator[Any]:
    """Results in input order, from ``workers`` pool processes and this one.

    Every worker is kept ``queued`` chunks of ``chunk_size`` lines ahead (one running, the
    next waiting, so it never waits for this process); this process summarizes the other
    lines one at a time with ``summarize(line, number)``, looking between two lines for a
    worker to refill and for finished results to yield.  It reads ``queued * chunk_size``
    lines per worker ahead, so when the input ends, the lines left are shared out: a worker
    is given more only while what it was given and has not answered is under its fair
    share, 1 / (workers + 1), of all that remains, so no process is left with a queue
    while the others wait; this process takes the rest, and a worker that answers early
    gets its share of what is left at the next look, one line later.  At most
    ``4 * queued`` chunks per worker of results wait to be yielded (a worker stuck on one
    huge record does not let them grow), and the input is read at most that far ahead:
    memory stays bounded on any input.
    """
    it = iter(numbered)
    ahead: deque[tuple[int, Line]] = deque()
    window = (workers * queued + 1) * chunk_size
    limit = 4 * queued * workers * chunk_size
    pending: deque[tuple[Any, int]] = deque()  # (future or _Done, its number of results)
    waiting = 0  # results in pending
    flying: list[tuple[Any, int]] = []  # pool futures not seen done, their sizes
    ended = False
    while True:
        while not ended and len(ahead) < window:
            item = next(it, None)
            if item is None:
                ended = True
            else:
                ahead.append(item)
        if not ahead:
            break
        flying = [(f, n) for f, n in flying if not f.done()]
        while len(flying) < workers * queued and ahead:
            size = chunk_size
            if ended:  # the last lines are shared out (the docstring says how)
                given = sum(n for _, n in flying)
                size = min(size, (len(ahead) + given) // (workers + 1) - given // workers)
                if size < 1:
                    break
            part = [ahead.popleft() for _ in range(min(size, len(ahead)))]
            future = submit(part[0][0], [line for _, line in part])
            flying.append((future, len(part)))
            pending.append((future, len(part)))
            waiting += len(part)
        if ahead:
            number, line = ahead.popleft()
            pending.append((_Done([summarize(line, number)]), 1))
            waiting += 1
        while pending and (pending[0][0].done() or waiting > limit):
            future, size = pending.popleft()
            waiting -= size
            yield from future.result()
    while pending:
        yield from pending.popleft()[0].result()


def run_dask(lines: Iterable[Line], options: BatchOptions = BatchOptions(), *,
             scheduler: str | None = None, client: Any = None, jobs: int = 0,
             chunk_size: int = 16) -> Iterator[Output]:
    """Results for ``lines`` in order, computed on a ``dask.distributed`` cluster.

    Uses ``client`` if given, else connects to ``scheduler`` (an address such as
    ``tcp://10.0.0.5:8786``), else starts a local cluster of ``jobs`` worker processes.
    """
    try:
        import dask.distributed  # noqa: F401 - the check; _run_dask uses it
    except ImportError:
        raise MissingDependency(
            "the dask engine needs dask.distributed: pip install 'briefer[dask]'"
        ) from None
    from briefer.cli import dask_cluster

    with dask_cluster.log_levels_kept():
        yield from _run_dask(lines, options, scheduler, client, jobs, chunk_size)


def _run_dask(lines: Iterable[Line], options: BatchOptions, scheduler: str | None,
              client: Any, jobs: int, chunk_size: int) -> Iterator[Output]:
    """:func:`run_dask`'s body, inside :func:`dask_cluster.log_levels_kept`."""
    from dask.distributed import Client

    from briefer.cli import dask_cluster

    warm_up(options)
    cluster = None
    own_client = client is None
    if client is None:
        if scheduler:
            try:
                client = dask_cluster.connect(scheduler)
            except dask_cluster.SchedulerError as err:
                raise EngineError(str(err)) from None
        else:
            cluster = dask_cluster.local_cluster(worker_count(jobs))
            client = Client(cluster)
    try:
        threads = sum(client.nthreads().values()) or 1
        yield from ordered_results(
            lambda first, part: client.submit(summarize_chunk, part, options, first,
                                              pure=False),
            chunks(lines, chunk_size), ahead=4 * threads)
    except Exception as err:  # summarize_chunk never raises: this is the cluster failing
        message = dask_cluster.failure_message(err)
        if message is None:
            raise
        dask_cluster.quiet()
        raise EngineError(message) from None
    except BaseException:  # Ctrl-C, SIGTERM (batch.Terminated), the caller closing us:
        dask_cluster.quiet()  # the cluster's own logs of forgotten keys are not news
        raise
    finally:
        if own_client:
            client.close()
        if cluster is not None:
            cluster.close()
