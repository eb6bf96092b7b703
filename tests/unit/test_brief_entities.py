"""Who and where: gazetteer places, people by full name and surname, sentence openers."""

from __future__ import annotations

from pathlib import Path

from briefer import api
from briefer.brief.analysis import analyse, analyse_headlines
from briefer.brief.entities import Cast, find_entities
from briefer.brief.gazetteer import load_gazetteer
from briefer.brief.sections import discover
from briefer.tokens import make_stemmer, stop_words

ROOT = Path(__file__).resolve().parents[2]


def cast_of(*texts: str) -> Cast:
    docs = [api.split(t, source=f"t{i}.txt") for i, t in enumerate(texts)]
    stem, stop = make_stemmer(), stop_words()
    return find_entities(analyse(docs, stem, stop), load_gazetteer(), stop,
                         analyse_headlines(docs, stem))


def names(cast: Cast) -> dict[str, str]:
    return {e.name: e.kind for e in cast.entities}


def test_gazetteer_names_countries_by_demonym_capital_and_alias() -> None:
    cast = cast_of("Venezuelan troops moved.\n\nCaracas said no.\n\nThe U.S. said yes.\n\n"
                   "Officials in Mexico City agreed.")
    found = {(m.name, m.alias) for m in cast.mentions}
    assert ("Venezuela", "Venezuelan") in found
    assert ("Venezuela", "Caracas") in found
    assert ("United States", "U.S.") in found
    assert ("Mexico", "Mexico City") in found
    caracas = next(m for m in cast.mentions if m.alias == "Caracas")
    assert caracas.strength < 1  # a capital names its country, but weakly


def test_a_place_inside_a_longer_name_is_not_the_place() -> None:
    cast = cast_of("Michael Jordan scored again.\n\nThe Washington Post reported it.")
    kinds = names(cast)
    assert "Jordan" not in kinds and kinds.get("Michael Jordan") == "person"
    assert kinds.get("Washington Post") == "organisation"


def test_events_and_buildings_named_for_places_are_not_people() -> None:
    cast = cast_of("Lorraine Valentine is running the London Marathon.\n\n"
                   "She visited the Natural History Museum and the Savoy Hotel.")
    kinds = names(cast)
    assert kinds.get("Lorraine Valentine") == "person"
    assert kinds.get("London Marathon") == "other"
    assert "person" not in {kinds.get("Natural History Museum"), kinds.get("Savoy Hotel")}


def test_days_before_a_name_are_not_part_of_it() -> None:
    cast = cast_of("Hayley Sandiford lost her case.\n\nToday Miss Sandiford said she would "
                   "appeal, and on Sunday Serena Williams wished her well.")
    kinds = names(cast)
    assert kinds.get("Hayley Sandiford") == "person" and kinds.get("Serena Williams") == "person"
    assert not any(name.startswith(("Today", "Sunday")) for name in kinds)


def test_states_and_big_cities_are_places_not_people() -> None:
    cast = cast_of("Police in San Diego arrested a man.\n\nHe was later moved to North "
                   "Carolina, then to Queensland.")
    kinds = names(cast)
    assert "San Diego" not in kinds and "North Carolina" not in kinds
    places = {(m.name, m.alias) for m in cast.mentions if m.kind == "place"}
    assert {("United States", "San Diego"), ("United States", "North Carolina"),
            ("Australia", "Queensland")} <= places


def test_people_merge_by_surname_and_lose_their_titles() -> None:
    cast = cast_of("President Donald Trump spoke to Nicolás Maduro.\n\n"
                   "Later Trump said Maduro was wrong.")
    kinds = names(cast)
    assert kinds["Donald Trump"] == "person" and kinds["Nicolás Maduro"] == "person"
    assert "Trump" not in kinds and "Maduro" not in kinds
    counts = {e.name: e.count for e in cast.entities}
    assert counts["Donald Trump"] == 2
    trump = next(m for m in cast.mentions if m.name == "Donald Trump")
    assert "president" in trump.titles


def test_capitalised_sentence_openers_are_not_names() -> None:
    cast = cast_of("Meanwhile, the talks went on.\n\nAsked about it, officials said little.\n\n"
                   "“It’s OK with me,” Ana Silva said.\n\nI don’t know.")
    assert set(names(cast)) == {"Ana Silva"}


def test_particles_stay_inside_names() -> None:
    cast = cast_of("The “Cartel de los Soles” was named.\n\nUnion leader Anna de Vries spoke.\n\n"
                   "Later de Vries left.")
    kinds = names(cast)
    assert kinds["Cartel de los Soles"] == "organisation"
    assert kinds["Anna de Vries"] == "person"
    assert {e.name: e.count for e in cast.entities}["Anna de Vries"] == 2


def test_seed_who_and_where() -> None:
    doc = api.read(str(ROOT / "seeds" / "venezuela-mexico.txt"))
    stem, stop = make_stemmer(), stop_words()
    cast = find_entities(analyse([doc], stem, stop), load_gazetteer(), stop)
    kinds = names(cast)
    for person in ("Donald Trump", "Nicolás Maduro", "María Corina Machado"):
        assert kinds[person] == "person"
    for place in ("Venezuela", "Mexico", "United States"):
        assert kinds[place] == "place"
    assert kinds["Pentagon"] == "organisation"


def test_discovery_prefers_entities_that_split_the_text() -> None:
    # A protagonist named everywhere is not a section; the two places he deals with are.
    text = ("Lee visited Kenya on Monday. Lee met farmers in Kenya.\n\n"
            "In Nairobi, Lee praised Kenya's growers.\n\n"
            "Lee then flew to Peru. Lee toured mines in Peru.\n\n"
            "In Lima, Lee thanked Peru's miners.")
    cast = cast_of(text)
    titles = [rule.title for rule in discover(cast)]
    assert titles == ["Kenya", "Peru"]


def test_a_title_adds_reach_but_not_count() -> None:
    cast = cast_of("Drought in Mexico\n\nOfficials in Mexico City limited water. "
                   "Residents queued for hours.\n\nThe mayor warned of worse to come.")
    assert {e.name: e.count for e in cast.entities}["Mexico"] == 1
    assert len(cast.reach["Mexico"]) == 2
