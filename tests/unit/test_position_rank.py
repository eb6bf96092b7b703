"""pacsum, the centrality under the default ranker: centrality over position ties, no
duplicates, sane scores (the default itself, pyramid, is tested in test_pyramid_rank.py)."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from briefer import api
from briefer.rank import RankInput, get_ranker
from briefer.rank import position as pacsum
from briefer.select import select_top

SEED = Path(__file__).resolve().parents[2] / "seeds" / "venezuela-mexico.txt"

BUDGET_STORY = (
    "The weather stayed mild across the region on Tuesday.",
    "The city council approved a new budget that raises spending on schools and libraries.",
    "The budget adds forty teachers to city schools next year.",
    "Libraries will open on Sundays under the budget the council approved.",
    "Council members who voted against the budget said schools needed more than teachers.",
    "Parents welcomed the money for schools and libraries.",
)


def scores(*sentences: str) -> list[float]:
    return pacsum.rank(RankInput(tuple(sentences)))


def test_it_is_registered_under_its_own_name() -> None:
    assert get_ranker("pacsum") is pacsum.rank


def test_the_central_lead_beats_an_off_topic_first_sentence() -> None:
    s = scores(*BUDGET_STORY)
    assert s[1] > s[0]  # LEAD would keep the weather line
    assert select_top(s, 1) == (1,)


def test_a_late_restatement_ranks_below_what_it_restates() -> None:
    s = scores(*BUDGET_STORY, "The city council approved a budget for schools and libraries.")
    assert s[1] > s[-1]


def test_two_identical_sentences_are_never_both_in_the_top_two() -> None:
    story = list(BUDGET_STORY)
    story.insert(3, story[1])
    s = scores(*story)
    top = select_top(s, 2)
    assert not {1, 3} <= set(top)
    assert 1 in top or 3 in top


def test_demote_duplicates_moves_a_copy_below_everything_else() -> None:
    vectors = pacsum.tfidf_vectors(["Red apples grow here.", "Red apples grow here.",
                                    "Blue whales swim far.", "Green frogs jump high."])
    out = pacsum.demote_duplicates(np.array([0.9, 0.8, 0.1, 0.2]), vectors)
    assert out[0] == 0.9 and out[2] == 0.1 and out[3] == 0.2
    assert out[1] < min(out[0], out[2], out[3])


def test_banded_similarity_equals_all_pairs_within_the_window() -> None:
    doc = api.read(str(SEED))
    vectors = pacsum.tfidf_vectors([s.text for s in doc.sentences])
    n = vectors.n
    dense = vectors.products(np.arange(n), np.arange(n))
    before, after = pacsum.directed_similarity(vectors, window=n)
    assert np.allclose(after, np.triu(dense, 1).sum(axis=1))
    assert np.allclose(before, np.tril(dense, -1).sum(axis=1))
    window = 3
    band = np.triu(dense, 1) - np.triu(dense, window + 1)
    before, after = pacsum.directed_similarity(vectors, window=window)
    assert np.allclose(after, band.sum(axis=1))
    assert np.allclose(before, band.T.sum(axis=1))


def test_position_prior_is_flat_for_three_then_decays() -> None:
    prior = pacsum.position_prior(6)
    assert list(prior[:3]) == [1.0, 1.0, 1.0]
    assert 1.0 > prior[3] > prior[4] > prior[5] > 0


def test_edge_cases() -> None:
    assert scores() == []
    assert scores("Only one sentence.") == [0.25]
    assert len(scores("the and of", "a to in")) == 2  # stop words only: no vector at all


def test_a_long_document_stays_finite_and_deterministic() -> None:
    doc = api.read(str(SEED))
    sentences = tuple(s.text for s in doc.sentences) * 40  # beyond the similarity window
    first = pacsum.rank(RankInput(sentences))
    assert len(first) == len(sentences) > pacsum.WINDOW
    assert all(math.isfinite(x) for x in first)
    assert first == pacsum.rank(RankInput(sentences))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=80), max_size=25))
def test_any_sentences_get_one_finite_score_each(sentences: list[str]) -> None:
    out = pacsum.rank(RankInput(tuple(sentences)))
    assert len(out) == len(sentences)
    assert all(math.isfinite(x) for x in out)


def scipy_tfidf_vectors(texts: list[str]):  # noqa: ANN201 -- scipy is the reference here
    """The scipy.sparse TF-IDF rows pyramid was tuned with (before it ran on numpy alone)."""
    from scipy import sparse

    from briefer import tokens
    from briefer.rank import terms

    counts = terms.content_counts([tokens.words(t) for t in texts])
    n, width = counts.shape
    counts.data = 1.0 + np.log(counts.data)
    idf = np.log((1.0 + n) / (1.0 + np.bincount(counts.indices, minlength=width))) + 1.0
    counts.data *= idf[counts.indices]
    norms = np.sqrt(np.asarray(counts.multiply(counts).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ counts)


def test_numpy_vectors_and_products_are_scipys_bit_for_bit() -> None:
    """Same entries in the same order, and dot products summed in the same order, so the
    scores -- and their ties -- are exactly those of the scipy code they were tuned with."""
    texts = [s.text for s in api.read(str(SEED)).sentences]
    texts += ["the and of", "Red apples grow here. Red apples grow here.", ""]  # no terms, repeats
    mine, reference = pacsum.tfidf_vectors(texts), scipy_tfidf_vectors(texts)
    assert np.array_equal(mine.indptr, reference.indptr)
    assert np.array_equal(mine.indices, reference.indices)
    assert np.array_equal(mine.data, reference.data)
    rng = np.random.default_rng(0)
    left, right = rng.permutation(mine.n)[:17], rng.permutation(mine.n)
    expected = (reference[left] @ reference[right].T).toarray()
    assert np.array_equal(mine.products(left, right), expected)
    assert np.array_equal(mine.products(left, right, cells=5), expected)  # in pieces
    assert mine.products(left[:0], right).shape == (0, mine.n)


def test_pyramid_ranks_without_scipy() -> None:
    """scipy.sparse costs 0.1-0.2 s to import: the default ranker must not need it."""
    import subprocess
    import sys

    code = ("import sys\nfrom briefer import api\n"
            f"api.rank(api.read({str(SEED)!r}), 'pyramid')\napi.rank(api.read({str(SEED)!r}), "
            "'pacsum')\nassert 'scipy' not in sys.modules, sorted(m for m in sys.modules "
            "if m.startswith('scipy'))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr


def test_middle_is_numpys_median() -> None:
    import numpy as np

    from briefer.rank.position import middle

    rng = np.random.default_rng(7)
    for n in range(1, 60):
        for values in (rng.normal(size=n), rng.integers(0, 5, size=n), np.ones(n)):
            assert middle(values) == float(np.median(values))
    assert np.isnan(middle(np.array([2.0, np.nan, 1.0])))
