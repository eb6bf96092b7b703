"""Quotes in lower-cased, tokenised text: telling such text, pairing its marks, and naming
speakers without capitals.  The articles are written for these tests, in the style of the
lower-cased CNN/DM subsets."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from briefer.brief import lowercased
from briefer.brief.lowercased import is_lower_cased, quote_spans
from tests.unit.test_brief_quotes import quotes_of, said

PRESS = (
    "President dana whitfield joined health secretary omar reyes for a panel on tuesday at "
    "the city hall in the capital, where the two spoke about air quality and the health of "
    "children in the region. '`we have always known that the air matters for our health,\" "
    "the president told the local paper. '`when i first went to college the air was so bad "
    "that nobody ran outside,\" whitfield said. '`we took action, and the air is better.' ' "
    "the panel went on for an hour. '`there is a long way to go for every family in this "
    "region,\" said omar reyes, the health secretary. Reporters asked about the budget for "
    "next year and the plans for new parks in the city. '`it is a good plan for everyone who "
    "lives here,\" the new chair told reporters.")


def test_lower_cased_text_is_told_by_its_capitals() -> None:
    assert is_lower_cased(PRESS)
    mixed = ("President Dana Whitfield joined Health Secretary Omar Reyes for a panel on "
             "Tuesday at the City Hall in Washington, where the two spoke about air quality "
             "and the health of children in Ohio and Texas. ") * 2
    assert not is_lower_cased(mixed)
    assert not is_lower_cased("a short note in lower case, said the clerk.")  # too short


def _lower_cased_by_walking_back(text: str) -> bool:
    """is_lower_cased as it was first written: a step a word, walking back over the blank
    space before it to the character that says whether the word opens something."""
    inside = capital = 0
    for m in re.finditer(r"[^\W\d_]{2,}", text[:lowercased.SAMPLE_CHARS]):
        j = m.start() - 1
        while j >= 0 and text[j].isspace():
            j -= 1
        if j < 0 or text[j] in lowercased._OPENERS:
            continue
        inside += 1
        capital += m.group()[0].isupper()
    return inside >= lowercased.MIN_WORDS and capital < lowercased.LOWER_SHARE * inside


# Letters of every kind (upper, lower, title case, none, numerals that are word characters),
# digits, the underscore, white space of several kinds, and every opener.
_PIECES = st.sampled_from([*"aAzZéÉßǅΣσﬁⅫ_19", " ", "\t", "\n", "\u00a0", "\u2003", "\x1c",
                           *lowercased._OPENERS, ",", ")", "ab", "Cd", "the ", "Then "])


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=400), st.sampled_from([0, 1, 100]))
def test_lower_cased_text_is_counted_as_by_a_walk_back(pieces: list[str], repeat: int) -> None:
    text = "".join(pieces)
    text = text * repeat if repeat and len(text) * repeat <= 3 * lowercased.SAMPLE_CHARS else text
    assert is_lower_cased(text) == _lower_cased_by_walking_back(text)


def test_tokeniser_marks_pair_into_quotations() -> None:
    def inner(text: str) -> list[str]:
        return [text[a + 1:b - 1] for a, b in quote_spans(text)]

    assert inner("'`we know where to look,\" she said.") == ["we know where to look,"]
    assert inner("'`we are tired.' ' then he left.") == ["we are tired."]
    # a lone backtick opens a single-quoted stretch that a mark after a word closes
    assert inner("it was `grossly inadequate' and wrong.") == ["grossly inadequate"]
    # marks tokenised apart, and apostrophes inside or after words that open nothing
    assert inner("she left. ' My sister wasn't well, ' she told jones' paper.") == [
        " My sister wasn't well, "]
    # an opening mark while one is open: the paragraph break between them was lost
    assert inner("'`it appears so. '`could i ask?' '") == ["it appears so.", "could i ask?"]
    # straight marks alternate
    assert inner('"oh! I shot him, "bates said. "i am sorry. "Then') == [
        "oh! I shot him, ", "i am sorry. "]


def test_speakers_are_named_without_capitals() -> None:
    found = said(quotes_of(PRESS))
    # a role resolves to the person the text named after that title
    assert found["we have always known that the air matters for our health"] == \
        "Dana Whitfield"
    # a surname said alone after the full name
    assert found["when i first went to college the air was so bad that nobody ran outside"] \
        == "Dana Whitfield"
    # a given name and a surname after an inverted speech verb
    assert found["there is a long way to go for every family in this region"] == "Omar Reyes"
    # a speaker the text names only by an unnamed role is left out, not guessed
    assert found["it is a good plan for everyone who lives here"] is None


def test_pronouns_and_sentence_ending_quotes() -> None:
    text = (
        "'`the file was closed in may. \"An attorney for the grace family said the case was "
        "weak, and that the court would see the same thing at the hearing next month. "
        "Since then, mr hollis has spent years on the case and the work of his office in the "
        "north of the country. He said: 'the records show it was built in the old town.' "
        "Critics of the plan say the grandmother told a friend about hollis before the "
        "hearing in the spring, long after the first reports on the town and its old walls "
        "were printed. She said: 'we will wait for the judge and see what happens.'")
    found = said(quotes_of(text))
    assert found["the records show it was built in the old town."] == "Mr Hollis"
    # a quote that ends its sentence is not attributed to the next sentence's subject
    assert found["the file was closed in may."] is None
    # "she" goes back only to a subject, not to a name later in the sentence (and this
    # quote is too far from Hollis's to go on in his words)
    assert found["we will wait for the judge and see what happens."] is None


def test_the_person_an_apposition_describes_speaks() -> None:
    text = ("The couple went out on the boat with their dog on a calm day in the summer, and "
            "the water was cold and deep near the rocks of the old harbour wall. Mr rickard, "
            "a retired engineer, said: `she was off the lead and she just slipped off the "
            "side.' The dog was pulled from the water by a fisherman.")
    assert said(quotes_of(text))["she was off the lead and she just slipped off the side."] \
        == "Mr Rickard"


def test_a_mixed_case_text_that_names_no_one_keeps_its_quotes() -> None:
    """Few capitals alone do not make a text tokenised: with typographic quotes it is read as
    written, and the curly quotation is still found."""
    text = ("the committee met again on tuesday to talk about the budget for the schools "
            "and the roads of the county, and the members agreed on most of the plans for "
            "the next year. “We will not cut the money for the schools,” the chair said.")
    assert is_lower_cased(text)
    assert "We will not cut the money for the schools" in said(quotes_of(text))
