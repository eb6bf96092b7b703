"""Key quotes: which quotations count, and who said them."""

from __future__ import annotations

import re
from pathlib import Path

from briefer import api
from briefer.brief.analysis import analyse
from briefer.brief.entities import find_entities
from briefer.brief.gazetteer import load_gazetteer
from briefer.brief.model import Quote
from briefer.brief.quotes import find_quotes
from briefer.tokens import make_stemmer, stop_words

ROOT = Path(__file__).resolve().parents[2]


def quotes_of(*texts: str, limit: int = 10) -> tuple[Quote, ...]:
    docs = [api.split(t, source=f"t{i}.txt") for i, t in enumerate(texts)]
    stop = stop_words()
    views = analyse(docs, make_stemmer(), stop)
    return find_quotes(docs, views, find_entities(views, load_gazetteer(), stop), limit)


def said(quotes: tuple[Quote, ...]) -> dict[str, str | None]:
    return {q.text: q.speaker for q in quotes}


def test_seed_quotes_with_speakers() -> None:
    doc = api.read(str(ROOT / "seeds" / "venezuela-mexico.txt"))
    stop = stop_words()
    views = analyse([doc], make_stemmer(), stop)
    quotes = find_quotes([doc], views, find_entities(views, load_gazetteer(), stop))
    rule_out = next(q for q in quotes if "I don’t rule out anything." in q.text)
    assert rule_out.speaker == "Donald Trump"  # "Trump was unequivocal: “…”"
    ok = next(q for q in quotes if q.text.startswith("It’s OK with me"))
    assert ok.speaker == "Donald Trump"  # "the president replied", resolved by title
    texts = [q.text for q in quotes]
    assert not any("Cartel de los Soles" == t for t in texts)  # a name, not speech
    assert "proud" not in texts  # a scare quote
    for q in quotes:  # offsets point at the quotation in the text
        assert " ".join(doc.text[q.start:q.end].split()).rstrip(",") == q.text


def test_speaker_after_the_quote() -> None:
    found = said(quotes_of("“We will fight on every beach,” said Defence Minister Jane Roe.\n\n"
                           "“The talks are over for now,” Roe told reporters.\n\n"
                           "Pat Lowe arrived late. “I came as fast as I could,” he said."))
    assert found["We will fight on every beach"] == "Jane Roe"
    assert found["The talks are over for now"] == "Jane Roe"
    assert found["I came as fast as I could"] == "Pat Lowe"


def test_speaker_before_the_quote_and_roles() -> None:
    found = said(quotes_of("Mayor Clara Ruiz said: “Every litre counts in this city.”\n\n"
                           "A ministry spokesman warned, “Prices will rise again soon.”"))
    assert found["Every litre counts in this city."] == "Clara Ruiz"
    assert found["Prices will rise again soon."] == "ministry spokesman"


def test_quote_without_a_speaker() -> None:
    found = said(quotes_of("The banner read “No more war in our streets.” across the square."))
    assert found == {"No more war in our streets.": None}


def test_short_fragments_and_names_are_not_key_quotes() -> None:
    assert quotes_of("He called it “a mess” and left.\n\nShe joined the “Friends of Birds” "
                     "Society.") == ()


def test_british_single_quotes() -> None:
    found = said(quotes_of("Kelly Parsons, 35, is a nurse. She said: 'I wanted the eggs to go "
                           "to a couple who could not have children.' She did it three times."))
    assert found == {"I wanted the eggs to go to a couple who could not have children.":
                     "Kelly Parsons"}


def test_apostrophes_do_not_open_quotes() -> None:
    assert quotes_of("Trump's team didn't say. The minister's aides weren't sure it's over.") == ()


def test_the_same_quote_in_two_texts_is_kept_once() -> None:
    text = "Ana Silva said, “We will rebuild the bridge by spring.”"
    assert len(quotes_of(text, text)) == 1


# -- attribution evidence (issue 11) ---------------------------------------------------------


def test_a_quote_that_follows_its_speakers_quote_keeps_the_speaker() -> None:
    quotes = said(quotes_of("“What a wonderful tour,” Ana Rojas told the guide. “I still have "
                            "all the albums.”\n\nLater, officials met. “Nobody knows who "
                            "wrote this,” a note read."))
    assert quotes["What a wonderful tour"] == "Ana Rojas"
    assert quotes["I still have all the albums."] == "Ana Rojas"


def test_a_quote_after_someone_else_is_named_is_not_carried_over() -> None:
    quotes = said(quotes_of("“We will win the vote,” Ana Rojas said. Then Pedro Alves stood up. "
                            "“It is far too early to say that.”"))
    assert quotes["It is far too early to say that."] is None


def test_an_appositive_role_leaves_the_quote_with_the_person() -> None:
    quotes = said(quotes_of("Paul Regan, chairman of Citizens UK, said: “The major retailers "
                            "post profits and pay tax.”"))
    assert quotes["The major retailers post profits and pay tax."] == "Paul Regan"


def test_told_the_paper_gives_the_speaker_not_the_paper() -> None:
    quotes = said(quotes_of("Her coach Aston Moore told the Times: “We are not looking at any "
                            "sooner than next year.”"))
    assert quotes["We are not looking at any sooner than next year."] == "Aston Moore"


def test_a_pronoun_is_the_subject_of_the_sentence_before_not_its_object() -> None:
    quotes = said(quotes_of("Judd Trump beat Stuart Carrington 10-6 on Thursday. “I am just "
                            "going to focus on my own game,” he told reporters."))
    assert quotes["I am just going to focus on my own game"] == "Judd Trump"


