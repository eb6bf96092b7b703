"""A brief in every format: markdown that renders cleanly, JSON offsets, text, rich."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from rich.console import Console
from rich.markdown import Markdown

from briefer import api
from briefer.brief import Brief, make_brief
from briefer.render import json as json_render
from briefer.render import markdown, terminal, text

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
SEED = ROOT / "seeds" / "venezuela-mexico.txt"

NASTY = """Markup *Test* Page

Officials in Mexico City said *nothing* about [the plan](http://evil.example) on Monday.

# Not a heading: Mexico City officials wrote <b>bold</b> and `code` in Mexico.

1. Mexico City officials listed items_with_underscores | pipes | and [bold red]tags[/] too.

Ana Silva said, “Mexico City will *not* pay [anything].”
"""


@pytest.fixture(scope="module")
def seed_brief() -> Brief:
    return make_brief([api.read(str(SEED))], template=str(ROOT / "seeds" /
                                                         "venezuela-mexico.toml"))


@pytest.fixture(scope="module")
def multi_brief() -> Brief:
    files = ["brief_port_a.txt", "brief_port_b.txt", "brief_page.html"]
    return make_brief([api.read(str(DATA / f)) for f in files])


def inline_kinds(md: str) -> set[str]:
    kinds = set()
    for token in MarkdownIt("commonmark").parse(md):
        for child in token.children or ():
            kinds.add(child.type)
    return kinds


def test_markdown_structure(seed_brief: Brief) -> None:
    md = markdown.render_brief(seed_brief)
    tokens = MarkdownIt("commonmark").parse(md)
    headings = [(t.tag, tokens[k + 1].content) for k, t in enumerate(tokens)
                if t.type == "heading_open"]
    assert headings[0] == ("h1", seed_brief.title)
    h2 = [content for tag, content in headings if tag == "h2"]
    assert h2[:3] == ["Venezuela", "Mexico", "Reactions"]
    assert "Key quotes" in h2 and "Who and where" in h2
    items = sum(1 for t in tokens if t.type == "list_item_open")
    assert items >= seed_brief.sentences_out
    assert "\x1b[" not in md
    assert f"[{seed_brief.bottom_line.sentence.index}]" in md  # plain bracket citations


def test_markdown_escapes_untrusted_text() -> None:
    doc = api.split(NASTY, source="nasty.txt")
    brief = make_brief([doc], count=10)
    md = markdown.render_brief(brief)
    kinds = inline_kinds(md)
    assert not kinds & {"link_open", "html_inline", "code_inline"}
    tokens = MarkdownIt("commonmark").parse(md)
    assert sum(1 for t in tokens if t.type == "heading_open" and t.tag == "h1") == 1
    assert sum(1 for t in tokens if t.type == "ordered_list_open") == 0
    rendered = "".join(c.content for t in tokens if t.type == "inline"
                       for c in t.children or () if c.type == "text")
    assert "[the plan](http://evil.example)" in rendered
    assert "<b>bold</b>" in rendered


def test_markdown_renders_through_rich(seed_brief: Brief, multi_brief: Brief) -> None:
    for brief in (seed_brief, multi_brief):
        console = Console(record=True, width=100, color_system=None)
        console.print(Markdown(markdown.render_brief(brief)))
        out = console.export_text()
        for section in brief.sections:
            assert section.title in out
        assert "\\[" not in out and "\\*" not in out


def test_json_contract(seed_brief: Brief) -> None:
    data = json.loads(json_render.render_brief(seed_brief))
    assert isinstance(data["title"], str)
    assert data["template"] == "venezuela-mexico"
    assert [s["title"] for s in data["sections"]][:3] == ["Venezuela", "Mexico", "Reactions"]
    text_in = SEED.read_text(encoding="utf-8")
    sentences = [s for sec in data["sections"] for s in sec["sentences"]]
    sentences.append(data["bottom_line"])
    for s in sentences:
        assert {"text", "start", "end", "index", "score"} <= set(s)
        assert "source" not in s
        assert " ".join(text_in[s["start"]:s["end"]].split()) == s["text"]
    assert data["quotes"] and {"text", "speaker", "index", "start", "end"} <= set(
        data["quotes"][0])
    venezuela = [e for e in data["entities"] if e["name"] == "Venezuela"]
    assert venezuela and venezuela[0]["kind"] == "place" and venezuela[0]["count"] >= 1
    assert data["sources"][0]["source"] == str(SEED)
    assert data["sentences_shown"] == seed_brief.sentences_shown == seed_brief.sentences_out + 1


def test_json_with_several_sources(multi_brief: Brief) -> None:
    data = json.loads(json_render.render_brief(multi_brief))
    assert data["title"] is None
    sources = {s["source"] for s in data["sources"]}
    sentences = [s for sec in data["sections"] for s in sec["sentences"]]
    assert all(s["source"] in sources for s in sentences)
    merged = [s for s in sentences + [data["bottom_line"]] if "also" in s]
    assert merged and all(a["source"] in sources for s in merged for a in s["also"])
    for s in sentences:
        doc = next(d for d in multi_brief.documents if d.source == s["source"])
        assert " ".join(doc.text[s["start"]:s["end"]].split()) == s["text"]


def test_text_format_is_plain(seed_brief: Brief) -> None:
    out = text.render_brief(seed_brief)
    assert out.startswith(seed_brief.title)
    assert "Bottom line: " in out and "\nVenezuela\n- " in out
    assert "#" not in out and "**" not in out and "\x1b[" not in out


def test_rich_shows_markup_as_text() -> None:
    doc = api.split(NASTY, source="nasty.txt")
    brief = make_brief([doc], count=10)
    console = Console(record=True, width=120, color_system=None)
    console.print(terminal.render_brief(brief))
    out = console.export_text()
    assert "[bold red]tags[/]" in out
    assert "Bottom line" in out and brief.footer()[:20] in out


def test_several_sources_cite_file_names(multi_brief: Brief) -> None:
    md = markdown.render_brief(multi_brief)
    assert md.startswith("# Brief of 3 texts")
    assert "brief\\_port\\_a.txt:" in md  # file names escaped inside plain brackets
    assert "Sources: " in md


def test_blocks_come_in_reading_order(seed_brief: Brief) -> None:
    from briefer.brief import model as m

    kinds = [type(b).__name__ for b in seed_brief.blocks()]
    assert kinds[:2] == ["HeadingBlock", "BottomLineBlock"]
    assert kinds[-3:] == ["QuotesBlock", "EntitiesBlock", "FooterBlock"]
    sections = [b.section for b in seed_brief.blocks() if isinstance(b, m.SectionBlock)]
    assert sections == [s for s in seed_brief.sections if s.items]
    assert not seed_brief.is_empty and "EmptyBlock" not in kinds


def test_one_sentence_brief_is_not_empty_in_any_format() -> None:
    """A one-sentence text is a bottom line with no section: every face shows the line and
    none says there is nothing to brief."""
    from briefer.brief.model import EMPTY_NOTE

    brief = make_brief([api.split("The council opened the new bridge on Monday.",
                                  source="one.txt")])
    assert brief.bottom_line is not None and not brief.sections and not brief.is_empty
    for out in (markdown.render_brief(brief), text.render_brief(brief), rich_text(brief)):
        assert "opened the new bridge" in out
        assert EMPTY_NOTE.split(":")[0] not in out


def test_all_dropped_brief_says_so_in_every_format() -> None:
    from briefer.brief.model import EMPTY_NOTE

    doc = api.split("The council opened the new bridge on Monday. Traffic crossed it soon.",
                    source="two.txt")
    brief = make_brief([doc], dropped=[(0, 0), (0, 1)])
    assert brief.is_empty
    for out in (markdown.render_brief(brief), text.render_brief(brief), rich_text(brief)):
        assert " ".join(out.split()).count(EMPTY_NOTE.split(":")[0]) == 1


def rich_text(brief: Brief) -> str:
    console = Console(width=200, record=True, file=__import__("io").StringIO())
    console.print(terminal.render_brief(brief))
    return console.export_text()
