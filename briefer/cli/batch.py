"""``briefer batch``: summarize a JSON-lines file, one output line per input line."""

from __future__ import annotations

import io
import os
import stat
import sys
from collections import deque
from collections.abc import Iterator
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
input file), 2 bad usage, 130 interrupted (Ctrl-C; the lines written so far
are kept).
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
              help="Processes to summarize with, this one included [default: 0, one per CPU].")
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
    source, size = open_input(input_file)
    sink = open_output(output, force, source)
    sizes: deque[int] = deque()
    lines = _counted(source, sizes)
    if engine == "dask":
        results = core.run_dask(lines, options, scheduler=scheduler, jobs=jobs,
                                chunk_size=chunk_size)
    else:
        results = core.run_local(lines, options, jobs=jobs, chunk_size=chunk_size)
    total = failed = 0
    try:
        with progress("summarizing", size) as advance:
            for result in results:
                sink.write(core.result_line(result))
                total += 1
                failed += "error" in result
                advance(sizes.popleft() if sizes else 0)
    except (MissingDependency, core.EngineError) as err:
        raise InputFailure(str(err)) from None
    finally:
        # End the engine here, whatever ended the loop (Ctrl-C while writing, a closed
        # pipe): left to the collector, a dask cluster could close at interpreter exit,
        # printing its own errors.
        results.close()
        sink.flush()
        if output is not None:
            sink.close()
        if input_file != "-":
            source.close()
    click.echo(f"briefer: {total} line{'s' * (total != 1)}, {failed} failed", err=True)
    if failed:
        sys.exit(1)


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


def open_output(name: str | None, force: bool, source: IO[bytes]) -> IO[bytes]:
    """stdout, or a new file; an existing one only with ``force``, never the input itself."""
    if name is None:
        return sys.stdout.buffer
    if os.path.lexists(name):
        same = (isinstance(source, io.FileIO) and os.path.exists(name)
                and os.path.samefile(name, source.fileno()))
        if same:
            raise RefusedOutput(f"refusing to write {name}: it is the input file")
        if not force:
            raise RefusedOutput(f"refusing to overwrite {name}: it exists (use --force)")
    try:
        return open(name, "wb" if force else "xb")  # noqa: SIM115 - closed by the caller
    except FileExistsError:
        raise RefusedOutput(f"refusing to overwrite {name}: it exists (use --force)") from None
    except OSError as err:
        raise InputFailure(f"cannot write {name}: {err.strerror or err}") from None


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
