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
