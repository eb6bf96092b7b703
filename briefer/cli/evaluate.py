"""``briefer eval``: ROUGE of rankers against reference summaries, as a table."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from briefer.cli.batch import progress
from briefer.cli.common import InputFailure, make_console, resolve_format

EVAL_FORMATS = ("rich", "markdown", "json")
HEADERS = ("Algorithm", "ROUGE-1", "ROUGE-2", "ROUGE-Lsum", "ms/doc")


@click.command(epilog="""\b
Examples:
  briefer eval cnndm_test_399.jsonl -n 3
  briefer eval data.jsonl -a pacsum,sumy-lexrank,sumy-textrank --ref-length
  briefer eval data.jsonl --text-field text --limit 50 -j 0 -f json
  briefer eval data.jsonl -n 3 --oracle
""")
@click.argument("data", type=str)
@click.option("-a", "--algorithms", default=None, metavar="ALG[,ALG...]",
              help="Rankers to score, comma-separated [default: the default ranker]. "
                   "LEAD is always scored as the baseline.")
@click.option("-n", "--sentences", "count", type=click.IntRange(min=1), default=None,
              help="Sentences per summary [default: 3].")
@click.option("--ref-length", is_flag=True,
              help="Take as many sentences as each reference has lines.")
@click.option("-f", "--format", "fmt", type=click.Choice(EVAL_FORMATS, case_sensitive=False),
              default=None, help="Output format. Default: rich on a terminal, markdown in a pipe.")
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="Score only the first K records.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
              help="Processes to use; 0 means one per CPU (timings then share the CPUs).")
@click.option("--oracle", is_flag=True,
              help="Also score the greedy extractive oracle (the best any sentence picker "
                   "could do against these references; slow).")
@click.option("--text-field", default="article", show_default=True,
              help="The field holding the text to summarize.")
@click.option("--reference-field", default="reference", show_default=True,
              help="The field holding the reference, one sentence a line.")
def evaluate(data: str, algorithms: str | None, count: int | None, ref_length: bool,
             fmt: str | None, limit: int | None, jobs: int, oracle: bool, text_field: str,
             reference_field: str) -> None:
    """Score rankers on DATA (JSON lines with a text and a reference summary).

    Prints ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 (x100; rouge-score with
    stemming) of each ranker and of LEAD, and the time per document. Texts are
    cleaned and split as briefer summarize does.
    """
    from briefer import evaluate as core
    from briefer.errors import MissingDependency

    if ref_length and count is not None:
        raise click.UsageError("use either -n/--sentences or --ref-length, not both")
    if not ref_length and count is None:
        count = 3
    names = parse_algorithms(algorithms)
    fmt = resolve_format(fmt)
    try:
        records = core.read_records(data, text_field=text_field,
                                    reference_field=reference_field, limit=limit)
        with progress("scoring", len(records), "documents") as advance:
            result = core.evaluate(records, names, count=count, jobs=jobs, oracle=oracle,
                                   progress=lambda k: advance(k, k))
    except (core.DataError, MissingDependency) as err:
        raise InputFailure(str(err)) from None
    show(fmt, result, data)


def parse_algorithms(value: str | None) -> list[str]:
    """The comma-separated names, checked against the registry (no ranker is imported)."""
    from briefer.rank import DEFAULT_ALGORITHM, algorithm_names

    names = [n.strip().lower() for n in (value or DEFAULT_ALGORITHM).split(",") if n.strip()]
    unknown = [n for n in names if n not in algorithm_names()]
    if unknown:
        raise click.BadParameter(
            f"unknown algorithm {unknown[0]!r} (choose from: {', '.join(algorithm_names())})",
            param_hint="'-a' / '--algorithms'")
    return list(dict.fromkeys(names))


def caption(result: Any, name: str) -> str:
    """What the numbers are: metric, data file, documents, summary length."""
    length = (f"{result.count} sentence{'s' if result.count != 1 else ''}"
              if result.count is not None else "as many sentences as the reference")
    return (f"ROUGE F1 x100 (rouge-score, stemming) on {name}: "
            f"{result.documents} documents, {length}")


def cells(row: Any) -> tuple[str, ...]:
    return (row.label, f"{row.rouge1:.2f}", f"{row.rouge2:.2f}", f"{row.rougeLsum:.2f}",
            f"{row.ms_per_doc:.2f}")


def data_name(data: str) -> str:
    """The data file's name as the output shows it (it is untrusted like any name)."""
    from briefer.untrusted import neutralise_name

    return neutralise_name(Path(data).name)


def render_markdown(result: Any, data: str) -> str:
    from briefer.render.markdown import escape

    lines = [escape(caption(result, data_name(data))), "",
             "| " + " | ".join(HEADERS) + " |",
             "|---|" + "--:|" * (len(HEADERS) - 1)]
    for row in result.rows:
        first, *rest = cells(row)
        lines.append("| " + " | ".join([escape(first), *rest]) + " |")
    return "\n".join(lines) + "\n"


def render_json(result: Any, data: str) -> str:
    from briefer.render.json import dumps
    from briefer.untrusted import neutralise_name

    return dumps({
        "data": neutralise_name(data),
        "documents": result.documents,
        "sentences": result.count if result.count is not None else "reference",
        "metric": "ROUGE F1 x100, rouge-score with Porter stemming; rougeLsum on lines",
        "rows": [{"algorithm": r.algorithm, "label": r.label, "rouge1": r.rouge1,
                  "rouge2": r.rouge2, "rougeLsum": r.rougeLsum, "ms_per_doc": r.ms_per_doc}
                 for r in result.rows],
    })


def render_rich(result: Any, data: str) -> Any:
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text(caption(result, data_name(data))), title_justify="left")
    for k, header in enumerate(HEADERS):
        table.add_column(header, justify="left" if k == 0 else "right")
    for row in result.rows:
        table.add_row(*(Text(c) for c in cells(row)))
    return table


def show(fmt: str, result: Any, data: str) -> None:
    if fmt == "rich":
        make_console().print(render_rich(result, data))
        return
    out = render_json(result, data) if fmt == "json" else render_markdown(result, data)
    sys.stdout.write(out)
    sys.stdout.flush()
