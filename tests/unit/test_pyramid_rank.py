"""The default ranker (pyramid): pacsum's scores read in news order.

The promises checked here are the ones docs/evaluation.md relies on: a summary of k sentences
draws only on the first k + LOOKAHEAD and a long one is the top of the story, the headline
keeps the lede it singles out, a paragraph's later sentence waits for its first, duplicates
come last, and a text whose opening is peripheral is ranked by centrality instead.
"""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from test_position_rank import BUDGET_STORY, SEED  # same directory: pytest puts it on the path

from briefer import api
from briefer.rank import DEFAULT_ALGORITHM, RankInput, get_ranker, position
from briefer.select import select_top


def pyramid(sentences, paragraphs=(), title=None) -> list[float]:
    return position.rank_pyramid(RankInput(tuple(sentences), tuple(paragraphs), title))


def test_it_is_the_registered_default() -> None:
    assert DEFAULT_ALGORITHM == "pyramid"
    assert get_ranker("pyramid") is position.rank_pyramid


def test_every_summary_draws_only_on_the_first_k_plus_lookahead_sentences() -> None:
    doc = api.read(str(SEED))
    texts = [s.text for s in doc.sentences]
    scores = pyramid(texts)
    vectors = position.tfidf_vectors(texts)
    before, after = position.directed_similarity(vectors)
    duplicates = set(position.duplicates_of(position.pacsum_scores(before, after), vectors))
    unique = [i for i in range(len(texts)) if i not in duplicates]
    for k in range(1, len(unique) + 1):
        chosen = select_top(scores, k)
        assert set(chosen) <= set(unique[:k + position.LOOKAHEAD]), k


def test_pick_order_is_the_best_of_the_next_three_then_two_then_one() -> None:
    scores = np.array([0.2, 0.9, 0.1, 0.8, 0.7, 0.95, 0.0])
    no = np.zeros(7, dtype=bool)
    # best of three: {0,1,2} -> 1; {0,2,3} -> 3; {0,2,4} -> 4; then of two: {0,2} -> 0;
    # {2,5} -> 5; {2,6} -> 2; then in order: 6
    assert position.pyramid_order(scores, [], no) == [1, 3, 4, 0, 5, 2, 6]
    # never narrowing, it was best of three throughout: ... {0,2,5} -> 5; {0,2,6} -> 0; ...
    assert position.pyramid_order(scores, [], no, taper=99) == [1, 3, 4, 5, 0, 2, 6]
    assert position.pyramid_order(scores, [3], no) == [1, 4, 5, 0, 2, 6, 3]
    assert position.pyramid_order(scores, [], no, lede_first=True)[:2] == [0, 1]
    continues = np.array([False, False, True, True, False, False, False])
    # 1, 2, 3 form one paragraph: 3 waits for 2, which is poor, so 4 comes first
    assert position.pyramid_order(scores, [], continues) == [1, 0, 4, 2, 5, 3, 6]


def test_a_long_summary_is_the_top_of_the_story() -> None:
    """From TAPER * LOOKAHEAD + 1 sentences on, a summary is LEAD-k (less near-duplicates)."""
    doc = api.read(str(SEED))
    texts = [s.text for s in doc.sentences]
    paragraphs = [s.paragraph for s in doc.sentences]
    scores = pyramid(texts, paragraphs, doc.title)
    vectors = position.tfidf_vectors(texts)
    before, after = position.directed_similarity(vectors)
    duplicates = set(position.duplicates_of(position.pacsum_scores(before, after), vectors))
    unique = [i for i in range(len(texts)) if i not in duplicates]
    first = position.TAPER * position.LOOKAHEAD + 1
    assert len(unique) > first
    for k in range(first, len(unique) + 1):
        assert select_top(scores, k) == tuple(unique[:k]), k


def test_the_top_share_of_the_text_is_picked_first_then_the_rest_in_order() -> None:
    scores = np.array([0.2, 0.9, 0.1, 0.8, 0.7, 0.95, 0.0])
    no = np.zeros(7, dtype=bool)
    # top 3: {0,1,2} -> 1; {0,2} (3 is past the top) -> 0; {2} -> 2; then in order
    assert position.pyramid_order(scores, [], no, top=3) == [1, 0, 2, 3, 4, 5, 6]
    assert position.pyramid_order(scores, [1], no, top=3) == [0, 2, 3, 4, 5, 6, 1]


def test_a_summary_of_half_a_news_story_or_more_is_its_top() -> None:
    """Pacsum prefers sentence 1 and, at five of ten, the sixth to the fifth: from half the
    text on (five of ten) the summary is LEAD-k.  The lengths are written out, not computed
    from LONG_SHARE, so a share set too high (no summary is then the top) or too low fails."""
    story = BUDGET_STORY + ("The debate lasted six hours.", "A final vote on taxes is due soon.",
                            "The mayor thanked the staff.", "The new budget takes effect in July.")
    scores = pyramid(story)
    assert select_top(scores, 1) == (1,)  # a short summary is still pacsum's choice
    for k in range(5, 11):
        assert select_top(scores, k) == tuple(range(k)), k
    # without the rule, the taper alone swaps the sixth sentence in at five
    unbounded = position.pyramid_order(np.asarray(position.rank(RankInput(story))), [],
                                       np.zeros(10, dtype=bool))
    assert sorted(unbounded[:5]) == [0, 1, 2, 3, 5]


