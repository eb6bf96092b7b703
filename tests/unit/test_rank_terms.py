"""Our vectorised LSA, Luhn, SumBasic and KL-Sum against sumy 0.13's own code.

Parity runs sumy through :mod:`briefer.rank.sumy_adapter` on the same :class:`RankInput`
(real CNN/DailyMail articles when the shared data is beside the repo, and the shipped seed),
then small documents whose scores are worked out by hand here, sumy's quirks one by one
(the heading, stop words sharing a stem, capitalised stop words, repeated sentences), and
random documents against sumy.
"""

from __future__ import annotations

import json
import math
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefer import api, tokens
from briefer.rank import RankInput, frequency, lsa, sumy_adapter, terms
from briefer.select import order_by_score

SEED = Path(__file__).resolve().parents[2] / "seeds" / "venezuela-mexico.txt"
ARTICLES = 25

Ranker = Callable[[RankInput], Sequence[float]]
OURS: dict[str, Ranker] = {
    "lsa": lsa.rank_lsa,
    "luhn": frequency.rank_luhn,
    "sumbasic": frequency.rank_sumbasic,
    "kl": frequency.rank_kl,
}
SUMY: dict[str, Ranker] = {
    "lsa": sumy_adapter.rank_lsa,
    "luhn": sumy_adapter.rank_luhn,
    "sumbasic": sumy_adapter.rank_sumbasic,
    "kl": sumy_adapter.rank_kl,
}

pytestmark = pytest.mark.usefixtures("sumy_stems_like_briefer")


def rank_input(text: str, source: str = "<test>") -> RankInput:
    """What :func:`briefer.api.rank` hands a ranker for ``text``."""
    doc = api.split(text, source=source)
    return RankInput(sentences=tuple(s.text for s in doc.sentences),
                     paragraphs=tuple(s.paragraph for s in doc.sentences), title=doc.title)


def sumy(name: str, doc: RankInput) -> list[float]:
    with warnings.catch_warnings():  # LSA warns when a text has fewer words than sentences
        warnings.simplefilter("ignore")
        return list(SUMY[name](doc))


def top(scores: Sequence[float], k: int) -> set[int]:
    return set(order_by_score(scores)[:k])


def same_top_up_to_exact_ties(ours: Sequence[float], ref: Sequence[float], k: int) -> bool:
    """The top-``k`` sets agree, or differ only by sentences exactly tied in *our* scores.

    sumy's LSA scores come out of an SVD whose rounding noise (1e-14) orders mathematically
    equal scores at random; ours tie exactly and the earlier sentence wins.
    """
    a, b = top(ours, k), top(ref, k)
    kth = ours[order_by_score(ours)[k - 1]] if len(ours) >= k else None
    return a == b or all(ours[i] == kth for i in a ^ b)


@pytest.fixture(scope="module")
def documents() -> list[RankInput]:
    """The seed and, when the shared data is there, the first ARTICLES CNN/DM articles."""
    docs = [rank_input(SEED.read_text(encoding="utf-8"), SEED.name)]
    data = Path(__file__).resolve().parents[3] / "shared" / "data" / "cnndm_test_399.jsonl"
    if data.is_file():
        with data.open(encoding="utf-8") as lines:
            for number, line in zip(range(ARTICLES), lines, strict=False):
                docs.append(rank_input(json.loads(line)["article"], str(number)))
    return docs


def test_the_seed_has_a_title_so_parity_covers_the_heading(documents: list[RankInput]) -> None:
    assert documents[0].title and len(documents[0].sentences) > 10


def test_the_shared_articles_are_used_when_present(shared_data: Path,
                                                    documents: list[RankInput]) -> None:
    assert len(documents) == 1 + ARTICLES


# -- parity on real text -----------------------------------------------------------------------

@pytest.mark.parametrize("name", ["luhn", "sumbasic"])
def test_luhn_and_sumbasic_give_sumys_scores_exactly(name: str,
                                                    documents: list[RankInput]) -> None:
    for doc in documents:
        assert OURS[name](doc) == sumy(name, doc), doc.sentences[0]


