"""A small gazetteer: countries, their capitals, big cities and demonyms, regions, and a few
international organisations, shipped as ``briefer/data/gazetteer.tsv``.

Why: a story about Venezuela says "Venezuelan", "Caracas" and "Venezuela’s" as often as
"Venezuela", and without a model the only offline way to know they are one place is a list.
The list is general (every country, not the places of any one article); the names of a
particular story's people and organisations come from the text itself (see
:mod:`briefer.brief.entities`) or from a template.

Each line is ``alias<TAB>canonical<TAB>type``; ``type`` is ``country``, ``alias``
("U.S."), ``demonym`` ("Venezuelan"), ``capital``, ``city``, ``state`` (a state or
province: "Texas", "Queensland"), ``region`` or ``organisation``.  A capital, city or state
stands for its country, more weakly than the country's own name (``Entry.strength``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from briefer.brief.analysis import Token, term_tokens

PLACE_TYPES = frozenset({"country", "alias", "demonym", "capital", "city", "state", "region"})


@dataclass(frozen=True, slots=True)
class Entry:
    """One name in the gazetteer and what it stands for."""

    alias: str
    canonical: str
    type: str

    @property
    def kind(self) -> str:
        """The entity kind: ``place`` or ``organisation``."""
        return "place" if self.type in PLACE_TYPES else "organisation"

    @property
    def strength(self) -> float:
        """How surely a mention of this alias is about the canonical place: a city or state is
        a place in the country, not the country's government or people, so it counts half."""
        return 0.5 if self.type in {"capital", "city", "state"} else 1.0


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Lookup by folded token sequence; ``longest`` is the most tokens any alias has."""

    entries: dict[tuple[str, ...], Entry]
    longest: int

    def match(self, tokens: Sequence[Token], i: int, *, capitals_only: bool = True
              ) -> tuple[int, Entry] | None:
        """The longest entry starting at ``tokens[i]``: (tokens used, entry), or None.

        A place name is capitalised, so ``capitals_only`` skips a lower-case start
        ("china" the porcelain, "turkey" the bird).  A plural demonym ("Venezuelans") is
        found through its singular.
        """
        if capitals_only and not tokens[i].capital:
            return None
        for n in range(min(self.longest, len(tokens) - i), 0, -1):
            key = tuple(t.fold for t in tokens[i:i + n])
            entry = self.entries.get(key)
            if entry is None and key[-1].endswith("s"):
                singular = self.entries.get((*key[:-1], key[-1][:-1]))
                if singular is not None and singular.type == "demonym":
                    entry = singular
            if entry is not None:
                return n, entry
        return None

    def lookup(self, name: str) -> Entry | None:
        """The entry for a whole name ("Mexico City"), if there is one."""
        return self.entries.get(tuple(t.fold for t in term_tokens(name, str)))

    def canonical_names(self) -> frozenset[str]:
        return frozenset(e.canonical for e in self.entries.values())


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Read the shipped gazetteer once (a few hundred lines that never change)."""
    data = resources.files("briefer").joinpath("data/gazetteer.tsv").read_text(encoding="utf-8")
    entries: dict[tuple[str, ...], Entry] = {}
    for line in data.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        alias, canonical, kind = line.split("\t")
        key = tuple(t.fold for t in term_tokens(alias, str))
        if key and key not in entries:
            entries[key] = Entry(alias, canonical, kind)
    return Gazetteer(entries, max((len(k) for k in entries), default=1))
