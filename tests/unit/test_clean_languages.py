"""Clean-up outside English: teasers and datelines of each language (cases written for briefer)."""

from __future__ import annotations

import pytest

from briefer import api
from briefer.clean import dateline_end, furniture_kind


@pytest.mark.parametrize(("language", "sentence", "dateline"), [
    ("es", "BOGOTÁ (Reuters) - El presidente habló.", "BOGOTÁ (Reuters) - "),
    ("es", "Caracas, 1 dic (EFE).- El Gobierno habló.", "Caracas, 1 dic (EFE).- "),
    ("es", "(EFE).- El Gobierno habló.", "(EFE).- "),
    ("es", "MADRID, 3 Dic. (EUROPA PRESS) - La ministra habló.",
     "MADRID, 3 Dic. (EUROPA PRESS) - "),
    ("es", "BUENOS AIRES.- El Gobierno habló.", "BUENOS AIRES.- "),
    ("es", "Ciudad de México (EFE).- La presidenta habló.", "Ciudad de México (EFE).- "),
    ("pt", "SÃO PAULO (Reuters) - O governo falou.", "SÃO PAULO (Reuters) - "),
    ("fr", "Paris, 1er décembre (AFP) - Le ministre a parlé.", "Paris, 1er décembre (AFP) - "),
    ("de", "BERLIN (dpa) - Die Regierung sprach.", "BERLIN (dpa) - "),
    ("it", "Roma, 1 dic. (ANSA) - Il governo ha parlato.", "Roma, 1 dic. (ANSA) - "),
])
def test_datelines(language: str, sentence: str, dateline: str) -> None:
    assert sentence[:dateline_end(sentence, language)] == dateline


@pytest.mark.parametrize("sentence", [
    "El Gobierno (PSOE) - dijo que no.",  # a party in brackets mid-sentence, then lower case
    "La presidenta dijo (EFE) que no.",
    "Bogotá es la capital.",
])
def test_no_dateline(sentence: str) -> None:
    assert dateline_end(sentence, "es") == 0


def test_english_datelines_are_as_before() -> None:
    assert dateline_end("BOGOTÁ (Reuters) - The president spoke.") == 0  # English rules only
    assert dateline_end("(CNN)Ever had a dream?") == 5


@pytest.mark.parametrize(("language", "line"), [
    ("es", "Lee también: El Gobierno anuncia un plan"),
    ("es", "LEA TAMBIÉN | Otra noticia del día"),
    ("es", "Te puede interesar"),
    ("pt", "Leia também: Governo anuncia plano"),
    ("fr", "Lire aussi : le gouvernement annonce un plan"),
    ("de", "Auch interessant: Regierung kündigt Plan an"),
    ("it", "Leggi anche: il governo annuncia un piano"),
])
def test_teasers(language: str, line: str) -> None:
    assert furniture_kind(line, language=language) == "teaser"
    assert furniture_kind(line) is None or language == "en"  # English rules miss them


def test_a_sentence_that_opens_like_a_teaser_stays() -> None:
    assert furniture_kind("Leer más tarde es mejor que nunca, dijo el ministro.",
                          language="es") is None


def test_spanish_article_loses_its_teaser_and_dateline() -> None:
    text = ("Venezuela y Colombia reabren la frontera\n\n"
            "CARACAS (Reuters) - Los gobiernos de Venezuela y Colombia reabrieron el lunes el "
            "paso fronterizo, cerrado desde hace dos años. Miles de personas cruzaron el "
            "puente a primera hora.\n\n"
            "Lee también: El precio del petróleo sube por tercer día\n\n"
            "Los comerciantes de Cúcuta celebraron la medida, que según dijeron llega tarde. "
            "El Gobierno prevé que el comercio se duplique en un año.\n")
    doc = api.split(text)
    assert doc.language == "es"
    assert doc.sentences[0].text.startswith("Los gobiernos de Venezuela")
    kinds = {text[s.start:s.end]: s.kind for s in doc.removed}
    assert kinds["CARACAS (Reuters) - "] == "dateline"
    assert kinds["Lee también: El precio del petróleo sube por tercer día"] == "teaser"
    assert not any("Lee también" in s.text for s in doc.sentences)
