"""``briefer brief`` and ``briefer templates``: sectioned briefs, and the templates they use."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import click

from briefer.cli.common import (
    InputFailure,
    algorithm_option,
    emit,
    end_process,
    format_option,
    input_errors,
    language_option,
    long_lived_objects,
    read_inputs,
    resolve_format,
    timeout_option,
)
from briefer.cli.renderers import renderers


@contextmanager
def brief_progress() -> Iterator[Callable[[str, int, int], None]]:
    """A progress bar on stderr (rich.progress) for the brief's steps, shown only when
    stderr is a terminal and the brief has taken more than half a second; in a pipe the
    callback does nothing, and the bar is gone once the brief is done."""
    import sys

    if not sys.stderr.isatty():
        yield lambda step, done, total: None
        return
    import time

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from briefer.cli.common import make_console

    started = time.monotonic()
    bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                   console=make_console(stderr=True), transient=True)
    task = bar.add_task("briefing", total=None)

    def report(step: str, done: int, total: int) -> None:
        if not bar.live.is_started and time.monotonic() - started > 0.5:
            bar.start()
        bar.update(task, description=step, completed=done, total=total if total > 1 else None)

    try:
        yield report
    finally:
        bar.stop()


@click.command(epilog="""\b
Examples:
  briefer brief seeds/venezuela-mexico.txt
  briefer brief seeds/venezuela-mexico.txt -t seeds/venezuela-mexico.toml
  briefer brief article.html -t news -n 6 -a textrank
  briefer brief a.txt b.html c.txt -f json | jq '.sections[].title'
  briefer brief reports/            # every .txt, .md and .html file in the folder
  curl -s URL | briefer brief - | glow -
  briefer brief https://example.com/news/rss.xml | glow -
  briefer brief saved-feed.xml --no-fetch      # no network at all

\b
Templates: auto (the default) finds sections in the text from the people,
places and organisations it names; `briefer templates` lists the others.
""")
@click.argument("files", nargs=-1, required=True, type=str, metavar="FILE...")
@click.option("-t", "--template", default="auto", show_default=True,
              help="Template: a name from `briefer templates`, a path to a .toml file, "
                   "or auto.")
@click.option("-n", "--sentences", "count", type=click.IntRange(min=1), default=None,
              help="How many items in all, besides the bottom line "
                   "[default: each section's limit].")
@click.option("--no-clean", is_flag=True, help="Use every line; keep title, teasers, share bars.")
@click.option("--no-fetch", is_flag=True,
              help="For a feed, brief the content or summary the feed itself carries "
                   "instead of fetching each item's page.")
@click.option("--memory", type=click.IntRange(min=1), default=None, metavar="MB",
              envvar="BRIEFER_MEMORY", show_envvar=True,
              help="Memory the brief may use, in MB: texts whose brief may need more (reckoned "
                   "at 90 bytes a character and 4.5 KB a sentence) are refused before it "
                   "starts [default: what is available].")
@timeout_option
@algorithm_option()
@language_option
@format_option
def brief(files: tuple[str, ...], template: str, count: int | None, no_clean: bool,
          no_fetch: bool, memory: int | None, timeout: float, algorithm: str, language: str,
          fmt: str | None) -> None:
    """Make one brief of FILE... (paths, folders of text files, http(s) URLs, RSS, Atom
    or JSON feeds, or - for stdin): a bottom line, sections, key quotes, and who and
    where.

    A feed stands for its items: each item's page is fetched (8 at a time), or
    with --no-fetch the feed's own text is used; an item that fails is named on
    stderr and left out. Nothing is fetched unless FILE is a URL or a feed.
    A file found in a folder that is empty or not text is left out the same
    way; one named on the command line is an error.

    Each item cites its source sentence ([3], or [file:3] with several files);
    a sentence two texts share is kept once and cites both. -f json adds
    character offsets.

    A brief of news needs about 80 bytes of memory per character (10 MB of
    text, 0.8 GB). Texts that may need more than is available are refused
    before the brief starts: the check reckons 90 bytes a character and 4.5 KB
    a sentence, above every text measured (--memory sets what is available).
    """
    if files.count("-") > 1:
        raise click.UsageError("standard input (-) can be read only once")
    from briefer.brief import load_template, make_brief, plan_brief
    from briefer.cli.memory import check

    fmt = resolve_format(fmt)
    with input_errors(), long_lived_objects():
        chosen = load_template(template)
        inputs = read_inputs(files, clean=not no_clean, language=language, timeout=timeout,
                             fetch=not no_fetch)
        too_big = check(files, [doc.text for doc in inputs.documents],
                        None if memory is None else memory * 1_000_000)
        if too_big is not None:
            raise InputFailure(too_big)
        with brief_progress() as report:
            # The plan is kept here, to the end: a process that ends with the brief need
            # not free it (end_process).
            plan = plan_brief(inputs.documents, chosen, progress=report)
            result = make_brief(inputs.documents, template=chosen, count=count,
                                algorithm=algorithm, plan=plan, title=inputs.title,
                                progress=report)
    emit(fmt, renderers("brief"), result)
    end_process()


@click.command(epilog="""\b
Examples:
  briefer templates
  briefer templates -f json
  briefer brief article.txt -t news

\b
Put your own templates (NAME.toml) in the folder shown at the end; a user
template with a built-in's name is used instead of the built-in.
BRIEFER_CONFIG_DIR moves that folder.
""")
@format_option
def templates(fmt: str | None) -> None:
    """List the brief templates: name, where it comes from, and what it is for."""
    from briefer.brief import list_templates
    from briefer.brief.template import user_template_dir

    emit(resolve_format(fmt), renderers("templates"), list_templates(), user_template_dir())
