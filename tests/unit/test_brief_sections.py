"""Section assignment on the seed, auto sections, selection rules, pins, drops and scores.

Assertions find sentences by what they say, not by number, so they hold whichever sentence
splitter is in use.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefer import api
from briefer.brief import make_brief, place_sentences
from briefer.brief.template import parse_template
from briefer.document import Document

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "venezuela-mexico.txt"
SEED_TEMPLATE = str(ROOT / "seeds" / "venezuela-mexico.toml")


@pytest.fixture(scope="module")
def seed() -> Document:
    return api.read(str(SEED))


def where(doc: Document, placement: dict, phrase: str) -> str | None:
    """The section of the sentence containing ``phrase``."""
    for (_, p), title in placement.items():
        if phrase in doc.sentences[p].text:
            return title
    raise AssertionError(f"no sentence contains {phrase!r}")


def all_items(brief) -> list:
    return [item for section in brief.sections for item in section.items]


def test_seed_template_puts_each_part_of_the_story_in_its_section(seed: Document) -> None:
    placed = place_sentences([seed], SEED_TEMPLATE)
    # Trump's moves and words on Venezuela.
    assert where(seed, placed, "stunned reporters in the Oval Office") == "Venezuela"
    assert where(seed, placed, "Flanked by the presidential seal") == "Venezuela"
    assert where(seed, placed, "boots on the ground") == "Venezuela"
    assert where(seed, placed, "He justified the hard-line posture") == "Venezuela"
    # The strikes-in-Mexico exchange.
    assert where(seed, placed, "fentanyl labs") == "Mexico"
    assert where(seed, placed, "save millions of lives") == "Mexico"
    # Caracas' and the opposition's responses.
    assert where(seed, placed, "triggered fury in Caracas") == "Reactions"
    assert where(seed, placed, "defense minister warned") == "Reactions"
    assert where(seed, placed, "opposition sources close to") == "Reactions"


def test_seed_brief_has_the_sections_in_template_order(seed: Document) -> None:
    brief = make_brief([seed], template=SEED_TEMPLATE)
    titles = [s.title for s in brief.sections]
    assert titles[:3] == ["Venezuela", "Mexico", "Reactions"]
    assert brief.template == "venezuela-mexico"


def test_every_sentence_once_and_the_bottom_line_not_repeated(seed: Document) -> None:
    for template in ("auto", "news", SEED_TEMPLATE):
        brief = make_brief([seed], template=template)
        keys = [(i.doc, i.sentence.index) for i in all_items(brief)]
        assert len(keys) == len(set(keys))
        assert brief.bottom_line is not None
        assert (0, brief.bottom_line.sentence.index) not in keys
        for section in brief.sections:
            indexes = [i.sentence.index for i in section.items]
            assert indexes == sorted(indexes), "items are in source order"


def test_count_gives_each_relevant_section_one_item_first(seed: Document) -> None:
    brief = make_brief([seed], template=SEED_TEMPLATE, count=3)
    assert brief.sentences_out == 3
    assert [s.title for s in brief.sections] == ["Venezuela", "Mexico", "Reactions"]
    assert all(len(s.items) == 1 for s in brief.sections)


def test_count_is_the_number_of_items(seed: Document) -> None:
    for n in (1, 4, 7):
        assert make_brief([seed], template=SEED_TEMPLATE, count=n).sentences_out == n


def test_per_section_limits_without_count(seed: Document) -> None:
    brief = make_brief([seed], template=SEED_TEMPLATE)
    limits = {"Venezuela": 3, "Mexico": 2, "Reactions": 3, "Other points": 3}
    for section in brief.sections:
        assert len(section.items) <= limits[section.title]


def test_auto_sections_on_the_seed_are_close_to_the_hand_made_ones(seed: Document) -> None:
    brief = make_brief([seed])
    titles = [s.title for s in brief.sections]
    assert brief.template == "auto"
    assert "Venezuela" in titles and "Mexico" in titles
    assert titles.index("Venezuela") < titles.index("Mexico")
    placed = place_sentences([seed], "auto")
    assert where(seed, placed, "fentanyl labs") == "Mexico"
    assert where(seed, placed, "boots on the ground") == "Venezuela"


def test_auto_falls_back_to_news_for_a_text_without_names() -> None:
    doc = api.split("the rain fell all day. the river rose fast.\n\nnobody was hurt, they said. "
                    "the water will fall tomorrow.", source="plain.txt")
    brief = make_brief([doc])
    assert brief.template == "news"


def test_news_template_files_a_critical_condition_as_no_reaction() -> None:
    """"critical" and "criticised" share the stem "critic"; the news template's Reactions
    must not take an accident report for a reaction."""
    doc = api.split("A bus overturned on the motorway on Friday. One passenger was left in "
                    "critical condition in hospital. The mayor condemned the state of the road.")
    placed = place_sentences([doc], "news")
    assert placed[(0, 1)] != "Reactions"
    assert placed[(0, 2)] == "Reactions"


def test_ties_go_to_the_earlier_section() -> None:
    template = parse_template('[[section]]\ntitle = "First"\ntopics = ["river"]\n'
                              '[[section]]\ntitle = "Second"\ntopics = ["rain"]\n', "t.toml")
    doc = api.split("The rain swelled the river.", source="t.txt")
    assert place_sentences([doc], template) == {(0, 0): "First"}


def test_topics_are_stemmed_and_places_found_by_any_name() -> None:
    template = parse_template('[[section]]\ntitle = "V"\ntopics = ["Venezuelan", "warn"]\n',
                              "t.toml")
    doc = api.split("Officials in Caracas met.\n\nThey warned everyone.\n\nVenezuela voted.\n\n"
                    "Nothing else.", source="t.txt")
    placed = place_sentences([doc], template)
    assert [placed[(0, p)] for p in range(4)] == ["V", "V", "V", "Other points"]


def test_catch_all_or_left_out_by_template_setting() -> None:
    text = "The river rose.\n\nThe mayor spoke.\n\nThe river fell."
    doc = api.split(text, source="t.txt")
    keep = parse_template('[[section]]\ntitle = "River"\ntopics = ["river"]\n', "t.toml")
    drop = parse_template('catch_all = false\n[[section]]\ntitle = "River"\n'
                          'topics = ["river"]\n', "t.toml")
    assert place_sentences([doc], keep)[(0, 1)] == "Other points"
    assert place_sentences([doc], drop)[(0, 1)] is None
    brief = make_brief([doc], template=drop, count=5)
    shown = {i.sentence.text for i in all_items(brief)} | {brief.bottom_line.sentence.text}
    assert "The mayor spoke." not in shown


def test_a_continuing_sentence_follows_the_one_before() -> None:
    template = parse_template('[[section]]\ntitle = "Rivers"\ntopics = ["river"]\n', "t.toml")
    doc = api.split("The river rose fast overnight. It flooded the lower town.\n\n"
                    "The mayor spoke.", source="t.txt")
    placed = place_sentences([doc], template)
    assert placed[(0, 1)] == "Rivers"
    assert placed[(0, 2)] == "Other points"


def test_pinned_always_appear_and_dropped_never(seed: Document) -> None:
    last = len(seed.sentences) - 1
    brief = make_brief([seed], template=SEED_TEMPLATE, count=2, pinned=[(0, last)])
    shown = [i.sentence.index - 1 for i in all_items(brief)]
    assert last in shown
    top = make_brief([seed], template=SEED_TEMPLATE)
    gone = top.bottom_line.sentence.index - 1
    again = make_brief([seed], template=SEED_TEMPLATE, dropped=[(0, gone)])
    keys = [i.sentence.index - 1 for i in all_items(again)] + [again.bottom_line.sentence.index
                                                                - 1]
    assert gone not in keys


def test_pinned_sentence_appears_even_when_unplaced_are_dropped() -> None:
    drop = parse_template('catch_all = false\n[[section]]\ntitle = "River"\n'
                          'topics = ["river"]\n', "t.toml")
    doc = api.split("The river rose.\n\nThe mayor spoke.\n\nThe river fell.\n\nIt rained.",
                    source="t.txt")
    brief = make_brief([doc], template=drop, pinned=[(0, 1)], count=3)
    texts = [i.sentence.text for i in all_items(brief)] + [brief.bottom_line.sentence.text]
    assert "The mayor spoke." in texts


def test_given_scores_are_reused_without_ranking(seed: Document,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    first = make_brief([seed], template=SEED_TEMPLATE, algorithm="lead")
    assert len(first.scores[0]) == len(seed.sentences)

    def no_ranking(*args: object, **kwargs: object) -> None:
        raise AssertionError("ranked again")

    monkeypatch.setattr("briefer.api.rank", no_ranking)
    again = make_brief([seed], template=SEED_TEMPLATE, algorithm="lead", count=2,
                       scores=first.scores)
    assert again.scores == first.scores
    assert again.sentences_out == 2


def test_lead_ranker_picks_the_first_sentence_as_bottom_line(seed: Document) -> None:
    brief = make_brief([seed], algorithm="lead")
    assert brief.bottom_line.sentence.index == 1
    assert brief.algorithm == "lead"


def test_no_documents_and_empty_documents() -> None:
    empty = make_brief([])
    assert empty.sections == () and empty.bottom_line is None
    doc = api.split("Title only\n\n", source="t.txt", clean=False)
    assert make_brief([doc]).sentences_in == len(doc.sentences)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(count=st.one_of(st.none(), st.integers(1, 12)),
       pins=st.sets(st.integers(0, 30), max_size=4),
       drops=st.sets(st.integers(0, 30), max_size=4),
       template=st.sampled_from(["auto", "news", SEED_TEMPLATE]))
def test_choices_are_always_honoured(seed: Document, count: int | None, pins: set[int],
                                     drops: set[int], template: str) -> None:
    """Whatever the reader pins, drops and asks for: pins appear, drops do not, nothing twice,
    and the sections hold ``count`` items (fewer if the text runs out, more if pins force)."""
    total = len(seed.sentences)
    pinned = [(0, p) for p in pins if p < total]
    dropped = [(0, p) for p in drops if p < total and p not in pins]
    brief = make_brief([seed], template=template, count=count, pinned=pinned, dropped=dropped)
    shown = [i.sentence.index - 1 for i in all_items(brief)]
    bottom = brief.bottom_line.sentence.index - 1
    assert len(shown) == len(set(shown)) and bottom not in shown
    assert {p for _, p in pinned} <= set(shown) | {bottom}
    assert not {p for _, p in dropped} & (set(shown) | {bottom})
    if count is not None:  # every template here keeps what fits no section
        available = total - len(dropped) - 1
        pinned_below = len([p for _, p in pinned if p != bottom])
        assert brief.sentences_out == max(min(count, available), pinned_below)


def test_a_plan_is_kept_by_its_caller_and_used_only_where_it_fits(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """No cache behind the caller's back: a brief without a plan analyses its documents;
    one given the plan of the same documents and template does not; a plan made for
    another text is not used."""
    from briefer.brief import assembly, plan_brief

    seed = api.read(str(SEED))
    other = api.split("The council opened the new bridge on Monday. It cost a million.",
                      source="bridge.txt")
    calls: list[int] = []
    real = assembly.analysis_pass
    monkeypatch.setattr(assembly, "analysis_pass",
                        lambda docs, *a: calls.append(len(docs)) or real(docs, *a))
    plan = plan_brief([seed], SEED_TEMPLATE)
    assert len(calls) == 1
    first = make_brief([seed], template=SEED_TEMPLATE, count=2, plan=plan)
    again = make_brief([seed], template=SEED_TEMPLATE, count=3, plan=plan)
    assert len(calls) == 1, "the plan was analysed again"
    assert (first.sentences_out, again.sentences_out) == (2, 3)
    make_brief([seed], template=SEED_TEMPLATE, count=2)
    assert len(calls) == 2, "without a plan a brief makes its own"
    brief = make_brief([other], template=SEED_TEMPLATE, plan=plan)
    assert len(calls) == 3 and brief.documents == (other,)
    make_brief([seed], template="news", plan=plan)
    assert len(calls) == 4, "a plan for another template is not used"
