"""Vectorised LexRank, TextRank and Reduction: the sentences sumy picks, sumy's scores.

The reference is sumy's own code, run through :mod:`briefer.rank.sumy_adapter` on the same
:class:`RankInput`.  Where sumy leaves an exact tie to floating-point noise, our rankers give it
to the earlier sentence (``graph.settle_ties``); the comparisons below allow that and nothing
else.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefer import api
from briefer.rank import RankInput, graph, sumy_adapter
from briefer.select import order_by_score

SEED = Path(__file__).resolve().parents[2] / "seeds" / "venezuela-mexico.txt"
SAMPLE_STEP = 16  # every 16th of the 399 CNN/DailyMail articles: 25 of them

Ranker = Callable[[RankInput], Sequence[float]]
PAIRS: dict[str, tuple[Ranker, Ranker]] = {
    "lexrank": (graph.rank_lexrank, sumy_adapter.rank_lexrank),
    "textrank": (graph.rank_textrank, sumy_adapter.rank_textrank),
    "reduction": (graph.rank_reduction, sumy_adapter.rank_reduction),
}

pytestmark = pytest.mark.usefixtures("sumy_stems_like_briefer")


def rank_input(text: str, source: str = "<text>") -> RankInput:
    """What :func:`briefer.api.rank` hands a ranker for ``text``."""
    doc = api.split(text, source=source)
    return RankInput(sentences=tuple(s.text for s in doc.sentences),
                     paragraphs=tuple(s.paragraph for s in doc.sentences), title=doc.title)


def assert_same_choice(ours: Sequence[float], reference: Sequence[float],
                       ks: Sequence[int] = (3, 5)) -> None:
    """Same scores (to float noise), and the same top-k sets up to exact ties in the reference.

    A sentence may be swapped only for one whose reference score equals it to 1e-9 of the
    largest score: a tie that sumy orders by the last bits of its sums.
    """
    ref = np.array(reference, dtype=float)
    mine = np.array(ours, dtype=float)
    assert len(mine) == len(ref)
    if not len(ref):
        return
    if np.isnan(ref).all():  # sumy's LexRank on a graph without an edge
        assert (mine == 0.0).all()
        return
    scale = float(np.max(np.abs(ref)))
    assert np.allclose(mine, ref, rtol=1e-9, atol=1e-12 * scale)
    tolerance = 1e-9 * scale
    for k in ks:
        k = min(k, len(ref))
        chosen = order_by_score(list(mine))[:k]
        kth = ref[order_by_score(list(ref))[k - 1]]
        assert all(ref[i] >= kth - tolerance for i in chosen), (k, chosen)
        must = {i for i in range(len(ref)) if ref[i] > kth + tolerance}
        assert must <= set(chosen), (k, chosen, must)


# --- parity with sumy on real text -------------------------------------------------------


@pytest.mark.parametrize("name", PAIRS)
def test_the_seed_article_gets_sumys_scores_and_sentences(name: str) -> None:
    data = rank_input(SEED.read_text(encoding="utf-8"), SEED.name)
    ours, reference = (f(data) for f in PAIRS[name])
    assert len(ours) == len(data.sentences) > 8
    assert_same_choice(ours, reference)
    for k in (3, 5):  # no ties here: the very same sets
        assert set(order_by_score(ours)[:k]) == set(order_by_score(reference)[:k])


@pytest.fixture
def cnndm_sample(shared_data: Path) -> list[RankInput]:
    path = shared_data / "cnndm_test_399.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is missing")
    lines = path.read_text(encoding="utf-8").splitlines()[::SAMPLE_STEP]
    return [rank_input(json.loads(line)["article"], str(i)) for i, line in enumerate(lines)]


@pytest.mark.parametrize("name", PAIRS)
def test_news_articles_get_sumys_scores_and_sentences(name: str,
                                                      cnndm_sample: list[RankInput]) -> None:
    ours_f, reference_f = PAIRS[name]
    assert len(cnndm_sample) == 25
    for data in cnndm_sample:
        assert_same_choice(ours_f(data), reference_f(data))


# --- small cases worked out by hand -------------------------------------------------------


def test_an_empty_document_has_no_scores() -> None:
    for ours, _ in PAIRS.values():
        assert ours(RankInput(())) == []


def test_one_sentence() -> None:
    only = RankInput(("Cats chase mice.",))
    assert graph.rank_lexrank(only) == [1.0]  # its own edge; one L2-normalised step
    assert graph.rank_textrank(only) == pytest.approx([1.0], rel=1e-6)  # less sumy's 1e-7 guard
    assert graph.rank_textrank(only) == sumy_adapter.rank_textrank(only)
    assert graph.rank_reduction(only) == [0.0]  # no other sentence to overlap with


@pytest.mark.filterwarnings("ignore:invalid value encountered in divide:RuntimeWarning")
def test_lexrank_without_an_edge_gives_zeros_where_sumy_gives_nan() -> None:
    # Two sentences sharing no stem: every term is in n - 1 = 1 sentence, idf log(2/2) = 0.
    data = RankInput(("Cats chase mice.", "Dogs bark loudly."))
    assert graph.rank_lexrank(data) == [0.0, 0.0]
    assert all(math.isnan(x) for x in sumy_adapter.rank_lexrank(data))
    assert graph.rank_textrank(data) == pytest.approx([0.5, 0.5])  # self-edges only


def test_sentences_without_content_words() -> None:
    data = RankInput(("It is what it is.", "42 and 7.", "So it was."))
    assert graph.rank_lexrank(data) == [0.0, 0.0, 0.0]
    assert graph.rank_reduction(data) == [0.0, 0.0, 0.0]
    textrank = graph.rank_textrank(data)  # only the random jump: equal, positive, shrinking
    assert textrank[0] == textrank[1] == textrank[2] > 0
    assert_same_choice(textrank, sumy_adapter.rank_textrank(data))


def test_lexrank_counts_only_sentences_with_weighted_terms() -> None:
    # "cat" is in 3 of 4 sentences: idf log(4 / 4) = 0; "dog" has idf log 2.  Only "Dogs."
    # has a vector, so only it has an edge (to itself), and one step puts all weight there.
    data = RankInput(("Cats.", "Cats.", "Dogs.", "Cats!"))
    assert graph.rank_lexrank(data) == [0.0, 0.0, 1.0, 0.0]


def test_reduction_by_hand_and_copies_add_up() -> None:
    # stems: {cat, chase, mice} twice, {dog, chase, cat}, {bird, fli, south}: three words each,
    # so every pair is divided by log 3 + log 3.  A copy's pair with the other copy counts for
    # both, and sumy adds every copy's pairs into the one rating of their text.
    data = RankInput(("Cats chase mice.", "Dogs chase cats.", "Cats chase mice.",
                      "Birds fly south."))
    norm = 2 * math.log(3)
    copy = 3 / norm + 2 / norm  # with the other copy, with "Dogs chase cats."
    expected = [2 * copy, 2 * (2 / norm), 2 * copy, 0.0]
    assert graph.rank_reduction(data) == pytest.approx(expected, rel=1e-12)
    assert graph.rank_reduction(data) == pytest.approx(sumy_adapter.rank_reduction(data),
                                                       rel=1e-12)


def test_two_one_word_sentences_weigh_their_overlap_in_textrank_only() -> None:
    # log 1 + log 1 = 0: TextRank takes the overlap (1) as the weight, Reduction takes 0.
    data = RankInput(("Cats.", "Cats!", "Dogs bark."))
    assert graph.rank_reduction(data) == [0.0, 0.0, 0.0]
    textrank = graph.rank_textrank(data)
    assert textrank[0] == textrank[1]
    assert_same_choice(textrank, sumy_adapter.rank_textrank(data))
    assert_same_choice(graph.rank_lexrank(data), sumy_adapter.rank_lexrank(data))


def test_identical_sentences_share_a_score_even_with_other_spacing() -> None:
    data = RankInput(("Cats chase mice.", " Cats chase mice. ", "Dogs chase cats.",
                      "Birds fly south."))
    for name, (ours, reference) in PAIRS.items():
        scores = ours(data)
        assert scores[0] == scores[1], name
        assert_same_choice(scores, reference(data))


def test_share_by_text_takes_the_last_copy_or_the_sum() -> None:
    values = np.array([1.0, 2.0, 3.0])
    assert graph.share_by_text(["a", "b", " a"], values, add=False) == [3.0, 2.0, 3.0]
    assert graph.share_by_text(["a", "b", " a"], values, add=True) == [4.0, 2.0, 4.0]


def test_settle_ties_joins_float_noise_and_keeps_real_differences() -> None:
    noisy = 0.1 + 0.2  # 0.30000000000000004
    settled = graph.settle_ties(np.array([0.3, noisy, 0.3 + 1e-9, 0.0, 2.0]))
    assert settled[0] == settled[1] == noisy
    assert list(settled[2:]) == [0.3 + 1e-9, 0.0, 2.0]  # exact values are left alone
    assert order_by_score(list(settled))[:3] == [4, 2, 0]  # the tie goes to the earlier one


def test_the_title_is_not_ranked_and_changes_nothing() -> None:
    sentences = ("Cats chase mice.", "Dogs chase cats.", "Birds fly south.")
    for ours, _ in PAIRS.values():
        assert ours(RankInput(sentences, title="Cats chase mice")) == ours(RankInput(sentences))


# --- invariants and the long-document machinery ---------------------------------------------


STORY = (
    "The city council approved a new budget that raises spending on schools and libraries.",
    "The weather stayed mild across the region on Tuesday.",
    "The budget adds forty teachers to city schools next year.",
    "Libraries will open on Sundays under the budget the council approved.",
    "Council members who voted against the budget said schools needed more than teachers.",
    "Parents welcomed the money for schools and libraries.",
    "The mayor said the budget was the largest the city had passed.",
    "Rain is expected on Thursday, the weather service said.",
    "Teachers said forty new posts would ease crowded classes in city schools.",
    "The council will vote on a transport plan next month.",
)


def seed_sentences() -> tuple[str, ...]:
    """The seed article's sentences and a made-up story with more overlap between them."""
    return rank_input(SEED.read_text(encoding="utf-8")).sentences + STORY


