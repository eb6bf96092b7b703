"""Scraped-text clean-up: furniture, teasers, datelines, title and standfirst, offsets kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefer import api
from briefer.clean import (
    dateline_end,
    find_layout,
    furniture_kind,
    teaser_prefix_end,
    trim_sentence,
)
from briefer.document import strip_span


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Gallery Gallery Videos Videos Share on WhatsApp Share", "share-bar"),
        ("Share on Facebook Share on Twitter Email", "share-bar"),
        ("×", "symbol"),
        ("• • •", "symbol"),
        ("Also Read: UN Backs Plan in Landmark Vote", "teaser"),
        ("Scroll down for video", "teaser"),
        ("SCROLL DOWN FOR VIDEO.", "teaser"),
        ("Read more: Why the markets fell", "teaser"),
        ("Click here to subscribe", "teaser"),
        ("The video was shared on Facebook by thousands of people.", None),
        ("Officials said the share price fell 10% after the announcement.", None),
        ("Read the room, she told colleagues, before the vote on Tuesday.", None),
    ],
)
def test_furniture_lines(line: str, kind: str | None) -> None:
    assert furniture_kind(line) == kind


@pytest.mark.parametrize(
    ("sentence", "rest"),
    [
        ("LONDON, England (CNN) -- The prime minister said", "The prime minister said"),
        ("WASHINGTON (Reuters) - U.S. stocks fell", "U.S. stocks fell"),
        ("PARIS (AP) — Protesters gathered", "Protesters gathered"),
        ("(CNN)Ever had a headache?", "Ever had a headache?"),
        ("London (CNN)The Hatton Garden heist", "The Hatton Garden heist"),
        ("Officials (AP) said it was over", None),
        ("Obama (D) Said nothing", None),
        ("The man (who asked not to be named) - said nothing", None),
        ("Officials said it was fine.", None),
    ],
)
def test_datelines(sentence: str, rest: str | None) -> None:
    cut = dateline_end(sentence)
    assert (sentence[cut:] if cut else None) == rest


def test_seed_title_lede_and_furniture(seed_path: Path) -> None:
    doc = api.read(str(seed_path))
    assert doc.title == "Trump Signals Talks with Maduro Amid U.S. Military Buildup in Venezuela"
    # Its one-sentence first paragraph ends with a full stop and nothing marks it as a dek:
    # it is read as the lede, and ranked (tests/unit/test_page_layout.py has real deks).
    assert doc.standfirst is None
    assert doc.sentences[0].text.startswith("U.S. president hints at direct talks")
    kinds = {doc.text[s.start:s.end]: s.kind for s in doc.removed}
    assert kinds["×"] == "symbol"
    assert kinds["Gallery Gallery Videos Videos Share on WhatsApp Share"] == "share-bar"
    assert sum(1 for k in kinds.values() if k == "teaser") == 2
    bodies = " ".join(s.text for s in doc.sentences)
    for junk in ("Also Read", "Gallery", "×", "Trump Signals Talks"):
        assert junk not in bodies
    assert doc.sentences[1].text.startswith("President Donald Trump stunned reporters")


def test_no_clean_keeps_everything(seed_path: Path) -> None:
    doc = api.read(str(seed_path), clean=False)
    assert doc.title is None and doc.removed == ()
    texts = [s.text for s in doc.sentences]
    assert any("Also Read" in t for t in texts)
    assert any("Gallery Gallery" in t for t in texts)


def test_one_paragraph_is_not_mistaken_for_a_title() -> None:
    text = "Markets rose on Monday\n\nTraders said the mood was calm."
    layout = find_layout(text)
    # A two-word body is not enough to call the first line a headline of it.
    assert layout.title is None


def test_hard_wrapped_paragraph_is_one_run() -> None:
    text = ("The council voted on Tuesday to close the old bridge to\n"
            "traffic, citing safety reports that found cracks in its\n"
            "main supports.\n\nRepairs will take a year.")
    doc = api.split(text, clean=True)
    assert doc.sentences[0].text == ("The council voted on Tuesday to close the old bridge to "
                                     "traffic, citing safety reports that found cracks in its "
                                     "main supports.")
    assert doc.sentences[1].paragraph == 1


def test_teaser_in_middle_of_wrapped_sentence_is_kept() -> None:
    text = ("Officials told residents who want updates that they should\n"
            "click here or call the hotline, and the mayor said more help was coming.\n")
    doc = api.split(text)
    assert len(doc.removed) == 0
    assert "click here or call" in doc.sentences[0].text


def test_teaser_sentence_inside_paragraph_is_removed() -> None:
    text = ("A comet was filmed passing the sun. Scroll down for video. "
            "The footage took five years to gather.")
    doc = api.split(text)
    assert [s.text for s in doc.sentences] == [
        "A comet was filmed passing the sun.", "The footage took five years to gather."]
    assert [doc.text[r.start:r.end] for r in doc.removed] == ["Scroll down for video."]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("VIDEO: Firefighters rescue a cat from a tree", "teaser"),
        ("Related: How the vote was won", "teaser"),
        ("© 2015 Cable News Network", "teaser"),
        ("Subscribers to the service rose by a third.", None),
        ("Video footage showed the car leaving at speed.", None),
    ],
)
def test_teaser_labels(line: str, kind: str | None) -> None:
    assert furniture_kind(line) == kind


@pytest.mark.parametrize(
    ("sentence", "rest"),
    [
        ("Scroll down for video A young woman who was abused has told a court of it.",
         "A young woman who was abused has told a court of it."),
        ("Scroll down for video. The boxes of passport applications piled up in Liverpool.",
         "The boxes of passport applications piled up in Liverpool."),
        ("Scroll down for video A man spoke.", None),  # too little story: a whole teaser
        ("Scroll down the page to see a young woman tell the court of it.", None),
        ("A young woman told a court of it.", None),
    ],
)
def test_glued_teaser_prefix(sentence: str, rest: str | None) -> None:
    cut = teaser_prefix_end(sentence)
    assert (sentence[cut:] if cut else None) == rest


def test_glued_teaser_is_trimmed_not_the_story() -> None:
    text = ("A woman has told a court of her ordeal. Scroll down for video A young woman who "
            "was abused by her boss has told a court of the severe impact on her life.")
    doc = api.split(text)
    assert [s.text for s in doc.sentences] == [
        "A woman has told a court of her ordeal.",
        "A young woman who was abused by her boss has told a court of the severe impact on "
        "her life."]
    second = doc.sentences[1]
    assert text[second.start:second.end] == second.text
    assert [(r.kind, text[r.start:r.end]) for r in doc.removed] == [
        ("teaser", "Scroll down for video ")]


@pytest.mark.parametrize(
    ("sentence", "story", "kinds"),
    [
        # a glued teaser and a dateline behind it: both trimmed, in order
        ("Scroll down for video LONDON (Reuters) - The boxes of passport applications piled up.",
         "The boxes of passport applications piled up.", ["teaser", "dateline"]),
        ("PARIS (AP) — Protesters gathered in the square on Sunday.",
         "Protesters gathered in the square on Sunday.", ["dateline"]),
        ("Click here to read more.", None, ["teaser"]),
        ("Share on Facebook Share on Twitter Email", None, ["share-bar"]),
        ("Officials said it was fine.", "Officials said it was fine.", []),
    ],
)
def test_trim_sentence(sentence: str, story: str | None, kinds: list[str]) -> None:
    text = "Before. " + sentence + " After."
    start, end = 8, 8 + len(sentence)
    kept, removed = trim_sentence(text, start, end)
    assert (text[kept:end] if kept is not None else None) == story
    assert [r.kind for r in removed] == kinds
    # What was set aside and what was kept tile the sentence, in offsets of the whole text.
    pieces = sorted([(r.start, r.end) for r in removed]
                    + ([(kept, end)] if kept is not None else []))
    assert pieces[0][0] == start and pieces[-1][1] == end
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:], strict=False))


@pytest.mark.parametrize(
    ("text", "span"),
    [("  a b \n", (2, 5)), ("\t\n ", (3, 3)), ("x", (0, 1)), ("", (0, 0))],
)
def test_strip_span_keeps_offsets(text: str, span: tuple[int, int]) -> None:
    assert strip_span(text, 0, len(text)) == span
    a, b = span
    assert text[a:b] == text.strip()
