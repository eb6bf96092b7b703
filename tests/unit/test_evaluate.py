"""The evaluation core: reading the data, ROUGE known by hand, LEAD as the baseline row.

``tests/data/eval_tiny.jsonl`` holds two documents whose scores are worked out below.
rouge-score lower-cases, splits on non-alphanumerics and Porter-stems tokens longer than three
characters, the same way on both sides, so the words can be counted as written.

- ``cat``: the reference is the article's first two sentences, so LEAD-2 (``--ref-length``)
  equals it: ROUGE-1 = ROUGE-2 = ROUGE-Lsum = 100.  LEAD-1 is the first sentence alone:
  6 of its 6 words are in the 11-word reference, P = 1, R = 6/11, F1 = 12/17; bigrams 5 of 5
  in 10 (the reference has one across its line break, "mat dogs"), F1 = 2/3; the LCS is the
  whole sentence, so ROUGE-Lsum = ROUGE-1.
- ``fox``: LEAD-1 "Red fox ran far." against "Red fox sat.": unigrams 2 of 4 predicted, 2 of 3
  reference, F1 = 2 * (1/2)(2/3) / (1/2 + 2/3) = 4/7; bigrams (red fox) 1 of 3 and 1 of 2,
  F1 = 2/5; LCS "red fox" = 2 words, ROUGE-Lsum = 4/7.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

from briefer import evaluate
from briefer.rank import UnknownAlgorithm

TINY = Path(__file__).resolve().parents[1] / "data" / "eval_tiny.jsonl"


def test_read_records_splits_reference_lines() -> None:
    records = evaluate.read_records(TINY)
    assert [r.id for r in records] == ["cat", "fox"]
    assert records[0].reference == ("The cat sat on the mat.", "Dogs bark loudly at night.")
    assert records[1].text.startswith("Red fox ran far.")
    assert len(evaluate.read_records(TINY, limit=1)) == 1


def test_ref_length_lead_matches_the_hand_computed_scores() -> None:
    result = evaluate.evaluate(evaluate.read_records(TINY), ["lead"], count=None)
    (row,) = result.rows  # "lead" asked for again is not scored twice
    assert row.label == "LEAD-ref"
    assert row.rouge1 == round(100 * (1 + 4 / 7) / 2, 2) == 78.57
    assert row.rouge2 == round(100 * (1 + 2 / 5) / 2, 2) == 70.0
    assert row.rougeLsum == 78.57
    assert result.documents == 2 and result.count is None


def test_lead_one_matches_the_hand_computed_scores() -> None:
    result = evaluate.evaluate(evaluate.read_records(TINY), [], count=1)
    row = result.rows[0]
    assert row.label == "LEAD-1"
    assert row.rouge1 == round(100 * (12 / 17 + 4 / 7) / 2, 2)
    assert row.rouge2 == round(100 * (2 / 3 + 2 / 5) / 2, 2)
    assert row.rougeLsum == row.rouge1


def test_baseline_first_then_algorithms_in_order_with_timings() -> None:
    result = evaluate.evaluate(evaluate.read_records(TINY), ["pacsum", "sumy-luhn"], count=2)
    assert [r.algorithm for r in result.rows] == ["lead", "pacsum", "sumy-luhn"]
    for row in result.rows:
        assert 0 <= row.rouge1 <= 100 and 0 <= row.rouge2 <= 100 and 0 <= row.rougeLsum <= 100
        assert row.ms_per_doc >= 0


def test_parallel_scores_equal_serial_and_progress_counts_every_document() -> None:
    records = evaluate.read_records(TINY) * 9  # 18 documents: more than one chunk
    seen: list[int] = []
    serial = evaluate.evaluate(records, ["pacsum"], count=2, jobs=1, progress=seen.append)
    parallel = evaluate.evaluate(records, ["pacsum"], count=2, jobs=2)
    assert sum(seen) == len(records)
    strip = [(r.label, r.rouge1, r.rouge2, r.rougeLsum) for r in serial.rows]
    assert strip == [(r.label, r.rouge1, r.rouge2, r.rougeLsum) for r in parallel.rows]


def test_rouge_f1_of_identical_text_is_one() -> None:
    scorer = evaluate.make_scorer()
    assert evaluate.rouge_f1(scorer, ["A cat sat."], ["A cat sat."]) == (1.0, 1.0, 1.0)
    assert evaluate.rouge_f1(scorer, ["A cat sat."], []) == (0.0, 0.0, 0.0)


def test_unknown_algorithm_fails_before_any_work() -> None:
    with pytest.raises(UnknownAlgorithm):
        evaluate.evaluate(evaluate.read_records(TINY), ["no-such-ranker"])


@pytest.mark.parametrize(("content", "message"), [
    (None, "no such file"),
    ("", "no records"),
    ("this is not json\n", "line 1: not a JSON object"),
    ('[1, 2]\n', "line 1: not a JSON object"),
    ('{"article": "A text.", "reference": "A."}\n{"article": "B."}\n',
     "line 2: no 'reference', 'highlights' or 'summary' field"),
    ('{"body": "A text.", "reference": "A."}\n',
     "line 1: no 'article', 'text' or 'document' field \\(name the field with --text-field\\)"),
    ('{"article": "A text.", "reference": 3}\n', "neither a string"),
    ('{"article": "A text.", "reference": "  \\n "}\n', "'reference' is empty"),
    ('{"article": " \\n", "reference": "A."}\n', "line 1: 'article' is empty"),
])
def test_bad_data_is_a_data_error_naming_the_line(tmp_path: Path, content: str | None,
                                                   message: str) -> None:
    path = tmp_path / "data.jsonl"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(evaluate.DataError, match=message):
        evaluate.read_records(path)


def test_blank_lines_are_skipped_and_text_field_is_configurable(tmp_path: Path) -> None:
    path = tmp_path / "data.jsonl"
    path.write_text("\n" + json.dumps({"text": "One. Two.", "reference": ["One."]}) + "\n\n",
                    encoding="utf-8")
    (record,) = evaluate.read_records(path, text_field="text")
    assert record.reference == ("One.",) and record.id == "2"


def test_missing_rouge_score_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "rouge_score", None)
    with pytest.raises(evaluate.MissingDependency, match=r"pip install 'briefer\[eval\]'"):
        evaluate.make_scorer()


def test_greedy_oracle_stops_when_no_sentence_helps_and_matches_hand_scores() -> None:
    """Two sentences allowed.  ``cat``: the two reference sentences, ROUGE 100.  ``fox``:
    "Red fox ran far." (4/7, 2/5 as above); any second sentence only adds unmatched words,
    so the oracle stops at one sentence and LEAD-2 (which takes a second) scores lower."""
    result = evaluate.evaluate(evaluate.read_records(TINY), [], count=2, oracle=True)
    lead, oracle = result.rows
    assert (oracle.algorithm, oracle.label) == ("oracle", "greedy oracle-2")
    assert oracle.rouge1 == round(100 * (1 + 4 / 7) / 2, 2) == 78.57
    assert oracle.rouge2 == round(100 * (1 + 2 / 5) / 2, 2) == 70.0
    assert lead.rouge1 < oracle.rouge1


def test_greedy_oracle_picks_in_source_order() -> None:
    scorer = evaluate.make_scorer()
    sentences = ["Markets were calm.", "The bridge reopened on Monday.", "Traffic flowed again."]
    reference = ["Traffic flowed again after the bridge reopened."]
    assert evaluate.greedy_oracle(scorer, sentences, reference, 3) == [1, 2]
    assert evaluate.greedy_oracle(scorer, sentences, reference, 1) == [2]
    assert evaluate.greedy_oracle(scorer, [], reference, 3) == []


def test_per_document_scores_are_what_the_rows_average() -> None:
    result = evaluate.evaluate(evaluate.read_records(TINY), ["pacsum"], count=1)
    assert len(result.per_document) == 2 and result.per_document[0].shape == (2, 3)
    lead = result.per_document[0]
    assert lead[:, 0].tolist() == pytest.approx([12 / 17, 4 / 7])  # worked out above
    for row, values in zip(result.rows, result.per_document, strict=True):
        assert row.rouge1 == round(100 * values[:, 0].mean(), 2)


def test_paired_bootstrap_of_two_documents_spans_their_differences() -> None:
    # means of 2 draws from {0, 1}: 0, 0.5 or 1 with chances 1/4, 1/2, 1/4, so the 2.5th and
    # 97.5th percentiles of many resamples are exactly 0 and 1
    diffs = np.array([[0.0, 0.2, 0.0], [1.0, 0.2, 0.5]])
    mean, low, high = evaluate.paired_bootstrap([diffs], 4000)
    assert mean.tolist() == pytest.approx([0.5, 0.2, 0.25])
    assert low.tolist() == pytest.approx([0.0, 0.2, 0.0])
    assert high.tolist() == pytest.approx([1.0, 0.2, 0.5])
    again = evaluate.paired_bootstrap([diffs], 4000)
    assert all((a == b).all() for a, b in zip((mean, low, high), again, strict=True))


def test_paired_bootstrap_narrows_with_more_documents() -> None:
    rng = np.random.default_rng(1)
    few = rng.normal(0.01, 0.05, size=(50, 3))
    many = rng.normal(0.01, 0.05, size=(2000, 3))
    _, low_f, high_f = evaluate.paired_bootstrap([few], 1000)
    _, low_m, high_m = evaluate.paired_bootstrap([many], 1000)
    assert ((high_m - low_m) < (high_f - low_f) / 3).all()
    assert (low_m < many.mean(axis=0)).all() and (many.mean(axis=0) < high_m).all()


def test_intervals_are_of_each_ranker_minus_lead() -> None:
    result = evaluate.with_intervals(
        evaluate.evaluate(evaluate.read_records(TINY), ["pacsum"], count=1), 500)
    lead, ranker = result.rows
    assert lead.interval is None and result.resamples == 500
    diff = result.per_document[1] - result.per_document[0]
    assert ranker.interval.delta == tuple(round(100 * v, 2) for v in diff.mean(axis=0))
    assert all(lo <= d <= hi for lo, d, hi in zip(ranker.interval.low, ranker.interval.delta,
                                                  ranker.interval.high, strict=True))


def test_mean_over_files_counts_each_file_once() -> None:
    records = evaluate.read_records(TINY)
    one = evaluate.evaluate(records[:1], ["pacsum"], count=1)
    both = evaluate.evaluate(records, ["pacsum"], count=1)
    mean = evaluate.mean_over([one, both], resamples=200)
    assert mean.rows[0].rouge1 == round((one.rows[0].rouge1 + both.rows[0].rouge1) / 2, 2)
    assert mean.documents == 3 and mean.rows[1].interval is not None
    with pytest.raises(ValueError, match="different algorithms"):
        evaluate.mean_over([one, evaluate.evaluate(records, [], count=1)])


def test_unicode_tokenizer_keeps_accented_words_whole_and_stems_them() -> None:
    default = evaluate.make_scorer()
    spanish = evaluate.make_scorer("es")
    # rouge-score's own tokens: "niño" is "ni" + "o", so it half matches the word "ni"
    assert evaluate.rouge_f1(default, ["niño"], ["ni"])[0] == pytest.approx(2 / 3)
    assert evaluate.rouge_f1(spanish, ["niño"], ["ni"])[0] == 0.0
    assert evaluate.rouge_f1(spanish, ["Los niños"], ["los niño"])[0] == 1.0
    tokens = evaluate.UnicodeTokenizer("german").tokenize("Die Straße, die Straßen!")
    assert tokens[1] == tokens[3] and "stra" not in tokens


def test_tokenizer_languages_by_code_or_name() -> None:
    assert evaluate.snowball_language("es") == evaluate.snowball_language("Spanish") == "spanish"
    with pytest.raises(ValueError, match="choose rouge or one of"):
        evaluate.snowball_language("klingon")
    with pytest.raises(ValueError):
        evaluate.evaluate(evaluate.read_records(TINY), [], tokenizer="klingon")


def test_checksum_is_the_sha256_of_the_bytes(tmp_path: Path) -> None:
    import hashlib

    assert evaluate.checksum(TINY) == hashlib.sha256(TINY.read_bytes()).hexdigest()
    with pytest.raises(evaluate.DataError, match="cannot read"):
        evaluate.checksum(tmp_path / "missing.jsonl")


def test_a_word_budget_of_six_is_lead_one_on_the_tiny_set() -> None:
    # "The cat sat on the mat." and "Red fox ran far." fit 6 words; no second sentence does
    records = evaluate.read_records(TINY)
    budget = evaluate.evaluate(records, [], words=6)
    one = evaluate.evaluate(records, [], count=1)
    assert budget.rows[0].label == "LEAD-6w" and budget.words == 6
    assert budget.rows[0].rouge1 == one.rows[0].rouge1
    assert evaluate.evaluate(records, [], words=11).rows[0].rouge1 > one.rows[0].rouge1
    with pytest.raises(ValueError, match="no word budget"):
        evaluate.evaluate(records, [], words=6, oracle=True)


def _spanish_records(tmp_path: Path) -> list:
    path = tmp_path / "noticias.jsonl"
    rows = [
        {"id": "a", "article": "El niño jugó en el parque con sus amigos. La lluvia llegó por "
                               "la tarde y todos se fueron a casa. Nadie se quejó del tiempo.",
         "reference": "El niño jugó en el parque."},
        {"id": "b", "article": "Los ministros se reunieron el lunes en la capital. Después "
                               "firmaron un acuerdo sobre el comercio de la región.",
         "reference": "Los ministros firmaron un acuerdo."},
    ]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                    encoding="utf-8")
    return evaluate.read_records(path)


def test_the_tokenizer_follows_the_datas_language(tmp_path: Path) -> None:
    spanish = evaluate.evaluate(_spanish_records(tmp_path), [], count=1)
    assert spanish.language == "es" and spanish.tokenizer == "es"
    # The scores are the Spanish tokenizer's, not rouge-score's fragments of "niño".
    records = _spanish_records(tmp_path)

    def scores(result: evaluate.Evaluation) -> list[tuple[float, float, float]]:
        return [(r.rouge1, r.rouge2, r.rougeLsum) for r in result.rows]

    assert scores(spanish) == scores(evaluate.evaluate(records, [], count=1, tokenizer="es"))
    assert scores(spanish) != scores(evaluate.evaluate(records, [], count=1, tokenizer="rouge"))
    english = evaluate.evaluate(evaluate.read_records(TINY), [], count=1)
    assert english.language == "en" and english.tokenizer == "rouge"  # the published protocol


def test_a_named_language_is_the_datas_and_the_splitters(tmp_path: Path) -> None:
    forced = evaluate.evaluate(_spanish_records(tmp_path), [], count=1, language="pt")
    assert forced.language == "pt" and forced.tokenizer == "pt"
    with pytest.raises(ValueError, match="unsupported language"):
        evaluate.evaluate(_spanish_records(tmp_path), [], language="xx")


def test_the_mean_of_files_in_two_languages_is_marked_multiple(tmp_path: Path) -> None:
    mean = evaluate.mean_over([evaluate.evaluate(_spanish_records(tmp_path), [], count=1),
                               evaluate.evaluate(evaluate.read_records(TINY), [], count=1)])
    assert mean.language == evaluate.MULTIPLE and mean.tokenizer == evaluate.PER_FILE


@pytest.mark.parametrize(("record", "text", "title"), [
    ({"text": "One. Two.", "summary": "One.", "title": " A  headline "}, "One. Two.",
     "A headline"),  # Newsroom
    ({"document": "One.\nTwo.", "summary": "One.", "id": "x"}, "One.\n\nTwo.", None),  # XSum
    ({"article": "One. Two.", "highlights": "One.", "title": 7}, "One. Two.", None),  # CNN/DM
])
def test_the_common_corpora_are_read_by_their_own_field_names(
        tmp_path: Path, record: dict[str, object], text: str, title: str | None) -> None:
    path = tmp_path / "data.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (read,) = evaluate.read_records(path)
    assert (read.text, read.reference, read.title) == (text, ("One.",), title)


def test_a_named_field_is_the_only_one_read(tmp_path: Path) -> None:
    path = tmp_path / "data.jsonl"
    path.write_text(json.dumps({"article": "A.", "body": "B.", "reference": "R.",
                                "abstract": "S.", "title": "T", "kicker": "K"}) + "\n",
                    encoding="utf-8")
    (read,) = evaluate.read_records(path, text_field="body", reference_field="abstract",
                                    title_field="kicker")
    assert (read.text, read.reference, read.title) == ("B.", ("S.",), "K")
    with pytest.raises(evaluate.DataError, match="no 'summary' field"):
        evaluate.read_records(path, reference_field="summary")
    with pytest.raises(evaluate.DataError, match="no 'titel' field"):
        evaluate.read_records(path, title_field="titel")  # not silently untitled


@pytest.mark.parametrize(("text", "expected"), [
    ("One block. Of text.", "One block. Of text."),
    ("First paragraph.\nSecond one.\n“A quote.”\nLast", "First paragraph.\n\nSecond one.\n\n"
     "“A quote.”\n\nLast"),
    ("A line wrapped\nin the middle. Then\nmore.", "A line wrapped\nin the middle. Then\nmore."),
    ("Blank lines.\n\nAlready.\nWrapped here.", "Blank lines.\n\nAlready.\nWrapped here."),
    # Hard-wrapped: most breaks fall mid-sentence, so none is a paragraph, not even the one
    # after a stop; a colon keeps its quotation (review finding).
    (w := "The minister met the\nambassador on Monday.\nShe told reporters on\nthe steps of "
          "the embassy:\n“We will not cut aid.”", w),
    ("\n".join(f"Line {n}." for n in range(9)) + "\nShe said:\n“Yes.”",
     "\n\n".join(f"Line {n}." for n in range(9)) + "\n\nShe said:\n“Yes.”"),
])
def test_paragraph_breaks_reads_one_paragraph_a_line(text: str, expected: str) -> None:
    assert evaluate.paragraph_breaks(text) == expected


def test_a_title_reaches_the_ranker_as_the_documents_headline(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefer import api

    seen: list[str | None] = []
    split = api.split

    def spy(text: str, **kwargs: object) -> object:
        doc = split(text, **kwargs)  # type: ignore[arg-type]
        seen.append(doc.title)
        return doc

    monkeypatch.setattr(api, "split", spy)
    path = tmp_path / "data.jsonl"
    path.write_text(json.dumps({"text": "Rain fell on the city. Roads closed.", "summary": "Rain.",
                                "title": "Storm hits city"}) + "\n", encoding="utf-8")
    evaluate.evaluate(evaluate.read_records(path), [], count=1)
    assert seen == ["Storm hits city"]