@pytest.mark.parametrize("name", PAIRS)
def test_scores_follow_the_sentences_when_their_order_is_reversed(name: str) -> None:
    ours, _ = PAIRS[name]
    sentences = seed_sentences()
    forward = np.array(ours(RankInput(sentences)))
    backward = np.array(ours(RankInput(sentences[::-1])))
    assert np.allclose(forward, backward[::-1], rtol=1e-9)
    assert len(set(forward.round(9))) >= 5  # not trivially constant


def test_band_products_in_small_blocks_equal_the_full_product() -> None:
    counts = graph.content_matrix(RankInput(seed_sentences()))
    n = counts.shape[0]
    full = (counts @ counts.T).toarray()
    for window, cells in ((n, 1 << 22), (n, 50), (4, 30)):
        got = np.zeros_like(full)
        for rows, cols, values in graph.band_products(counts, window, cells):
            assert (np.diff(rows) >= 0).all()
            got[rows, cols] += values
        i, j = np.indices(full.shape)
        assert np.array_equal(got, np.where(np.abs(i - j) <= window, full, 0.0))


def test_lexrank_edges_are_the_thresholded_cosines_inside_the_window() -> None:
    counts = graph.count_rows(RankInput(seed_sentences()))
    vectors, lengths = graph.lexrank_vectors(counts)
    dense = vectors.to_scipy().toarray()
    with np.errstate(invalid="ignore", divide="ignore"):
        cosine = (dense @ dense.T) / np.outer(lengths, lengths)
    edges = np.nan_to_num(cosine) > graph.LEXRANK_THRESHOLD
    i, j = np.indices(edges.shape)
    for window in (len(lengths), 5):
        got = graph.lexrank_edges(vectors, lengths, window=window).to_scipy().toarray()
        assert np.array_equal(got == 1.0, edges & (np.abs(i - j) <= window))