def test_below_half_the_text_the_top_half_may_still_be_reordered() -> None:
    """Four of ten sentences may swap the fourth for the fifth (both in the top half); a
    share below a half (two fifths: top four) would make them LEAD-4."""
    scores = np.array([0.9, 0.8, 0.7, 0.1, 0.6, 0.0, 0.0, 0.0, 0.0, 0.0])
    no = np.zeros(10, dtype=bool)
    order = position.pyramid_order(scores, [], no, top=math.ceil(position.LONG_SHARE * 10))
    assert sorted(order[:4]) == [0, 1, 2, 4]
    assert sorted(order[:5]) == [0, 1, 2, 3, 4]
    # a six-sentence story: the first pick is still pacsum's, three are the first three
    assert select_top(pyramid(BUDGET_STORY), 1) == (1,)
    assert select_top(pyramid(BUDGET_STORY), 3) == (0, 1, 2)


def test_a_lede_the_writer_set_apart_is_picked_first() -> None:
    """A one-sentence first paragraph over longer ones is the intro: it leads even at k=1."""
    assert select_top(pyramid(BUDGET_STORY), 1) == (1,)
    assert select_top(pyramid(BUDGET_STORY, (0, 1, 1, 2, 2, 2)), 1) == (0,)
    # one sentence a paragraph throughout (XSum's form) sets nothing apart
    assert select_top(pyramid(BUDGET_STORY, range(6)), 1) == (1,)
    assert position.lede_set_apart((0, 1, 1, 2, 2, 2), 6)
    assert not position.lede_set_apart((0, 1, 1), 3)  # two paragraphs: no body to compare
    assert not position.lede_set_apart((0, 0, 1, 1, 2, 2), 6)  # the lede shares its paragraph
    assert not position.lede_set_apart((0, 1, 2, 3, 3), 5)  # a body of one-sentence paragraphs
    assert not position.lede_set_apart((), 6)


def test_without_structure_pacsum_decides_among_the_opening_sentences() -> None:
    s = pyramid(BUDGET_STORY)
    assert select_top(s, 1) == (1,)  # the off-topic weather line loses its place
    assert sorted(s, reverse=True) == [(6 - r) / 6 for r in range(6)]


def test_a_headline_that_singles_out_the_lede_keeps_it_first() -> None:
    title = "Mild weather across the region"
    assert select_top(pyramid(BUDGET_STORY, title=title), 1) == (0,)
    # a headline about the budget points at sentence 1, not at the lede: pacsum decides
    assert select_top(pyramid(BUDGET_STORY, title="Council approves budget"), 1) == (1,)


def test_a_sentence_that_continues_a_paragraph_waits_for_its_first() -> None:
    story = ("Rain fell on the coast overnight.",) + BUDGET_STORY[1:]
    flat = pyramid(story)
    paragraphs = (0, 0, 1, 1, 2, 2)
    shaped = pyramid(story, paragraphs)
    assert select_top(flat, 1) == (1,)
    assert select_top(shaped, 1) == (0,)  # 1 continues the lede's paragraph


def test_a_peripheral_opening_means_centrality_decides() -> None:
    degree = np.array([0.1, 0.1, 0.1, 2.0, 2.0, 2.0, 2.0])
    assert not position.news_shaped(degree)
    assert position.news_shaped(np.array([1.0, 1.0, 1.0, 2.0, 2.0, 2.0]))  # ordinary opening
    assert position.news_shaped(degree[:5])  # too short to tell
    assert position.news_shaped(np.zeros(8))  # no overlap at all: no evidence
    greetings = ("Good morning everyone.", "Thank you for coming.", "Hello to all of you.")
    text = greetings + BUDGET_STORY[1:] + BUDGET_STORY[1:4]
    assert pyramid(text) == position.rank(RankInput(text))


def test_one_sentence_and_none() -> None:
    assert pyramid([]) == []
    assert pyramid(["Only one sentence."]) == [1.0]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=80), max_size=25),
       st.one_of(st.none(), st.text(max_size=30)), st.integers(0, 3))
def test_any_input_gets_one_distinct_finite_score_each(sentences: list[str],
                                                        title: str | None, block: int) -> None:
    paragraphs = tuple(i // (block + 1) for i in range(len(sentences))) if block else ()
    out = pyramid(sentences, paragraphs, title)
    assert len(out) == len(sentences)
    assert all(math.isfinite(x) for x in out)
