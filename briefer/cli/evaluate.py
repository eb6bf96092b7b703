"""``briefer eval``: ROUGE of rankers against reference summaries, as a table."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from briefer.cli.batch import progress
from briefer.cli.common import InputFailure, language_option, make_console, resolve_format

EVAL_FORMATS = ("rich", "markdown", "json")
HEADERS = ("Algorithm", "ROUGE-1", "ROUGE-2", "ROUGE-Lsum", "ms/doc")
#: briefer.evaluate.DEFAULT_TOKENIZER, AUTO and PER_FILE, spelled out so that --help does not
#: import numpy
DEFAULT_TOKENIZER = "rouge"
AUTO = "auto"
PER_FILE = "per-file"


@click.command(epilog="""\b
Examples:
  briefer eval cnndm_test_399.jsonl -k 3
  briefer eval cnndm.jsonl newsroom.jsonl -a pyramid,pacsum -k ref --bootstrap 1000
  briefer eval data.jsonl -a pyramid,sumy-lexrank,sumy-textrank -k ref
  briefer eval noticias.jsonl -k 1
  briefer eval noticias.jsonl --language es --tokenizer rouge
  briefer eval newsroom.jsonl xsum.jsonl --limit 50 -j 0 -f json
  briefer eval data.jsonl --text-field body --reference-field abstract
  briefer eval data.jsonl -k 3 --oracle