def test_half_the_pairs_give_the_edges_of_all_the_pairs_bit_for_bit() -> None:
    """upper_edges + mirrored (each pair once) equal the edges of every pair both ways, in
    the same CSR order, for any window and block size: the power method then adds the same
    numbers in the same order."""
    vectors, lengths = graph.lexrank_vectors(graph.count_rows(RankInput(seed_sentences())))
    n = vectors.n
    for window, cells in ((n, 1 << 20), (n, 40), (4, 30), (0, 1)):
        degree = np.zeros(n, dtype=np.int64)
        kept = []
        blocks = graph.posting_products(vectors, window, cells)
        assert blocks is not None
        for rows, cols, dots in blocks:
            edge = dots / (lengths[rows] * lengths[cols]) > graph.LEXRANK_THRESHOLD
            degree += np.bincount(rows[edge], minlength=n)
            kept.append(cols[edge])
        half = graph.upper_edges(vectors, lengths, window=window, cells=cells)
        assert half is not None and (half[1] >= half[0]).all()
        got = graph.mirrored(*half, n)
        assert np.array_equal(got.indptr, np.concatenate(([0], np.cumsum(degree))))
        assert np.array_equal(got.indices, np.concatenate(kept))
        assert got.indices.size > 2 * n or window < 5  # the case has edges off the diagonal


