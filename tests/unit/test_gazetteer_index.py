"""The gazetteer's first-word index finds exactly what trying every length finds."""

from __future__ import annotations

from pathlib import Path

from briefer import api
from briefer.brief.analysis import analyse
from briefer.brief.gazetteer import Gazetteer, load_gazetteer
from briefer.stemming import stemmer

SEED = Path(__file__).resolve().parents[2] / "seeds" / "venezuela-mexico.txt"
PLACES = (
    "Officials in New York City, the Democratic Republic of the Congo and Bosnia and "
    "Herzegovina met Venezuelans, Mexicans and the United States envoy in Mexico City. "
    "South Korea and the United Kingdom sent the Saudi Arabian minister to Rio de Janeiro, "
    "New Delhi and Los Angeles, where New Yorkers and the United Nations waited."
)


def test_the_first_word_index_matches_the_search_of_every_length() -> None:
    indexed = load_gazetteer()
    assert max(indexed.starts.values()) > 2  # "democratic republic of the congo"
    plain = Gazetteer(indexed.entries, indexed.longest)  # no index: tries every length
    docs = [api.split(PLACES), api.split(SEED.read_text(encoding="utf-8"))]
    found = 0
    for view in analyse(docs, stemmer("english"), frozenset()):
        for i in range(len(view.tokens)):
            expected = plain.match(view.tokens, i)
            assert indexed.match(view.tokens, i) == expected
            found += expected is not None and expected[0] > 1
    assert found >= 10  # multi-word names were among them
