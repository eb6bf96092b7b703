"""Sentence splitter: third-party gold (Golden Rules, pySBD cases), news cases, properties.

The gold lists are compared sentence by sentence with white space folded, because callers
fold it too (a hard-wrapped sentence is one sentence).  Known failures are listed by id and
marked strict xfail, so fixing one or breaking a passing one both fail the suite.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefer.segment import split_sentences

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "data" / "golden_rules_en.jsonl"
PYSBD_CASES = ROOT.parent / "shared" / "data" / "pysbd_english_cases.jsonl"

# Golden Rules the splitter does not pass (id -> why).  Empty: all 48 pass.
GOLDEN_KNOWN_FAILURES: dict[str, str] = {}
GOLDEN_MIN_PASSING = 46

# pySBD no-clean cases the splitter does not pass (id -> why).
PYSBD_KNOWN_FAILURES: dict[str, str] = {
    "regression_issue31_03": (
        "math text: 'each vertex in X. If X = ...' is one sentence in the gold, but a capital "
        "single letter followed by a sentence starter ('Malcolm X. He', 'Plan B. The') is "
        "taken as a boundary, which is what news text needs"
    ),
}
PYSBD_MIN_SHARE = 0.90


def _fold(s: str) -> str:
    return " ".join(s.split())


def _sentences(text: str) -> list[str]:
    return [_fold(text[a:b]) for a, b in split_sentences(text)]


def _load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _passes(case: dict) -> bool:
    return _sentences(case["text"]) == [_fold(s) for s in case["sentences"]]


GOLDEN_CASES = _load(GOLDEN)
PYSBD_NO_CLEAN = (
    [c for c in _load(PYSBD_CASES) if not c["expects_cleaning"]] if PYSBD_CASES.is_file() else []
)


def _params(cases: list[dict], known: dict[str, str]) -> list:
    return [
        pytest.param(
            case,
            id=case["id"],
            marks=[pytest.mark.xfail(reason=known[case["id"]], strict=True)]
            if case["id"] in known
            else [],
        )
        for case in cases
    ]


# --- third-party gold -----------------------------------------------------------------------


def test_golden_rules_file_is_complete() -> None:
    assert len(GOLDEN_CASES) == 48
    assert set(GOLDEN_KNOWN_FAILURES) <= {c["id"] for c in GOLDEN_CASES}


@pytest.mark.parametrize("case", _params(GOLDEN_CASES, GOLDEN_KNOWN_FAILURES))
def test_golden_rule(case: dict) -> None:
    assert _sentences(case["text"]) == [_fold(s) for s in case["sentences"]], case["rule"]


def test_golden_rules_total() -> None:
    passing = sum(_passes(c) for c in GOLDEN_CASES)
    assert passing >= GOLDEN_MIN_PASSING
    assert passing == len(GOLDEN_CASES) - len(GOLDEN_KNOWN_FAILURES)


@pytest.mark.skipif(not PYSBD_NO_CLEAN, reason="../shared/data/pysbd_english_cases.jsonl absent")
@pytest.mark.parametrize("case", _params(PYSBD_NO_CLEAN, PYSBD_KNOWN_FAILURES))
def test_pysbd_no_clean_case(case: dict) -> None:
    assert _sentences(case["text"]) == [_fold(s) for s in case["sentences"]]


def test_pysbd_no_clean_share() -> None:
    if not PYSBD_NO_CLEAN:
        pytest.skip("../shared/data/pysbd_english_cases.jsonl absent")
    passing = sum(_passes(c) for c in PYSBD_NO_CLEAN)
    assert passing / len(PYSBD_NO_CLEAN) >= PYSBD_MIN_SHARE
    assert passing == len(PYSBD_NO_CLEAN) - len(PYSBD_KNOWN_FAILURES)


# --- news cases -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Trump was unequivocal: “No, I don’t rule out that. I don’t rule out anything.” "
            "He justified the move.",
            ["Trump was unequivocal: “No, I don’t rule out that. I don’t rule out anything.”",
             "He justified the move."],
            id="curly-quote-stays-whole",
        ),
        pytest.param(
            'She said: "We are sad. We will miss him." The family left.',
            ['She said: "We are sad. We will miss him."', "The family left."],
            id="straight-quote-stays-whole",
        ),
        pytest.param(
            "He said: ‘Pay will rise. We need ten years.’ Others disagreed.",
            ["He said: ‘Pay will rise. We need ten years.’", "Others disagreed."],
            id="single-curly-quote-stays-whole",
        ),
        pytest.param(
            "Crowds gathered at the U.S. southern border. Then the U.S. dramatically "
            "escalates its response.",
            ["Crowds gathered at the U.S. southern border.",
             "Then the U.S. dramatically escalates its response."],
            id="us-mid-sentence",
        ),
        pytest.param(
            "The money was sent to the U.S. He said it was legal.",
            ["The money was sent to the U.S.", "He said it was legal."],
            id="us-before-pronoun",
        ),
        pytest.param(
            "Dr. Smith met Gen. Jones and Sen. Lee on Jan. 5 at No. 10 with Acme Inc. and "
            "Briggs & Co. The talks went well.",
            ["Dr. Smith met Gen. Jones and Sen. Lee on Jan. 5 at No. 10 with Acme Inc. and "
             "Briggs & Co.", "The talks went well."],
            id="abbreviations",
        ),
        pytest.param(
            "Her flight no. 123 left at 5 p.m. He said no. The rest followed.",
            ["Her flight no. 123 left at 5 p.m.", "He said no.", "The rest followed."],
            id="no-before-a-number",
        ),
        pytest.param(
            "Prices rose 3.14 percent to $1.5bn. Analysts, e.g. at UBS, i.e. the bank, agreed.",
            ["Prices rose 3.14 percent to $1.5bn.",
             "Analysts, e.g. at UBS, i.e. the bank, agreed."],
            id="numbers-eg-ie",
        ),
        pytest.param(
            "The vote is at 5 p.m. Friday. It closed at 6 p.m. Officials then left.",
            ["The vote is at 5 p.m. Friday.", "It closed at 6 p.m.", "Officials then left."],
            id="pm",
        ),
        pytest.param(
            "Visit https://example.com/a.html. Or write to jane.doe@example.org. Thanks.",
            ["Visit https://example.com/a.html.", "Or write to jane.doe@example.org.",
             "Thanks."],
            id="url-email",
        ),
        pytest.param(
            "He left. (He came back later.) Then he left again.",
            ["He left.", "(He came back later.)", "Then he left again."],
            id="parenthesised-sentence",
        ),
        pytest.param(
            '"Why?" she asked. "Stop!" he said. "Now!" It ended.',
            ['"Why?" she asked.', '"Stop!" he said.', '"Now!"', "It ended."],
            id="marks-inside-quotes",
        ),
        pytest.param(
            "It cost $69 (£45).The price cut followed.",
            ["It cost $69 (£45).", "The price cut followed."],
            id="glued-period",
        ),
        pytest.param(
            "He walked away... Then he came back. He said ... well, maybe.",
            ["He walked away...", "Then he came back.", "He said ... well, maybe."],
            id="ellipsis",
        ),
        pytest.param(
            "I met J. R. R. Tolkien. Malcolm X. He was famous.",
            ["I met J. R. R. Tolkien.", "Malcolm X.", "He was famous."],
            id="initials",
        ),
    ],
)
def test_news_cases(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


def test_hard_wrapped_lines_join() -> None:
    text = (
        "The committee said on Tuesday that the new rules, which were agreed after\n"
        "months of talks, would come into force next year. Critics said the rules\n"
        "did not go far enough.\n"
    )
    assert _sentences(text) == [
        "The committee said on Tuesday that the new rules, which were agreed after months of "
        "talks, would come into force next year.",
        "Critics said the rules did not go far enough.",
    ]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_headline_on_its_own_line_ends_there(newline: str) -> None:
    # The line and the next word would fit in the block's width: the break was the writer's.
    text = newline.join([
        "Rússia veta documento sobre a Bósnia",
        "Moscou exige que a conferência suspenda as sanções contra a Sérvia, disse ontem o "
        "porta-voz do governo russo em entrevista.",
        "Hawks beat Magic",
        "The Orlando Magic went to Atlanta and lost.",
    ])
    assert _sentences(text) == [
        "Rússia veta documento sobre a Bósnia",
        "Moscou exige que a conferência suspenda as sanções contra a Sérvia, disse ontem o "
        "porta-voz do governo russo em entrevista.",
        "Hawks beat Magic",
        "The Orlando Magic went to Atlanta and lost.",
    ]


def test_lines_wrapped_in_a_proportional_font_still_join() -> None:
    # Wrapped by ink, not characters: the line of capitals is short of the longest line, but
    # not by enough to be a line the writer ended.
    text = (
        "A letter presenting the engineer LAURA LEÓN\n"
        "SANDOVAL, who graduated from the Industrial Engineering\n"
        "programme in 2012 with honours, and who is now studying\n"
        "Industrial Engineering at a university in India.\n"
    )
    assert len(_sentences(text)) == 1


def test_a_short_line_before_a_lower_case_word_or_after_a_comma_continues() -> None:
    text = "The committee met on Tuesday and\nagreed on the rules, which\nCritics opposed."
    assert len(_sentences(text)) == 1
    text = "Dear colleagues,\nThe meeting is at noon."
    assert len(_sentences(text)) == 1


def test_blank_line_always_ends_a_sentence() -> None:
    text = "A heading without a stop\n\nFirst para ends here \n \t\n Second para.\r\n\r\nThird"
    assert _sentences(text) == [
        "A heading without a stop", "First para ends here", "Second para.", "Third",
    ]


def test_quote_left_open_does_not_cross_a_paragraph() -> None:
    text = "He said: “We will go. Nobody stops us.\n\n“We leave today. It is decided.”"
    assert _sentences(text) == [
        "He said: “We will go.", "Nobody stops us.", "“We leave today. It is decided.”",
    ]


def test_unclosed_quote_is_bounded() -> None:
    text = "An unclosed “quote starts here. " + "The rest goes on. " * 40
    sentences = _sentences(text)
    assert sentences[0] == "An unclosed “quote starts here."
    assert len(sentences) == 41


def test_list_lines_split_even_without_punctuation() -> None:
    text = "Ingredients:\n- flour\n- two eggs\n- milk\n\nSteps\n1. mix it\n2. bake it"
    assert _sentences(text) == [
        "Ingredients:", "- flour", "- two eggs", "- milk", "Steps", "1. mix it", "2. bake it",
    ]


def test_no_punctuation_is_split_at_line_breaks_when_long() -> None:
    lines = [f"headline number {i} without any stop" for i in range(40)]
    sentences = _sentences("\n".join(lines))
    assert sentences == lines


def test_very_long_text_without_punctuation_is_cut() -> None:
    text = " ".join(["word"] * 5000)
    spans = split_sentences(text)
    assert len(spans) > 10
    assert all(b - a <= 500 for a, b in spans)
    assert "".join(text[a:b] for a, b in spans).replace(" ", "") == text.replace(" ", "")


def test_long_run_on_prefers_a_comma_for_the_cut() -> None:
    clause = "and then the officials met the ministers in the capital"
    text = ", ".join([clause] * 20) + "."
    spans = split_sentences(text)
    assert len(spans) > 1
    assert all(text[b - 1] == "," for a, b in spans[:-1])


def test_empty_and_blank() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\n\t ") == []
    assert split_sentences("word") == [(0, 4)]


def test_offsets_point_into_the_original_text() -> None:
    text = "  First one.   Second\none!\n\n  Third?  "
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == ["First one.", "Second\none!", "Third?"]


@pytest.mark.parametrize(
    "text",
    [
        "." * 100_000 + "x",
        ". " * 50_000 + "x",
        "ab.Cdef" * 15_000,
        "\n- 1. x" * 15_000,
        '"a. B' * 20_000,
        "a." + ")" * 100_000 + "x",
        "x" * 100_000,
    ],
    ids=["dots", "spaced-dots", "glued", "list-lines", "quotes", "closers", "one-token"],
)
def test_adversarial_input_is_split_into_bounded_spans(text: str) -> None:
    """Pathological runs still give ordered, non-overlapping spans of at most the splitter's
    bound.  How fast is a benchmark's question (benchmarks/bench_segment.py), not a timed
    unit test's: a quadratic regression here shows as a slow suite, never a flaky one."""
    from briefer.segment import _MAX_CHARS

    spans = split_sentences(text)
    assert spans
    assert all(0 <= a < b <= len(text) for a, b in spans)
    assert all(b1 <= a2 for (_, b1), (a2, _) in zip(spans, spans[1:], strict=False))
    assert max(b - a for a, b in spans) <= _MAX_CHARS + 2