def test_after_an_inverted_verb_the_last_name_of_the_phrase_speaks() -> None:
    quotes = said(quotes_of("“It was very hard to follow last year’s list,” said Richard and "
                            "Judy producer Amanda Ross."))
    assert quotes["It was very hard to follow last year’s list"] == "Amanda Ross"


def test_a_role_after_an_inverted_verb_beats_the_body_named_before_it() -> None:
    quotes = said(quotes_of("“Nothing was decided to change things,” said an IAAF spokesman."))
    assert quotes["Nothing was decided to change things"] == "IAAF spokesman"


def test_a_title_in_apposition_resolves_the_role_to_its_holder() -> None:
    quotes = said(quotes_of("The Bishop of Durham, the Rt Rev Dr Tom Wright, praised the "
                            "novel.\n\nLater the Bishop said: “Conspiracy theories are always "
                            "fun to read.”"))
    assert quotes["Conspiracy theories are always fun to read."] == "Tom Wright"


def test_a_title_abbreviation_does_not_open_a_sentence() -> None:
    quotes = said(quotes_of("Dr. Lee Green teaches surgery.\n\n“It was not hard to tell the "
                            "difference at all,” Dr. Green said."))
    assert quotes["It was not hard to tell the difference at all"] == "Lee Green"


def test_the_one_told_does_not_stop_a_quote_carrying_on() -> None:
    quotes = said(quotes_of("“What a wonderful tour,” Ana Rojas told guide Natasha Clark. “I "
                            "still have all the albums.”"))
    assert quotes["I still have all the albums."] == "Ana Rojas"


def test_the_person_in_apposition_to_a_role_after_the_verb_is_the_speaker() -> None:
    quotes = quotes_of("Talks stalled on Monday.\n\n“We will not give in to pressure,” said "
                       "the defence minister, Jane Roe, in the capital.")
    assert said(quotes) == {"We will not give in to pressure": "Jane Roe"}


def test_the_person_an_apposition_describes_is_the_subject_not_the_name_inside_it() -> None:
    quotes = quotes_of("Executive producer Mark Wolper, son of the original's producer David "
                       "L. Wolper, said, \"The story went through his family.\"")
    assert said(quotes) == {"The story went through his family.": "Mark Wolper"}


def test_a_quotation_reopened_across_joined_paragraphs_is_paired() -> None:
    quotes = quotes_of("Mark Oaten said: \"They need to rethink the bill and build safeguards. "
                       "\"Unless there is a major movement, this bill is doomed to fail.\"")
    texts = [q.text for q in quotes]
    assert any(t.startswith("They need to rethink the bill") for t in texts)
    assert any(t.startswith("Unless there is a major movement") for t in texts)


def test_a_short_quote_naming_a_place_is_speech_not_a_name() -> None:
    quotes = quotes_of("Bruce Mate led the study.\n\n\"For her to go to Mexico,\" Mate said, "
                       "\"is strong evidence.\"")
    assert said(quotes).get("For her to go to Mexico") == "Bruce Mate"


def test_a_quote_standing_alone_goes_on_in_the_words_of_the_person_just_reported() -> None:
    quotes = quotes_of("Talks went on all day. But union leader Dave Prentis criticised the "
                       "plans. \"If you want good services you do not cut pensions.\"\n\n"
                       "Ministers met. Sara Lind and Tom Abbot argued. \"Nothing is agreed.\"")
    assert said(quotes) == {"If you want good services you do not cut pensions.":
                            "Dave Prentis",
                            "Nothing is agreed.": None}  # two people: not clear


def test_the_body_a_speaker_works_for_does_not_stop_a_quote_carrying_on() -> None:
    quotes = said(quotes_of("“It is a fine tale,” said Dirk Hoogstra, Dunmere Bank's vice "
                            "president. “A new generation will see it.”"))
    assert quotes["A new generation will see it."] == "Dirk Hoogstra"


#: The single-quote pattern as first written: the look-behind before the mark, tried by the
#: regex engine at every character of a paragraph.
LOOK_BEHIND_FIRST = re.compile(r"(?:(?<=^)|(?<=[\s(\[:—–]))[‘'](?=[A-Z])"
                               r"(?:(?!\s[‘'])[^‘])+?[.,!?…][’'](?=[\s)\]—–]|$)")


def test_single_quotes_are_found_where_the_look_behind_first_pattern_found_them() -> None:
    import random

    from briefer.brief import quotes

    rng = random.Random(11)
    pieces = ["'", "‘", "’", " ", "\n", "\t", "A", "b", "It", ".", ",", "!", "?", "…", "(",
              ")", "[", "]", ":", "—", "–", "x", "Z", "'s", " '", "‘T", "don't"]
    texts = ["'It was natural,' he said. 'Yes.'", "He said: ‘No more.’ Then: 'Go!'"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 16)))
              for _ in range(20_000)]
    reopens = re.compile(r'(?<=[.!?] )"(?=[A-Z])')  # _REOPENS as first written
    texts += ['He left. "We won," she said. "Yes!" "No."', '."A', ' "A', '? "B']
    for text in texts:
        assert [m.span() for m in quotes._SINGLE.finditer(text)] == \
            [m.span() for m in LOOK_BEHIND_FIRST.finditer(text)], text
        assert [m.span() for m in quotes._REOPENS.finditer(text.replace("'", '"'))] == \
            [m.span() for m in reopens.finditer(text.replace("'", '"'))], text