def dense_blocks(blocks, n: int) -> np.ndarray:
    out = np.zeros((n, n))
    previous = -1
    for rows, cols, values in blocks:
        assert rows.size == 0 or (rows[0] > previous and (np.diff(rows) >= 0).all())
        previous = rows[-1] if rows.size else previous
        np.add.at(out, (rows, cols), values)
    return out


def test_posting_products_equal_the_sparse_product_in_every_block_shape() -> None:
    """numpy's postings and scipy's blocks give the same products, window and all."""
    vectors, _ = graph.lexrank_vectors(graph.count_rows(RankInput(seed_sentences())))
    n = vectors.n
    full = (vectors.to_scipy() @ vectors.to_scipy().T).toarray()
    i, j = np.indices(full.shape)
    for window, cells in ((n, 1 << 22), (n, 40), (4, 30), (0, 1)):
        blocks = graph.posting_products(vectors, window, cells)
        assert blocks is not None
        got = dense_blocks(blocks, n)
        assert np.allclose(got, np.where(np.abs(i - j) <= window, full, 0.0), rtol=1e-12)
        assert np.array_equal(got != 0, (np.abs(i - j) <= window) & (full != 0))


def test_lexrank_imports_no_scipy_on_an_article_but_falls_back_past_its_pair_budget(
        monkeypatch: pytest.MonkeyPatch) -> None:
    code = ("import sys; from briefer.rank import RankInput, graph; "
            "graph.rank_lexrank(RankInput(('Cats chase mice.', 'Mice fear cats.'))); "
            "print('scipy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"
    sentences = seed_sentences()
    roomy = graph.rank_lexrank(RankInput(sentences))
    monkeypatch.setattr(graph, "PAIR_BUDGET", 10)
    vectors, _ = graph.lexrank_vectors(graph.count_rows(RankInput(sentences)))
    assert graph.posting_products(vectors) is None
    assert graph.rank_lexrank(RankInput(sentences)) == roomy  # scipy's blocks, same scores


def python_overlap_weights(sentences: Sequence[str], one_word_pair: float) -> np.ndarray:
    """sumy's ``_rate_sentences_edge`` in plain Python, every pair."""
    words = [list(row) for row in graph.terms.sentence_terms(sentences)]
    n = len(words)
    out = np.zeros((n, n))
    for a in range(n):
        for b in range(n):
            overlap = sum(words[b].count(w) for w in words[a])
            if overlap:
                norm = math.log(len(words[a])) + math.log(len(words[b]))
                out[a, b] = overlap / norm if norm else one_word_pair * overlap
    return out


@pytest.mark.parametrize(("one_word_pair", "diagonal"), [(1.0, True), (0.0, False)])
def test_overlap_graph_by_lengths_equals_every_pair(one_word_pair: float, diagonal: bool) -> None:
    sentences = (*seed_sentences(), "Cats.", "Cats!", "Trump.", "It is.")
    weights = python_overlap_weights(sentences, one_word_pair)
    if not diagonal:
        np.fill_diagonal(weights, 0.0)
    counts = graph.content_matrix(RankInput(sentences))
    x = np.random.default_rng(7).random(len(sentences))
    dense = graph.OverlapGraph(counts, one_word_pair=one_word_pair, diagonal=diagonal)
    assert dense.pairs is not None
    factorised = graph.OverlapGraph(counts, one_word_pair=one_word_pair, diagonal=diagonal,
                                    cells=3 * len(sentences))  # no pairs; lengths 3 at a time
    assert factorised.pairs is None and factorised.chunk < len(factorised.norm)
    for graph_ in (dense, factorised):
        assert np.allclose(graph_.apply(x), weights @ x, rtol=1e-12)


WORDS = ("cats", "dogs", "chase", "mice", "birds", "fly", "south", "the", "it", "is", "42")


@pytest.mark.filterwarnings("ignore:invalid value encountered in divide:RuntimeWarning")
@settings(max_examples=40, deadline=None, derandomize=True)
@given(st.lists(st.lists(st.sampled_from(WORDS), max_size=6).map(" ".join), max_size=9))
def test_small_random_documents_match_sumy(sentences: list[str]) -> None:
    data = RankInput(tuple(sentences))
    for ours, reference in PAIRS.values():
        assert_same_choice(ours(data), reference(data))


def test_lexrank_keeps_at_most_its_edge_budget_on_a_text_of_repeated_words() -> None:
    """Ten words repeated: nearly every pair is an edge.  Under a small budget the window
    narrows instead of the edges growing with the square of the length; with room, the
    edges are exactly all the pairs'."""
    rng = np.random.default_rng(1)
    words = "alpha beta gamma delta epsilon zeta eta theta iota kappa".split()
    sentences = tuple(" ".join(rng.choice(words, 6)) + "." for _ in range(600))
    counts = graph.count_rows(RankInput(sentences=sentences))
    vectors, lengths = graph.lexrank_vectors(counts)
    full = graph.lexrank_edges(vectors, lengths).to_scipy()
    assert full.nnz > 600 * 600 // 2, "the case is the dense one"
    small = graph.lexrank_edges(vectors, lengths, budget=20_000).to_scipy()
    assert 600 <= small.nnz <= 20_000
    rows, cols = small.nonzero()
    assert (abs(rows - cols) <= 50).all(), "only near neighbours remain"
    full_rows, full_cols = full.nonzero()
    pairs = set(zip(full_rows.tolist(), full_cols.tolist(), strict=True))
    assert set(zip(rows.tolist(), cols.tolist(), strict=True)) <= pairs
    roomy = graph.lexrank_edges(vectors, lengths, budget=full.nnz).to_scipy()
    assert (roomy != full).nnz == 0


def test_band_products_blocks_stay_within_their_cells() -> None:
    """A narrow window must not make a block of every row: rows x columns <= cells."""
    matrix = sparse_identity(5000)
    for window in (0, 3, 100):
        for rows, _, _ in graph.band_products(matrix, window, cells=10_000):
            assert rows.size <= 10_000


def sparse_identity(n: int):
    from scipy import sparse

    return sparse.identity(n, format="csr")


@pytest.mark.parametrize("keys", [
    [], [5], [3, 1, 3, 0, 1, 3, 2, 0], list(range(50, 0, -1)) * 3,
    [2**61, 7, 2**61, 7, 0],  # too large to pack with their positions: the stable argsort
])
def test_stable_sort_is_the_stable_argsort(keys: list[int]) -> None:
    array = np.array(keys, dtype=np.int64)
    ordered, order = graph.stable_sort(array)
    expected = np.argsort(array, kind="stable")
    assert np.array_equal(order, expected)
    assert np.array_equal(ordered, array[expected])


def test_stable_sort_keeps_the_order_of_equal_keys_on_many_random_ones() -> None:
    keys = np.random.default_rng(0).integers(0, 40, 100_000)
    ordered, order = graph.stable_sort(keys)
    assert np.array_equal(order, np.argsort(keys, kind="stable"))
