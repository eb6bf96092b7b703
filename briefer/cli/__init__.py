"""The ``briefer`` command: a click group whose subcommands load only when called.

``briefer --help`` must stay instant, so each subcommand lives in its own module, imported on
first use (click's documented lazy-group pattern); the modules themselves import the core, and
the core imports rankers, sumy, nltk or textual only inside the functions that need them.

The group also owns how every command ends (:meth:`LazyGroup.main`), so the console script
and in-process tests (``CliRunner``) behave the same:

- every error message is neutralised before it is printed (it may quote a file name or an
  argument; :mod:`briefer.untrusted`);
- Ctrl-C exits 130, the shell convention for SIGINT, quietly;
- a reader that closes the pipe early (``| head``) ends the command quietly with status 0,
  whichever command and whenever the pipe closes (during the work, or in the last flush);
- standard output that cannot be written (``> /dev/full``, closed with ``>&-``) is one line on
  stderr and status 1, never a traceback.
"""

from __future__ import annotations

import errno
import importlib
import io
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click

from briefer import __version__

COMMANDS: dict[str, tuple[str, str]] = {
    "summarize": ("briefer.cli.summarize:summarize", "Pick a text's best sentences."),
    "brief": ("briefer.cli.brief:brief", "Make a sectioned brief of one or more texts."),
    "sentences": ("briefer.cli.sentences:sentences", "Split a text into sentences."),
    "entities": ("briefer.cli.entities:entities", "List who and where a text names."),
    "templates": ("briefer.cli.brief:templates", "List the brief templates."),
    "tui": ("briefer.cli.tui:tui", "Read a text and its brief side by side."),
    "batch": ("briefer.cli.batch:batch", "Summarize a JSON-lines file, one record a line."),
    "eval": ("briefer.cli.evaluate:evaluate", "Score rankers with ROUGE against references."),
}


class LazyGroup(click.Group):
    """A group that imports a subcommand's module only when that subcommand runs."""

    def main(self, args: Any = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True,
             **extra: Any) -> Any:
        """Run the command and end as the module docstring says; exits unless
        ``standalone_mode`` is false, when the exit status is returned."""
        _replace_closed_stdout()
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False,
                                  **extra)
            code = result if isinstance(result, int) else 0
        except click.ClickException as err:
            _report(err)
            code = err.exit_code
        except (click.Abort, KeyboardInterrupt):
            code = 130
        except MemoryError:
            _report(OutOfMemory(args))
            code = OutOfMemory.exit_code
        if not standalone_mode:
            return code
        sys.exit(code)

    def make_context(self, info_name: str | None, args: list[str],
                     parent: click.Context | None = None, **extra: Any) -> click.Context:
        with output_guard():  # --help and --version print while the context is made
            return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: click.Context) -> Any:
        with output_guard():
            return super().invoke(ctx)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module_name, _, attr = COMMANDS[cmd_name][0].partition(":")
        return getattr(importlib.import_module(module_name), attr)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """List the subcommands from the table above, so ``--help`` imports none of them."""
        with formatter.section("Commands"):
            formatter.write_dl([(name, short) for name, (_, short) in COMMANDS.items()])


EPILOG = """\b
Examples:
  briefer summarize seeds/venezuela-mexico.txt
  briefer summarize article.html -n 3 -a textrank -f json
  cat article.txt | briefer summarize - --words 80
  briefer brief a.txt b.txt | glow -
  briefer sentences report.txt -f json
  briefer tui seeds/venezuela-mexico.txt

Output is styled on a terminal and plain markdown in a pipe; -f overrides,
NO_COLOR turns colour off. Exit codes: 0 ok (also when a reader closes the pipe), 1 bad
input, 2 bad usage, 130 interrupted (Ctrl-C).
"""


@click.group(cls=LazyGroup, epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="briefer")
def cli() -> None:
    """Turn long text into a short brief you can check line by line.

    Offline and deterministic: every line of a summary or brief cites the
    sentence of the source it came from.
    """


#: ``ctx.obj`` of a command run as the whole process (by the console script and ``python -m
#: briefer``, :mod:`briefer.entry`): it may end the process once its output is written,
#: without freeing what it made (:func:`briefer.cli.common.end_process`).  A command run in
#: a process that goes on (``CliRunner``, a caller of :func:`main`) has no such object.
WHOLE_PROCESS = "briefer: the whole process"


def main(whole_process: bool = False) -> None:
    """Console-script entry point (how it ends: :meth:`LazyGroup.main`); ``whole_process``
    when nothing runs after it (:data:`WHOLE_PROCESS`).

    numpy's OpenBLAS starts a thread per core as it is imported, which costs about 0.06 s
    of CPU on every command that ranks (on top of the import itself), and on a busy machine
    those threads take a core from the work.  briefer's numpy work is counting, sorting and
    indexing (bincount, argsort, reduceat), which BLAS does not thread, and ``batch`` gets
    its parallelism from processes, one per core, that must not each start a pool as well.
    Every ranker gives the same scores to the last bit either way (150 CNN/DM and BBC
    texts and 1 MB).  A value the user set is kept.  Child processes inherit it on
    purpose (review F13; the README says so): batch workers, the reader's ranking child
    (the same BLAS as a ranking in the reader's thread), Dask's workers (its nanny sets the
    same anyway).

    When the command is done, everything it made is frozen out of the garbage collector
    (:func:`gc.freeze`): the interpreter's last collection at exit then skips it instead of
    traversing every object left (the imported modules, the text, its sentences) only for
    the process to end, which returns all the memory anyway.  That collection was 0.014 s
    of the 0.23 s of ``briefer summarize -a lexrank`` on 300 KB.  The output is flushed as
    before (sys.stdout is flushed at exit whatever the collector does; ``-o`` files are
    closed by their commands).
    """
    import gc

    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    try:
        cli.main(prog_name="briefer", obj=WHOLE_PROCESS if whole_process else None)
    finally:
        gc.freeze()


