"""The reader's rules without Textual: ReaderState, build_brief, and the source layout."""

from __future__ import annotations

from typing import Any

import pytest
from briefer_snapshot_app import dek_document, second_document, seed_document

from briefer.brief.model import Brief, BriefItem, Section
from briefer.document import Document
from briefer.tui.state import BOTTOM_LINE, Placement, ReaderState, build_brief
from briefer.tui.widgets.source_view import source_pieces


def brief_of(docs: list[Document], keys: list[tuple[int, int]], *, template: str = "news",
             bottom: tuple[int, int] | None = None, scores: Any = None) -> Brief:
    """A hand-made brief: the first two keys in section one, the rest in section two."""
    def item(key: tuple[int, int]) -> BriefItem:
        return BriefItem(key[0], docs[key[0]].sentences[key[1]], 1.0)

    scores = scores if scores is not None else tuple(
        tuple(float(len(d.sentences) - i) for i in range(len(d.sentences))) for d in docs)
    return Brief(
        title=docs[0].title, standfirst=None, template=template, algorithm="lead",
        documents=tuple(docs),
        sections=(Section("One", tuple(item(k) for k in keys[:2])),
                  Section("Two", tuple(item(k) for k in keys[2:]))),
        bottom_line=item(bottom) if bottom else None, scores=scores)


@pytest.fixture
def docs() -> list[Document]:
    return [seed_document(), second_document()]


def test_only_the_latest_request_is_accepted_and_its_scores_are_kept(docs: list[Document]
                                                                      ) -> None:
    state = ReaderState(docs, algorithm="lead")
    first = state.request()
    assert first.unranked == (0, 1)
    second = state.request()
    assert not state.accept(first.generation, brief_of(docs, [(0, 0)]))
    assert state.brief is None
    assert state.accept(second.generation, brief_of(docs, [(0, 0), (1, 1), (0, 4)]))
    assert state.stats.sentences_out == 3
    assert state.stats.sentences_in == len(docs[0].sentences) + len(docs[1].sentences)
    assert 0 < state.stats.compression < 1
    assert state.request().unranked == (), "scores are re-used for the same algorithm"
    state.set_algorithm("TextRank")
    assert state.algorithm == "textrank"
    assert state.request().unranked == (0, 1), "another algorithm ranks again"


def test_longer_and_shorter_stop_at_the_ends(docs: list[Document]) -> None:
    state = ReaderState(docs[1:])
    assert not state.longer(), "nothing to lengthen before the first brief"
    total = len(docs[1].sentences)
    state.accept(state.request().generation, brief_of(docs[1:], [(0, i) for i in range(total)]))
    assert not state.longer()
    state.accept(state.request().generation, brief_of(docs[1:], [(0, 0)]))
    assert not state.shorter()
    assert state.longer() and state.count == 2
    state.pinned = {(0, 0), (0, 1)}
    state.accept(state.request().generation, brief_of(docs[1:], [(0, 0), (0, 1)]))
    assert not state.shorter(), "pinned sentences always stay"


def test_pin_and_drop_exclude_each_other_and_toggle() -> None:
    state = ReaderState()
    assert state.toggle_pin((0, 3)) and (0, 3) in state.pinned
    assert state.toggle_drop((0, 3)) and (0, 3) in state.dropped
    assert (0, 3) not in state.pinned
    assert not state.toggle_drop((0, 3)) and not state.dropped
    state.toggle_pin((0, 1))
    assert state.clear_choices() and not state.pinned
    assert not state.clear_choices()


def test_a_failed_template_goes_back_to_what_worked(docs: list[Document]) -> None:
    state = ReaderState(docs, template="broken")
    failed = state.request()
    assert state.reject(failed.generation), "before any brief, fall back to auto"
    assert state.template == "auto"
    state.accept(state.request().generation, brief_of(docs, [(0, 0)]))
    state.set_template("news")
    state.accept(state.request().generation, brief_of(docs, [(0, 0)]))
    state.set_template("missing.toml")
    request = state.request()
    assert not state.reject(request.generation - 1), "an old failure changes nothing"
    assert state.reject(request.generation)
    assert state.template == "news"
    assert not state.reject(request.generation), "nothing left to change"


