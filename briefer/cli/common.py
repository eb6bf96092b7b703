"""What the subcommands share: the output-format rule, printing, and input errors as exits."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import click

from briefer.render import FORMATS

format_option = click.option(
    "-f", "--format", "fmt", type=click.Choice(FORMATS, case_sensitive=False), default=None,
    help="Output format. Default: rich on a terminal, markdown in a pipe.",
)


def language_option(func: Callable[..., Any]) -> Any:
    """``--language auto|en|es|pt|fr|de|it``: the texts' language, or auto to detect it."""
    from briefer.language import AUTO, LANGUAGE_CHOICES

    return click.option(
        "--language", type=click.Choice(LANGUAGE_CHOICES, case_sensitive=False), default=AUTO,
        show_default=True,
        help="Language of the text (English, Spanish, Portuguese, French, German, Italian); "
             "auto detects it per text.",
    )(func)


def algorithm_option(default_help: str = "") -> Callable[[Callable[..., Any]], Any]:
    """``-a/--algorithm`` with the registry's names as choices (no ranker is imported)."""
    from briefer.rank import DEFAULT_ALGORITHM, algorithm_names

    return click.option(
        "-a", "--algorithm", type=click.Choice(algorithm_names(), case_sensitive=False),
        default=DEFAULT_ALGORITHM, show_default=True,
        help="Sentence ranker." + default_help,
    )


def resolve_format(fmt: str | None) -> str:
    """The explicit format, else rich on a terminal and markdown anywhere else."""
    if fmt:
        return fmt.lower()
    return "rich" if sys.stdout.isatty() else "markdown"


def make_console(stderr: bool = False) -> Any:
    """A rich Console; colour only on a terminal, never with NO_COLOR set."""
    from rich.console import Console

    return Console(stderr=stderr, no_color=bool(os.environ.get("NO_COLOR")) or None,
                   highlight=False, emoji=False, markup=False, width=usable_width(stderr))


#: Narrower than this, a width (``COLUMNS=0``, a broken terminal) is taken as unknown.
MIN_WIDTH = 20


def usable_width(stderr: bool = False) -> int | None:
    """None (rich decides) unless ``COLUMNS`` names a width too narrow to print in, which
    rich would obey (``COLUMNS=0`` printed nothing): then the terminal's own width, else 80."""
    columns = os.environ.get("COLUMNS", "")
    if not columns.isdigit() or int(columns) >= MIN_WIDTH:
        return None
    try:
        real = os.get_terminal_size((sys.stderr if stderr else sys.stdout).fileno()).columns
    except (OSError, ValueError, AttributeError):
        real = 0
    return real if real >= MIN_WIDTH else 80


def emit(fmt: str, renderers: dict[str, Callable[..., Any]], *what: Any) -> None:
    """Render ``what`` in ``fmt`` (with a table from :func:`briefer.cli.renderers.renderers`)
    and write it to stdout."""
    out = renderers[fmt](*what)
    if fmt == "rich":
        make_console().print(out)
    else:
        sys.stdout.write(out)
        sys.stdout.flush()


class InputFailure(click.ClickException):
    """A bad input: exit code 1 and one line on stderr naming the source."""

    exit_code = 1

    def show(self, file: Any = None) -> None:
        click.echo(f"briefer: {self.format_message()}", file=file, err=file is None)


def read_document(name: str, *, clean: bool = True, language: str = "auto",
                  timeout: float | None = None) -> Any:
    """Read one text (summarize, sentences) and :func:`checked` it."""
    from briefer import api

    return checked(api.read(name, clean=clean, language=language, timeout=timeout))


def checked(doc: Any) -> Any:
    """A read document as the commands take it: its notes (bytes replaced, ...) on stderr,
    and a text with no sentences at all an :class:`~briefer.ingest.InputError` like an empty
    file, so "nothing to summarize" always exits 1, whatever made it nothing."""
    from briefer.ingest import InputError

    for note in doc.notes:
        click.echo(f"briefer: note: {note}", err=True)
    if not doc.sentences:
        raise InputError(f"{doc.source}: no sentences found (only punctuation, symbols or "
                         f"boilerplate)")
    return doc


@contextmanager
def long_lived_objects() -> Iterator[None]:
    """Run a brief with the cyclic garbage collector tuned for objects that live long.

    A brief makes hundreds of thousands of small tuples (a token per word, mentions, views)
    that live until it is rendered and form no cycles.  With CPython's default thresholds the
    collector scans the young ones every 700 allocations and, as they pile up, the whole heap
    again and again: 13 % of a 1 MB brief's time, for no garbage.  So, in the spirit of
    mypy's ``tune_gc`` (which sets 200,000, 30, 30 for a whole run), the first threshold is
    raised to 1,000,000 while the brief runs, and what start-up imported is frozen out of the
    scans (``gc.freeze``).  Cyclic garbage is still collected, every million allocations
    (net of the objects freed) instead of 700, so memory stays bounded: a 1 MB brief leaves
    about 300 objects in cycles, and a million container objects is some 100 MB at worst.
    100,000 cost 30 collections and about 0.04 s of CPU more in a 1 MB brief (1.54 against
    1.50 s, median of 6 alternating runs).  The thresholds are restored and the frozen objects
    unfrozen afterwards.  What the brief made is frozen too before the thresholds go back,
    so it joins the oldest generation when unfrozen: otherwise the first young collection
    after the brief (due within 700 allocations) would traverse everything made since the
    last one, up to a million objects that live on (0.012 s at the end of a 1 MB brief).
    """
    import gc

    before = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(1_000_000, 50, 100)
    try:
        yield
    finally:
        gc.freeze()
        gc.set_threshold(*before)
        gc.unfreeze()


