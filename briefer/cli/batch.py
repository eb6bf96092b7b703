"""``briefer batch``: summarize a JSON-lines file, one output line per input line."""

from __future__ import annotations

import io
import os
import signal
import stat
import sys
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

import click

from briefer.cli.common import InputFailure, algorithm_option, language_option, make_console


class RefusedOutput(InputFailure):
    """An output file that must not be written: exit code 2, like any usage error."""

    exit_code = 2


def _scheduler_address(ctx: click.Context, param: click.Parameter, value: str | None
                       ) -> str | None:
    """``--scheduler`` checked as distributed would read it, so a malformed address is a
    usage error (exit 2) before anything connects; without dask installed it passes, and the
    engine says how to install it."""
    if value is None:
        return None
    try:
        from briefer.cli.dask_cluster import check_address
    except ImportError:
        return value
    try:
        return check_address(value)
    except ImportError:
        return value
    except ValueError as err:
        raise click.BadParameter(str(err)) from None


@click.command(epilog="""\b
Examples:
  briefer batch articles.jsonl -o summaries.jsonl
  briefer batch articles.jsonl -n 3 -a lead --text-field body > out.jsonl
  zcat big.jsonl.gz | briefer batch - -j 8 -o out.jsonl
  briefer batch big.jsonl --engine dask --scheduler tcp://10.0.0.5:8786 -o out.jsonl

\b
Each output line is {"id", "title", "language", "algorithm", "sentences": [{"index",
"text", "start", "end", "score"}]}, as summarize -f json gives; a line
that cannot be summarized gives {"id", "line", "error"}. Exit codes: 0 all
lines summarized (also when a reader closes the pipe), 1 some failed (or bad
input file), 2 bad usage, 130 interrupted (Ctrl-C), 143 terminated (SIGTERM).
With -o, the output file appears only when the batch is complete; an unfinished
one keeps its lines in FILE.partial.
""")
@click.argument("input_file", metavar="IN.jsonl", type=str)
@click.option("-o", "--output", type=str, default=None,
              help="Write here instead of stdout; an existing file needs --force.")
@click.option("--force", is_flag=True, help="Overwrite the -o file if it exists.")
@click.option("--text-field", default="text", show_default=True,
              help="The field holding each record's text.")
@click.option("--id-field", default="id", show_default=True,
              help="The field copied to each output's id.")
@click.option("-n", "--sentences", "count", type=click.IntRange(min=1), default=None,
              help="Sentences per summary [default: 5].")
@algorithm_option()
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0,
              help="Processes to summarize with, this one included, at most 4 per CPU "
                   "[default: 0, one per CPU].")
@click.option("--engine", type=click.Choice(["local", "dask"]), default=None,
              help="Local processes, or a dask.distributed cluster [default: local, or dask "
                   "with --scheduler].")
@click.option("--scheduler", default=None, metavar="ADDRESS", callback=_scheduler_address,
              help="A dask scheduler to use, tcp://HOST:PORT, given up after 10 s without an "
                   "answer (without it, dask starts a local cluster).")
@click.option("--chunk-size", type=click.IntRange(min=1), default=16, show_default=True,
              help="Records sent to a worker at a time.")
@click.option("--no-clean", is_flag=True, help="Rank every line; keep title, teasers, share bars.")
@language_option
def batch(input_file: str, output: str | None, force: bool, text_field: str, id_field: str,
          count: int | None, algorithm: str, jobs: int, engine: str | None,
          scheduler: str | None, chunk_size: int, no_clean: bool, language: str) -> None:
    """Summarize every record of IN.jsonl (a path, or - for stdin), in order.

    Reads one JSON object a line and writes one a line, streaming, with all
    cores by default; bad lines become error objects and the batch goes on.
    """
    from briefer.cli import batch_engine as core
    from briefer.errors import MissingDependency

    if engine is None:
        engine = "dask" if scheduler else "local"
    if engine == "local" and scheduler:
        raise click.UsageError("--scheduler needs --engine dask")
    options = core.BatchOptions(text_field=text_field, id_field=id_field, count=count,
                                algorithm=algorithm, clean=not no_clean,
                                language=language.lower())
    if jobs > core.worker_count(jobs):
        click.echo(f"briefer: -j {jobs} is more than {core.MAX_JOBS_PER_CPU} processes per "
                   f"CPU; using {core.worker_count(jobs)}", err=True)
    if output == "":
        raise click.BadParameter("names no file", param_hint="'-o' / '--output'")
    source, size = open_input(input_file)
    target = OutputFile(output, force, source) if output is not None else None
    sink = target.stream if target is not None else sys.stdout.buffer
    sizes: deque[int] = deque()
    lines = _counted(source, sizes)
    total = failed = 0
    results: Any = None
    try:
        with terminate_raises():
            # The engine starts (warms up, forks its workers) before the progress bar
            # starts its thread: a fork copies only the calling thread, and a lock the bar's
            # thread held then would stay held in the worker for ever.
            if engine == "dask":
                results = core.run_dask(lines, options, scheduler=scheduler, jobs=jobs,
                                        chunk_size=chunk_size)
            else:
                results = core.run_local(lines, options, jobs=jobs, chunk_size=chunk_size,
                                         process_ends=True)
            with progress("summarizing", size) as advance:
                for result in results:
                    sink.write(result.line)
                    total += 1
                    failed += result.failed
                    advance(sizes.popleft() if sizes else 0)
            # End the engine here, whatever ended the loop (Ctrl-C while writing, a closed
            # pipe): left to the collector, a dask cluster could close at interpreter exit,
            # printing its own errors.
            results.close()
            sink.flush()
            if target is not None:
                target.finish()
    except (MissingDependency, core.EngineError) as err:
        raise InputFailure(str(err) + _kept(target, total)) from None
    except Terminated:
        click.echo(f"briefer: terminated (SIGTERM) after {total} line{'s' * (total != 1)}"
                   + _kept(target, total), err=True)
        sys.exit(143)
    except KeyboardInterrupt:
        if note := _kept(target, total):
            click.echo("briefer: interrupted" + note, err=True)
        raise
    finally:
        if results is not None:
            with core.interrupts_held():
                results.close()
        if target is not None:
            target.abandon()
        else:
            sink.flush()
        if input_file != "-":
            source.close()
    click.echo(f"briefer: {total} line{'s' * (total != 1)}, {failed} failed", err=True)
    if failed:
        sys.exit(1)