class OutputFailure(click.ClickException):
    """Standard output could not be written: exit 1 and one line on stderr."""

    exit_code = 1

    def show(self, file: Any = None) -> None:
        click.echo(f"briefer: {self.format_message()}", file=file, err=file is None)


class OutOfMemory(click.ClickException):
    """The command ran out of memory (review W4): one line naming the inputs and their size,
    exit 1, never a traceback.  The frames that held the memory are gone by the time it is
    made (the exception was caught in :meth:`LazyGroup.main`), so there is room to print.

    The inputs are the command line's existing files and folders, except an option's value
    (``-o``, ``-t``; which options take none is read from the command's click parameters,
    :func:`_flags`); with none (standard input, a URL) the line names no input.
    """

    exit_code = 1

    def __init__(self, args: Any = None) -> None:
        words = [str(a) for a in (sys.argv[1:] if args is None else args)]
        flags = _flags(words)
        inputs: list[str] = []
        size = 0
        for before, word in zip(["", *words[:-1]], words, strict=True):
            if word.startswith("-") or (before.startswith("-") and "=" not in before
                                        and before not in flags):
                continue
            got = _size_of(word)
            if got is not None:
                inputs.append(word)
                size += got
        where = (f" ({', '.join(inputs)}, {size / 1e6:,.1f} MB)" if inputs else "")
        super().__init__(f"out of memory{where}; try a smaller input or split it")

    def show(self, file: Any = None) -> None:
        click.echo(f"briefer: {self.format_message()}", file=file, err=file is None)


def _flags(words: list[str]) -> frozenset[str]:
    """The options of the group and of the command named in ``words`` that take no value
    (flags, counts, help), so the word after one may be an input."""
    name = next((word for word in words if not word.startswith("-")), None)
    params = list(cli.params)
    if name in COMMANDS:
        command = cli.get_command(click.Context(cli), name)
        params += command.params if command is not None else []
    names = {"-h", "--help"}
    for param in params:
        if isinstance(param, click.Option) and (param.is_flag or param.count):
            names.update(param.opts + param.secondary_opts)
    return frozenset(names)


def _size_of(name: str) -> int | None:
    """The bytes of a file, or of a folder's own files; None if ``name`` is neither."""
    try:
        if os.path.isfile(name):
            return os.path.getsize(name)
        if os.path.isdir(name):
            return sum(e.stat().st_size for e in os.scandir(name) if e.is_file())
    except OSError:
        return None
    return None


# Errors that mean "the output cannot be written" rather than a bug in a command.
_WRITE_ERRORS = frozenset({errno.ENOSPC, errno.EBADF, errno.EIO, errno.EFBIG, errno.EDQUOT,
                           errno.EROFS, errno.EINVAL})


@contextmanager
def output_guard() -> Iterator[None]:
    """Flush standard output at the end, turning a closed pipe into a quiet exit 0 and any
    other write failure into :class:`OutputFailure`."""
    try:
        try:
            yield
        finally:
            if sys.stdout is not None:
                sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        raise click.exceptions.Exit(0) from None
    except OSError as err:
        if err.errno not in _WRITE_ERRORS:
            raise
        _silence_stdout()
        raise OutputFailure(f"cannot write output: {err.strerror or err}") from None


def _report(err: click.ClickException) -> None:
    """Show a click error (usage text and all) with everything it quotes neutralised."""
    from briefer.untrusted import neutralise_message

    if sys.stderr is None:
        return
    buffer = io.StringIO()
    err.show(file=buffer)
    try:
        sys.stderr.write(neutralise_message(buffer.getvalue()))
        sys.stderr.flush()
    except OSError:
        pass


def _silence_stdout() -> None:
    """After a failed write, send what is still buffered nowhere, so the interpreter's last
    flush at exit cannot fail again (and print "Exception ignored ...")."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        sys.stdout = None


class _ClosedOutput(io.TextIOBase):
    """What standard output is when the shell closed it (``>&-``): every write fails."""

    def __init__(self) -> None:
        super().__init__()
        self.buffer = _ClosedBinary()

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")


class _ClosedBinary(io.RawIOBase):
    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        raise OSError(errno.EBADF, "standard output is closed")


def _replace_closed_stdout() -> None:
    """Python gives ``sys.stdout = None`` when file descriptor 1 is closed; a stream that
    fails on write makes that one clear error instead of a traceback or silence."""
    if sys.stdout is None:
        sys.stdout = _ClosedOutput()
