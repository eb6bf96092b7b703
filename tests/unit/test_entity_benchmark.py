"""The entity benchmark's matching (the issue's definition) and a floor on a slice of wikigold.

The floor is what the finder scores on 20 articles of ``../shared/data/ner_wikigold.jsonl``
today, less a small margin: it fails when a change makes "Who and where" worse, not when the
machine is slow.  The articles are read from the shared data (CI has it beside the checkout),
not copied into tests/: wikigold is CC-BY 4.0, and tests/ holds only MIT/Apache-2.0 cases and
our own.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("bench_entities",
                                               ROOT / "benchmarks" / "bench_entities.py")
bench = importlib.util.module_from_spec(_spec)
sys.modules["bench_entities"] = bench  # dataclasses look their module up
_spec.loader.exec_module(bench)

#: Measured on the slice when the floor was last raised (0.924 / 0.825, see docs/entities.md),
#: less a margin of about one article; 0.917 / 0.825 before the list showed, past twelve,
#: everything named twice (up to twenty), 0.899 / 0.842 after: three more names listed
#: wrong and one more right on these 20 articles (the whole dev half: 0.921 / 0.785 ->
#: 0.918 / 0.815), a trade made on purpose, so the precision floor went down with it.
PRECISION_FLOOR = 0.89
RECALL_FLOOR = 0.82
#: Our newswire gold's dev half (23 articles) measured 0.959 / 0.637 when this was first set,
#: 0.948 / 0.667 after the lower-cased places, 0.982 / 0.843 when raised to 0.96 / 0.80,
#: 0.982 / 0.882 when the recall floor was raised (less a margin of about one article).
NEWSWIRE_PRECISION_FLOOR = 0.96
NEWSWIRE_RECALL_FLOOR = 0.85
#: The fresh gold's dev half (16 articles) measured 0.879 / 0.652 when it was made
#: (1c9791d), 0.913 / 0.681 when these were set (less a margin of about one article).
FRESH_PRECISION_FLOOR = 0.88
FRESH_RECALL_FLOOR = 0.64
#: The third gold's dev half (15 articles, cased news only) measured 0.925 / 0.818 when it
#: was made, before any of its errors was read (less a margin of about one article).
THIRD_PRECISION_FLOOR = 0.90
THIRD_RECALL_FLOOR = 0.78


def test_names_match_by_contiguous_words_case_accents_and_the() -> None:
    assert bench.matches("Maduro", "Nicolás Maduro")
    assert bench.matches("nicolas maduro", "Nicolás Maduro")
    assert bench.matches("The Beatles", "Beatles")
    assert not bench.matches("Nicolás Rojas", "Nicolás Maduro")
    assert not bench.matches("Maduro Nicolás", "Nicolás Maduro")


def test_declared_equivalents_match() -> None:
    for name in ["U.S.", "US", "USA", "America"]:
        assert bench.matches(name, "United States")
    for name in ["UK", "Britain", "Great Britain"]:
        assert bench.matches(name, "United Kingdom")
    assert bench.matches("UN", "United Nations")
    assert not bench.matches("UK", "United States")


def test_misc_and_unwritten_names_are_left_out_and_wrong_kinds_count() -> None:
    text = "Venezuelan troops met Ana Rojas. Ana Rojas spoke. The Olympics began in Rome."
    gold = {"PER": {"Ana Rojas": 2}, "LOC": {"Rome": 1}, "MISC": {"Venezuelan": 1,
                                                                  "Olympics": 1}}
    listed = [("Ana Rojas", "person"), ("Venezuela", "place"), ("Olympics", "organisation"),
              ("Rome", "person")]
    t = bench.score(text, gold, listed)
    assert (t["person"].right, t["person"].listed) == (1, 2)  # Rome as a person is wrong
    assert t["place"].listed == 0  # the text never writes "Venezuela"
    assert t["organisation"].listed == 0  # gold MISC
    assert (t["person"].found, t["person"].salient) == (1, 1)


def test_surname_mentions_fold_into_the_full_name_for_salience() -> None:
    gold = {"PER": {"Nicolás Maduro": 1, "Maduro": 2, "Ana Rojas": 1},
            "ORG": {"Reuters": 2}, "LOC": {"Goma": 1}}
    assert sorted(bench.salient(gold)) == [("organisation", "Reuters"),
                                           ("person", "Nicolás Maduro")]


#: Every fifth article of the benchmark's dev part (none of its held-out quarter).
SLICE_IDS = frozenset(f"wikigold-{n:03d}" for n in (
    2, 8, 13, 21, 28, 33, 38, 43, 48, 54, 62, 67, 74, 82, 87, 93, 100, 107, 114, 122))


def test_the_finder_keeps_its_floor_on_a_slice_of_wikigold(shared_data: Path) -> None:
    path = shared_data / "ner_wikigold.jsonl"
    records = [r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())
               if r["id"] in SLICE_IDS]
    totals, n = bench.evaluate(records)
    assert n == len(SLICE_IDS) == 20
    assert totals["all"].precision >= PRECISION_FLOOR
    assert totals["all"].recall >= RECALL_FLOOR


@pytest.mark.parametrize(("name", "articles", "dev", "floors", "joined"), [
    ("entities_newswire.jsonl", 40, 23, (NEWSWIRE_PRECISION_FLOOR, NEWSWIRE_RECALL_FLOOR),
     False),
    # (the fresh gold's "bySPORT": the article runs two words together)
    ("entities_fresh.jsonl", 30, 16, (FRESH_PRECISION_FLOOR, FRESH_RECALL_FLOOR), True),
    ("entities_third.jsonl", 30, 15, (THIRD_PRECISION_FLOOR, THIRD_RECALL_FLOOR), False),
])
def test_our_gold_lines_up_with_its_articles_and_keeps_a_floor(
        shared_data: Path, name: str, articles: int, dev: int, floors: tuple[float, float],
        joined: bool) -> None:
    """Our golds keep only ids and offsets (``tests/data/README.md``): every span must fall
    on a word boundary of the article it names, its mentions must add up to the
    ``entities`` counts, and the finder keeps its floor on the dev half."""
    records = _gold_lines(name, shared_data, joined=joined)
    assert len(records) == articles
    totals, n = bench.evaluate([r for r in records if r["part"] == "dev"])
    assert n == dev
    assert totals["all"].precision >= floors[0]
    assert totals["all"].recall >= floors[1]


def _gold_lines(name: str, shared_data: Path, *, joined: bool) -> list[dict]:
    """The records of one of our golds with their articles, each span checked: on word
    boundaries (with ``joined``, also where two words run together with a change of case),
    no blank at either end, and the mentions adding up to the ``entities`` counts."""
    path = ROOT / "tests" / "data" / name
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    bench.attach_texts(records, shared_data)
    assert {r["part"] for r in records} == {"dev", "held"}

    def bounded(a: str, b: str) -> bool:  # a boundary between characters a and b
        return not (a.isalnum() and b.isalnum()) or (joined and a.islower() != b.islower())

    for rec in records:
        text = rec["text"]
        for start, end, _kind in rec["spans"]:
            assert text[start:end].strip() == text[start:end] and text[start:end]
            assert start == 0 or bounded(text[start - 1], text[start]), (rec["id"], start)
            assert end == len(text) or bounded(text[end - 1], text[end]), (rec["id"], end)
        counted = {k: sum(v.values()) for k, v in rec["entities"].items()}
        spans = {k: sum(1 for s in rec["spans"] if s[2] == k) for k in counted}
        assert counted == spans, rec["id"]
    return records
