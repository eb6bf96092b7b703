"""Shared fixtures: paths to the repo's seeds and to the evaluation data beside the repo."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(autouse=True)
def _isolated_config(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
                     ) -> None:
    """No test reads or writes the real user's config or templates."""
    monkeypatch.setenv("BRIEFER_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture
def seed_path() -> Path:
    return SEEDS / "venezuela-mexico.txt"


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not beside the repo")
    return SHARED_DATA



@pytest.fixture
def sumy_stems_like_briefer(monkeypatch: pytest.MonkeyPatch) -> None:
    """Give sumy's algorithms briefer's stemmer (PyStemmer) instead of NLTK's, so parity
    tests compare the algorithms on the same stems: the two Snowball versions differ on a
    few words ("added", "university"; see :mod:`briefer.stemming`), which would otherwise
    show as score differences that are not the ranker's."""
    from briefer import stemming, tokens

    monkeypatch.setattr(tokens, "make_stemmer", stemming.stemmer)