def test_kl_picks_sumys_first_five_in_order_and_nearly_all_scores(
        documents: list[RankInput]) -> None:
    identical = 0
    for doc in documents:
        ours, ref = OURS["kl"](doc), sumy("kl", doc)
        assert order_by_score(ours)[:5] == order_by_score(ref)[:5], doc.sentences[0]
        identical += ours == ref
    # the rest may differ only where divergences tie exactly (late picks, see the report)
    assert identical >= len(documents) - 1


def test_lsa_scores_match_sumy_to_rounding_and_top_sets_up_to_ties(
        documents: list[RankInput]) -> None:
    for doc in documents:
        ours, ref = OURS["lsa"](doc), sumy("lsa", doc)
        np.testing.assert_allclose(ours, ref, rtol=1e-11, atol=1e-12)
        for k in (3, 5):
            assert same_top_up_to_exact_ties(ours, ref, k), (k, doc.sentences[0])


# -- hand-checked documents ----------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(OURS))
def test_an_empty_document_has_no_scores(name: str) -> None:
    assert OURS[name](RankInput(())) == []


@pytest.mark.parametrize("name", sorted(OURS))
def test_sentences_without_content_words_score_as_sumy_scores_them(name: str) -> None:
    doc = RankInput(("It is what it is.", "And so on.", "12 34."))
    expected = {"lsa": [0.0] * 3, "luhn": [0.0] * 3, "sumbasic": [0.0, -1.0, -2.0],
                "kl": [0.0, -1.0, -2.0]}[name]
    assert OURS[name](doc) == expected == sumy(name, doc)


@pytest.mark.parametrize("name", sorted(OURS))
def test_one_sentence(name: str) -> None:
    doc = RankInput(("Apple pie apple.",))
    ours = OURS[name](doc)
    assert len(ours) == 1
    np.testing.assert_allclose(ours, sumy(name, doc), rtol=1e-12)


def test_luhn_by_hand() -> None:
    doc = RankInput(("Storm floods coast town.",
                     "The storm hit the coast and then later the old town.",
                     "Nothing else."))
    stem = tokens.make_stemmer()
    assert {stem(w) for w in ("storm", "coast", "town")} == {"storm", "coast", "town"}
    # significant (non-stop stems seen twice): storm, coast, town
    # 0: storm floods coast town -> one chunk, 3 significant words over 4: 9 / 4
    # 1: The storm hit the coast | and then later the old | town: 5 insignificant words
    #    end the chunk, so storm..coast is 2 significant over 4 words (4 / 4) and town alone 0
    assert frequency.rank_luhn(doc) == [2.25, 1.0, 0.0] == sumy("luhn", doc)


def test_luhn_counts_title_words_and_stop_words_that_share_a_stem() -> None:
    body = ("The accord was signed in Geneva today.",
            "According to officials the peace holds, Geneva said.")
    # "according" is a stop word, but its stem "accord" is a content word's: sumy counts it
    assert "according" in tokens.stop_words() and "accord" not in tokens.stop_words()
    plain = RankInput(body)
    # content stems seen twice: geneva only ("according" is not counted toward significance,
    # so accord is seen once) -> one significant word per sentence, chunks of one, 0
    assert frequency.rank_luhn(plain) == [0.0, 0.0] == sumy("luhn", plain)
    titled = RankInput(body, title="Peace accord")
    # the title makes accord and peace significant too.  Sentence 0: accord (1) .. Geneva (5),
    # 3 insignificant words between: 2 significant over 5 words, 4 / 5.  Sentence 1:
    # According (0, by its stem) .. peace (4) .. Geneva (6): 3 over 7 words, 9 / 7
    assert frequency.rank_luhn(titled) == [0.8, 9 / 7] == sumy("luhn", titled)


