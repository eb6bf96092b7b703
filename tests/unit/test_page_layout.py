"""Titles, page metadata and layout lines (issue 13): what is a headline and what is not."""

from __future__ import annotations

import pytest

from briefer import api, clean
from briefer.ingest import decode_source

BODY = ("The company said on Monday it would cut 200 jobs at its main plant.\n\n"
        "Unions called the decision a betrayal and promised to fight it in court.\n\n"
        "The plant has made parts for carmakers for more than forty years.\n")


@pytest.mark.parametrize("line, kind", [
    ("BAAR, SWITZERLAND", "dateline"),
    ("LONDON", "dateline"),
    ("Staff Reports", "byline"),
    ("By Jane Doe and John Roe", "byline"),
    ("5 min read", "reading-time"),
    ("Reading time: 4 minutes", "reading-time"),
    ("November 18, 2019", "date"),
    ("Updated 3:04 PM ET, Mon November 18, 2019", "date"),
    ("2019-11-18 14:02", "date"),
])
def test_lines_around_a_headline_are_not_the_title(line, kind):
    doc = api.split(f"{line}\n\nPlant to cut 200 jobs\n\n{BODY}")
    assert doc.title == "Plant to cut 200 jobs"
    assert [s.kind for s in doc.removed if s.kind == kind] == [kind]
    assert all(line not in s.text for s in doc.sentences)


def test_a_one_word_label_above_the_headline_is_a_label():
    doc = api.split(f"Review\n\nThe new laptop keeps its old keyboard\n\n{BODY}")
    assert doc.title == "The new laptop keeps its old keyboard"
    assert [s.kind for s in doc.removed] == ["label"]


@pytest.mark.parametrize("title", ["2018 Boys State Swim Results", "Brexit",
                                   "Classificação NASCAR", "Hong Kong chaos: China warns"])
def test_headlines_with_years_or_one_word_stay_titles(title):
    assert api.split(f"{title}\n\n{BODY}").title == title


def test_a_byline_under_the_headline_is_not_the_standfirst():
    doc = api.split(f"Plant to cut 200 jobs\n\nBy Jane Doe\n\n{BODY}")
    assert doc.title == "Plant to cut 200 jobs"
    assert doc.standfirst != "By Jane Doe"
    assert "byline" in [s.kind for s in doc.removed]


def test_a_date_prefixed_headline_is_the_title_and_gives_the_date():
    text = ("2005/01/08 Tsunami aid pledges grow\n"
            "Pledges of aid for the victims of the tsunami have grown to 2 billion dollars.\n"
            "The United Nations said so on Saturday. More countries joined in.\n")
    doc = api.split(text)
    assert doc.title == "Tsunami aid pledges grow"
    assert doc.date == "2005/01/08"
    assert doc.sentences[0].text.startswith("Pledges of aid")


def test_a_hard_wrapped_first_line_is_not_taken_for_a_dated_headline():
    text = ("The tsunami of 2004/12/26 killed more than 200,000 people in a dozen\n"
            "countries around the Indian Ocean. Aid pledges grew all week.\n")
    doc = api.split(text)
    assert doc.title is None
    assert doc.sentences[0].text.startswith("The tsunami of 2004/12/26")


def test_a_sub_heading_inside_the_article_is_layout_not_a_sentence():
    text = (f"Tsunami aid pledges grow\n\n{BODY}\nLocal death tolls\n\n"
            "Officials in the province counted more than 4,000 dead by Saturday evening, "
            "and said the number would rise as roads reopened.\n")
    doc = api.split(text)
    assert "Local death tolls" not in [s.text for s in doc.sentences]
    assert "subheading" in [s.kind for s in doc.removed]
    assert doc.sentences[-1].text.startswith("Officials in the province")


def test_table_rows_are_set_aside_from_ranking():
    assert clean.furniture_kind("| 1 | Kyle Busch | 5040 | 5 |") == "table"
    assert clean.furniture_kind("A sentence with a | pipe in it.") is None


PAGE = """<!doctype html><html lang="en"><head>
<title>Plant to cut 200 jobs - Example News</title>
<meta property="og:title" content="Plant to cut 200 jobs">
<meta property="og:site_name" content="Example News">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2019-11-18T10:00:00Z">
</head><body><article>
<p>Review</p>
<h1>Plant to cut 200 jobs</h1>
<p>The company said on Monday it would cut 200 jobs at its main plant, the largest
employer in the valley, blaming falling orders from carmakers.</p>
<p>Unions called the decision a betrayal and promised to fight it in court, saying the
company had received public money to keep the plant open.</p>
<p>The plant has made parts for carmakers for more than forty years and employs
about 1,200 people in three shifts.</p>
</article></body></html>"""


def test_an_html_page_gives_its_metadata_title_author_date_and_site():
    doc = api.document_from_source(decode_source("page.html", PAGE.encode()))
    assert doc.title == "Plant to cut 200 jobs"
    assert (doc.author, doc.date, doc.site) == ("Jane Doe", "2019-11-18", "Example News")
    assert doc.byline == "Jane Doe · Example News · 2019-11-18"
    assert doc.sentences[0].text.startswith("The company said")
    assert all("Review" != s.text for s in doc.sentences)


def test_page_metadata_is_neutralised():
    hostile = PAGE.replace('content="Jane Doe"', 'content="Jane\x1b]52;c;eA==\x07 Doe"')
    doc = api.document_from_source(decode_source("page.html", hostile.encode()))
    assert doc.author is not None and "\x1b" not in doc.author and "\x07" not in doc.author


