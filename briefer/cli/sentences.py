"""``briefer sentences``: the splitter on its own, for checking and for other tools."""

from __future__ import annotations

import click

from briefer.cli.common import (
    emit,
    format_option,
    input_errors,
    language_option,
    read_document,
    resolve_format,
    timeout_option,
)
from briefer.cli.renderers import renderers


@click.command(epilog="""\b
Examples:
  briefer sentences article.txt
  briefer sentences article.txt -f json | jq '.sentences[0]'
  briefer sentences --no-clean notes.txt -f text | wc -l
  briefer sentences artikel.txt --language de
""")
@click.argument("file", type=str)
@click.option("--no-clean", is_flag=True,
              help="Split the text as it is: keep title, teasers and share bars.")
@language_option
@timeout_option
@format_option
def sentences(file: str, no_clean: bool, language: str, timeout: float,
              fmt: str | None) -> None:
    """Print the sentences of FILE (a path, an http(s) URL, or - for stdin), one
    a line.

    -f json gives each sentence's number and character offsets into the input.
    """

    fmt = resolve_format(fmt)
    with input_errors():
        doc = read_document(file, clean=not no_clean, language=language, timeout=timeout)
    # In a pipe (markdown) the table prints one sentence a line, not a numbered list.
    emit(fmt, renderers("sentences"), doc)