def test_sumbasic_by_hand_the_update_changes_the_order() -> None:
    doc = RankInput(("Apple cake apple.", "Apple plum.", "Pear fig pear fig."))
    # p: apple 3/9, cake 1/9, plum 1/9, pear 2/9, fig 2/9
    # 1st: means 7/27, 2/9, 2/9 -> sentence 0; apple is squared twice (it occurs twice):
    #      1/3 -> 1/9 -> 1/81, cake 1/81
    # 2nd: sentence 1 (1/81 + 1/9) / 2 < sentence 2 at 2/9 -> sentence 2, then sentence 1
    # (without the update sentence 1 would tie sentence 2 and win as the earlier one)
    assert frequency.rank_sumbasic(doc) == [0.0, -2.0, -1.0] == sumy("sumbasic", doc)


def test_sumbasic_repeated_sentence_overwrites_its_texts_rating_as_sumy_does() -> None:
    doc = RankInput(("Apple pie.", "Plum tart.", "Apple pie."))
    # picks 0 (rating 0), 1 (-1), then the copy of 0: sumy stores ratings by text, so
    # "Apple pie." becomes -len(ratings) = -2 for both copies
    assert frequency.rank_sumbasic(doc) == [-2.0, -1.0, -2.0] == sumy("sumbasic", doc)


def test_kl_repeated_sentences_and_capitalised_stop_words_match_sumy() -> None:
    doc = RankInput(("The cat sat on the mat.", "A dog barked at the cat.",
                     "The cat sat on the mat.", "THE END of The story, the end.",
                     "Dogs and cats.", "the the the"))
    assert frequency.rank_kl(doc) == sumy("kl", doc)


@pytest.mark.parametrize("name", ["sumbasic", "kl"])
def test_greedy_rankers_ignore_the_title(name: str) -> None:
    body = ("Apple pie apple.", "Plum tart.", "Apple tart.")
    assert OURS[name](RankInput(body, title="Plum plum plum")) == OURS[name](RankInput(body))


def test_lsa_by_hand_with_a_title_only_term() -> None:
    # dictionary apple, pie, plum (+ cherry from the title); cells 0.4 + 0.6 * count / max:
    # sentence 0: apple 2/2 -> 1.0, pie 1/2 -> 0.7, plum 0 -> 0.4 (cherry 0 -> 0.4)
    # sentence 1: plum 1/1 -> 1.0, apple and pie 0.4 each (cherry 0.4)
    body = ("Apple pie apple.", "Plum.")
    assert lsa.rank_lsa(RankInput(body)) == pytest.approx(
        [math.sqrt(1.0 + 0.49 + 0.16), math.sqrt(1.0 + 0.16 + 0.16)], rel=1e-15)
    titled = RankInput(body, title="Cherry")
    assert lsa.rank_lsa(titled) == pytest.approx(
        [math.sqrt(1.81), math.sqrt(1.48)], rel=1e-15)
    np.testing.assert_allclose(lsa.rank_lsa(titled), sumy("lsa", titled), rtol=1e-12)


def test_lsa_ties_are_exact_for_sentences_with_the_same_counts() -> None:
    # cells 0.6, 0.6, 0.6, 1.0 in different column orders: summed in one canonical order
    doc = RankInput(("Apple plum pear fig fig fig.", "Fig fig fig kiwi lime date."))
    first, second = lsa.rank_lsa(doc)
    assert first == second


def test_lsa_column_norm_is_the_full_svd_rank() -> None:
    """sumy keeps every dimension, so its rank is the column norm: check on the seed."""
    doc = rank_input(SEED.read_text(encoding="utf-8"), SEED.name)
    weights, n_terms = lsa.tf_weights(doc)
    dense = weights.toarray() + lsa.SMOOTH * (weights.getnnz(axis=1) > 0)[:, None]
    assert dense.shape == (len(doc.sentences), n_terms)
    _, s, vt = np.linalg.svd(dense.T, full_matrices=False)  # sumy's terms x sentences
    ranks = np.sqrt(((s[:, None] ** 2) * vt ** 2).sum(axis=0))
    np.testing.assert_allclose(lsa.rank_lsa(doc), ranks, rtol=1e-12)


