"""ROUGE of rankers against reference summaries: the numbers a ranker is chosen by.

The protocol is the one CNN/DailyMail results are reported in (See et al. 2017; Liu & Lapata
2019), computed with Google's ``rouge-score`` package (the reimplementation of Lin's ROUGE-1.5.5
used by most recent papers): ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 with Porter stemming, summary
and reference sentences joined by newlines (ROUGE-Lsum splits on them), averaged over
documents and multiplied by 100.

Each document is read as any text is (:func:`briefer.api.split` with the clean-up on), ranked
and cut by :func:`briefer.api.summarize`, so the numbers measure what a user gets.  LEAD-k is
always scored as the baseline row; with ``oracle=True`` so is the greedy extractive oracle
(:func:`greedy_oracle`), the ceiling any sentence-picking method could reach against these
references.  The time per document is the wall time of
``summarize`` (ranking and selection; the shared splitting is not counted).

Nothing here prints: :func:`evaluate` returns an :class:`Evaluation` and reports progress
through a callback.  ``rouge-score`` is an optional dependency (``pip install briefer[eval]``),
imported only when scoring starts.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from briefer.errors import MissingDependency

ROUGE_TYPES = ("rouge1", "rouge2", "rougeLsum")
BASELINE = "lead"
ORACLE = "oracle"


class DataError(ValueError):
    """The evaluation file cannot be used: missing, not JSON lines, or lacking a field."""


@dataclass(frozen=True, slots=True)
class Record:
    """One evaluation document: its id, its text and its reference sentences."""

    id: str
    text: str
    reference: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Row:
    """One algorithm's mean ROUGE F1 (x100) and mean ``summarize`` time per document."""

    algorithm: str
    label: str
    rouge1: float
    rouge2: float
    rougeLsum: float
    ms_per_doc: float


@dataclass(frozen=True, slots=True)
class Evaluation:
    """The scored rows (the LEAD baseline first) and how they were obtained."""

    rows: tuple[Row, ...]
    documents: int
    count: int | None  # sentences per summary; None means "as many as the reference has"


def read_records(
    path: str | os.PathLike[str],
    *,
    text_field: str = "article",
    reference_field: str = "reference",
    id_field: str = "id",
    limit: int | None = None,
) -> list[Record]:
    """Read and check a JSON-lines evaluation file; any problem is a :class:`DataError`.

    The reference is a string with one sentence a line (or a list of sentences).
    """
    from briefer.ingest import (
        MAX_BYTES,
        MAX_BYTES_TEXT,
        MAX_LINE_BYTES,
        InputError,
        LongLine,
        open_input,
        read_lines,
    )
    from briefer.untrusted import neutralise_name

    label = neutralise_name(os.fspath(path))
    try:
        handle = open_input(os.fspath(path), label, max_bytes=None)
    except InputError as err:
        raise DataError(str(err)) from None
    records: list[Record] = []
    read = 0
    with handle:
        for number, raw in enumerate(read_lines(handle), 1):
            if limit is not None and len(records) >= limit:
                break
            if isinstance(raw, LongLine):
                raise DataError(f"{label} line {number}: longer than "
                                f"{MAX_LINE_BYTES // 2**20} MB, the limit for one record")
            read += len(raw)
            if read > MAX_BYTES:
                raise DataError(f"{label}: more than {MAX_BYTES_TEXT} of records, the limit held "
                                f"in memory at once; score a part of it with --limit")
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as err:
                raise DataError(f"{label} line {number}: not UTF-8 text ({err.reason})") from None
            if not line.strip():
                continue
            records.append(_parse_record(line, number, label, text_field,
                                         reference_field, id_field))
    if not records:
        raise DataError(f"{label}: no records")
    return records


def _parse_record(line: str, number: int, path: Any, text_field: str, reference_field: str,
                  id_field: str) -> Record:
    where = f"{path} line {number}"
    try:
        data = json.loads(line)
    except ValueError:
        raise DataError(f"{where}: not a JSON object (expected JSON lines)") from None
    except RecursionError:
        raise DataError(f"{where}: JSON nested too deeply to read") from None
    if not isinstance(data, dict):
        raise DataError(f"{where}: not a JSON object (expected JSON lines)")
    for field in (text_field, reference_field):
        if field not in data:
            raise DataError(f"{where}: no {field!r} field")
    text, reference = data[text_field], data[reference_field]
    if not isinstance(text, str):
        raise DataError(f"{where}: {text_field!r} is not a string")
    if isinstance(reference, str):
        lines = tuple(s.strip() for s in reference.splitlines() if s.strip())
    elif isinstance(reference, list) and all(isinstance(s, str) for s in reference):
        lines = tuple(s.strip() for s in reference if s.strip())
    else:
        raise DataError(f"{where}: {reference_field!r} is neither a string nor a list of them")
    if not lines:
        raise DataError(f"{where}: {reference_field!r} is empty")
    return Record(str(data.get(id_field, number)), text, lines)


def make_scorer() -> Any:
    """rouge-score's scorer for ROUGE-1/2/Lsum with stemming, or :class:`MissingDependency`."""
    try:
        from rouge_score import rouge_scorer
    except ImportError:
        raise MissingDependency(
            "ROUGE needs the rouge-score package: pip install 'briefer[eval]'"
        ) from None
    return rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)


