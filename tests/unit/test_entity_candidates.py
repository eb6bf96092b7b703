"""The entity finder's shortcuts find what a plain loop over every token finds.

For speed, :mod:`briefer.brief.entities` tries places and capitalised runs only at the
positions where one can start (capitalised tokens, lower-case demonyms) and memoises
one-word gazetteer answers per word.  Each test below runs the shortcut and the plain
version (every position; the gazetteer itself) on made-up sentences that exercise the
awkward cases, and asserts the same result; the last pins the casing evidence the runs
read to a token-by-token reading of the text.
"""

from __future__ import annotations

import pytest

from briefer import api
from briefer.brief import entities as E
from briefer.brief.analysis import View, analyse
from briefer.brief.gazetteer import load_gazetteer
from briefer.tokens import make_stemmer, stop_words

TEXTS = {
    "en": (
        "PRAGUE (Reuters) - Klara Gajduskova PRAGUE said the Czech Republic will act.\n\n"
        "The Seattle-based firm and the U.S. Food and Drug Administration met in New York "
        "City on Monday.\n\nMeanwhile Trump told Dr. Green in St. Louis that the Bank of "
        "England, the Gulf of Mexico and Mexico City matter.\n\n\u201cWe go,\u201d said "
        "María Corina Machado of the Cartel de los Soles.\n\nTHE PRESIDENT SPOKE IN "
        "WASHINGTON.\n\nVenezuelans and Venezuelan troops left Caracas; coach Aston Moore "
        "and 6PR, X86, Manchester United and the Bruins stayed.\n\nTory MP Jane Smith, 45, "
        "of BNP Paribas said Hitachi shares fell in Florence."
    ),
    "es": (
        "El gobierno venezolano dijo que el presidente Nicolás Maduro viajó a Ciudad de "
        "México.\n\nLa canciller mexicana y el ministro José Pérez, del Ministerio de "
        "Economía, hablaron con venezolanos en Bogotá.\n\nHabrá elecciones en Estados "
        "Unidos, dijo Luiz Inácio Lula da Silva.\n\nEL PRESIDENTE HABLÓ EN CARACAS."
    ),
}


def views_of(language: str) -> tuple[list[View], frozenset[str]]:
    doc = api.split(TEXTS[language], source="t.txt", language=language)
    stop = stop_words("spanish" if language == "es" else "english")
    return analyse([doc], make_stemmer("spanish" if language == "es" else "english"),
                   stop), stop


@pytest.mark.parametrize("language", sorted(TEXTS))
def test_places_and_runs_tried_only_where_they_can_start_find_the_same(language: str
                                                                       ) -> None:
    views, stop = views_of(language)
    gazetteer = load_gazetteer()
    ev = E._evidence(views, stop, language)
    found = 0
    for n, view in enumerate(views):
        capitals = view.capitals
        assert list(capitals) == [i for i, t in enumerate(view.tokens) if t.capital]
        fast: list[E.Mention] = []
        plain: list[E.Mention] = []
        claimed = E._places(n, view, E._Places(gazetteer), fast, ev,
                            E._place_starts(view, capitals, ev))
        assert claimed == E._places(n, view, E._Places(gazetteer), plain, ev)
        assert fast == plain
        assert E._runs(n, view, claimed, ev, capitals) == E._runs(n, view, claimed, ev)
        found += len(fast)
    assert found  # the cases do name places


def test_the_memoised_gazetteer_answers_as_the_gazetteer_does() -> None:
    gazetteer = load_gazetteer()
    places = E._Places(gazetteer)
    for language in TEXTS:
        for view in views_of(language)[0] * 2:  # the second time from the memo
            for i in range(len(view.tokens)):
                assert places.match(view.tokens, i) == gazetteer.match(view.tokens, i)
    assert places.single  # some answers were memoised


@pytest.mark.parametrize("language", sorted(TEXTS))
def test_casing_evidence_is_what_a_token_by_token_reading_finds(language: str) -> None:
    views, stop = views_of(language)
    ev = E._evidence(views, stop, language)
    lower: set[str] = set()
    mid: set[str] = set()
    mixed: dict[str, str] = {}
    for n, v in enumerate(views):
        if n in ev.shouting:
            continue
        for i, t in enumerate(v.tokens):
            if t.text[:1].islower():
                lower.add(t.fold)
            elif t.capital:
                if not t.text.isupper():
                    mixed.setdefault(t.fold, t.text)
                if not E.opens(v, i):
                    mid.add(t.fold)
    assert ev.lower_forms == lower and ev.mid_capitals == mid
    assert list(ev.mixed.items()) == list(mixed.items())  # the first spelling, in order
    assert ev.shouting  # the ALL-CAPS line is there to be skipped