def test_lsa_runs_no_svd_at_sumys_ratio(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("an SVD was computed")

    monkeypatch.setattr(np.linalg, "svd", refuse)
    monkeypatch.setattr(lsa.linalg, "svds", refuse)
    pool = [a + b + a for a in "bcdfghklmnprstvz" for b in "aeiou"]  # 80 words
    doc = RankInput(tuple(" ".join(pool[(i * j) % 80] for j in range(1, 6)) + "."
                          for i in range(3000)))
    assert len(lsa.rank_lsa(doc)) == 3000


def test_reduced_lsa_matches_sumy_with_the_same_ratio(monkeypatch: pytest.MonkeyPatch) -> None:
    from sumy.summarizers.lsa import LsaSummarizer

    doc = rank_input(SEED.read_text(encoding="utf-8"), SEED.name)
    monkeypatch.setattr(LsaSummarizer, "REDUCTION_RATIO", 0.3)
    ours = lsa.rank_lsa(doc, reduction_ratio=0.3)
    np.testing.assert_allclose(ours, sumy("lsa", doc), rtol=1e-9, atol=1e-12)
    full = lsa.rank_lsa(doc)
    assert ours != pytest.approx(full)  # the ratio does reduce
    monkeypatch.setattr(lsa, "DENSE_LIMIT", 0)  # the sparse truncated SVD
    np.testing.assert_allclose(lsa.rank_lsa(doc, reduction_ratio=0.3), ours, atol=1e-9)


# -- KL's split divergence and its limit ------------------------------------------------------

def sumy_divergences(doc: RankInput, picks: Sequence[int]) -> list[float]:
    """sumy's KL of each sentence not in ``picks`` against the summary ``picks``."""
    from sumy.summarizers.kl import KLSummarizer

    summarizer = KLSummarizer()
    summarizer.stop_words = tokens.stop_words()
    sentences = sumy_adapter.build_document(doc).sentences
    tf = summarizer.compute_tf(sentences)
    summary = summarizer._get_all_words_in_doc([sentences[i] for i in picks])
    return [summarizer._kl_divergence(summarizer._joint_freq(
        summarizer._get_content_words_in_sentence(s), summary), tf)
        for i, s in enumerate(sentences) if i not in picks]


def check_kl_state_against_sumy(doc: RankInput, steps: int) -> None:
    state = frequency._KLGreedy(terms.sentence_words(doc), doc.language)
    picks: list[int] = []
    for _ in range(min(steps, len(doc.sentences))):
        seen = state.summary_counts > 0
        d = state.d[seen]
        common = float((d * np.log(d / state.summary_counts[seen])).sum())
        ours = state.divergence()[state.alive] + common
        np.testing.assert_allclose(ours, sumy_divergences(doc, picks), rtol=1e-9, atol=1e-12)
        i = int(np.argmin(state.divergence()))
        picks.append(i)
        state.add(i)


def test_kl_divergences_equal_sumys_along_the_way() -> None:
    check_kl_state_against_sumy(rank_input(SEED.read_text(encoding="utf-8"), SEED.name), 8)


def test_kl_beyond_its_limit_orders_the_rest_by_divergence(
        monkeypatch: pytest.MonkeyPatch) -> None:
    doc = rank_input(SEED.read_text(encoding="utf-8"), SEED.name)
    exact = frequency.rank_kl(doc)
    monkeypatch.setattr(frequency, "KL_BUDGET", 0)
    monkeypatch.setattr(frequency, "KL_MIN_GREEDY", 3)
    limited = frequency.rank_kl(doc)
    assert order_by_score(limited)[:3] == order_by_score(exact)[:3]
    assert sorted(limited) == sorted(exact)  # every sentence still gets its own number
    state = frequency._KLGreedy(terms.sentence_words(doc), doc.language)
    for i in order_by_score(exact)[:3]:
        state.add(i)
    kl = state.divergence()
    rest = order_by_score(limited)[3:]
    assert all(kl[a] <= kl[b] for a, b in zip(rest, rest[1:], strict=False))


# -- random documents against sumy ---------------------------------------------------------

WORDS = ("The", "the", "THE", "According", "according", "accord", "accords", "Apple", "apple",
         "apples", "pie", "PIE", "plum", "tart", "is", "was", "cat", "cats", "Dog", "ran",
         "fast", "slowly", "it's", "well-known", "42")
sentence_text = st.lists(st.sampled_from(WORDS), min_size=0, max_size=9).map(
    lambda ws: " ".join(ws) + ".")
random_docs = st.builds(
    RankInput,
    sentences=st.lists(sentence_text, min_size=1, max_size=8).map(tuple),
    title=st.one_of(st.none(), sentence_text),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_docs)
def test_random_documents_against_sumy(doc: RankInput) -> None:
    assert frequency.rank_luhn(doc) == sumy("luhn", doc)
    assert frequency.rank_sumbasic(doc) == sumy("sumbasic", doc)
    np.testing.assert_allclose(lsa.rank_lsa(doc), sumy("lsa", doc), rtol=1e-9, atol=1e-12)
    check_kl_state_against_sumy(doc, 4)  # KL orders of exactly tied texts are sumy's noise


@given(random_docs)
@settings(max_examples=40, deadline=None)
def test_invariants(doc: RankInput) -> None:
    n = len(doc.sentences)
    for name, ranker in OURS.items():
        scores = ranker(doc)
        assert len(scores) == n and all(math.isfinite(s) for s in scores), name
        assert ranker(doc) == scores, name  # deterministic
        same_text: dict[str, float] = {}
        for text, score in zip(doc.sentences, scores, strict=True):
            assert same_text.setdefault(text.strip(), score) == score, name
    distinct = len({s.strip() for s in doc.sentences})
    for name in ("sumbasic", "kl"):  # minus the number of texts picked before
        scores = OURS[name](doc)
        assert all(s == int(s) and -distinct <= s <= 0 for s in scores), name
        if distinct == n:
            assert sorted(scores, reverse=True) == [-float(i) for i in range(n)], name


# -- the shared helpers in terms.py ----------------------------------------------------------

def test_term_ids_keeps_order_and_numbers_by_first_appearance() -> None:
    ids, offsets, vocabulary = terms.term_ids([["b", "a", "b"], [], ["a", "c"]])
    assert ids.tolist() == [0, 1, 0, 1, 2] and offsets.tolist() == [0, 3, 3, 5]
    assert vocabulary == {"b": 0, "a": 1, "c": 2}


def test_stemmed_tokens_counts_the_title_but_scores_only_the_body() -> None:
    toks = terms.stemmed_tokens(["The apples.", "According to the accord."], "Apple cherry")
    stems = [toks.stems[toks.offsets[i]:toks.offsets[i + 1]].tolist() for i in range(2)]
    assert len(stems[0]) == 2 and len(stems[1]) == 4
    assert toks.content.tolist() == [False, True, False, False, False, True]
    apple, accord = stems[0][1], stems[1][3]
    assert stems[1][0] == accord  # "according" shares the stem
    assert toks.content_counts[apple] == 2 and toks.content_counts[accord] == 1
    assert toks.title_only == 1  # cherry


def test_sumy_lsa_scores_are_the_same_in_every_process() -> None:
    """sumy numbers LSA's term rows by iterating a frozenset, so by PYTHONHASHSEED: two runs
    of ``briefer eval -a sumy-lsa`` differed in the last digits (review F12).  The adapter
    numbers them in sorted order; two processes with other hash seeds must agree bit for bit
    (both seeds, whose Spanish one has two sentences tied up to that noise)."""
    import os
    import subprocess
    import sys

    script = ("import sys\nfrom briefer import api\n"
              "for path in sys.argv[1:]:\n"
              "    print(repr(api.rank(api.read(path), 'sumy-lsa')))\n")
    seeds = [str(SEED), str(SEED.with_suffix(".es.txt"))]
    outputs = {subprocess.run([sys.executable, "-c", script, *seeds], capture_output=True,
                              text=True, check=True,
                              env=os.environ | {"PYTHONHASHSEED": seed}).stdout
               for seed in ("1", "2", "3")}
    assert len(outputs) == 1
    assert outputs.pop().count("\n") == 2
