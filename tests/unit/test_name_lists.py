"""The shipped name lists, read the fast way, are what a plain reading of the files gives."""

from __future__ import annotations

from pathlib import Path

from briefer.brief.gazetteer import load_gazetteer, load_names

DATA = Path(__file__).resolve().parents[2] / "briefer" / "data"


def _rows(name: str) -> list[str]:
    return [line for line in (DATA / name).read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]


def test_the_census_names_are_read_row_by_row() -> None:
    # load_names picks names out of the file by position (name, kind, name, kind...): a
    # row without its tab, or with two, would shift every row after it.
    common = {w for w in _rows("common_en.txt")}
    given: set[str] = set()
    surnames: set[str] = set()
    for row in _rows("names.tsv"):
        name, kind = row.split("\t")
        assert kind in ("given", "rare-given", "surname"), row
        folded = name.casefold()
        if kind == "surname":
            surnames.add(folded)
        elif kind == "given" or folded not in common or len(folded) < 3:
            given.add(folded)
    given.update(w.casefold() for w in _rows("given_world.txt"))
    names = load_names()
    assert names.given == given
    assert names.surnames == surnames
    assert names.common == common
    # What the rare-given rule is for: a rare given name that is a frequent word is no
    # evidence of a person, a rare one that is not (or is two letters) still is.
    assert "golden" not in names.given and "ahmed" in names.given and "li" in names.given


def test_every_generated_place_row_is_an_entry() -> None:
    entries = load_gazetteer().entries
    for name in ("geonames.tsv", "territories.tsv"):
        for row in _rows(name):
            key = row.split("\t")[0]
            assert row.count("\t") == 4, row
            assert key in entries


def test_the_territories_are_countries_and_the_regions_the_gazetteer_names() -> None:
    # CLDR gives two-letter codes to the EU, the eurozone, the UN and pseudo-locales: no
    # country (the bodies are organisations, in gazetteer.tsv); its regions are kept only
    # where the hand-written gazetteer names the region in English.
    regions = {row.split("\t")[0] for row in _rows("gazetteer.tsv")
               if row.endswith("\tregion")}
    kinds = {}
    for row in _rows("territories.tsv"):
        _, _, name, kind, _ = row.split("\t")
        kinds.setdefault(kind, set()).add(name)
    assert not kinds["country"] & {"European Union", "United Nations", "Eurozone",
                                   "Unknown Region", "Outlying Oceania", "Pseudo-Accents"}
    assert kinds["region"] <= regions and "Caribbean" in kinds["region"]
    assert set(kinds) == {"country", "region"}


def test_every_list_names_a_country_as_the_english_gazetteer_does() -> None:
    # GeoNames writes "The Netherlands" and "Czechia", the CLDR "Türkiye" and "Congo -
    # Kinshasa": a country each list named its own way was two entities ("Türkei" in a
    # German text, "Turkey" in an English one), so the lists are built to one name each.
    gazetteer = load_gazetteer()
    unknown = set()
    for name in ("geonames.tsv", "territories.tsv"):
        for row in _rows(name):
            country = row.split("\t")[4]
            if country:
                entry = gazetteer.lookup(country)
                if entry is None:
                    unknown.add(country)
                else:
                    assert entry.canonical == country, row
    # The CLDR's territories that GeoNames has no country for, and so no English row.
    assert unknown <= {"Ascension Island", "Canary Islands", "Ceuta & Melilla",
                       "Clipperton Island", "Sark", "Tristan da Cunha"}
    same = {gazetteer.lookup(n).canonical for n in ("Turkey", "Türkei", "Turquía", "Türkiye")}
    assert same == {"Turkey"}
    assert gazetteer.lookup("The Netherlands").canonical == "Netherlands"
    assert gazetteer.lookup("Amsterdam").country == "Netherlands"
    assert gazetteer.lookup("República Democrática del Congo").canonical == \
        "Democratic Republic of the Congo"
    assert gazetteer.lookup("Congo").canonical == "Congo"  # either country: as written
