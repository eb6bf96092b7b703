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

import hashlib
import json
import os
import re
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from briefer.errors import MissingDependency

ROUGE_TYPES = ("rouge1", "rouge2", "rougeLsum")
BASELINE = "lead"
ORACLE = "oracle"
DEFAULT_TOKENIZER = "rouge"  # rouge-score's own: ASCII letters and digits, Porter stems
#: The tokenizer and the language follow the data: see :func:`data_language`.
AUTO = "auto"
#: ISO 639-2's code for "multiple languages": the mean of files in different languages.
MULTIPLE = "mul"
#: The tokenizer of a mean over files scored with different ones (each file's own).
PER_FILE = "per-file"
BOOTSTRAP_SEED = 0  # fixed, so a rerun of the same command prints the same intervals
#: ISO 639-1 codes for the Snowball stemmer names a ``tokenizer`` may also be given as.
SNOWBALL_LANGUAGES = {
    "da": "danish", "de": "german", "en": "english", "es": "spanish", "fi": "finnish",
    "fr": "french", "hu": "hungarian", "it": "italian", "nl": "dutch", "no": "norwegian",
    "pt": "portuguese", "ro": "romanian", "ru": "russian", "sv": "swedish",
}


class DataError(ValueError):
    """The evaluation file cannot be used: missing, not JSON lines, or lacking a field."""


@dataclass(frozen=True, slots=True)
class Record:
    """One evaluation document: its id, its text and its reference sentences."""

    id: str
    text: str
    reference: tuple[str, ...]
    title: str | None = None  # the record's headline, given to the splitter as the title


@dataclass(frozen=True, slots=True)
class Interval:
    """A paired bootstrap 95% interval of a ranker's ROUGE minus LEAD's (x100), per metric."""

    delta: tuple[float, float, float]  # mean difference: ROUGE-1, ROUGE-2, ROUGE-Lsum
    low: tuple[float, float, float]
    high: tuple[float, float, float]


@dataclass(frozen=True, slots=True)
class Row:
    """One algorithm's mean ROUGE F1 (x100) and mean ``summarize`` time per document.

    ``interval`` is filled in by :func:`with_intervals` (never for the LEAD row itself).
    """

    algorithm: str
    label: str
    rouge1: float
    rouge2: float
    rougeLsum: float
    ms_per_doc: float
    interval: Interval | None = None


@dataclass(frozen=True, slots=True)
class Evaluation:
    """The scored rows (the LEAD baseline first) and how they were obtained.

    ``per_document[k]`` holds row ``k``'s ROUGE-1/2/Lsum F1 (0-1) of every document, in
    record order: what the bootstrap resamples.
    """

    rows: tuple[Row, ...]
    documents: int
    count: int | None  # sentences per summary; None means "as many as the reference has"
    per_document: tuple[np.ndarray, ...] = ()
    tokenizer: str = DEFAULT_TOKENIZER
    resamples: int = 0  # bootstrap resamples behind the rows' intervals; 0 means none
    words: int | None = None  # a word budget per summary instead of ``count`` sentences
    language: str = "en"  # the data's language (:func:`data_language`), or MULTIPLE


#: The field names the common summarization corpora use, tried in this order when a field is
#: not named: ours and CNN/DailyMail's (``article``/``highlights``), Newsroom's
#: (``text``/``summary``/``title``), XSum's (``document``/``summary``).
TEXT_FIELDS = ("article", "text", "document")
REFERENCE_FIELDS = ("reference", "highlights", "summary")
TITLE_FIELDS = ("title", "headline")
#: A line that ends a sentence: a full stop, question or exclamation mark, maybe followed by
#: closing quotes or brackets (not a colon: the quotation after it stays with its speaker).
_ENDS_SENTENCE = re.compile(r"[.!?][\"'”’»)\]]*[ \t]*$")


