"""The Spanish sample (seeds/venezuela-mexico.es.txt, written for briefer): a golden brief."""

from __future__ import annotations

from pathlib import Path

from briefer import api
from briefer.brief import load_template, make_brief

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "venezuela-mexico.es.txt"


def spanish_brief(template: str = "auto"):
    doc = api.read(str(SEED))
    chosen = load_template(str(ROOT / "seeds" / "venezuela-mexico.es.toml")) \
        if template == "sample" else load_template(template)
    return doc, make_brief([doc], template=chosen)


def test_the_sample_is_read_as_spanish_with_dateline_and_teasers_set_aside() -> None:
    doc, _ = spanish_brief()
    assert doc.language == "es"
    assert doc.title.startswith("Trump anuncia que hablará con Maduro")
    assert doc.sentences[0].text.startswith("El presidente de Estados Unidos, Donald Trump")
    kinds = [s.kind for s in doc.removed]
    assert "dateline" in kinds and kinds.count("teaser") == 2
    assert not any("Lee también" in s.text for s in doc.sentences)
    # « » quotations are kept whole, the spaced and unspaced EE. UU. do not end sentences.
    assert any(s.text.startswith("«No lo descarto. No descarto nada», afirmó Trump")
               for s in doc.sentences)
    assert any("EE. UU. de preparar una invasión" in s.text for s in doc.sentences)


def test_estados_unidos_is_a_place_and_the_same_entity_as_its_abbreviations() -> None:
    _, brief = spanish_brief()
    kinds = {e.name: e.kind for e in brief.entities}
    assert kinds.get("United States") == "place"
    assert not any(name in kinds for name in ("Estados Unidos", "EE", "Unidos"))
    us = next(e for e in brief.entities if e.name == "United States")
    assert us.count == 3  # "Estados Unidos", "EE. UU." and "EE.UU." in the body
    assert kinds.get("Donald Trump") == "person" and kinds.get("Mexico") == "place"


def test_every_quote_has_its_speaker() -> None:
    _, brief = spanish_brief()
    assert len(brief.quotes) >= 3
    assert all(q.speaker for q in brief.quotes), [(q.text, q.speaker) for q in brief.quotes]
    said = {q.text: q.speaker for q in brief.quotes}
    assert said["No lo descarto. No descarto nada"] == "Donald Trump"


def test_the_samples_template_files_the_story_in_its_sections() -> None:
    _, brief = spanish_brief("sample")
    titles = [s.title for s in brief.sections]
    assert titles[:3] == ["Venezuela", "México", "Reacciones"]
    mexico = " ".join(i.sentence.text for i in brief.sections[1].items)
    assert "fentanilo" in mexico


def test_the_news_templates_cue_words_work_in_spanish() -> None:
    doc = api.read(str(SEED))
    spanish = make_brief([doc], template=load_template("news"))
    reactions = next(s for s in spanish.sections if s.title == "Reactions")
    texts = " ".join(i.sentence.text for i in reactions.items)
    assert "advirtió el ministro de Defensa" in texts  # "advirtió": a Spanish cue word
    # Read with English rules, the template's English cues find no Spanish reaction.
    english = make_brief([api.read(str(SEED), language="en")], template=load_template("news"))
    assert not any("advirtió" in i.sentence.text for s in english.sections
                   if s.title == "Reactions" for i in s.items)


def test_dialogue_dash_quotes_have_their_speaker() -> None:
    text = ("Argentina recorta el gasto público\n\n"
            "El Gobierno argentino anunció el lunes nuevos recortes del gasto, que los "
            "sindicatos rechazan. La central obrera convocó una huelga general para el jueves."
            "\n\n"
            "—No vamos a ceder ante la presión de los sindicatos —dijo Luis Caputo—. Habrá "
            "más recortes si hace falta.\n\n"
            "—La huelga no cambiará nada —afirmó después Caputo en una entrevista radial.\n\n"
            "La oposición criticó la medida y pidió explicaciones por los despidos.\n")
    doc = api.split(text)
    brief = make_brief([doc], template=load_template("auto"))
    said = {q.text: q.speaker for q in brief.quotes}
    assert said.get("No vamos a ceder ante la presión de los sindicatos") == "Luis Caputo"
    assert said.get("La huelga no cambiará nada") == "Luis Caputo"


def test_a_role_is_not_the_speaker_when_the_person_holding_it_is_named_beside_it() -> None:
    text = ("CARACAS (EFE).- El Ministerio de Economía anunció el lunes nuevas medidas. Habrá "
            "más controles, según el gobierno venezolano.\n\n«No vamos a ceder ante las "
            "presiones», dijo el ministro de Economía, Carlos Pérez, en Caracas.")
    doc = api.split(text, source="t.txt")
    brief = make_brief([doc])
    assert doc.language == "es"
    assert {q.text: q.speaker for q in brief.quotes} == {
        "No vamos a ceder ante las presiones": "Carlos Pérez"}
    kinds = {e.name: e.kind for e in brief.entities}
    assert kinds.get("Ministerio de Economía") == "organisation"  # not a person
    assert "Hābra" not in kinds  # "Habrá", a verb, is not the Indian city
    assert kinds.get("Venezuela") == "place"  # "venezolano"
