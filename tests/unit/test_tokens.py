"""briefer's word pattern finds exactly the words of sumy's."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from briefer import tokens

#: sumy's ``Tokenizer._WORD_PATTERN`` as briefer first wrote it (a look-ahead per letter).
SUMY_WORD_RE = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*")

PIECES = st.sampled_from(["a", "Zé", "ß", "ı", "日本", "'", "’", "-", "--", "_", "1", " ",
                          "\u0301", "n't", "x-ray", "\n", ".", "O'Neil", "l’été", "ab-"])


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(PIECES | st.text(max_size=4), max_size=12).map("".join))
def test_the_word_pattern_finds_what_sumys_finds(text: str) -> None:
    assert tokens.words(text) == SUMY_WORD_RE.findall(text)


def test_words_by_hand() -> None:
    assert tokens.words("O'Neil's x-ray -- a--b don't 2024 'quoted' ab- l’été") == [
        "O'Neil's", "x-ray", "a", "b", "don't", "quoted", "ab", "l’été"]
