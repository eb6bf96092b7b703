"""Sentence rankers: a registry of name -> function(RankInput) -> one score per sentence.

A ranker is any callable that takes a :class:`RankInput` and returns one float per sentence,
higher meaning "more worth keeping".  The registry maps names to ``"module:function"`` strings
and imports a ranker only when it is asked for, so ``briefer --help`` and the rankers that are
not used cost nothing at start-up (the pattern sumy's CLI uses with its dict of summarizers).

Selection (top-N, ties, source order) lives in :mod:`briefer.select`, not here, so every
ranker is judged by the same rule.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RankInput:
    """What a ranker sees of a document.

    ``paragraphs[i]`` is the paragraph number of sentence ``i`` (Edmundson's location method
    and position priors use it); ``title`` is the detected headline, if any.  ``words``, when
    given, are each sentence's :func:`briefer.tokens.words`, already found by whoever read
    the sentences (a brief's analysis pass), so a ranker need not tokenise them again; read
    them through :func:`briefer.rank.terms.sentence_words`.  ``stems``, when given with
    ``words``, maps every one of those words to its content stem in ``language`` (None for
    a stop word), so the TF-IDF rankers (pacsum, pyramid) need not stem them again.
    """

    sentences: tuple[str, ...]
    paragraphs: tuple[int, ...] = ()
    title: str | None = None
    language: str = "english"
    words: Sequence[Sequence[str]] | None = None
    stems: Mapping[str, str | None] | None = None


Ranker = Callable[[RankInput], Sequence[float]]


class UnknownAlgorithm(ValueError):
    """Raised for a ranker name that is not in the registry."""


# name -> "module:function".  Our own vectorised rankers are the defaults; the "sumy-" names
# run sumy's reference implementations through the adapter in briefer.rank.sumy_adapter.
REGISTRY: dict[str, str] = {
    "lead": "briefer.rank.lead:rank",
    "pacsum": "briefer.rank.position:rank",
    "pyramid": "briefer.rank.position:rank_pyramid",
    "lexrank": "briefer.rank.graph:rank_lexrank",
    "textrank": "briefer.rank.graph:rank_textrank",
    "reduction": "briefer.rank.graph:rank_reduction",
    "lsa": "briefer.rank.lsa:rank_lsa",
    "luhn": "briefer.rank.frequency:rank_luhn",
    "sumbasic": "briefer.rank.frequency:rank_sumbasic",
    "kl": "briefer.rank.frequency:rank_kl",
    "sumy-lexrank": "briefer.rank.sumy_adapter:rank_lexrank",
    "sumy-textrank": "briefer.rank.sumy_adapter:rank_textrank",
    "sumy-lsa": "briefer.rank.sumy_adapter:rank_lsa",
    "sumy-luhn": "briefer.rank.sumy_adapter:rank_luhn",
    "sumy-edmundson": "briefer.rank.sumy_adapter:rank_edmundson",
    "sumy-sumbasic": "briefer.rank.sumy_adapter:rank_sumbasic",
    "sumy-kl": "briefer.rank.sumy_adapter:rank_kl",
    "sumy-reduction": "briefer.rank.sumy_adapter:rank_reduction",
}

#: Edmundson has no vectorised implementation (issue 6 does not ask for one, and it needs
#: cue words sumy does not ship): its plain name runs sumy's.
REGISTRY["edmundson"] = REGISTRY["sumy-edmundson"]

DEFAULT_ALGORITHM = "pyramid"


def algorithm_names() -> list[str]:
    """All registered ranker names, sorted."""
    return sorted(REGISTRY)


def get_ranker(name: str) -> Ranker:
    """Import and return the ranker registered as ``name``."""
    try:
        target = REGISTRY[name.lower()]
    except KeyError:
        known = ", ".join(algorithm_names())
        raise UnknownAlgorithm(f"unknown algorithm {name!r} (choose from: {known})") from None
    module_name, _, attr = target.partition(":")
    return getattr(importlib.import_module(module_name), attr)
