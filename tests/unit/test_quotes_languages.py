"""Quotations whose speaker is named before a colon, in each supported language.

News in every one of the six languages introduces a quotation with a reporting clause that
ends in a colon ("X dijo:", "X afirmou:", "X a déclaré :", "X sagte:", "X ha detto:") and
sets the quotation on its own: the next line, or the next paragraph.  The cases are written
for briefer.
"""

from __future__ import annotations

import pytest

from briefer import api
from briefer.brief import make_brief

# (language, opening narration, reporting clause ending in a colon, what is said, and the
# quotation marks as the language sets them)
WRITTEN = [
    ("es", "El Gobierno de Venezuela anunció el lunes nuevas medidas económicas para el país, "
           "que los sindicatos rechazan.",
     "El ministro de Economía Carlos Pérez dijo ayer en Caracas:",
     "No vamos a ceder ante las presiones de los sindicatos ni de la oposición, y el plan "
     "seguirá adelante este año.", "«", "»"),
    ("pt", "O governo do Brasil anunciou na segunda-feira um novo pacote de medidas para a "
           "economia, que os sindicatos não aceitam.",
     "O ministro João Silva afirmou em Brasília:",
     "Não vamos recuar diante da pressão dos sindicatos nem da oposição, e o plano vai "
     "seguir adiante neste ano.", "«", "»"),
    ("fr", "Le gouvernement a présenté lundi un nouveau plan pour les retraites, que les "
           "syndicats rejettent dans la rue depuis des semaines.",
     "Le ministre du Travail Pierre Martin a déclaré à Paris :",
     "Nous ne céderons pas à la pression des syndicats ni de l'opposition, et le plan ira à "
     "son terme cette année.", "« ", " »"),
    ("de", "Die Bundesregierung hat am Montag ein neues Paket für die Wirtschaft vorgestellt, "
           "das die Gewerkschaften ablehnen und das auch im Bundestag umstritten ist.",
     "Der Minister Klaus Weber sagte am Dienstag in Berlin:",
     "Wir werden dem Druck der Gewerkschaften und der Opposition nicht nachgeben, und der "
     "Plan wird in diesem Jahr umgesetzt.", "„", "“"),
    ("it", "Il governo ha presentato lunedì un nuovo piano per l'economia del paese, che i "
           "sindacati respingono e che divide anche la maggioranza.",
     "Il ministro dell'Economia Marco Rossi ha detto ieri:",
     "Non cederemo alle pressioni dei sindacati né a quelle dell'opposizione, e il piano "
     "andrà avanti quest'anno.", "«", "»"),
]
# (language, narration, reporting clause, quotation, its text)
CASES = [(lang, lead, clause, f"{opening}{said}{closing}", said)
         for lang, lead, clause, said, opening, closing in WRITTEN]
SPEAKERS = {"es": "Carlos Pérez", "pt": "João Silva", "fr": "Pierre Martin",
            "de": "Klaus Weber", "it": "Marco Rossi"}


def speakers(text: str) -> dict[str, str | None]:
    doc = api.split(text, source="t.txt")
    return {q.text: q.speaker for q in make_brief([doc]).quotes}


@pytest.mark.parametrize(("lang", "lead", "clause", "quotation", "said"), CASES,
                         ids=[c[0] for c in CASES])
def test_the_quotation_in_the_paragraph_after_the_colon_has_its_speaker(
        lang: str, lead: str, clause: str, quotation: str, said: str) -> None:
    text = f"{lead}\n\n{clause}\n\n{quotation}\n\nLa sesión terminó sin acuerdo.\n"
    assert api.split(text).language == lang
    assert speakers(text).get(said) == SPEAKERS[lang]


@pytest.mark.parametrize(("lang", "lead", "clause", "quotation", "said"), CASES,
                         ids=[c[0] for c in CASES])
def test_the_quotation_on_the_line_after_the_colon_has_its_speaker(
        lang: str, lead: str, clause: str, quotation: str, said: str) -> None:
    text = f"{lead}\n\n{clause}\n{quotation}\n"
    assert len(api.split(text).sentences) == 3  # the quotation is a sentence of its own
    assert speakers(text).get(said) == SPEAKERS[lang]


@pytest.mark.parametrize(("lang", "lead", "clause", "quotation", "said"), CASES,
                         ids=[c[0] for c in CASES])
def test_the_quotation_after_a_reporting_sentence_of_its_paragraph_has_its_speaker(
        lang: str, lead: str, clause: str, quotation: str, said: str) -> None:
    # "Carlos Pérez dijo ayer en Caracas. «…»": the language's own verb of saying.
    text = f"{lead}\n\n{clause.rstrip(': ')}. {quotation}\n"
    assert speakers(text).get(said) == SPEAKERS[lang]


@pytest.mark.parametrize(("lang", "lead", "clause", "quotation", "said"), CASES,
                         ids=[c[0] for c in CASES])
def test_a_paragraph_that_ends_without_a_colon_gives_no_speaker_to_the_next(
        lang: str, lead: str, clause: str, quotation: str, said: str) -> None:
    # The reporting clause closed by a full stop is narration: the quotation in the next
    # paragraph is not said to be its subject's (it may be anyone's).
    text = f"{lead}\n\n{clause[:-1].rstrip()} ayer.\n\n{quotation}\n"
    assert speakers(text).get(said) is None


def test_two_people_before_the_colon_leave_the_speaker_open() -> None:
    text = ("El Gobierno de Venezuela anunció el lunes nuevas medidas económicas para el país, "
            "que los sindicatos rechazan.\n\nCarlos Pérez y Ana Gómez hablaron con la prensa "
            "en Caracas:\n\n«No vamos a ceder ante las presiones de los sindicatos.»\n")
    assert speakers(text).get("No vamos a ceder ante las presiones de los sindicatos.") is None



def test_english_too() -> None:
    text = ("The government unveiled new spending cuts on Monday, which the unions reject.\n\n"
            "Finance minister Jane Roe told reporters in London:\n\n"
            "\u201cWe will not give in to pressure from the unions or the opposition.\u201d\n")
    assert speakers(text).get(
        "We will not give in to pressure from the unions or the opposition.") == "Jane Roe"