""")
@click.argument("data", nargs=-1, required=True, type=str)
@click.option("-a", "--algorithms", default=None, metavar="ALG[,ALG...]",
              help="Rankers to score, comma-separated [default: the default ranker]. "
                   "LEAD is always scored as the baseline.")
@click.option("-k", "--k", "k_value", default=None, metavar="N|ref",
              help="Sentences per summary: a number, or 'ref' for as many as each "
                   "reference has lines [default: 3].")
@click.option("-n", "--sentences", "count", type=click.IntRange(min=1), default=None,
              help="Sentences per summary (the same as -k N).")
@click.option("--ref-length", is_flag=True, help="The same as -k ref.")
@click.option("-w", "--words", type=click.IntRange(min=1), default=None,
              help="A word budget per summary instead of a number of sentences (best "
                   "sentences first while they fit, as summarize --words).")
@click.option("--bootstrap", type=click.IntRange(min=0), default=0, metavar="N",
              help="Paired bootstrap 95% intervals of each ranker minus LEAD from N "
                   "resamples of the documents (1000 is usual; seed fixed) [default: off].")
@language_option
@click.option("--tokenizer", default=AUTO, show_default=True,
              metavar="auto|rouge|LANG",
              help="ROUGE tokens: 'rouge' is rouge-score's own (ASCII, Porter stems, as "
                   "published results use); a language (es, pt, fr, de, it, en, ...) keeps "
                   "Unicode words whole and stems them with its Snowball stemmer; 'auto' "
                   "is rouge for English data and the data's language otherwise.")
@click.option("-f", "--format", "fmt", type=click.Choice(EVAL_FORMATS, case_sensitive=False),
              default=None, help="Output format. Default: rich on a terminal, markdown in a pipe.")
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="Score only the first K records of each file.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
              help="Processes to use; 0 means one per CPU (timings then share the CPUs).")
@click.option("--oracle", is_flag=True,
              help="Also score the greedy extractive oracle (the best any sentence picker "
                   "could do against these references; slow).")
@click.option("--text-field", default=None,
              help="The field holding the text to summarize [default: the first of "
                   "article, text, document that a record has].")
@click.option("--reference-field", default=None,
              help="The field holding the reference, one sentence a line [default: the "
                   "first of reference, highlights, summary].")
@click.option("--title-field", default=None,
              help="The field holding the headline, given to the ranker as the title "
                   "[default: title or headline, when a record has one].")
def evaluate(data: tuple[str, ...], algorithms: str | None, k_value: str | None,
             count: int | None, ref_length: bool, words: int | None, bootstrap: int,
             language: str, tokenizer: str,
             fmt: str | None, limit: int | None, jobs: int, oracle: bool, text_field: str | None,
             reference_field: str | None, title_field: str | None) -> None:
    """Score rankers on each DATA file (JSON lines with a text and a reference summary).

    Prints, per file, ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 (x100; rouge-score
    with stemming) of each ranker and of LEAD and the time per document, then
    the command and the file's SHA-256 so the table can be rerun; with several
    files, a last table of the means over files (each file counts once). Texts
    are cleaned and split as briefer summarize does, each in its detected
    language unless --language names one; a file's language is its documents'
    most common one, and is named in the caption and the JSON. Fields not named
    are found by the names Newsroom (text, summary, title), XSum (document,
    summary) and CNN/DailyMail (article, highlights) use; a title is passed as
    the headline, and a text stored one paragraph a line keeps its paragraphs.
    """
    from briefer import evaluate as core
    from briefer.errors import MissingDependency

    if words is not None and (k_value is not None or count is not None or ref_length
                              or oracle):
        raise click.UsageError("-w/--words replaces -k, -n and --ref-length, and the oracle "
                               "has no word budget")
    count = summary_count(k_value, count, ref_length)
    names = parse_algorithms(algorithms)
    tokenizer = tokenizer.strip().lower()
    language = language.lower()
    if tokenizer not in (core.DEFAULT_TOKENIZER, core.AUTO):
        try:
            core.snowball_language(tokenizer)
        except ValueError as err:
            raise click.BadParameter(str(err), param_hint="'--tokenizer'") from None
    fmt = resolve_format(fmt)
    command = command_line(data, names, count, words, bootstrap, (language, tokenizer), limit,
                           oracle, (text_field, reference_field, title_field))
    from briefer.untrusted import neutralise_name

    tables = []
    try:
        for path in data:
            records = core.read_records(path, text_field=text_field,
                                        reference_field=reference_field,
                                        title_field=title_field, limit=limit)
            digest = core.checksum(path)
            with progress("scoring", len(records), "documents") as advance:
                result = core.evaluate(records, names, count=count, jobs=jobs, oracle=oracle,
                                       tokenizer=tokenizer, language=language, words=words,
                                       progress=lambda k: advance(k, k))
            if bootstrap:
                result = core.with_intervals(result, bootstrap)
            tables.append(Table(result, neutralise_name(path), digest, command))
    except (core.DataError, MissingDependency) as err:
        raise InputFailure(str(err)) from None
    mean = core.mean_over([t.result for t in tables], bootstrap) if len(tables) > 1 else None
    show(fmt, tables, mean)


def summary_count(k_value: str | None, count: int | None, ref_length: bool) -> int | None:
    """Sentences per summary from -k, -n or --ref-length (None: the reference's length)."""
    given = [k_value is not None, count is not None, ref_length]
    if sum(given) > 1:
        raise click.UsageError("use one of -k, -n/--sentences and --ref-length")
    if ref_length:
        return None
    if count is not None:
        return count
    if k_value is None:
        return 3
    if k_value.strip().lower() == "ref":
        return None
    try:
        value = int(k_value)
    except ValueError:
        value = 0
    if value < 1:
        raise click.BadParameter(f"{k_value!r} is neither a number of sentences (1 or more) "
                                 "nor 'ref'", param_hint="'-k' / '--k'")
    return value


def command_line(data: tuple[str, ...], names: list[str], count: int | None,
                 words: int | None, bootstrap: int, how: tuple[str, str], limit: int | None,
                 oracle: bool, fields: tuple[str | None, str | None, str | None]) -> str:
    """The command that reproduces these numbers, every choice that changes them spelled out.

    ``how`` is ``(language, tokenizer)`` as given; ``fields`` the text, reference and title
    fields as given (None: found by their common names).  Options that change only speed or layout
    (-j, -f) are left out.
    """
    import shlex

    language, tokenizer = how
    parts = ["briefer", "eval", *data, "-a", ",".join(names)]
    if words is not None:
        parts += ["--words", str(words)]
    else:
        parts += ["-k", "ref" if count is None else str(count)]
    if bootstrap:
        parts += ["--bootstrap", str(bootstrap)]
    if language != AUTO:
        parts += ["--language", language]
    if tokenizer != AUTO:
        parts += ["--tokenizer", tokenizer]
    if limit is not None:
        parts += ["--limit", str(limit)]
    if oracle:
        parts.append("--oracle")
    for option, field in zip(("--text-field", "--reference-field", "--title-field"), fields,
                             strict=True):
        if field is not None:
            parts += [option, field]
    return shlex.join(parts)


@dataclass(frozen=True, slots=True)
class Table:
    """One data file's scores with what identifies them: path, SHA-256, the command."""

    result: Any
    data: str
    checksum: str
    command: str


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
    if result.words is not None:
        length = f"at most {result.words} words (the first sentence always)"
    return (f"ROUGE F1 x100 ({tokenizer_note(result.tokenizer)}) on {name}: "
            f"{result.documents} document{'s' if result.documents != 1 else ''} in "
            f"{language_name(result.language)}, {length}")


def language_name(code: str) -> str:
    """"Spanish" for "es", "several languages" for a mean over files in different ones."""
    from briefer.language import NAMES, UNDETERMINED

    if code == UNDETERMINED:
        return "a script none of briefer's languages uses"
    return NAMES.get(code, "several languages")


def tokenizer_note(tokenizer: str) -> str:
    if tokenizer == DEFAULT_TOKENIZER:
        return "rouge-score, stemming"
    if tokenizer == PER_FILE:
        return "each file's own tokenizer"
    from briefer.evaluate import snowball_language

    return f"rouge-score, Unicode words, {snowball_language(tokenizer)} Snowball stems"


def interval_note(result: Any) -> str | None:
    if not result.resamples:
        return None
    return (f"Δ = ranker minus LEAD, mean [95% interval]: paired bootstrap, {result.resamples} "
            "resamples of the documents, seed 0")


def headers(result: Any) -> tuple[str, ...]:
    extra = ("ΔR-1 [95%]", "ΔR-2 [95%]", "ΔR-Lsum [95%]") if result.resamples else ()
    return (*HEADERS, *extra)


def cells(row: Any, result: Any) -> tuple[str, ...]:
    out = (row.label, f"{row.rouge1:.2f}", f"{row.rouge2:.2f}", f"{row.rougeLsum:.2f}",
           f"{row.ms_per_doc:.2f}")
    if not result.resamples:
        return out
    if row.interval is None:
        return (*out, "", "", "")
    i = row.interval
    return (*out, *(f"{i.delta[m]:+.2f} [{i.low[m]:+.2f}, {i.high[m]:+.2f}]" for m in range(3)))


def mean_caption(mean: Any, tables: list[Table]) -> str:
    return caption(mean, f"the mean of {len(tables)} files (each file counts once)")


def provenance(table: Table) -> list[str]:
    """The lines under a table: the command and the data file's checksum (untrusted text)."""
    from briefer.ingest import neutralise

    return [neutralise(table.command), neutralise(f"sha256 {table.checksum}  {table.data}")]


def render_markdown_table(result: Any, title: str, below: list[str]) -> list[str]:
    from briefer.render.markdown import escape

    head = headers(result)
    lines = [title, "", "| " + " | ".join(head) + " |", "|---|" + "--:|" * (len(head) - 1)]
    for row in result.rows:
        first, *rest = cells(row, result)
        lines.append("| " + " | ".join([escape(first), *rest]) + " |")
    note = interval_note(result)
    if note:
        lines += ["", escape(note)]
    if below:
        fence = "`" * max(3, 1 + longest_run("\n".join(below), "`"))
        lines += ["", fence, *below, fence]
    return [*lines, ""]


def longest_run(text: str, char: str) -> int:
    best = run = 0
    for c in text:
        run = run + 1 if c == char else 0
        best = max(best, run)
    return best


def render_markdown(tables: list[Table], mean: Any = None) -> str:
    from briefer.render.markdown import escape

    lines: list[str] = []
    for t in tables:
        lines += render_markdown_table(t.result, escape(caption(t.result, Path(t.data).name)),
                                       provenance(t))
    if mean is not None:
        lines += render_markdown_table(mean, mean_caption(mean, tables), [])
    return "\n".join(lines)


def json_table(result: Any, table: Table | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if table is not None:
        out |= {"data": table.data, "sha256": table.checksum, "command": table.command}
    out |= {
        "documents": result.documents,
        "sentences": result.count if result.count is not None else "reference",
        **({"words": result.words} if result.words is not None else {}),
        "metric": ("ROUGE F1 x100, rouge-score with Porter stemming; rougeLsum on lines"
                   if result.tokenizer == DEFAULT_TOKENIZER else
                   f"ROUGE F1 x100, {tokenizer_note(result.tokenizer)}; rougeLsum on lines"),
        "tokenizer": result.tokenizer,
        "language": result.language,
        "rows": [json_row(r) for r in result.rows],
    }
    if result.resamples:
        out["bootstrap"] = {"resamples": result.resamples, "seed": 0, "level": 0.95,
                            "difference": "ranker minus LEAD, paired by document"}
    return out


def json_row(row: Any) -> dict[str, Any]:
    out = {"algorithm": row.algorithm, "label": row.label, "rouge1": row.rouge1,
           "rouge2": row.rouge2, "rougeLsum": row.rougeLsum, "ms_per_doc": row.ms_per_doc}
    if row.interval is not None:
        i = row.interval
        out["interval"] = {metric: {"delta": i.delta[m], "low": i.low[m], "high": i.high[m]}
                           for m, metric in enumerate(("rouge1", "rouge2", "rougeLsum"))}
    return out


def render_json(tables: list[Table], mean: Any = None) -> str:
    """One file: its table as one object; several: ``{"files": [...], "mean": {...}}``."""
    from briefer.render.json import dumps

    if mean is None:
        data: dict[str, Any] = json_table(tables[0].result, tables[0])
    else:
        data = {"files": [json_table(t.result, t) for t in tables],
                "mean": json_table(mean, None) | {"command": tables[0].command}}
    return dumps(data)


def render_rich_table(result: Any, title: str, below: list[str]) -> list[Any]:
    from rich.table import Table as RichTable
    from rich.text import Text

    table = RichTable(title=Text(title), title_justify="left")
    for k, header in enumerate(headers(result)):
        table.add_column(header, justify="left" if k == 0 else "right")
    for row in result.rows:
        table.add_row(*(Text(c) for c in cells(row, result)))
    note = interval_note(result)
    return [table, *(Text(line, style="dim") for line in ([note] if note else []) + below)]


def render_rich(tables: list[Table], mean: Any = None) -> list[Any]:
    out: list[Any] = []
    for t in tables:
        out += render_rich_table(t.result, caption(t.result, Path(t.data).name), provenance(t))
    if mean is not None:
        out += render_rich_table(mean, mean_caption(mean, tables), [])
    return out


def show(fmt: str, tables: list[Table], mean: Any = None) -> None:
    if fmt == "rich":
        console = make_console()
        for item in render_rich(tables, mean):
            console.print(item)
        return
    out = render_json(tables, mean) if fmt == "json" else render_markdown(tables, mean)
    sys.stdout.write(out)
    sys.stdout.flush()