class Terminated(BaseException):
    """SIGTERM arrived: the batch ends as after Ctrl-C, with exit status 143 (128 + 15).

    A BaseException, as KeyboardInterrupt is, so that no ``except Exception`` on the way
    (a record's own error object, say) takes it for a failed record.
    """


@contextmanager
def terminate_raises() -> Iterator[None]:
    """SIGTERM raises :class:`Terminated` in the body, so the batch ends its workers and
    keeps the lines written so far; by default it would kill this process alone, leaving
    the workers to run on with the caller's pipes."""
    def raise_terminated(signum: int, frame: object) -> None:
        raise Terminated

    try:
        previous = signal.signal(signal.SIGTERM, raise_terminated)
    except ValueError:  # not the main thread: signals are not ours to take
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _kept(target: OutputFile | None, total: int) -> str:
    """Where the lines of an unfinished batch are, for its last message."""
    if target is None:
        return ""
    target.abandon()
    if target.partial is None:
        return ""
    return (f"; {target.name} was not written, the {total} line{'s' * (total != 1)} done "
            f"are in {target.partial}")


def open_input(name: str) -> tuple[IO[bytes], int | None]:
    """The input as a binary stream, and its size in bytes when it is a regular file.

    Opened as every input is (:func:`briefer.ingest.open_input`): devices are refused and a
    named pipe cannot hang the open; lines are read with a bound (:func:`_counted`).
    """
    from briefer.ingest import STDIN_NAME, InputError
    from briefer.ingest import open_input as open_file

    if name == "-":
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:
            raise InputFailure(f"{STDIN_NAME}: standard input is closed")
        return stream, None
    try:
        handle = open_file(name, max_bytes=None)
    except InputError as err:
        raise InputFailure(str(err)) from None
    info = os.fstat(handle.fileno())
    return handle, info.st_size if stat.S_ISREG(info.st_mode) else None


