"""``briefer tui``: read texts and their brief side by side, interactively.

Textual is imported inside the command only, so listing or running the other commands never
loads it.  Files are read before the UI starts: a clear error and exit 1 when none can be
read, a notification in the app for each one that cannot when others can.
"""

from __future__ import annotations

import os
import sys

import click

from briefer.cli.common import (
    InputFailure,
    algorithm_option,
    language_option,
    read_inputs,
    timeout_option,
)


def stdin_is_piped() -> bool:
    """Whether text may be waiting on standard input (anything but a terminal)."""
    stream = sys.stdin
    return stream is not None and not stream.isatty()


def stdout_is_terminal() -> bool:
    """Whether the UI has a terminal to draw on."""
    stream = sys.stdout
    return stream is not None and stream.isatty()


def reattach_terminal() -> None:
    """Make the terminal standard input again after piped input was read to its end.

    The UI reads keys from file descriptor 0; with ``cat article.txt | briefer tui`` that is
    the exhausted pipe.  toolong's answer, which we copy: read the pipe first, then open
    ``/dev/tty`` and put it where the pipe was.
    """
    try:
        fd = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        raise InputFailure("<stdin>: read, but there is no terminal (/dev/tty) to take keys "
                           "from; use `briefer brief -` in a pipe") from None
    try:
        os.dup2(fd, 0)
    finally:
        os.close(fd)


@click.command(epilog="""\b
Examples:
  briefer tui seeds/venezuela-mexico.txt
  briefer tui a.txt b.html -t news -a textrank
  briefer tui reports/              # every .txt, .md and .html file in the folder
  cat article.txt | briefer tui
  curl -s URL | briefer tui - -n 8
  briefer tui report.html --theme textual-light

\b
In the app: ? help, q quit, +/- length, p pin, d drop, a algorithm,
t template, / search, o open, e export, c copy, L light/dark.
See docs/tui.md.
""")
@click.argument("files", nargs=-1, type=str, metavar="[FILE]...")
@click.option("-t", "--template", default="auto", show_default=True,
              help="Brief template: a name from `briefer templates`, or a .toml file.")
@algorithm_option()
@click.option("-n", "--sentences", "count", type=click.IntRange(min=1), default=None,
              help="How many sentences the brief starts with [default: the template's].")
@language_option
@timeout_option
@click.option("--no-fetch", is_flag=True,
              help="For a feed, read the text the feed carries instead of each item's page.")
@click.option("--theme", metavar="NAME", envvar="TEXTUAL_THEME", default="textual-dark",
              show_default=True, help="Colour theme: textual-dark, textual-light or another "
              "of Textual's (also $TEXTUAL_THEME; L switches light/dark in the app).")
def tui(files: tuple[str, ...], template: str, algorithm: str, count: int | None,
        language: str, timeout: float, no_fetch: bool, theme: str) -> None:
    """Read FILE... and its brief side by side, in the terminal.

    The source shows which sentences the brief took, tinted by section; the
    brief shows where each line came from. Change the length, ranker and
    template live, pin or drop sentences by hand, search, export and copy.

    FILE is a path, a folder (its text and HTML files), an http(s) URL, a feed
    (its items become the file list), or - (or nothing) for text piped on
    standard input.
    """
    names = list(files) or (["-"] if stdin_is_piped() else [])
    if not names:
        raise click.UsageError("give a FILE to read, or pipe text in: cat article.txt | "
                               "briefer tui")
    if names.count("-") > 1:
        raise click.UsageError("standard input (-) can be read only once")
    from briefer.ingest import InputError

    try:
        inputs = read_inputs(names, language=language, timeout=timeout, fetch=not no_fetch,
                             keep_going=True)
    except InputError as err:  # a folder that cannot be listed or holds no text
        raise InputFailure(str(err)) from None
    errors = list(inputs.errors)
    if not inputs.documents:
        for error in errors[:-1]:
            click.echo(f"briefer: {error}", err=True)
        raise InputFailure(errors[-1])
    if template != "auto":
        from briefer.brief import TemplateError, load_template

        try:
            load_template(template)
        except TemplateError as err:
            raise InputFailure(str(err)) from None
    from textual.theme import BUILTIN_THEMES

    if theme not in BUILTIN_THEMES:
        raise click.BadParameter(f"no theme {theme!r}; choose from "
                                 f"{', '.join(sorted(BUILTIN_THEMES))}", param_hint="--theme")
    if not stdout_is_terminal():
        raise InputFailure("the reader needs a terminal, and standard output is not one; "
                           "use `briefer brief` in a pipe")
    if "-" in names:
        reattach_terminal()
    from briefer.tui.app import make_app

    app = make_app(list(inputs.documents), template=template, algorithm=algorithm,
                   count=count, errors=errors, theme=theme, title=inputs.title)
    app.run()
    if app.return_code:  # Textual sets 1 when the app ended on an unhandled error
        sys.exit(app.return_code)
