"""``briefer summarize``: a text's best sentences, in source order."""

from __future__ import annotations

import math

import click

from briefer.cli.common import (
    algorithm_option,
    emit,
    format_option,
    input_errors,
    language_option,
    read_document,
    resolve_format,
    status,
    timeout_option,
)
from briefer.cli.renderers import renderers


class Fraction(click.FloatRange):
    """A number in (0, 1]; unlike ``FloatRange`` it refuses ``nan`` (every comparison with NaN
    is false, so a range check alone lets it through)."""

    def __init__(self) -> None:
        super().__init__(0, 1, min_open=True)

    def convert(self, value: object, param: click.Parameter | None,
                ctx: click.Context | None) -> float:
        number = super().convert(value, param, ctx)
        if math.isnan(number):
            self.fail(f"{value!r} is not a number between 0 and 1", param, ctx)
        return number


@click.command(epilog="""\b
Examples:
  briefer summarize seeds/venezuela-mexico.txt
  briefer summarize article.html -n 3 -a textrank
  briefer summarize report.txt --ratio 0.1 -f json
  briefer summarize noticia.txt --language es
  curl -s URL | briefer summarize - --words 100
  briefer summarize https://example.com/story.html --timeout 10
""")
@click.argument("file", type=str)
@click.option("-n", "--sentences", "count", type=click.IntRange(min=1), default=None,
              help="How many sentences to keep [default: 5].")
@click.option("--ratio", type=Fraction(), default=None,
              help="Keep this fraction of the sentences instead (0-1).")
@click.option("--words", type=click.IntRange(min=1), default=None,
              help="Keep the best sentences that fit this many words instead.")
@click.option("--no-clean", is_flag=True, help="Rank every line; keep title, teasers, share bars.")
@algorithm_option()
@language_option
@timeout_option
@format_option
def summarize(file: str, count: int | None, ratio: float | None, words: int | None,
              no_clean: bool, algorithm: str, language: str, timeout: float,
              fmt: str | None) -> None:
    """Print the best sentences of FILE (a path, an http(s) URL, or - for stdin) in
    source order.

    FILE may be plain text in any common encoding or an HTML page. Each sentence
    cites its number in the source ([3]); -f json adds character offsets.
    """
    if sum(x is not None for x in (count, ratio, words)) > 1:
        raise click.UsageError("use only one of -n/--sentences, --ratio and --words")
    from briefer import api

    fmt = resolve_format(fmt)
    with input_errors():
        doc = read_document(file, clean=not no_clean, language=language, timeout=timeout)
        with status(f"ranking {len(doc.sentences)} sentences with {algorithm}"):
            summary = api.summarize(doc, count=count, ratio=ratio, words=words,
                                    algorithm=algorithm)
    emit(fmt, renderers("summary"), summary)
