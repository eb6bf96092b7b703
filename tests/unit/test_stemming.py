"""briefer's stemmer: Snowball in C, per language, owned by its caller."""

from __future__ import annotations

from briefer import stemming, tokens


def test_english_stems_agree_with_nltk_on_ordinary_words() -> None:
    ours, nltk = stemming.stemmer(), tokens.make_stemmer()
    for word in ("warned", "warns", "Running", "governments", "elections", "city’s"):
        assert ours(word) == nltk(word), word


def test_languages_by_name_or_code_and_unknown_ones_only_lower_case() -> None:
    assert stemming.stemmer("german")("Häuser") == stemming.stemmer("de")("Häuser") == "haus"
    assert stemming.stemmer("spanish")("corriendo") == "corr"
    assert stemming.stemmer("klingon")("Qapla’") == "qapla'"
    assert "english" in stemming.algorithms()


def test_each_stemmer_is_its_own() -> None:
    a, b = stemming.stemmer(), stemming.stemmer("french")
    assert a("nations") == "nation" and b("nations") == "nation"
    assert a is not stemming.stemmer(), "no stemmer shared behind the caller's back"


def test_a_vocabulary_stemmed_at_once_gets_each_words_own_stem() -> None:
    """:func:`stemming.prepared` folds the words joined, :func:`stemming.stem_words` stems
    them in one call: the same strings as word by word, a final capital sigma included
    (its lower case depends on what follows it)."""
    words = ["Running", "city’s", "CITY'S", "ΟΔΟΣ", "ΣΑΣ", "Σ", "İstanbul", "Straße",
             "don’t", "well-known", "ǅemal"]
    lowered, straightened = stemming.prepared(words)
    assert lowered == [w.lower() for w in words]
    assert straightened == [w.lower().replace("’", "'") for w in words]
    for language in ("english", "greek", "de", "klingon"):
        one_by_one = stemming.stemmer(language)
        assert stemming.stem_words(straightened, language) == [one_by_one(w) for w in words]
    assert stemming.prepared([]) == ([], [])
    assert stemming.prepared(["A\nB", "Ç"]) == (["a\nb", "ç"], ["a\nb", "ç"])  # one by one
