"""Stories: reports of one event briefed together, unrelated ones apart."""

from __future__ import annotations

import json

from briefer import api
from briefer.brief import make_brief
from briefer.brief.stories import spread
from briefer.render import json as json_render
from briefer.render import markdown

FLOOD_1 = """Floods Cut Off Villages in Northern Valletta Province

Floodwater cut off twelve villages in Valletta province on Tuesday after the Meran river
burst its banks. Rescue teams in boats reached Brindle and Oakhurst by nightfall, the
province governor Tomas Reyes said. About 3,000 residents spent the night in school halls.
Forecasters warned that more rain would fall on the Meran valley on Wednesday."""

FLOOD_2 = """Meran River Floods Leave Thousands in Shelters

Thousands of residents of Brindle, Oakhurst and ten other villages slept in shelters after
the Meran river flooded Valletta province. Governor Tomas Reyes said boats had carried the
last families out of Oakhurst. The army sent trucks with drinking water to the Meran
valley. Officials feared more rain on Wednesday would raise the river again."""

CHESS_1 = """Kaspari Wins Lindqvist Chess Open After Marathon Final

Grandmaster Elena Kaspari won the Lindqvist Open in Stavanger on Sunday, beating Pavel
Moro in a final that lasted seven hours. Kaspari sacrificed a rook on move 31 and Moro
resigned after the time control. It is her second Lindqvist title."""

CHESS_2 = """Moro Resigns as Kaspari Takes Second Lindqvist Title

Elena Kaspari took her second Lindqvist Open title in Stavanger when Pavel Moro resigned a
seven-hour final. The grandmaster's rook sacrifice on move 31 decided the game, organisers
said. Moro said Kaspari had played the final of her life."""

SINGLE = """Bakery Chain Opens Its Hundredth Shop

The Crumbwell bakery chain opened its hundredth shop in Leeds on Monday. Its founder said
sourdough now makes up half of its bread sales. The company plans forty more shops."""


def docs() -> list:
    texts = [("flood1.txt", FLOOD_1), ("chess1.txt", CHESS_1), ("bakery.txt", SINGLE),
             ("flood2.txt", FLOOD_2), ("chess2.txt", CHESS_2)]
    return [api.split(text, source=name) for name, text in texts]


def test_two_stories_of_two_reports_and_a_singleton() -> None:
    brief = make_brief(docs(), algorithm="lead")
    groups = [sorted(brief.documents[d].source for d in s.documents) for s in brief.stories]
    assert groups[:2] in ([["flood1.txt", "flood2.txt"], ["chess1.txt", "chess2.txt"]],
                          [["chess1.txt", "chess2.txt"], ["flood1.txt", "flood2.txt"]])
    assert groups[2] == ["bakery.txt"], "the singleton comes last"
    titles = {s.title for s in brief.stories}
    assert titles & {FLOOD_1.splitlines()[0], FLOOD_2.splitlines()[0]}
    assert "Bakery Chain Opens Its Hundredth Shop" in titles
    for section in brief.sections:  # every item comes from its section's story
        story = brief.stories[section.story]
        assert all(i.doc in story.documents for i in section.items), section.title
    assert [s.story for s in brief.sections] == sorted(s.story for s in brief.sections)
    assert brief.bottom_line.doc in brief.stories[0].documents, "from the biggest story"


def test_json_and_markdown_show_the_stories() -> None:
    brief = make_brief(docs(), algorithm="lead")
    data = json.loads(json_render.render_brief(brief))
    assert [s["title"] for s in data["stories"]] == [s.title for s in brief.stories]
    assert sorted(d for s in data["stories"] for d in s["documents"]) == sorted(
        d.source for d in brief.documents)
    assert all(isinstance(s["story"], int) for s in data["sections"])
    md = markdown.render_brief(brief)
    for story in brief.stories:
        assert f"\n## {markdown.escape(story.title)}\n" in md
    assert "\n### " in md