def rouge_f1(scorer: Any, reference: Sequence[str], summary: Sequence[str]) -> tuple[float, ...]:
    """ROUGE-1, -2 and -Lsum F1 (0-1) of ``summary`` sentences against ``reference`` ones."""
    scores = scorer.score("\n".join(reference), "\n".join(summary))
    return tuple(scores[t].fmeasure for t in ROUGE_TYPES)


def baseline_label(count: int | None) -> str:
    return f"LEAD-{count}" if count is not None else "LEAD-ref"


def label(name: str, count: int | None) -> str:
    """The row's name as printed: LEAD-3, oracle-3, or the ranker's name."""
    if name == BASELINE:
        return baseline_label(count)
    if name == ORACLE:
        return f"greedy oracle-{count}" if count is not None else "greedy oracle-ref"
    return name


def greedy_oracle(scorer: Any, sentences: Sequence[str], reference: Sequence[str], count: int
                  ) -> list[int]:
    """Positions (in source order) of a greedy extractive oracle summary of ``count`` sentences.

    The labelling procedure of Nallapati et al. (2017, SummaRuNNer) as used by Liu & Lapata
    (2019, BertSum, ``greedy_selection``): repeatedly add the sentence that most raises the
    mean of ROUGE-1 and ROUGE-2 F1 against the reference, and stop early when none raises it.
    It needs the reference, so it is a ceiling for comparison, never a ranker.
    """
    chosen: list[int] = []
    best = 0.0
    for _ in range(min(count, len(sentences))):
        step_best, step_pick = best, None
        for i in range(len(sentences)):
            if i in chosen:
                continue
            picked = [sentences[j] for j in sorted([*chosen, i])]
            r1, r2, _ = rouge_f1(scorer, reference, picked)
            if (r1 + r2) / 2 > step_best:
                step_best, step_pick = (r1 + r2) / 2, i
        if step_pick is None:
            break
        chosen.append(step_pick)
        best = step_best
    return sorted(chosen)


def evaluate(
    records: Sequence[Record],
    algorithms: Sequence[str],
    *,
    count: int | None = 3,
    jobs: int = 1,
    oracle: bool = False,
    progress: Callable[[int], None] | None = None,
) -> Evaluation:
    """Score LEAD-``count``, each of ``algorithms`` and optionally the oracle on ``records``.

    ``count=None`` takes as many sentences as each reference has lines.  ``jobs`` > 1 spreads
    documents over that many processes (0 means one per CPU); the timings then share the CPUs
    too.  ``progress(k)`` is called each time ``k`` more documents are done.
    """
    from briefer.rank import get_ranker

    names = [BASELINE] + [a.lower() for a in algorithms if a.lower() != BASELINE]
    for name in names:
        get_ranker(name)  # an unknown name fails here, before any work
    if oracle:
        names.append(ORACLE)
    make_scorer()  # and so does a missing rouge-score
    sums = [[0.0] * (len(ROUGE_TYPES) + 1) for _ in names]
    for chunk_sums, chunk_size in _run_chunks(records, names, count, jobs):
        for row, values in zip(sums, chunk_sums, strict=True):
            for k, v in enumerate(values):
                row[k] += v
        if progress is not None:
            progress(chunk_size)
    n = len(records)
    rows = tuple(
        Row(name, label(name, count),
            *(round(100 * v / n, 2) for v in values[:-1]), round(1000 * values[-1] / n, 2))
        for name, values in zip(names, sums, strict=True)
    )
    return Evaluation(rows, n, count)


def score_chunk(records: Sequence[Record], names: Sequence[str], count: int | None
                ) -> list[list[float]]:
    """Summed ROUGE F1 and seconds per algorithm over ``records`` (one process's share)."""
    from briefer import api

    scorer = make_scorer()
    sums = [[0.0] * (len(ROUGE_TYPES) + 1) for _ in names]
    for record in records:
        doc = api.split(record.text, source=record.id)
        n = len(record.reference) if count is None else count
        for row, name in zip(sums, names, strict=True):
            t0 = time.perf_counter()
            if name == ORACLE:
                texts = [s.text for s in doc.sentences]
                picked = [texts[i] for i in greedy_oracle(scorer, texts, record.reference, n)]
            else:
                picked = [s.text for s in api.summarize(doc, count=n, algorithm=name).sentences]
            elapsed = time.perf_counter() - t0
            values = rouge_f1(scorer, record.reference, picked)
            for k, v in enumerate((*values, elapsed)):
                row[k] += v
    return sums


def _run_chunks(records: Sequence[Record], names: Sequence[str], count: int | None, jobs: int
                ) -> Iterator[tuple[list[list[float]], int]]:
    jobs = jobs or os.cpu_count() or 1
    size = 8
    chunks = [records[i:i + size] for i in range(0, len(records), size)]
    if jobs == 1 or len(chunks) == 1:
        for chunk in chunks:
            yield score_chunk(chunk, names, count), len(chunk)
        return
    with ProcessPoolExecutor(max_workers=min(jobs, len(chunks))) as pool:
        futures = [pool.submit(score_chunk, chunk, names, count) for chunk in chunks]
        for chunk, future in zip(chunks, futures, strict=True):
            yield future.result(), len(chunk)