# --- properties -----------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "a", "Z", " ", "  ", "\n", "\n\n", "\t", "\r\n", ".", "!", "?", "…", "...", " . . . ",
        "'", '"', "“", "”", "‘", "’", "(", ")", "[", "]", "•", "⁃", "-", "*", "1.", "2)", "a.",
        "Mr.", "U.S.", "e.g.", "p.m.", "I.", "The", "He", "Yahoo!", "www.x.com", ".The", "。",
        "\u2029", "\x0c", "\u00a0", "\n1. ", "\n- ", "word", "3.14", ",", ";", ":",
        "．", "！", "Ｉｔ", "１", "\nHeadline here\n", "\r\n",
    ]
)
_TEXTS = st.one_of(st.text(max_size=300), st.lists(_PIECES, max_size=120).map("".join))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS)
def test_spans_are_valid_ordered_and_stripped(text: str) -> None:
    spans = split_sentences(text)
    previous_end = 0
    for a, b in spans:
        assert previous_end <= a < b <= len(text)
        assert not text[a].isspace() and not text[b - 1].isspace()
        previous_end = b


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS)
def test_no_non_blank_character_is_dropped(text: str) -> None:
    spans = split_sentences(text)
    covered = "".join(text[a:b] for a, b in spans)
    assert "".join(covered.split()) == "".join(text.split())
    assert sum(not c.isspace() for c in covered) == sum(not c.isspace() for c in text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["word", "Word", "more", "text"]), min_size=1, max_size=400))
def test_no_sentence_exceeds_the_bound(words: list[str]) -> None:
    text = " ".join(words)
    assert all(b - a <= 500 for a, b in split_sentences(text))


def test_an_all_caps_title_does_not_end_a_sentence() -> None:
    text = "MR. SMITH WENT TO WASHINGTON. He stayed a week. DR. JONES LEFT."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "MR. SMITH WENT TO WASHINGTON.", "He stayed a week.", "DR. JONES LEFT."]