def test_reports_of_one_event_keep_todays_sections() -> None:
    pair = [d for d in docs() if d.source.startswith("flood")]
    brief = make_brief(pair, algorithm="lead")
    assert brief.stories == ()
    assert all(s.story is None for s in brief.sections)
    assert json.loads(json_render.render_brief(brief))["stories"] == []


def test_the_length_is_spread_over_the_stories() -> None:
    assert spread(3, [2, 2, 1], [9, 9, 9]) == [1, 1, 1], "every story an item first"
    assert spread(2, [2, 2, 1], [9, 9, 9]) == [1, 1, 0]
    assert spread(7, [4, 2, 1], [9, 9, 9]) == [4, 2, 1], "bigger stories more"
    assert spread(6, [4, 1], [2, 9]) == [2, 4], "no more than a story has"
    brief = make_brief(docs(), algorithm="lead", count=3)
    assert brief.sentences_out == 3
    per_story = {s.story for s in brief.sections}
    assert per_story == set(range(len(brief.stories)))


def test_progress_is_reported_step_by_step_and_ranking_per_document() -> None:
    steps: list[tuple[str, int, int]] = []
    make_brief(docs(), algorithm="lead", progress=lambda *step: steps.append(step))
    names = [s for s, _, _ in steps]
    assert names.index("reading the sentences") < names.index("finding the stories") \
        < names.index("ranking with lead") < names.index("choosing sentences")
    assert [(d, t) for s, d, t in steps if s == "ranking with lead"] == [(i, 5) for i in
                                                                          range(5)]


def test_nothing_but_the_brief_in_a_pipe(tmp_path) -> None:
    import subprocess
    import sys

    for d in docs():
        (tmp_path / d.source).write_text(d.text, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "briefer", "brief", str(tmp_path), "-f",
                          "json"], capture_output=True, text=True, check=True)
    assert out.stderr == "" and json.loads(out.stdout)["stories"]


FERRY = """Island Ferry Service Resumes After Strike

Ferries to the island of Kelso sailed again on Thursday after crews ended a four-day strike.
The operator said timetables would be normal by the weekend. Crews won a pay rise of four
per cent."""

LIBRARY = """City Library Reopens After Renovation

The central library of Dunmore reopened on Saturday after two years of building work. It
now has a children's wing and a roof garden. Borrowing rose by half in its first week."""


def gathered_docs() -> list:
    texts = [("flood1.txt", FLOOD_1), ("chess1.txt", CHESS_1), ("bakery.txt", SINGLE),
             ("flood2.txt", FLOOD_2), ("ferry.txt", FERRY), ("chess2.txt", CHESS_2),
             ("library.txt", LIBRARY)]
    return [api.split(text, source=name) for name, text in texts]


def gathering_after(monkeypatch, most: int) -> None:
    from functools import partial

    from briefer.brief import assembly, stories

    monkeypatch.setattr(assembly, "find_stories", partial(stories.find_stories, most=most))


def test_other_stories_shows_every_gathered_story_in_one_line(monkeypatch) -> None:
    """Past the stories shown in full, each gathered story is one line, its best sentence:
    all of them (not the template's three per section), one per story even when a gathered
    story has two reports."""
    gathering_after(monkeypatch, 1)
    brief = make_brief(gathered_docs(), algorithm="lead")
    assert brief.stories[-1].title == "Other stories"
    other = [s for s in brief.sections if s.story == len(brief.stories) - 1]
    assert len(other) == 1
    sources = [brief.documents[i.doc].source for i in other[0].items]
    assert len(sources) == 4, sources  # chess (two reports), bakery, ferry, library
    assert len({s.split("1")[0].split("2")[0] for s in sources}) == 4, "one line per story"
    assert {"bakery.txt", "ferry.txt", "library.txt"} <= set(sources)
    for item in other[0].items:  # the lead ranker: each line is its document's first
        assert item.sentence == brief.documents[item.doc].sentences[0]
    assert [i.doc for i in other[0].items] == sorted(i.doc for i in other[0].items)


