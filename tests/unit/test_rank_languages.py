"""Ranking outside English: each language's Snowball stemmer and stop words, ours and sumy's."""

from __future__ import annotations

from importlib import resources

import pytest

from briefer import api, tokens
from briefer.rank import RankInput, terms

SPANISH = ("El presidente de Venezuela dijo que no habrá diálogo. Los presidentes de la región "
           "afirmaron que el diálogo es la única salida. La oposición pidió elecciones libres.")


def test_spanish_stop_words_are_snowballs_not_sumys() -> None:
    stops = tokens.stop_words("spanish")
    assert {"de", "que", "no", "y", "a", "se", "del", "al"} <= stops
    assert not {"dijo", "afirmó", "presidente"} & stops  # content words stay content
    for name in ("portuguese", "french", "german", "italian"):
        assert len(tokens.stop_words(name)) > 100


def test_english_stop_words_are_still_sumys_list() -> None:
    sumy = resources.files("sumy").joinpath("data/stopwords/english.txt").read_text("utf-8")
    assert tokens.stop_words("english") == frozenset(w.strip() for w in sumy.splitlines()
                                                     if w.strip())


def test_terms_are_stemmed_and_filtered_in_the_texts_language() -> None:
    rows = terms.sentence_terms(["Los presidentes de la región dijeron que no"], "spanish")
    assert rows == [["president", "region", "dijeron"]]


def test_api_rank_hands_the_ranker_the_documents_language(monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    import briefer.rank

    seen: list[RankInput] = []

    def fake(data: RankInput) -> list[float]:
        seen.append(data)
        return [1.0] * len(data.sentences)

    monkeypatch.setattr(briefer.rank, "get_ranker", lambda name: fake)
    api.rank(api.split(SPANISH))
    api.rank(api.split(SPANISH, language="de"))
    assert [d.language for d in seen] == ["spanish", "german"]


@pytest.mark.parametrize("algorithm", ["sumy-luhn", "sumy-lexrank", "luhn", "pyramid"])
def test_spanish_ranks_with_every_family(algorithm: str) -> None:
    scores = api.rank(api.split(SPANISH), algorithm)
    assert len(scores) == 3


def test_sumy_gets_the_languages_stop_words(monkeypatch: pytest.MonkeyPatch) -> None:
    from briefer.rank import sumy_adapter

    given: list[frozenset[str]] = []
    real = tokens.stop_words

    def spy(language: str = "english") -> frozenset[str]:
        given.append(real(language))
        return given[-1]

    monkeypatch.setattr(sumy_adapter.tokens, "stop_words", spy)
    api.rank(api.split(SPANISH), "sumy-luhn")
    assert given and "que" in given[0]