def test_precise_extraction_far_shorter_than_the_default_falls_back(monkeypatch):
    import trafilatura

    class Precise:
        text = "Reprinted with permission."
        title = author = date = sitename = None

    long_text = "The article itself.\n" + "It has many sentences of story in it. " * 20
    monkeypatch.setattr(trafilatura, "bare_extraction", lambda html, **kw: Precise())
    monkeypatch.setattr(trafilatura, "extract", lambda html, **kw: long_text)
    src = decode_source("page.html", b"<html><body><p>x</p></body></html>")
    assert src.text.startswith("The article itself.")


def test_precise_extraction_kept_when_it_keeps_most_of_the_text(monkeypatch):
    import trafilatura

    class Precise:
        text = "The article itself. " * 12
        title = author = date = sitename = None

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda html, **kw: Precise())
    monkeypatch.setattr(trafilatura, "extract",
                        lambda html, **kw: Precise.text + " Share this on social media.")
    src = decode_source("page.html", b"<html><body><p>x</p></body></html>")
    assert "Share this" not in src.text


def test_empty_precise_extraction_never_loses_a_page(monkeypatch):
    import trafilatura

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda html, **kw: None)
    monkeypatch.setattr(trafilatura, "extract", lambda html, **kw: "A page with text in it.")
    src = decode_source("page.html", b"<html><body><p>x</p></body></html>")
    assert src.text == "A page with text in it."


def test_the_brief_header_and_json_carry_author_date_and_site():
    import json

    from briefer.brief import make_brief
    from briefer.render import json as render_json
    from briefer.render import markdown, text

    doc = api.document_from_source(decode_source("page.html", PAGE.encode()))
    brief = make_brief([doc])
    assert "Jane Doe · Example News · 2019-11-18" in markdown.render_brief(brief).splitlines()[2]
    assert text.render_brief(brief).splitlines()[1] == "Jane Doe · Example News · 2019-11-18"
    source = json.loads(render_json.render_brief(brief))["sources"][0]
    assert (source["author"], source["date"], source["site"]) == (
        "Jane Doe", "2019-11-18", "Example News")


# A BBC-style story, written for this test: the lede is a one-sentence paragraph, as in most
# BBC, wire and web news, and as short as a dek.
STORY = ("Port workers in the city have voted to strike for three days next week over pay.\n\n"
         "The union said 85% of its members backed the action on a turnout of 70%. The port "
         "handles a fifth of the country's container traffic, and exporters warned of "
         "delays.\n\n"
         "Managers said they had offered a 4% rise and that talks would continue on Friday. "
         "The last strike at the port, in 2019, lasted a week.\n\n"
         "Shipping lines said they would divert some vessels to other ports if the strike "
         "went ahead, and a trade body put the cost to exporters at several million a day.\n\n"
         "The government urged both sides to return to talks and said it had no plans to "
         "intervene.\n")


def test_a_one_sentence_first_paragraph_is_the_lede_and_is_ranked():
    doc = api.split(f"Port workers vote to strike\n\n{STORY}")
    assert doc.title == "Port workers vote to strike"
    assert doc.standfirst is None
    assert doc.sentences[0].text.startswith("Port workers in the city have voted")
    summary = api.summarize(doc, count=1, algorithm="lead")
    assert summary.chosen == (0,)


DEK = "Union says exporters face weeks of delays at the country's second port"


@pytest.mark.parametrize("dek, between, kind", [
    (f"{DEK}.", "By Jane Doe\n\n", "byline"),  # headline, dek, byline: the masthead
    (f"{DEK}.", "November 18, 2019\n\n", "date"),
    (DEK, "", None),  # display text with no full stop is not a sentence of the story
    (f"*{DEK}.*", "", None),  # set in italics
])
def test_a_dek_marked_by_the_layout_is_the_standfirst(dek, between, kind):
    doc = api.split(f"Port workers vote to strike\n\n{dek}\n\n{between}{STORY}")
    assert doc.standfirst == dek.strip("*")
    assert doc.sentences[0].text.startswith("Port workers in the city have voted")
    if kind:  # the line under the dek is set aside as what it is
        assert kind in [s.kind for s in doc.removed]
        assert all(between.strip() not in s.text for s in doc.sentences)


def test_a_dek_above_a_datelined_lede_is_the_standfirst():
    lede = "HAMBURG (Reuters) - " + STORY
    doc = api.split(f"Port workers vote to strike\n\n{DEK}.\n\n{lede}")
    assert doc.standfirst == f"{DEK}."
    assert doc.sentences[0].text.startswith("Port workers in the city")


def test_a_short_paragraph_that_leads_into_the_next_is_body():
    doc = api.split(f"Port workers vote to strike\n\nHere is what the union said:\n\n{STORY}")
    assert doc.standfirst is None
    assert doc.sentences[0].text == "Here is what the union said:"


@pytest.mark.parametrize(("block", "shown"), [
    ("*Markets fall as rates rise*", "Markets fall as rates rise"),
    ("_A dek in italics._", "A dek in italics."),
    ("**Bold is not italics**", "**Bold is not italics**"),
    # Two emphasised words are not one emphasised block: nothing is stripped.
    ("_id_ of the users and _key_", "_id_ of the users and _key_"),
])
def test_standfirst_text_strips_only_a_whole_italic_block(block: str, shown: str) -> None:
    from briefer.clean import standfirst_text

    assert standfirst_text(block) == shown