def test_other_stories_share_the_count_after_the_stories_shown(monkeypatch) -> None:
    gathering_after(monkeypatch, 1)
    brief = make_brief(gathered_docs(), algorithm="lead", count=3)
    assert brief.sentences_out == 3
    first = [s for s in brief.sections if s.story == 0]
    assert sum(len(s.items) for s in first) == 1, "the story shown gets one item"
    other = [i for s in brief.sections if s.story == len(brief.stories) - 1 for i in s.items]
    assert len(other) == 2, "then the gathered stories, one line each, while -n lasts"
    roomy = make_brief(gathered_docs(), algorithm="lead", count=12)
    other = [i for s in roomy.sections if s.story == len(roomy.stories) - 1 for i in s.items]
    assert len(other) == 4, "never more than one line per gathered story"


# Three reports of one event, written as wire reports are: each opens with its own summary.
QUAKE_1 = """Quake Shakes Port Alden, Toppling Homes

A magnitude 6.4 earthquake struck the coastal city of Port Alden before dawn on Monday,
collapsing dozens of homes and killing at least 14 people, officials said.

The quake hit at 4:12 a.m. local time at a depth of 10 kilometres, according to the national
seismic institute.

Mayor Ruth Okafor said rescue crews were searching the rubble of the old harbour district.

"We are still pulling people out," she told reporters.

Power was cut across much of the city and the main bridge was closed for inspection.

Aftershocks continued through the morning, the strongest measuring 4.8.

Schools will stay closed for the rest of the week."""

QUAKE_2 = """Death Toll Rises in Port Alden Earthquake

Rescuers dug through collapsed buildings in Port Alden on Monday after a strong earthquake
killed at least 14 people and injured more than 200.

The 6.4-magnitude tremor was centred just off the coast, the seismic institute said.

Hospitals in the region appealed for blood donors.

Many of the damaged houses were built of brick before modern building codes.

The government sent army engineers and two field hospitals.

Residents spent the night in parks, fearing more aftershocks.

The prime minister is expected to visit on Tuesday."""

QUAKE_3 = """Port Alden Digs Out After Deadly Quake

Thousands of Port Alden residents slept outdoors on Monday night after an earthquake of
magnitude 6.4 destroyed homes and killed 14 people in the port city.

Officials said 230 people had been treated in hospital.

The old harbour district, where houses are mostly of brick, was worst hit.

Ruth Okafor, the mayor, said the search for survivors would go on through the night.

Neighbouring countries offered help.

Shipping at the port was suspended while engineers checked the quays.

The last strong earthquake in the region, in 1987, killed 40 people."""


def quake_docs() -> list:
    return [api.split(t, source=f"quake{i}.txt")
            for i, t in enumerate((QUAKE_1, QUAKE_2, QUAKE_3), start=1)]


def shown(brief) -> set[tuple[int, int]]:
    items = [brief.bottom_line, *(i for s in brief.sections for i in s.items)]
    return {(i.doc, i.sentence.index) for i in items}


def test_a_short_brief_of_reports_of_one_event_opens_with_each_reports_lede(monkeypatch
                                                                            ) -> None:
    """-n 3 over three reports of one story: the three ledes (what each report's first
    sentence says, and the pyramid ranker's best of each), not a section's weaker best."""
    from briefer.brief import assembly
    from briefer.brief.stories import StoryGroup

    monkeypatch.setattr(assembly, "find_stories", lambda docs, *a, **k: [
        StoryGroup(tuple(range(len(docs))))])
    for template in ("auto", "news"):  # found sections, and the news template's
        brief = make_brief(quake_docs(), count=2, template=template)
        assert brief.stories == ()
        assert shown(brief) == {(0, 1), (1, 1), (2, 1)}, template


def test_each_story_of_a_short_brief_opens_with_its_reports_ledes() -> None:
    brief = make_brief(quake_docs(), count=3)
    ledes = {(d, 1) for d in range(3)}
    assert len(shown(brief) & ledes) == 3, shown(brief)


