"""Snowball stems from the C library (PyStemmer), for briefer's own code.

briefer's rankers and briefs stem every distinct word of a text; NLTK's Snowball stemmer is
pure Python and importing NLTK costs a start-up of its own, so briefer stems with PyStemmer,
the Python binding of the Snowball project's C stemmers (https://snowballstem.org/): the same
Porter2/Snowball algorithms, one C call per word, no data to download.  sumy's own
algorithms (``-a sumy-*``) keep NLTK's stemmer, which sumy was written against
(:func:`briefer.tokens.make_stemmer`).

The two agree on all but 35 of the 16,749 word types of the CNN/DailyMail test articles
(``benchmarks/stem_agreement.py``): Snowball 3's revisions of the English algorithm
("added" -> "add" rather than "ad", "university" and "universal" no longer share "univers",
"organic" no longer "organ"), which NLTK predates.  Curly apostrophes are straightened first,
as NLTK does, so "city’s" and "city's" stem alike.

:func:`stemmer` takes a language: a Snowball algorithm name ("english", "german", ...) or an
ISO 639-1 code ("en", "de", ...).  A language Snowball does not know gets lower-casing only,
so a text in it is still compared word by word.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def algorithms() -> frozenset[str]:
    """The Snowball algorithm names PyStemmer offers here ("english", "french", ...)."""
    import Stemmer

    return frozenset(Stemmer.algorithms())


def stemmer(language: str = "english") -> Callable[[str], str]:
    """A caching Snowball stemmer for ``language``; it lower-cases its input first.

    Every call makes a new stemmer with its own cache (a dict in the returned closure), so
    each caller owns its memory and nothing is global: call it once per text or per job,
    not once per word.
    """
    snowball = _snowball(language)
    stem = snowball.stemWord if snowball is not None else None
    cache: dict[str, str] = {}

    def stem_word(word: str) -> str:
        hit = cache.get(word)
        if hit is None:
            lowered = word.lower().replace("’", "'")
            hit = stem(lowered) if stem is not None else lowered
            cache[word] = hit
        return hit

    return stem_word


def stem_words(lowered: list[str], language: str = "english") -> list[str]:
    """The stem of each of ``lowered`` (lower-cased, curly apostrophes straightened, as
    :func:`stemmer` prepares a word), as :func:`stemmer` gives it, in one C call.

    For a text's distinct words at once (a ranker's vocabulary): a Python call per word
    costs more than the stemming itself.
    """
    snowball = _snowball(language)
    return snowball.stemWords(lowered) if snowball is not None else list(lowered)


def prepared(words: list[str]) -> tuple[list[str], list[str]]:
    """``words`` lower-cased, and lower-cased with curly apostrophes straightened (what
    :func:`stem_words` takes), each a list in the same order.

    One ``lower`` and one ``replace`` over the words joined by newlines, which no word holds
    (a word is letters, apostrophes and hyphens; a list that has one is done word by
    word): the same strings as word by word, since Unicode's only context-dependent
    lower-casing (a final capital sigma) looks no further than the word itself when a
    newline ends it.
    """
    if not words:
        return [], []
    joined = "\n".join(words).lower()
    if joined.count("\n") != len(words) - 1:
        lowered = [w.lower() for w in words]
        return lowered, [w.replace("’", "'") for w in lowered]
    return joined.split("\n"), joined.replace("’", "'").split("\n")


def _snowball(language: str) -> Any:
    """PyStemmer's stemmer for ``language`` (without its C-side cache: callers keep their
    own), or None where Snowball has no algorithm for it."""
    import Stemmer

    try:
        return Stemmer.Stemmer(language.strip().lower(), 0)
    except KeyError:
        return None