def read_records(
    path: str | os.PathLike[str],
    *,
    text_field: str | None = None,
    reference_field: str | None = None,
    id_field: str = "id",
    title_field: str | None = None,
    limit: int | None = None,
) -> list[Record]:
    """Read and check a JSON-lines evaluation file; any problem is a :class:`DataError`.

    The reference is a string with one sentence a line (or a list of sentences).  A field not
    named is the first of :data:`TEXT_FIELDS`, :data:`REFERENCE_FIELDS` or
    :data:`TITLE_FIELDS` that the record has (a title is optional), so Newsroom, XSum and
    CNN/DailyMail files are read as they are distributed.  The text's paragraphs are kept as
    :func:`paragraph_breaks` reads them.
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
    fields = (text_field, reference_field, id_field, title_field)
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
            records.append(_parse_record(line, number, label, fields))
    if not records:
        raise DataError(f"{label}: no records")
    return records


def _field(data: dict[str, Any], named: str | None, known: tuple[str, ...], where: str,
           option: str) -> str:
    """The field to read: ``named``, else the first of ``known`` in ``data``."""
    if named is not None:
        if named not in data:
            raise DataError(f"{where}: no {named!r} field")
        return named
    for name in known:
        if name in data:
            return name
    listed = ", ".join(repr(k) for k in known[:-1]) + f" or {known[-1]!r}"
    raise DataError(f"{where}: no {listed} field (name the field with {option})")


def _parse_record(line: str, number: int, path: Any,
                  fields: tuple[str | None, str | None, str, str | None]) -> Record:
    text_field, reference_field, id_field, title_field = fields
    where = f"{path} line {number}"
    try:
        data = json.loads(line)
    except ValueError:
        raise DataError(f"{where}: not a JSON object (expected JSON lines)") from None
    except RecursionError:
        raise DataError(f"{where}: JSON nested too deeply to read") from None
    if not isinstance(data, dict):
        raise DataError(f"{where}: not a JSON object (expected JSON lines)")
    text_field = _field(data, text_field, TEXT_FIELDS, where, "--text-field")
    reference_field = _field(data, reference_field, REFERENCE_FIELDS, where,
                             "--reference-field")
    text, reference = data[text_field], data[reference_field]
    if not isinstance(text, str):
        raise DataError(f"{where}: {text_field!r} is not a string")
    if not text.strip():  # scored, it would be a silent 0.00 pulling the mean down
        raise DataError(f"{where}: {text_field!r} is empty")
    if isinstance(reference, str):
        lines = tuple(s.strip() for s in reference.splitlines() if s.strip())
    elif isinstance(reference, list) and all(isinstance(s, str) for s in reference):
        lines = tuple(s.strip() for s in reference if s.strip())
    else:
        raise DataError(f"{where}: {reference_field!r} is neither a string nor a list of them")
    if not lines:
        raise DataError(f"{where}: {reference_field!r} is empty")
    if title_field is not None and title_field not in data:  # a misspelt name says so
        raise DataError(f"{where}: no {title_field!r} field")
    title_names = TITLE_FIELDS if title_field is None else (title_field,)
    title = " ".join(next((data[f] for f in title_names if isinstance(data.get(f), str)),
                          "").split()) or None
    return Record(str(data.get(id_field, number)), paragraph_breaks(text), lines, title)


def paragraph_breaks(text: str) -> str:
    """``text`` with its paragraphs as blank lines, the form :func:`briefer.api.split` reads.

    Corpora store paragraphs either as blank lines (Newsroom) or one a line (XSum, whose
    every line is a paragraph of the BBC's page).  A text with no blank line whose lines end
    sentences is of the second kind: each such line break becomes a blank line.  A line that
    does not end a sentence is a hard wrap inside a paragraph and stays one; a text with blank
    lines already says where its paragraphs are and is returned as it is, and so is a text
    in one block (CNN/DailyMail as distributed).  Only a text nearly all of whose lines end
    a sentence is read so (at least :data:`PARAGRAPH_LINES` of them): a hard-wrapped text
    also has lines that end "Dr." or "told reporters:", and its line breaks are left to the
    splitter, as ``briefer summarize`` would read it (review finding).
    """
    if "\n" not in text.strip() or re.search(r"\n[ \t]*\n", text):
        return text
    lines = text.split("\n")
    ended = sum(1 for line in lines[:-1] if _ENDS_SENTENCE.search(line))
    if ended < PARAGRAPH_LINES * (len(lines) - 1):  # the share of line breaks after a stop
        return text
    return "".join(line + ("\n\n" if _ENDS_SENTENCE.search(line) else "\n")
                   for line in lines[:-1]) + lines[-1]


# A text is one paragraph a line when this share of its lines end a sentence; a wrapped
# text's lines end mid-sentence far more often (a wrapper breaks wherever a line is full).
PARAGRAPH_LINES = 0.9


def data_language(records: Sequence[Record], language: str = AUTO) -> str:
    """The language a data file is scored in: ``language`` when it names one, else the one
    most of its documents are detected in (:func:`briefer.language.detect_language`; the
    first seen on a tie).  Raises :class:`ValueError` for an unsupported ``language``."""
    from collections import Counter

    from briefer.language import detect_language, resolve_language

    if language.lower() != AUTO:
        return resolve_language(language, "")
    counts = Counter(detect_language(r.text) for r in records)
    return counts.most_common(1)[0][0] if counts else "en"


def resolve_tokenizer(tokenizer: str, language: str) -> str:
    """``tokenizer``, or for ``"auto"`` the one that scores ``language`` fairly: rouge-score's
    own for English (the published protocol, so English figures stay comparable), else the
    language's :class:`UnicodeTokenizer` (rouge-score's drops every accented letter).
    Raises :class:`DataError` for ``"auto"`` and an undetermined language ("und"), for which
    no default is fair."""
    if tokenizer.lower() != AUTO:
        return tokenizer
    if language not in SNOWBALL_LANGUAGES:  # "und": a script none of briefer's is written in
        raise DataError(
            "the documents are written in a script none of briefer's languages uses, so no "
            "tokenizer scores them fairly by default; name the language of their words with "
            f"--tokenizer (one of: {', '.join(sorted(SNOWBALL_LANGUAGES))})")
    return DEFAULT_TOKENIZER if language == "en" else language


# Scoring refuses a file when more than this share of its references have no token: ROUGE
# of a text the tokenizer cannot read is 0 for every algorithm, a table that says nothing.
UNREAD_REFERENCES = 0.5


def check_readable(records: Sequence[Record], tokenizer: str, sample: int = 200) -> None:
    """Raise :class:`DataError` when ``tokenizer`` finds no word in most references.

    rouge-score's own tokenizer keeps only ``[a-z0-9]``: Chinese, Greek or Russian
    references become empty and every score 0.00, which reads as a result.  The first
    ``sample`` records are enough to tell.
    """
    if tokenizer == DEFAULT_TOKENIZER:
        from rouge_score.tokenizers import DefaultTokenizer

        reader: Any = DefaultTokenizer(use_stemmer=False)
        name = "rouge-score's tokenizer (it keeps only a-z and 0-9)"
    else:
        reader = UnicodeTokenizer(snowball_language(tokenizer))
        name = f"the {snowball_language(tokenizer)} tokenizer"
    shown = records[:sample]
    empty = sum(not reader.tokenize("\n".join(r.reference)) for r in shown)
    if shown and empty > UNREAD_REFERENCES * len(shown):
        raise DataError(f"{name} finds no word in {empty} of the first {len(shown)} "
                        "references, so every score would be 0; name the language of their "
                        "words with --tokenizer")


def make_scorer(tokenizer: str = DEFAULT_TOKENIZER) -> Any:
    """rouge-score's scorer for ROUGE-1/2/Lsum with stemming, or :class:`MissingDependency`.

    ``tokenizer`` is ``"rouge"`` (rouge-score's own, the published protocol) or a language
    (:func:`snowball_language`) for :class:`UnicodeTokenizer`.
    """
    try:
        from rouge_score import rouge_scorer
    except ImportError:
        raise MissingDependency(
            "ROUGE needs the rouge-score package: pip install 'briefer[eval]'"
        ) from None
    if tokenizer == DEFAULT_TOKENIZER:
        return rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)
    return rouge_scorer.RougeScorer(list(ROUGE_TYPES),
                                    tokenizer=UnicodeTokenizer(snowball_language(tokenizer)))


def snowball_language(name: str) -> str:
    """The Snowball stemmer name for ``name`` (an ISO 639-1 code or the name itself).

    Raises :class:`ValueError` naming the choices for anything else.
    """
    key = name.strip().lower()
    if key in SNOWBALL_LANGUAGES.values():
        return key
    if key in SNOWBALL_LANGUAGES:
        return SNOWBALL_LANGUAGES[key]
    choices = ", ".join(sorted(SNOWBALL_LANGUAGES))
    raise ValueError(f"unknown tokenizer language {name!r} (choose rouge or one of: {choices})")


class UnicodeTokenizer:
    """ROUGE tokens for any language: Unicode words kept whole, lower-cased, Snowball-stemmed.

    rouge-score's default tokenizer keeps only ``[a-z0-9]``, so "niño" becomes "ni" and "o"
    and "Straße" "stra" and "e": accented text is scored on fragments.  Here a token is a
    maximal run of Unicode word characters (``\\w+``; "l'été" gives "l" and "été", as
    rouge-score splits "don't"), case-folded, then stemmed with the language's Snowball stemmer
    (NLTK's, the one briefer's rankers use), so "niños" and "niño" match as "cats" and "cat" do
    in English.  The interface is rouge-score's ``Tokenizer``: one ``tokenize(text)`` method.
    """

    WORD = re.compile(r"\w+")

    def __init__(self, language: str) -> None:
        from briefer.tokens import make_stemmer

        self.language = language
        self._stem = make_stemmer(language)

    def tokenize(self, text: str) -> list[str]:
        return [self._stem(w) for w in self.WORD.findall(text.casefold())]


def rouge_f1(scorer: Any, reference: Sequence[str], summary: Sequence[str]) -> tuple[float, ...]:
    """ROUGE-1, -2 and -Lsum F1 (0-1) of ``summary`` sentences against ``reference`` ones."""
    scores = scorer.score("\n".join(reference), "\n".join(summary))
    return tuple(scores[t].fmeasure for t in ROUGE_TYPES)


def baseline_label(count: int | None, words: int | None = None) -> str:
    if words is not None:
        return f"LEAD-{words}w"
    return f"LEAD-{count}" if count is not None else "LEAD-ref"


def label(name: str, count: int | None, words: int | None = None) -> str:
    """The row's name as printed: LEAD-3 (LEAD-100w for a word budget), oracle-3, or the
    ranker's name."""
    if name == BASELINE:
        return baseline_label(count, words)
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
    tokenizer: str = AUTO,
    language: str = AUTO,
    words: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> Evaluation:
    """Score LEAD-``count``, each of ``algorithms`` and optionally the oracle on ``records``.

    ``count=None`` takes as many sentences as each reference has lines.  ``jobs`` > 1 spreads
    documents over that many processes (0 means one per CPU); the timings then share the CPUs
    too.  ``language`` is given to :func:`briefer.api.split` for every document (``"auto"``
    detects each one's) and names the data's language (:func:`data_language`), which an
    ``"auto"`` ``tokenizer`` follows (:func:`resolve_tokenizer`); the tokenizer is then passed
    to :func:`make_scorer`.  ``words`` replaces ``count`` by a
    word budget (:func:`briefer.select.select_top`'s rule: best first while they fit; the
    oracle has no budgeted form, so it cannot be asked for with one).  ``progress(k)`` is
    called each time ``k`` more documents are done.
    """
    from briefer.rank import get_ranker

    names = [BASELINE] + [a.lower() for a in algorithms if a.lower() != BASELINE]
    for name in names:
        get_ranker(name)  # an unknown name fails here, before any work
    if oracle:
        if words is not None:
            raise ValueError("the greedy oracle picks sentences, not words: no word budget")
        names.append(ORACLE)
    code = data_language(records, language)
    tokenizer = resolve_tokenizer(tokenizer, code)
    make_scorer(tokenizer)  # and so do a missing rouge-score and an unknown language
    check_readable(records, tokenizer)
    scores: list[np.ndarray] = []
    seconds = np.zeros(len(names))
    for chunk_scores, chunk_seconds in _run_chunks(records, names, (count, words), jobs,
                                                     (tokenizer, language)):
        scores.append(chunk_scores)
        seconds += chunk_seconds
        if progress is not None:
            progress(chunk_scores.shape[1])
    table = np.concatenate(scores, axis=1)  # algorithm x document x metric
    n = len(records)
    rows = tuple(
        Row(name, label(name, count, words),
            *(round(100 * float(v), 2) for v in table[k].mean(axis=0)),
            round(1000 * float(seconds[k]) / n, 2))
        for k, name in enumerate(names)
    )
    return Evaluation(rows, n, count, tuple(table), tokenizer, words=words, language=code)


def score_chunk(records: Sequence[Record], names: Sequence[str],
                length: tuple[int | None, int | None],
                how: tuple[str, str] = (DEFAULT_TOKENIZER, AUTO)
                ) -> tuple[np.ndarray, np.ndarray]:
    """ROUGE F1 (algorithm x document x metric) and summed seconds per algorithm of a share.

    ``length`` is ``(count, words)`` and ``how`` is ``(tokenizer, language)``, the tokenizer
    resolved, as :func:`evaluate` takes them.
    """
    from briefer import api

    count, words = length
    tokenizer, language = how
    scorer = make_scorer(tokenizer)
    scores = np.zeros((len(names), len(records), len(ROUGE_TYPES)))
    seconds = np.zeros(len(names))
    for d, record in enumerate(records):
        doc = api.split(record.text, source=record.id, language=language, title=record.title)
        n = len(record.reference) if count is None else count
        for k, name in enumerate(names):
            t0 = time.perf_counter()
            if name == ORACLE:
                texts = [s.text for s in doc.sentences]
                picked = [texts[i] for i in greedy_oracle(scorer, texts, record.reference, n)]
            else:
                picked = [s.text for s in api.summarize(doc, count=n, words=words,
                                                          algorithm=name).sentences]
            seconds[k] += time.perf_counter() - t0
            scores[k, d] = rouge_f1(scorer, record.reference, picked)
    return scores, seconds


def _run_chunks(records: Sequence[Record], names: Sequence[str],
                length: tuple[int | None, int | None], jobs: int, how: tuple[str, str]
                ) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    jobs = jobs or os.cpu_count() or 1
    size = 8
    chunks = [records[i:i + size] for i in range(0, len(records), size)]
    if jobs == 1 or len(chunks) == 1:
        for chunk in chunks:
            yield score_chunk(chunk, names, length, how)
        return
    with ProcessPoolExecutor(max_workers=min(jobs, len(chunks))) as pool:
        futures = [pool.submit(score_chunk, chunk, names, length, how) for chunk in chunks]
        for future in futures:
            yield future.result()


def paired_bootstrap(differences: Sequence[np.ndarray], resamples: int,
                     seed: int = BOOTSTRAP_SEED) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Mean and 95% percentile interval of per-document ``differences`` (document x metric).

    The paired bootstrap of Koehn (2004) and Berg-Kirkpatrick et al. (2012): documents are
    drawn with replacement ``resamples`` times and the mean difference (ranker minus
    baseline on the *same* documents) recomputed; the 2.5th and 97.5th percentiles bound it.
    With several arrays (data files), each is resampled within itself and their means are
    averaged, as the mean row averages files: a stratified bootstrap.  Returns mean, low and
    high, one value per metric.
    """
    rng = np.random.default_rng(seed)
    mean = np.mean([d.mean(axis=0) for d in differences], axis=0)
    draws = np.zeros((resamples, differences[0].shape[1]))
    block = 500  # resamples per step, so memory stays at block x documents
    for start in range(0, resamples, block):
        size = min(block, resamples - start)
        for d in differences:
            picks = rng.integers(0, len(d), size=(size, len(d)))
            draws[start:start + size] += d[picks].mean(axis=1)
    draws /= len(differences)
    low, high = np.percentile(draws, [2.5, 97.5], axis=0)
    return mean, low, high


def with_intervals(result: Evaluation, resamples: int, seed: int = BOOTSTRAP_SEED
                   ) -> Evaluation:
    """``result`` with each non-LEAD row's paired bootstrap interval against LEAD (x100)."""
    rows = [result.rows[0]]
    base = result.per_document[0]
    for row, values in zip(result.rows[1:], result.per_document[1:], strict=True):
        rows.append(replace(row, interval=interval_of([values - base], resamples, seed)))
    return replace(result, rows=tuple(rows), resamples=resamples)


def interval_of(differences: Sequence[np.ndarray], resamples: int, seed: int = BOOTSTRAP_SEED
                ) -> Interval:
    """:func:`paired_bootstrap` of F1 differences as an :class:`Interval` in ROUGE x100."""
    mean, low, high = paired_bootstrap(differences, resamples, seed)

    def points(values: np.ndarray) -> tuple[float, float, float]:
        return tuple(round(100 * float(v), 2) for v in values)  # type: ignore[return-value]

    return Interval(points(mean), points(low), points(high))


def mean_over(results: Sequence[Evaluation], resamples: int = 0,
              seed: int = BOOTSTRAP_SEED) -> Evaluation:
    """One row per algorithm: the mean over data files of each file's mean (each file counts
    once, whatever its size).  With ``resamples``, intervals come from a bootstrap stratified
    by file.  All results must score the same algorithms.
    """
    first = results[0]
    names = [r.algorithm for r in first.rows]
    for other in results[1:]:
        if [r.algorithm for r in other.rows] != names:
            raise ValueError("the evaluations score different algorithms")
    rows = []
    for k, row in enumerate(first.rows):
        values = [[r.rows[k].rouge1, r.rows[k].rouge2, r.rows[k].rougeLsum, r.rows[k].ms_per_doc]
                  for r in results]
        means = [round(float(v), 2) for v in np.mean(values, axis=0)]
        interval = None
        if resamples and k > 0:
            interval = interval_of([r.per_document[k] - r.per_document[0] for r in results],
                                   resamples, seed)
        rows.append(Row(row.algorithm, row.label, *means, interval=interval))
    count = first.count if all(r.count == first.count for r in results) else None
    languages = {r.language for r in results}
    tokenizers = {r.tokenizer for r in results}
    return Evaluation(tuple(rows), sum(r.documents for r in results), count,
                      tokenizer=first.tokenizer if len(tokenizers) == 1 else PER_FILE,
                      resamples=resamples, words=first.words,
                      language=languages.pop() if len(languages) == 1 else MULTIPLE)


def checksum(path: str | os.PathLike[str]) -> str:
    """The SHA-256 of a data file's bytes (hex), so a table names exactly what it scored."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError as err:
        raise DataError(f"cannot read {path}: {err.strerror or err}") from None
    return digest.hexdigest()