def test_closing_a_document_keeps_choices_on_the_same_sentences(docs: list[Document]) -> None:
    state = ReaderState([docs[1], docs[0], docs[1]])
    state.pinned = {(0, 1), (1, 2), (2, 0)}
    state.dropped = {(1, 3)}
    state.current = 2
    state.close_document(0)
    assert state.pinned == {(0, 2), (1, 0)}
    assert state.dropped == {(0, 3)}
    assert state.current == 1 and len(state.documents) == 2


def test_placements_and_info(docs: list[Document]) -> None:
    state = ReaderState(docs)
    state.accept(state.request().generation,
                 brief_of(docs, [(0, 0), (0, 2), (1, 1)], bottom=(0, 5)))
    placed = state.placements()
    assert placed[(0, 2)] == Placement(0, "One")
    assert placed[(1, 1)] == Placement(1, "Two")
    assert placed[(0, 5)] == Placement(BOTTOM_LINE, "Bottom line")
    info = state.info((0, 2))
    assert info is not None
    assert info.rank == 3 and info.total == len(docs[0].sentences)
    assert info.score == float(len(docs[0].sentences) - 2)
    assert info.placement == Placement(0, "One")
    assert state.info((5, 0)) is None
    assert state.find("RESERVOIRS", doc=1) == [2]  # after the lede and the storm
    assert state.find("  ") == []


def test_build_brief_ranks_only_what_is_missing_and_reports_progress(docs: list[Document]
                                                                      ) -> None:
    state = ReaderState(docs, algorithm="lead")
    ranked: list[str] = []
    steps: list[tuple[int, int]] = []

    def rank(doc: Document, algorithm: str) -> list[float]:
        ranked.append(doc.source)
        return [1.0 / (i + 1) for i in range(len(doc.sentences))]

    request = state.request()
    brief = build_brief(request, rank=rank, progress=lambda d, t, _: steps.append((d, t)))
    assert brief is not None and len(brief.documents) == 2
    assert ranked == [docs[0].source, docs[1].source]
    assert steps == [(0, 2), (1, 2), (2, 2)]
    assert state.accept(request.generation, brief)
    ranked.clear()
    state.longer()
    assert build_brief(state.request(), rank=rank) is not None
    assert ranked == [], "a new length re-uses the scores"
    assert build_brief(state.request(), rank=rank, cancelled=lambda: True) is None


def test_build_brief_stops_between_the_steps_of_the_plan_when_cancelled(
        docs: list[Document], monkeypatch: pytest.MonkeyPatch) -> None:
    """Cancelling (the reader pressed `q`, or asked for another brief) stops the build at
    the next step of the plan, not after the whole plan and brief: on 1 MB that is a
    second of work the reader would wait for."""
    from briefer.brief import assembly

    state = ReaderState(docs, algorithm="lead")
    request = state.request()
    rank = lambda doc, algorithm: [1.0] * len(doc.sentences)  # noqa: E731
    steps: list[str] = []
    quit_after_reading = lambda: "reading the sentences" in steps  # noqa: E731
    original = assembly.plan_brief

    def spy(docs, template="auto", *, progress=None):
        def both(step: str, done: int, total: int) -> None:
            steps.append(step)
            if progress is not None:
                progress(step, done, total)
        return original(docs, template, progress=both)

    monkeypatch.setattr("briefer.brief.plan_brief", spy)
    assert build_brief(request, rank=rank, cancelled=quit_after_reading) is None
    assert steps == ["reading the sentences"], "no step after the cancel ran"
    steps.clear()
    assert build_brief(request, rank=rank) is not None
    assert steps[-1] == "finding quotes"


def test_build_brief_gives_up_when_a_ranking_was_cancelled(docs: list[Document]) -> None:
    """A ranker that answers None (a child process killed because the reader moved on)
    ends the build: no brief from the scores of another request."""
    state = ReaderState(docs, algorithm="lead")
    assert build_brief(state.request(), rank=lambda doc, algorithm: None) is None


