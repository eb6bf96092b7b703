"""Markdown output renders as exactly the text it quotes (issue 12, item 4).

Checked the way a reader sees it: the markdown is rendered by a CommonMark renderer
(markdown-it-py, installed with rich) with GFM's strike-through on (glow and GitHub have it),
and the rendered text must equal the source sentence, with no tag the text did not ask for.
"""

from __future__ import annotations

import html
import re

import pytest
from markdown_it import MarkdownIt

from briefer import api
from briefer.render import markdown

RENDERER = MarkdownIt("commonmark").enable("strikethrough")
# The only tags briefer's markdown may produce: headings, paragraphs, lists, emphasis.
ALLOWED_TAGS = {"h1", "h2", "p", "ul", "ol", "li", "em", "strong"}

HOSTILE_SENTENCES = [
    "~~~ The fence would open a code block and swallow the rest.",
    "The vote was ~~rigged~~ fair, officials said.",
    "1984) was the year the plant first opened.",
    "3. Officials then closed the road to all traffic.",
    "The page showed &lt;b&gt; where bold text should be.",
    "A raw <img src=x onerror=alert(1)> tag must stay text.",
    "Stars *emphasise* and _underscores_ too, said the editor.",
    "A link [here](http://example.com) and ![an image](x.png) stay text.",
    "Code `spans` and ``double`` ones stay text as well.",
    "# Not a heading, but a sentence starting with a hash.",
    "> Not a quote either, the reporter noted.",
    "- Not a list item, the reporter added.",
    "+ Plus signs start lists too, he said.",
    "Pipes | make | tables | in some renderers.",
    "A backslash \\ at the end stays \\",
    "An entity &amp; and a numeric one &#65; stay as written.",
]


def rendered_items(md: str) -> list[str]:
    """The text of each rendered list item, after checking no unexpected tag appeared."""
    out = RENDERER.render(md)
    tags = set(re.findall(r"</?([a-z0-9]+)", out))
    assert tags <= ALLOWED_TAGS, f"unexpected tags {tags - ALLOWED_TAGS} in {out}"
    return [html.unescape(re.sub(r"<[^>]+>", "", item)).strip()
            for item in re.findall(r"<li>(.*?)</li>", out, re.S)]


@pytest.mark.parametrize("sentence", HOSTILE_SENTENCES)
def test_a_summary_line_renders_as_its_sentence(sentence: str) -> None:
    doc = api.split(f"{sentence} The second sentence is plain.", clean=False)
    summary = api.summarize(doc, count=2, algorithm="lead")
    items = rendered_items(markdown.render_summary(summary))
    assert items[0] == f"{doc.sentences[0].text} [1]"


@pytest.mark.parametrize("sentence", HOSTILE_SENTENCES)
def test_escape_round_trips_through_a_commonmark_renderer(sentence: str) -> None:
    items = rendered_items(f"- {markdown.escape(sentence)}\n")
    assert items == [sentence.strip()]


def test_escaped_ordered_list_markers_show_no_backslash() -> None:
    assert markdown.escape("1984) was") == "1984\\) was"
    assert markdown.escape("3. Then") == "3\\. Then"


def test_a_title_with_line_breaks_stays_one_heading() -> None:
    title = "Top\n\n    code\n# second"
    out = RENDERER.render(f"# {markdown.escape(title)}\n")
    assert out.count("<h1>") == 1 and "<pre>" not in out and "<h2>" not in out
