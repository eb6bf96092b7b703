"""``briefer entities``: who and where, every one of them, with the sentences that name them."""

from __future__ import annotations

import click

from briefer.cli.common import (
    InputFailure,
    emit,
    format_option,
    input_errors,
    language_option,
    long_lived_objects,
    read_inputs,
    resolve_format,
    timeout_option,
)


@click.command(epilog="""\b
Examples:
  briefer entities article.txt
  briefer entities a.txt b.html -f json | jq '.entities[] | select(.kind == "place")'
  briefer entities reports/ -f text | cut -f1,2,3

\b
The first entities (bold on a terminal, "listed" in JSON) are the ones the
brief shows under "Who and where"; the rest are found but not shown there.
""")
@click.argument("files", nargs=-1, required=True, type=str, metavar="FILE...")
@click.option("--no-clean", is_flag=True, help="Use every line; keep title, teasers, share bars.")
@click.option("--memory", type=click.IntRange(min=1), default=None, metavar="MB",
              envvar="BRIEFER_MEMORY", show_envvar=True,
              help="Memory the listing may use, in MB: texts that may need more (reckoned as "
                   "for a brief) are refused before it starts [default: what is available].")
@language_option
@timeout_option
@format_option
def entities(files: tuple[str, ...], no_clean: bool, memory: int | None, language: str,
             timeout: float, fmt: str | None) -> None:
    """List the people, places and organisations FILE... name (paths, folders, http(s)
    URLs, feeds, or -), with
    each one's kind, how many sentences name it, and which.

    -f json gives every mention with its character offsets into the input.
    A file found in a folder that is empty or not text is named on stderr and
    left out.
    """
    if files.count("-") > 1:
        raise click.UsageError("standard input (-) can be read only once")
    from briefer.brief.assembly import plan_brief
    from briefer.brief.entities import named_entities
    from briefer.cli.memory import check
    from briefer.render import entities as render

    fmt = resolve_format(fmt)
    with input_errors(), long_lived_objects():
        docs = read_inputs(files, clean=not no_clean, language=language,
                           timeout=timeout).documents
        too_big = check(files, [doc.text for doc in docs],
                        None if memory is None else memory * 1_000_000,
                        work="listing its entities")
        if too_big is not None:
            raise InputFailure(too_big)
        plan = plan_brief(docs)
    report = render.EntityReport(docs, tuple(plan.views), named_entities(plan.cast))
    emit(fmt, {"rich": render.render_rich, "markdown": render.render_markdown,
               "json": render.render_json, "text": render.render_text}, report)
