"""Words, stems and stop words: what every ranker counts.

The word pattern is sumy's own test for a "word" (``Tokenizer._WORD_PATTERN``: a letter, then
letters, apostrophes or hyphens), applied with ``findall`` over the sentence instead of after
NLTK's Treebank tokenizer.  That keeps sumy's notion of a word while needing no NLTK data
(``nltk.word_tokenize`` loads the Punkt model) and running an order of magnitude faster.

Stems come from NLTK's Snowball stemmer, the one sumy uses; stop words from the list that ships
inside sumy.  Both need no download.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from importlib import resources

WORD_RE = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*")


def words(text: str) -> list[str]:
    """The words of ``text`` in order, as written (no case folding)."""
    return WORD_RE.findall(text)


@lru_cache(maxsize=8)
def stop_words(language: str = "english") -> frozenset[str]:
    """sumy's stop-word list for ``language`` (lower case), read from the installed package."""
    try:
        data = resources.files("sumy").joinpath(f"data/stopwords/{language}.txt").read_text(
            encoding="utf-8"
        )
    except (FileNotFoundError, OSError):
        return frozenset()
    return frozenset(w.strip() for w in data.splitlines() if w.strip())


def make_stemmer(language: str = "english") -> Callable[[str], str]:
    """A caching Snowball stemmer for ``language``; it lower-cases its input first.

    The cache lives in the returned closure, so each caller owns its memory and nothing is
    global.  News vocabularies are small (tens of thousands of types for megabytes of text).
    """
    from nltk.stem.snowball import SnowballStemmer

    try:
        stem = SnowballStemmer(language).stem
    except ValueError:
        stem = str

    cache: dict[str, str] = {}

    def stem_word(word: str) -> str:
        lowered = word.lower()
        hit = cache.get(lowered)
        if hit is None:
            hit = cache[lowered] = stem(lowered)
        return hit

    return stem_word
