"""The ``briefer`` command: a click group whose subcommands load only when called.

``briefer --help`` must stay instant, so each subcommand lives in its own module, imported on
first use (click's documented lazy-group pattern); the modules themselves import the core, and
the core imports rankers, sumy, nltk or textual only inside the functions that need them.
"""

from __future__ import annotations

import importlib
import os
import sys

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
NO_COLOR turns colour off. Exit codes: 0 ok, 1 bad input, 2 bad usage.
"""


@click.group(cls=LazyGroup, epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="briefer")
def cli() -> None:
    """Turn long text into a short brief you can check line by line.

    Offline and deterministic: every line of a summary or brief cites the
    sentence of the source it came from.
    """


def main() -> None:
    """Console-script entry point: run the CLI, ending quietly on a closed pipe or Ctrl-C."""
    try:
        cli.main(prog_name="briefer")
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(0)
    except KeyboardInterrupt:
        sys.exit(130)


def _silence_stdout() -> None:
    """After ``| head`` closes the pipe, send what is still buffered nowhere, quietly."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
