"""The English name briefer shows for each country, shared by the data-building scripts.

GeoNames, the CLDR and the hand-written ``briefer/data/gazetteer.tsv`` each name some
countries their own way ("The Netherlands", "Türkiye", "Congo - Kinshasa" against
"Netherlands", "Turkey", "Democratic Republic of the Congo"); a text that writes one and a
text that writes another name one country, so every generated list names it as the
hand-written gazetteer does, and failing that as GeoNames does.
"""

from __future__ import annotations

from pathlib import Path

from briefer.brief.gazetteer import folded_key

GAZETTEER = Path(__file__).resolve().parents[1] / "briefer" / "data" / "gazetteer.tsv"


def gazetteer_countries() -> dict[str, str]:
    """Folded key of each country name or alias ``gazetteer.tsv`` writes -> its name there."""
    countries: set[str] = set()
    rows = []
    for line in GAZETTEER.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            alias, canonical, kind = line.split("\t")
            rows.append((alias, canonical, kind))
            if kind == "country":
                countries.add(canonical)
    out: dict[str, str] = {}
    for alias, canonical, kind in rows:
        if canonical in countries and kind in {"country", "alias"}:
            out.setdefault(folded_key(alias), canonical)
    return out


def english_name(names: list[str], known: dict[str, str]) -> str:
    """The first of ``names`` (a country's names, most trusted first) the gazetteer knows,
    as it writes it; else the first of them."""
    return next((known[folded_key(n)] for n in names if folded_key(n) in known),
                names[0].strip())  # (GeoNames ends one name in a space)