_VECTORS = """
import hashlib
from briefer.brief import make_brief, stories
from tests.unit.test_brief_stories import docs
got = []
real = stories.document_vectors
stories.document_vectors = lambda *a, **k: got.append(real(*a, **k)) or got[-1]
make_brief(docs(), algorithm="lead")
m = got[0]
print(hashlib.sha256(m.indices.tobytes() + m.data.tobytes()).hexdigest())
"""


def test_the_document_vectors_are_the_same_in_every_process() -> None:
    """A sentence's terms come in a frozenset's hash-seeded order; the vectors' columns must
    not, or near-tied similarities order a story's documents (and pick its title)
    differently from run to run (review round 8 W7)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    out = {subprocess.run([sys.executable, "-c", _VECTORS], cwd=root, check=True, text=True,
                          capture_output=True,
                          env={**os.environ, "PYTHONHASHSEED": seed}).stdout
           for seed in ("1", "2", "3")}
    assert len(out) == 1, out


CHESS_ES = """Kaspari gana su segundo título del Abierto Lindqvist tras una final maratoniana

La gran maestra Elena Kaspari se proclamó el domingo campeona del Abierto Lindqvist por
segunda vez, después de derrotar a Pavel Moro en una final que se prolongó durante siete
horas. La jugadora sorprendió al público con el sacrificio de una torre en la jugada 31, una
decisión arriesgada que desconcertó a su rival. Moro, que había llegado invicto a la última
ronda, abandonó poco después del control de tiempo. Los organizadores destacaron la
asistencia récord de aficionados y la tensión que se vivió en la sala durante toda la tarde.
Kaspari dedicó la victoria a su entrenador y anunció que disputará el próximo torneo de
candidatos en primavera. El ajedrecista derrotado reconoció que su contrincante había jugado
la mejor partida de su vida y prometió volver a intentarlo el año que viene."""

FLOOD_ES = """Lluvias en Noruega dejan calles cortadas en Stavanger

Las lluvias del domingo cortaron varias calles de Stavanger, en Noruega, y el alcalde pidió
a los vecinos que no salieran de casa. Los bomberos achicaron agua en tres barrios."""


def test_reports_of_one_event_in_two_languages_are_one_story() -> None:
    """Words do not meet across languages, the names do: the Spanish report of the chess
    final joins the English ones (their words' and names' cosine is 0.18, under the
    threshold; the names alone, three people and bodies shared, 0.74), while a Spanish
    report of rain in the city of the English final, which shares only the place, stays a
    story of its own."""
    texts = [("chess1.txt", CHESS_1, "en"), ("flood1.txt", FLOOD_1, "en"),
             ("chess_es.txt", CHESS_ES, "es"), ("chess2.txt", CHESS_2, "en"),
             ("rain_es.txt", FLOOD_ES, "es")]
    documents = [api.split(text, source=name, language=lang) for name, text, lang in texts]
    brief = make_brief(documents, algorithm="lead")
    groups = [sorted(brief.documents[d].source for d in s.documents) for s in brief.stories]
    assert ["chess1.txt", "chess2.txt", "chess_es.txt"] in groups
    assert ["rain_es.txt"] in groups and ["flood1.txt"] in groups


def test_the_entities_alone_are_read_only_across_languages() -> None:
    """Two documents naming the same people: in one language their similarity is left as
    the words and names together make it; in two it is raised to their names' cosine."""
    import numpy as np

    from briefer.brief import stories
    from briefer.brief.assembly import plan_brief

    text = "Elena Kaspari thanked Pavel Moro and the Lindqvist board in Oslo. Dinner followed."
    for language, raised in (("en", False), ("es", True)):
        docs = [api.split("Pavel Moro and Elena Kaspari met Lindqvist officials in Oslo. The "
                          "talks were short.", source="a.txt", language="en"),
                api.split(text, source="b.txt", language=language)]
        plan = plan_brief(docs)
        similarity = np.zeros((2, 2))
        stories._across_languages(similarity, plan.documents, plan.cast)
        assert bool(similarity[0, 1] > 0.25) == raised, language
