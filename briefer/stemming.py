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
    import Stemmer

    name = language.strip().lower()
    try:
        stem = Stemmer.Stemmer(name, 0).stemWord  # 0: no C-side cache, ours is per caller
    except KeyError:
        stem = None

    cache: dict[str, str] = {}

    def stem_word(word: str) -> str:
        hit = cache.get(word)
        if hit is None:
            lowered = word.lower().replace("’", "'")
            hit = stem(lowered) if stem is not None else lowered
            cache[word] = hit
        return hit

    return stem_word