def end_process() -> None:
    """End the process here, exit status 0, when the command is the whole process
    (:data:`briefer.cli.WHOLE_PROCESS`) and its output is written; else return.

    What a brief made (a megabyte's 176,000 tokens, its views, mentions and rows: 700,000
    objects) would otherwise be freed object by object only for the process to end, which
    returns all the memory anyway: 0.025 s of a 1 MB brief for the plan alone, and the
    interpreter's teardown of its modules besides.  mypy ends the same way for the same
    reason (``--fast-exit``, its default: ``util.hard_exit``).  Standard output and error
    are flushed first; a failure to write is raised as any write's, and the command ends
    as it would have (:meth:`briefer.cli.LazyGroup.main`).  No exit handler of briefer's
    own is skipped: a command that leaves work for one (a temporary file, a thread) must
    not call this.
    """
    from briefer.cli import WHOLE_PROCESS

    if click.get_current_context().obj != WHOLE_PROCESS:
        return
    if sys.stdout is not None:
        sys.stdout.flush()
    try:
        if sys.stderr is not None:
            sys.stderr.flush()
    except (OSError, ValueError):
        pass
    os._exit(0)


@contextmanager
def input_errors() -> Iterator[None]:
    """Turn the core's input and template errors into :class:`InputFailure`."""
    from briefer.errors import TemplateError
    from briefer.ingest import InputError

    try:
        yield
    except (InputError, TemplateError) as err:
        raise InputFailure(str(err)) from None


def timeout_option(func: Callable[..., Any]) -> Any:
    """``--timeout`` for commands that may fetch a URL (the total deadline per URL)."""
    from briefer.ingest import DEFAULT_TIMEOUT

    return click.option(
        "--timeout", type=click.FloatRange(0, min_open=True), default=DEFAULT_TIMEOUT,
        show_default=True, metavar="SECONDS",
        help="Give up on a URL (or a feed item's page) after this long in all.")(func)


@dataclass(frozen=True)
class Inputs:
    """What the FILE... of a multi-document command gave: its documents, the title of the
    whole when it was one feed (a brief of a feed is headed by the feed's name, not "Brief
    of 40 texts"), and, when reading kept going past names that failed, why they failed."""

    documents: tuple[Any, ...]
    title: str | None = None
    errors: tuple[str, ...] = ()


def read_inputs(names: Sequence[str], *, clean: bool = True, language: str, timeout: float,
                fetch: bool = True, keep_going: bool = False) -> Inputs:
    """Documents for the FILE... of a multi-document command (brief, entities, tui):
    folders expanded, URLs fetched, feeds replaced by their items.

    A name that cannot be read at all is an :class:`InputError` (exit 1), unless
    ``keep_going`` (the reader, which shows what failed beside what opened): then it is
    one of ``errors``, as a feed item that fails always is.  Without ``keep_going`` a
    failed feed item, or a file found in a folder that is empty, binary or unreadable,
    is one line on stderr and is left out, and the rest are briefed: one bad file must
    not cost the brief of a folder of thousands.  Only if nothing at all is left is it
    an error.  A file named on the command line is still an error of its own.
    """
    from briefer.feeds import read_input
    from briefer.ingest import InputError, expand_folders

    documents: list[Any] = []
    titles: list[str | None] = []
    errors: list[str] = []
    left_out = 0

    def failed(err: InputError, found_in_folder: bool) -> None:
        nonlocal left_out
        if keep_going:
            errors.append(str(err))
        elif found_in_folder:
            click.echo(f"briefer: {err} (left out)", err=True)
            left_out += 1
        else:
            raise err

    for given in names:
        expanded = expand_folders([given])
        found_in_folder = expanded != [given]
        for name in expanded:
            with status(f"reading {name}"):
                try:
                    got = read_input(name, clean=clean, language=language, timeout=timeout,
                                     fetch=fetch)
                except InputError as err:
                    failed(err, found_in_folder)
                    continue
            if keep_going:
                errors.extend(got.errors)
            for error in () if keep_going else got.errors:
                click.echo(f"briefer: {error} (left out)", err=True)
            for doc in got.documents:
                try:
                    documents.append(checked(doc))
                except InputError as err:
                    failed(err, found_in_folder)
            titles.append(got.title)
    if not documents and left_out:
        raise InputError(f"nothing left to read: all {left_out} file(s) found in the "
                         f"folder(s) given were left out")
    return Inputs(tuple(documents), titles[0] if len(titles) == 1 else None, tuple(errors))


@contextmanager
def status(message: str) -> Iterator[None]:
    """A spinner on stderr while long work runs, only when stderr is a terminal.

    ``message`` may quote a name from outside (a file found in a folder), so it is
    neutralised and shown as plain text, never read as rich markup.
    """
    if not sys.stderr.isatty():
        yield
        return
    from rich.text import Text

    from briefer.untrusted import neutralise_message

    with make_console(stderr=True).status(Text(neutralise_message(message))):
        yield
