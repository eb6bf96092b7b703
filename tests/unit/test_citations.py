"""How a multi-document brief names its sources in citations."""

from __future__ import annotations

from briefer import api
from briefer.brief import make_brief
from briefer.brief.model import short_name


def test_a_page_is_named_by_its_site_and_last_segment() -> None:
    # A page's last path segment alone is often a date, a number or index.html.
    assert short_name("https://www.example.com/news/2024/12/02/") == "example.com/02"
    assert short_name("https://example.invalid/world/plant-closes?ref=rss#top") == \
        "example.invalid/plant-closes"
    assert short_name("http://example.org") == "example.org"
    assert short_name("https://[::1/broken") == "https://[::1/broken"  # kept whole
    assert short_name("reports/2024/port.txt") == "port.txt"
    assert short_name("<stdin>") == "<stdin>"


def test_citations_name_pages_by_site_and_keep_two_alike_apart() -> None:
    text_a = ("The port reopened on Monday after a week of strikes. Dock workers accepted a "
              "new contract. Shipping lines said delays would ease.")
    text_b = ("Heavy rain flooded the valley on Tuesday. Two bridges were closed. The mayor "
              "asked residents to stay home.")
    docs = [api.split(text_a, source="https://news.example.com/2024/12/02/"),
            api.split(text_b, source="https://other.example.org/2024/12/02/"),
            api.split(text_b.replace("valley", "town"),
                      source="https://other.example.org/town/2024/12/02/")]
    brief = make_brief(docs, algorithm="lead")
    assert brief.source_label(0) == "news.example.com/02"
    # Two pages of one site with the same last segment: their whole addresses.
    assert brief.source_label(1) == "https://other.example.org/2024/12/02/"
    assert brief.source_label(2) == "https://other.example.org/town/2024/12/02/"


def _reposted(copies: int):
    text = ("The port reopened on Monday after a week of strikes. Dock workers accepted a "
            "new contract. Shipping lines said delays would ease.")
    docs = [api.split(text, source=f"folder/{i:04}.txt") for i in range(copies)]
    return make_brief(docs, algorithm="lead")


def test_naming_the_sources_of_a_reposted_story_is_linear_in_the_files(monkeypatch) -> None:
    """A sentence said in D files cites D places; naming each must not look at all D files
    again (review round 8 W2: 2,000 copies took 97 s to render, 90 % of it in names)."""
    from briefer.brief import model
    from briefer.render.markdown import render_brief

    calls = {"n": 0}
    real = model.short_name

    def counted(source: str) -> str:
        calls["n"] += 1
        return real(source)

    monkeypatch.setattr(model, "short_name", counted)
    counts = []
    for copies in (40, 80):
        calls["n"] = 0
        brief = _reposted(copies)
        for item in (brief.bottom_line, *(i for s in brief.sections for i in s.items)):
            if item is not None:
                brief.cite(item)
        render_brief(brief)
        counts.append(calls["n"])
    assert counts[1] <= 2.2 * max(counts[0], 1), counts


def test_a_citation_of_many_places_names_the_first_and_counts_the_rest() -> None:
    brief = _reposted(12)
    item = brief.bottom_line
    assert item is not None and len(item.also) == 11
    assert brief.cite(item) == ("[0000.txt:1, 0001.txt:1, 0002.txt:1, 0003.txt:1, 0004.txt:1 "
                                "and 7 more]")
    six = _reposted(6)
    assert six.cite(six.bottom_line).count(".txt:1") == 6  # "and 1 more" would save nothing


def test_the_footer_of_a_folder_names_the_first_sources_and_counts_the_rest() -> None:
    assert _reposted(12).footer().startswith(
        "Sources: folder/0000.txt, folder/0001.txt, folder/0002.txt, folder/0003.txt, "
        "folder/0004.txt and 7 more · ")
    assert _reposted(6).footer().count("folder/") == 6


def test_a_sentence_one_file_repeats_cites_the_first_places_and_counts_the_rest() -> None:
    """Review round 8 V2: the cap applied to several documents only, so one file that says
    a sentence 500 times cited 500 numbers in a 3,000-character line."""
    story = ("The port reopened on Monday after a week of strikes. Dock workers accepted a "
             "new contract. Shipping lines said delays would ease.")
    brief = make_brief([api.split("\n\n".join([story] * 12), source="one.txt")],
                       algorithm="lead")
    item = brief.bottom_line
    assert item is not None and len(item.also) == 11
    assert brief.cite(item) == "[1, 4, 7, 10, 13 and 7 more]"
    six = make_brief([api.split("\n\n".join([story] * 6), source="one.txt")], algorithm="lead")
    assert six.cite(six.bottom_line) == "[1, 4, 7, 10, 13, 16]"