class OutputFile:
    """``-o NAME``, written under a name of its own and put in NAME's place once complete.

    So a batch that does not finish (Ctrl-C, SIGTERM, a worker killed) never leaves a NAME
    that looks complete, nor destroys the file NAME was (``--force``): its lines are kept in
    ``NAME.partial`` (or ``NAME.2.partial``..., never over a file that exists), for a rerun
    of the rest.  An existing NAME needs ``force`` and must not be the input; a NAME that is
    not a regular file (``-o /dev/stdout --force``, a named pipe) is written in place.

    A file that exists is overwritten in place when the batch is complete (its bytes copied
    from the partial file), so it keeps its owner, mode and hard links, as a shell's ``>``
    would; a symbolic link is written through, a dangling one creating its target.  Where
    NAME's folder takes no new file (but the file itself may be written), the partial file
    is made in the system's temporary folder instead; where it takes no hard link (FAT, some
    network shares), a new NAME is made by copying.
    """

    def __init__(self, name: str, force: bool, source: IO[bytes]) -> None:
        self.name = name
        self.force = force
        self.partial: str | None = None
        self.stream: IO[bytes] | None = None
        self.path = path = name
        self.exists = False  # NAME is a regular file now: overwrite it in place at the end
        if os.path.lexists(name):
            same = (isinstance(source, io.FileIO) and os.path.exists(name)
                    and os.path.samefile(name, source.fileno()))
            if same:
                raise RefusedOutput(f"refusing to write {name}: it is the input file")
            if not force:
                raise RefusedOutput(f"refusing to overwrite {name}: it exists (use --force)")
            path = os.path.realpath(name)  # a link is written through
            try:
                mode = os.stat(path).st_mode
            except FileNotFoundError:
                mode = None  # a dangling link: its target is made, as a new file
            except OSError as err:
                raise InputFailure(f"cannot write {name}: {err.strerror or err}") from None
            if mode is not None and not stat.S_ISREG(mode):
                self.stream = self._open(path, "wb")
                return
            self.exists = mode is not None
            if self.exists and not os.access(path, os.W_OK):
                raise InputFailure(f"cannot write {name}: permission denied")
        self.path = path
        try:
            self.stream, self.partial = _partial_beside(path)
        except PermissionError:
            if not self.exists or not os.access(path, os.W_OK):
                raise InputFailure(f"cannot write {name}: permission denied") from None
            import tempfile

            fd, partial = tempfile.mkstemp(prefix=os.path.basename(path) + ".",
                                           suffix=".partial")
            self.stream, self.partial = os.fdopen(fd, "wb"), partial
        except OSError as err:
            raise InputFailure(f"cannot write {name}: {err.strerror or err}") from None

    def _open(self, path: str, mode: str) -> IO[bytes]:
        try:
            return open(path, mode)  # noqa: SIM115 - closed by close()
        except OSError as err:
            raise InputFailure(f"cannot write {self.name}: {err.strerror or err}") from None

    def finish(self) -> None:
        """The batch is complete: the lines take NAME (an existing file only with force)."""
        self.close()
        partial, self.partial = self.partial, None
        if partial is None:
            return
        try:
            if self.exists:
                _copy_over(partial, self.path, "r+b")  # the same file, its mode and links
            else:
                try:
                    os.link(partial, self.path)  # fails if NAME appeared meanwhile
                except FileExistsError:
                    raise
                except OSError:  # no hard links here (FAT, SMB): a new file, by copying
                    _copy_over(partial, self.path, "xb")
            os.unlink(partial)
        except FileExistsError:
            self.partial = partial
            raise RefusedOutput(f"refusing to overwrite {self.name}: it appeared while the "
                                f"batch ran; the lines are in {partial}") from None
        except OSError as err:
            self.partial = partial
            raise InputFailure(f"cannot write {self.name}: {err.strerror or err}; the lines "
                               f"are in {partial}") from None

    def close(self) -> None:
        stream, self.stream = self.stream, None
        if stream is not None:
            stream.close()

    def abandon(self) -> None:
        """Close without renaming: an unfinished batch's lines stay in the partial file,
        which is removed if it holds none (the engine did not start, say)."""
        try:
            self.close()
        except OSError:
            pass
        try:
            if self.partial is not None and os.path.getsize(self.partial) == 0:
                os.unlink(self.partial)
                self.partial = None
        except OSError:
            pass


def _partial_beside(path: str) -> tuple[IO[bytes], str]:
    """A new file ``PATH.partial`` (or ``PATH.2.partial``, ...: never one that exists)."""
    for k in range(1, 100):
        partial = f"{path}.partial" if k == 1 else f"{path}.{k}.partial"
        try:
            return open(partial, "xb"), partial  # noqa: SIM115 - closed by OutputFile.close()
        except FileExistsError:
            continue
    raise FileExistsError(0, f"{path}.partial and 98 more exist (remove them)")


def _copy_over(source: str, target: str, mode: str) -> None:
    """``source``'s bytes into ``target``, opened with ``mode`` ("r+b": an existing file,
    cut to the new length after; "xb": a new one)."""
    import shutil

    with open(source, "rb") as src, open(target, mode) as dst:
        shutil.copyfileobj(src, dst, 1 << 20)
        dst.truncate()


def _counted(source: IO[bytes], sizes: deque[int]) -> Iterator[Any]:
    """The lines of ``source`` (each read with a bound), noting sizes for the progress bar."""
    from briefer.ingest import LongLine, read_lines

    for line in read_lines(source):
        sizes.append(line.size if isinstance(line, LongLine) else len(line))
        yield line


class progress:  # noqa: N801 - a context manager, named like one
    """A transient progress bar on stderr when it is a terminal; a no-op elsewhere.

    ``total`` is in the unit ``advance(amount)`` counts (bytes, documents), or None when
    unknown; ``label`` names the work.  Entering gives ``advance(amount, items=1)``, and the
    bar shows how many items (``noun``) are done.
    """

    def __init__(self, label: str, total: int | None, noun: str = "lines") -> None:
        self.label = label
        self.total = total
        self.noun = noun
        self.bar: Any = None

    def __enter__(self) -> Any:
        if not sys.stderr.isatty():
            return lambda amount, items=1: None
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

        self.bar = Progress(self.label, BarColumn(),
                            TextColumn("{task.fields[count]} " + self.noun),
                            TimeElapsedColumn(), console=make_console(stderr=True),
                            transient=True)
        self.bar.start()
        task = self.bar.add_task(self.label, total=self.total, count=0)
        done = 0

        def advance(amount: int, items: int = 1) -> None:
            nonlocal done
            done += items
            self.bar.update(task, advance=amount, count=done)

        return advance

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()