def test_source_pieces_cover_the_text_in_order() -> None:
    doc = dek_document()
    pieces = source_pieces(doc)
    kinds = [p.kind for p in pieces]
    assert kinds[:3] == ["symbol", "title", "standfirst"]
    assert {"teaser", "share-bar"} <= set(kinds)
    assert [p.position for p in pieces if p.kind == "sentence"] == list(range(len(doc.sentences)))
    assert all(a.end <= b.start for a, b in zip(pieces, pieces[1:], strict=False))
    first = kinds.index("sentence")
    assert pieces[1].break_before and pieces[first].break_before
    assert not pieces[first + 1].break_before, "sentences of one paragraph run on"


def test_info_sorts_scores_once_per_brief(docs: list[Document],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import briefer.select

    sorts: list[int] = []
    real = briefer.select.order_by_score
    monkeypatch.setattr(briefer.select, "order_by_score",
                        lambda scores: sorts.append(len(scores)) or real(scores))
    state = ReaderState(docs)
    brief = brief_of(docs, [(0, 0), (0, 1)])
    state.accept(state.request().generation, brief)
    ranks = [state.info((0, s)).rank for s in range(len(docs[0].sentences))]
    assert sorted(ranks) == list(range(1, len(docs[0].sentences) + 1))
    assert ranks[0] == 1, "the best-scored sentence is first"
    assert len(sorts) == 1
    state.accept(state.request().generation, brief_of(docs, [(0, 0)], scores=brief.scores))
    state.info((0, 2))
    assert len(sorts) == 1, "the same scores are not sorted again"
    flipped = tuple(tuple(reversed(s)) for s in brief.scores)
    state.accept(state.request().generation, brief_of(docs, [(0, 0)], scores=flipped))
    assert state.info((0, 0)).rank == len(docs[0].sentences) and len(sorts) == 2


def test_the_reader_keeps_the_plan_of_its_brief(docs: list[Document]) -> None:
    state = ReaderState(docs, algorithm="lead")
    first = state.request()
    assert first.plan is None
    state.accept(first.generation, build_brief(first, rank=lambda d, a: [1.0] *
                                               len(d.sentences)))
    plan = state.request().plan
    assert plan is not None and plan.made_for(docs, "auto")
    state.longer()
    request = state.request()
    assert request.plan is plan
    build_brief(request)
    assert state.request().plan is plan, "a new length keeps the plan"
    state.set_template("news")
    request = state.request()
    build_brief(request)
    assert state.request().plan is not plan and state.request().plan.made_for(docs, "news")


def test_longer_counts_items_like_count_does(docs: list[Document]) -> None:
    """``count`` is items without the bottom line: a brief showing every sentence but one as
    items, with the last as its bottom line, cannot grow."""
    state = ReaderState(docs[1:])
    total = len(docs[1].sentences)
    state.accept(state.request().generation,
                 brief_of(docs[1:], [(0, i) for i in range(1, total)], bottom=(0, 0)))
    assert not state.longer()
    state.accept(state.request().generation,
                 brief_of(docs[1:], [(0, i) for i in range(2, total)], bottom=(0, 0)))
    assert state.longer() and state.count == total - 1
    state.accept(state.request().generation,
                 brief_of(docs[1:], [(0, i) for i in range(2, total)], bottom=(0, 0)))
    assert not state.longer(), "count already asks for every sentence besides the bottom line"


def test_a_feeds_title_heads_its_brief_while_only_its_items_are_open(docs: list[Document]
                                                                      ) -> None:
    """As ``briefer brief`` heads a feed's brief with the feed's title, so does the reader;
    a file opened beside the items, or an item closed, makes it a brief of other texts."""
    def rank(doc: Document, algorithm: str) -> list[float]:
        return [1.0 / (i + 1) for i in range(len(doc.sentences))]

    state = ReaderState(docs, algorithm="lead", title="World news — Example Feed")
    brief = build_brief(state.request(), rank=rank)
    assert brief is not None and brief.title == "World news — Example Feed"
    state.add_document(second_document())
    brief = build_brief(state.request(), rank=rank)
    assert brief is not None and brief.title != "World news — Example Feed"
    state.close_document(len(state.documents) - 1)
    assert state.request().title == "World news — Example Feed", "the same items again"
    state.close_document(0)
    assert state.request().title is None
    assert ReaderState(docs).request().title is None
