"""Reading sources: encodings, binaries, HTML, blank input, and neutralised control bytes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from briefer.ingest import InputError, decode_source, neutralise, read_source

TEXT = "Café owners in Zürich said prices rose. “We can’t keep up,” one said."


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"),
     ("utf-32", "utf-32")],
)
def test_unicode_encodings_decode_exactly(encoding: str, expected: str) -> None:
    src = decode_source("a.txt", TEXT.encode(encoding))
    assert src.text == TEXT
    assert src.encoding == expected


def test_latin1_is_detected_not_crashed_on() -> None:
    text = ("Le café de la Gare à Genève a fermé. Les propriétaires ont déclaré que "
            "la crise était trop forte pour continuer. Élodie, la serveuse, est partie.")
    src = decode_source("fr.txt", text.encode("latin-1"))
    assert src.text == text


def test_cp1252_smart_quotes_are_detected() -> None:
    text = ("The minister said \u201cwe will not retreat\u201d \u2014 and the crowd "
            "cheered. It\u2019s the third time this year that the plan was debated.")
    src = decode_source("q.txt", text.encode("cp1252"))
    assert src.text == text


def test_binary_file_is_refused() -> None:
    with pytest.raises(InputError, match=r"x\.bin: .*binary"):
        decode_source("x.bin", bytes(range(256)) * 20)


@pytest.mark.parametrize("data", [b"", b"   \n\t\n  "])
def test_empty_and_blank_input_is_refused(data: bytes) -> None:
    with pytest.raises(InputError, match=r"^e\.txt: "):
        decode_source("e.txt", data)


def test_missing_file_and_directory_name_the_path(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_source(str(tmp_path / "nope.txt"))
    with pytest.raises(InputError, match="is a directory"):
        read_source(str(tmp_path))


def test_empty_stdin_is_refused() -> None:
    with pytest.raises(InputError, match="<stdin>: no input"):
        read_source("-", stdin=io.BytesIO(b""))


def test_stdin_is_read() -> None:
    assert read_source("-", stdin=io.BytesIO(TEXT.encode())).text == TEXT


def test_control_characters_are_replaced_one_for_one() -> None:
    evil = "Hi\x1b]52;c;ZXZpbA==\x07 there\x1b[2J.\r\nNext\u202eline\x9b."
    safe = neutralise(evil)
    assert len(safe) == len(evil)
    assert "\x1b" not in safe and "\x07" not in safe and "\x9b" not in safe
    assert "\u202e" not in safe and "\r" not in safe
    assert safe.split("\n")[1].startswith("Next")


CONTROL_PAGE = """<!DOCTYPE html><html><head><title>Storm hits coast</title></head><body>
<article><h1>Storm hits coast</h1>
<p>A powerful storm struck the northern coast on Tuesday, cutting power to thousands of
homes and forcing the closure of two ports, officials said.</p>
<p>Emergency crews worked through the night to restore electricity, and the regional
government said schools would stay closed{ref}until Thursday at the earliest.</p>
<p>Forecasters expect the winds to ease by the weekend &#150; but warned of flooding along
low-lying rivers as heavy rain continues to fall inland.</p>
</article></body></html>"""


@pytest.mark.parametrize("ref", ["&#8;", "&#1;", "&#27;", "&#x1B;", "&#x08;", "&#127;",
                                 "&#x81;"])
def test_a_reference_to_a_control_character_is_a_space_not_a_lost_page(ref: str) -> None:
    """trafilatura returns nothing for a page with one ``&#8;``; a raw one was already a
    space.  ``&#150;`` (an en dash in HTML's windows-1252 reading) stays a dash."""
    src = decode_source("page.html", CONTROL_PAGE.format(ref=ref).encode())
    plain = decode_source("page.html", CONTROL_PAGE.format(ref=" ").encode())
    assert src.text == plain.text
    assert "stay closed until Thursday" in src.text and "weekend – but" in src.text


def test_html_page_gives_article_text_without_furniture() -> None:
    html = """<!DOCTYPE html><html><head><title>Storm hits coast</title>
    <script>var tracking = "SECRET_SCRIPT";</script></head><body>
    <nav><a href="/">Home</a> <a href="/world">World</a> NAVIGATION_LINKS</nav>
    <article><h1>Storm hits coast</h1>
    <p>A powerful storm struck the northern coast on Tuesday, cutting power to thousands of
    homes and forcing the closure of two ports, officials said.</p>
    <p>Emergency crews worked through the night to restore electricity, and the regional
    government said schools would stay closed until Thursday at the earliest.</p>
    <p>Forecasters expect the winds to ease by the weekend, but warned of flooding along
    low-lying rivers as heavy rain continues to fall inland.</p>
    </article><footer>Copyright 2026 FOOTER_TEXT. All rights reserved.</footer>
    </body></html>"""
    src = decode_source("page.html", html.encode())
    assert src.is_html
    assert "powerful storm struck" in src.text
    assert "restore electricity" in src.text
    for junk in ("SECRET_SCRIPT", "NAVIGATION_LINKS", "FOOTER_TEXT", "<p>"):
        assert junk not in src.text
    assert src.html_title == "Storm hits coast"
