"""The brief's one analysis pass: each sentence tokenised once, and shared with the rankers."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefer import api, stemming, tokens
from briefer.brief import analysis, make_brief
from briefer.brief.analysis import analyse, tokenize
from briefer.rank import terms
from briefer.stemming import stemmer

# Words at the edges of the two tokenisations: dotted abbreviations, initials, possessives,
# digits inside and after words, inner and trailing hyphens and apostrophes, curly quotes,
# accents, and a line break inside a sentence.
TRICKY = (
    "The U.S.-based firm said covid-19 and rock'9n'roll hit J. Smith's sales. Trump’s aide "
    "O'Neil's e-mail- said -y 'quoted' ’tis X86 and 6PR and 2nd and 3G. Then A.B. Jones and "
    "J.\nK. Rowling met the U.S. Army at Österreich's edge; it's foo'\nbar, ñandú-Ü."
)
DOCS = (
    "Storm hits coast\n\nA storm hit the coast of Lima on Monday, officials said. Thousands "
    "of homes lost power as winds reached 120 km/h. The mayor of Lima, Ana Ruiz, said crews "
    "were working through the night. Schools will stay closed on Tuesday.",
    "Lima storm aftermath\n\nCrews restored power to most homes in Lima on Tuesday. Ana "
    "Ruiz said the storm was the worst in a decade. Officials said schools would reopen on "
    "Wednesday. " + TRICKY,
)


def test_a_views_words_are_the_rankers_words_of_its_sentence() -> None:
    doc = api.split(TRICKY)
    found = analysis.analysis_pass([doc], stemmer("english"), frozenset())
    assert len(found.views) == len(doc.sentences) > 2
    rows = terms.WordRows([v.words for v in found.views], found.words)
    for view, words in zip(found.views, rows, strict=True):
        assert list(words) == tokens.words(view.sentence.text)


def test_tokens_carry_offsets_folds_stems_and_capitals() -> None:
    found = tokenize("Trump’s aide met María in the U.S.", 10, stemmer("english"))
    assert [t.text for t in found] == ["Trump", "aide", "met", "María", "in", "the", "U.S."]
    trump, maria = found[0], found[3]
    assert (trump.start, trump.end, trump.possessive, trump.capital) == (10, 15, True, True)
    assert (maria.fold, maria.capital) == ("maria", True)
    assert not found[1].capital and found[1].stem == "aid"


def test_a_views_casing_is_what_reading_its_tokens_one_by_one_finds() -> None:
    text = DOCS[0] + "\n\nLIMA STORM: CREWS WORK ON. Ana said it: DON'T panic in LIMA."
    doc = api.split(text)
    views = analyse([doc], stemmer("english"), frozenset())
    assert any(v.shouting for v in views) and not all(v.shouting for v in views)
    for view in views:
        tokens = view.tokens
        assert view.capitals == tuple(i for i, t in enumerate(tokens) if t.capital)
        assert view.lower == tuple(t.fold for t in tokens if t.text[:1].islower())
        words = [t.text for t in tokens if len(t.text) > 1]
        assert view.shouting == (len(words) >= 2 and
                                 sum(w.isupper() for w in words) > len(words) / 2)
        assert view.shouting == analysis.shouting(tokens)


@pytest.mark.parametrize("algorithm", ["pyramid", "pacsum", "lsa", "luhn", "sumbasic", "kl",
                                       "lexrank", "textrank", "reduction"])
def test_a_brief_tokenises_each_sentence_once(monkeypatch: pytest.MonkeyPatch,
                                              algorithm: str) -> None:
    docs = [api.split(text) for text in DOCS]
    sentences = {s.text for d in docs for s in d.sentences}
    spans: list[tuple[str, int, int]] = []
    real_tokens = analysis._Types.tokens

    def counting(self, text: str, start: int, end: int):  # type: ignore[no-untyped-def]
        spans.append((text, start, end))
        return real_tokens(self, text, start, end)

    real_words = tokens.words
    again: list[str] = []

    def words(text: str) -> list[str]:
        if " ".join(text.split()) in sentences:
            again.append(text)
        return real_words(text)

    monkeypatch.setattr(analysis._Types, "tokens", counting)
    monkeypatch.setattr(tokens, "words", words)
    brief = make_brief(docs, algorithm=algorithm)
    assert brief.sections
    body = [(d.text, s.start, s.end) for d in docs for s in d.sentences]
    assert sorted(k for k in spans if k in set(body)) == sorted(body)  # each exactly once
    assert again == []  # the ranker used the analysis pass's words


def test_shared_words_give_the_same_scores_as_tokenising_again() -> None:
    doc = api.split(DOCS[1])
    found = analysis.analysis_pass([doc], stemmer("english"), frozenset())
    words = tuple(tuple(tokens.words(s.text)) for s in doc.sentences)
    rows = terms.WordRows([v.words for v in found.views], found.words)
    assert tuple(rows) == words and rows[1] == words[1] and rows[1:3] == list(words[1:3])
    for algorithm in ("pyramid", "lsa", "luhn", "sumbasic", "kl", "lexrank", "textrank"):
        assert api.rank(doc, algorithm, words) == api.rank(doc, algorithm)
        assert api.rank(doc, algorithm, rows) == api.rank(doc, algorithm)


def test_the_passs_stems_give_the_same_scores_as_stemming_again() -> None:
    for language, text in (("english", DOCS[1]), ("spanish", "El ministro dijo que sí. "
                           "Los ministros llegaron a Lima el lunes. Ana Ruiz habló.")):
        doc = api.split(text)
        found = analysis.analysis_pass([doc], stemmer(language), tokens.stop_words(language))
        words = tuple(terms.WordRows([v.words for v in found.views], found.words))
        assert set(found.terms) == {w for row in words for w in row}
        for algorithm in ("pyramid", "pacsum"):
            assert api.rank(doc, algorithm, words, found.terms) == api.rank(doc, algorithm)
        rows = [list(row) for row in words]
        mine = terms.content_entries(rows, language, found.terms)
        theirs = terms.content_entries(rows, language)
        assert [a.tolist() for a in mine[:3]] == [a.tolist() for a in theirs[:3]]
        assert mine[3] == theirs[3]


def test_a_brief_ranks_with_the_passs_stems(monkeypatch: pytest.MonkeyPatch) -> None:
    docs = [api.split(text) for text in DOCS]
    from briefer.brief.assembly import plan_brief

    plan = plan_brief(docs)
    stemmed: list[str] = []
    real = stemming.stemmer

    def counting(language: str = "english"):  # type: ignore[no-untyped-def]
        stem = real(language)

        def counted(word: str) -> str:
            stemmed.append(word)
            return stem(word)

        return counted

    monkeypatch.setattr(stemming, "stemmer", counting)
    assert make_brief(docs, plan=plan).sections
    # The ranker stemmed nothing again, but the headlines' words (which the pyramid ranker
    # compares with the opening sentences, and which are not the sentences' words).
    assert stemmed and set(stemmed) <= {w.lower() for d in docs for w in tokens.words(d.title)}


def test_content_counts_is_count_matrix_of_sentence_terms() -> None:
    sentences = [s.text for text in DOCS for s in api.split(text).sentences]
    rows = [tokens.words(s) for s in sentences]
    for language in ("english", "spanish"):
        expected, _ = terms.count_matrix(terms.sentence_terms(sentences, language))
        got = terms.content_counts(rows, language)
        assert got.shape == expected.shape
        assert got.indptr.tolist() == expected.indptr.tolist()
        assert got.indices.tolist() == expected.indices.tolist()  # same column order
        assert got.data.tolist() == expected.data.tolist()
    empty = terms.content_counts([[], ["the"]])
    assert empty.shape == (2, 1) and empty.nnz == 0


#: The sentence tokens' pattern as first written: a look-ahead after each letter of a word.
LOOKAHEAD_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}|[A-Z]\.(?=\s+[A-Z])|[^\W\d_](?:[^\W_]|['’\-](?=[^\W_]))*")
PIECES = st.sampled_from(["a", "Zé", "ß", "ı", "日本", "'", "’", "-", "--", "_", "1", "2nd",
                          " ", "\u0301", "n't", "x-ray", "\n", ".", "U.S.", "J. ", "A.B",
                          "O'Neil", "l’été", "ab-", "covid-19", "'s"])


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(PIECES | st.text(max_size=4), max_size=12).map("".join),
       st.integers(0, 3), st.integers(0, 3))
def test_the_token_pattern_finds_what_the_look_ahead_pattern_found(text: str, cut: int,
                                                                  short: int) -> None:
    # As the pass uses it: over a stretch of the text (pos, endpos), so look-aheads stop
    # at the stretch's end.
    end = max(cut, len(text) - short)
    found = [m.span() for m in analysis._TOKEN.finditer(text, cut, end)]
    assert found == [m.span() for m in LOOKAHEAD_TOKEN.finditer(text, cut, end)]


def test_the_passs_word_numbers_are_term_ids_own() -> None:
    """The numbers of one document's pass are taken as they are; a document of a pass over
    several is numbered again, as if alone: term_ids gives what it gives for the words."""
    docs = [api.split(text) for text in DOCS]
    found = analysis.analysis_pass(docs, stemmer("english"), frozenset())
    for d in range(len(docs)):
        rows = terms.WordRows([v.words for v in found.views if v.doc == d], found.words)
        mine, theirs = terms.term_ids(rows), terms.term_ids([list(r) for r in rows])
        assert [a.tolist() for a in mine[:2]] == [a.tolist() for a in theirs[:2]]
        assert list(mine[2].items()) == list(theirs[2].items())
    assert terms.term_ids(terms.WordRows([(), ()], []))[1].tolist() == [0, 0, 0]
