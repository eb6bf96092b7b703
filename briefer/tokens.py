"""Words, stems and stop words: what every ranker counts.

The word pattern is sumy's own test for a "word" (``Tokenizer._WORD_PATTERN``: a letter, then
letters, apostrophes or hyphens), applied with ``findall`` over the sentence instead of after
NLTK's Treebank tokenizer.  That keeps sumy's notion of a word while needing no NLTK data
(``nltk.word_tokenize`` loads the Punkt model) and running an order of magnitude faster.

:func:`make_stemmer` is NLTK's Snowball stemmer, the one sumy uses, for sumy's own algorithms;
briefer's rankers and briefs stem with :func:`briefer.stemming.stemmer` (the same algorithms in
C).  Stop words come from the list that ships inside sumy for English, from Snowball's lists
in ``briefer/data/languages`` for the other languages.  None of it needs a download.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from functools import lru_cache
from types import ModuleType

#: sumy's pattern is ``[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*`` (a letter, then letters, or an
#: apostrophe or hyphen followed by a letter); this one matches exactly the same words with
#: runs instead of a look-ahead per letter, a third faster (``tests/unit/test_tokens.py``).
WORD_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")

#: A word as a reader counts it, for lengths and comparisons rather than ranking: a run of
#: letters or digits with at most one inner apostrophe ("don't", "Trump’s", "2024").  Digits
#: count here (a headline or a quotation of "10 killed" has three words), unlike
#: :data:`WORD_RE`, which keeps sumy's letters-only notion of a term.
COUNT_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


def words(text: str) -> list[str]:
    """The words of ``text`` in order, as written (no case folding)."""
    return WORD_RE.findall(text)


@lru_cache(maxsize=8)
def stop_words(language: str = "english") -> frozenset[str]:
    """The stop words of ``language`` (lower case): for English sumy's list, read from the
    installed package; for Spanish, Portuguese, French, German and Italian Snowball's lists
    from briefer's language data (sumy's Spanish list lacks "de", "que", "no", "y", "a",
    "se", "del", "al", the commonest words of the language)."""
    from briefer.language import code_of, language_data

    code = code_of(language)
    if code is not None and code != "en":
        return language_data(code).stopwords
    try:
        data = _sumy_data(f"stopwords/{language}.txt")
    except (FileNotFoundError, OSError):
        return frozenset()
    return frozenset(w.strip() for w in data.splitlines() if w.strip())


def _sumy_data(name: str) -> str:
    """A text file of sumy's ``data`` folder (see :func:`package_text`)."""
    import sumy

    return package_text(sumy, f"data/{name}")


def package_text(package: ModuleType, name: str) -> str:
    """A text file shipped inside ``package`` (``name`` relative to its folder): read from
    the folder the package was imported from, where it is installed as files (always, with
    pip); through importlib.resources only when it is not (a zip), as ``resources.files``
    imports its readers and ``zipfile`` first, 2-10 ms of every command's start-up."""
    folder = os.path.dirname(package.__file__ or "")
    try:
        # Bytes decoded at once, and newlines translated as text mode would (universal
        # newlines): the same text, a third of text mode's time on 1.7 MB of place names.
        with open(os.path.join(folder, *name.split("/")), "rb") as handle:
            text = handle.read().decode("utf-8")
        return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
    except FileNotFoundError:
        from importlib import resources

        return resources.files(package.__name__).joinpath(name).read_text(encoding="utf-8")


def import_snowball() -> type:
    """NLTK's ``SnowballStemmer`` class, imported without ``scipy.stats``.

    Importing anything from NLTK runs ``nltk/__init__``, which imports ``nltk.metrics``, whose
    association measures try ``from scipy.stats import fisher_exact`` (and two modules try
    similar) -- 0.7 s of a one-second start-up, for functions briefer never calls.  Each of
    those imports is guarded by ``except ImportError`` with a fallback, so while NLTK loads,
    ``scipy.stats`` is marked unimportable (``sys.modules[name] = None``, the documented way)
    and afterwards the mark is removed: a later ``import scipy.stats`` works as usual.  When
    scipy.stats (or NLTK) is already loaded, nothing is changed.
    """
    import sys

    if "nltk" not in sys.modules and "scipy.stats" not in sys.modules:
        sys.modules["scipy.stats"] = None  # type: ignore[assignment]
        try:
            from nltk.stem.snowball import SnowballStemmer
        finally:
            if sys.modules.get("scipy.stats", 0) is None:
                del sys.modules["scipy.stats"]
        return SnowballStemmer
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer


def make_stemmer(language: str = "english") -> Callable[[str], str]:
    """A caching Snowball stemmer for ``language``; it lower-cases its input first.

    The cache lives in the returned closure, so each caller owns its memory and nothing is
    global.  News vocabularies are small (tens of thousands of types for megabytes of text).
    """
    SnowballStemmer = import_snowball()
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
