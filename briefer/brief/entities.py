"""Who and where: the people, places and organisations a text names, found without a model.

The method is the classic rule-based one (capitalised-phrase candidates, a gazetteer, and
cues from the text itself; cf. Mikheev, Moens & Grover 1999, "Named entity recognition
without gazetteers", for using a document's own capitalisation as evidence):

1. **Places** come first, from the shipped gazetteer (:mod:`briefer.brief.gazetteer`):
   the longest capitalised match wins ("Mexico City" before "Mexico"), and "Venezuelan",
   "Caracas" and "U.S." name their country.  A match glued to another capitalised word is
   part of a longer name and is left to step 2 ("Michael Jordan", "Washington Post").
2. **Capitalised runs** of the remaining words ("María Corina Machado", "Cartel de los
   Soles"; lower-case particles such as *de*, *of*, *bin* may sit inside) are candidates.  At
   the start of a sentence a capital proves nothing, so a first word is dropped when it is a
   stop word or the text also writes it in lower case, and a lone first word is kept only if
   the text capitalises it mid-sentence too.  Leading titles ("President", "Defense
   Secretary") are cut off and remembered, so "the president" can later be resolved to a
   person.
3. **Kinds**: a run with an organisation word (Ministry, Party, Cartel, ...) or an acronym is
   an organisation; two to four plain name words are a person; a lone word that is the
   surname of a person named in full ("Maduro" after "Nicolás Maduro") is that person.
   Anything else is "other".
4. **Salience** is the number of sentences that name an entity (so one repeated in a single
   sentence does not dominate), ties broken by first appearance.  A headline's places and
   people add to an entity's *reach* (what the text is about) without adding to its count.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from itertools import groupby
from operator import attrgetter, itemgetter
from typing import NamedTuple

from briefer.brief.analysis import Token, View, fold
from briefer.brief.gazetteer import (
    WITHIN_TYPES,
    Cues,
    Entry,
    Gazetteer,
    NameLists,
    cues_for,
    load_cues,
    load_names,
)
from briefer.brief.model import Entity

#: A mention's sentence and name (for ``groupby`` and ``map``).
_VIEW = attrgetter("view")
_NAME = attrgetter("name")
#: After a name: "(OAS)" defines an acronym for it.
_ACRONYM_DEFINED = re.compile(r"\s*\(\s*([A-Z][A-Za-z&.]{1,9})\s*\)")
#: After a name: ", 45," is an age, so the name is a person's.
_AGE = re.compile(r"\s*,\s*(?:aged\s+)?\d{1,3}\s*[,)]")
_BASED = re.compile(r"-based$", re.IGNORECASE)
#: Titles written with a full stop that does not end the sentence ("Dr. Green").
_TITLE_ABBREVIATIONS = frozenset(t for t in load_cues().titles if len(t) <= 4)
#: Abbreviations that open a place's name with a full stop: "St. Louis", "Mt. Everest".
_PLACE_ABBREVIATIONS = frozenset({"st", "mt", "ft"})




class Mention(NamedTuple):
    """One place in the text that names an entity.

    A named tuple, as :class:`~briefer.brief.analysis.Token` and ``View`` are: a megabyte of
    news makes 7,400 of them and remakes 800 (``_replace``), and a frozen dataclass's
    ``__init__`` (one ``object.__setattr__`` a field) and :func:`dataclasses.replace` cost
    three times as much.
    """

    view: int  # position of the sentence in the list of views
    start: int  # offsets into the document's text
    end: int
    name: str  # the entity's canonical name
    kind: str  # "person", "place", "organisation", "other"
    strength: float = 1.0  # how surely it means the entity (a capital names its country weakly)
    titles: tuple[str, ...] = ()  # folded title words written before the name
    alias: str = ""  # the gazetteer alias it was found by, for places
    country: str = ""  # the country a gazetteer place lies in ("Caracas": "Venezuela")

    @property
    def about(self) -> str:
        """What the mention is about for section discovery: a city stands for its country."""
        return self.country if self.kind == "place" and self.country else self.name


@dataclass(frozen=True, slots=True)
class Cast:
    """Every mention, the entities ranked by salience, and which sentences name each one.

    ``sentences``, ``first`` and ``entities`` are keyed by the names a reader sees
    ("Caracas"); ``reach`` and ``docs`` by what the mentions are about (:attr:`Mention.about`,
    "Venezuela"), for section discovery.
    """

    mentions: tuple[Mention, ...]
    by_view: tuple[tuple[Mention, ...], ...]
    entities: tuple[Entity, ...]
    sentences: dict[str, frozenset[int]]
    first: dict[str, int]  # view position of each entity's first mention
    reach: dict[str, frozenset[int]] = field(default_factory=dict)  # sentences and headlines
    kinds: dict[str, str] = field(default_factory=dict)
    docs: dict[str, frozenset[int]] = field(default_factory=dict)  # documents naming each
    total: int = 0  # sentences and headlines searched
    # Indexes for looking back from a quotation without scanning every mention (quotes.py):
    # each document's mentions in text order, and person mentions by the title before them,
    # both in (view, start) order.
    by_doc: dict[int, tuple[Mention, ...]] = field(default_factory=dict)
    titled: dict[str, tuple[Mention, ...]] = field(default_factory=dict)

    def kind_of(self, name: str) -> str:
        return self.kinds.get(name, "other")


@dataclass(slots=True)
class _Run:
    view: int
    tokens: list[Token]
    titles: tuple[str, ...]
    cue: str = ""  # "person" or "place" when the words around the run say so
    acronym: str = ""  # an acronym the text defines for the run: "... States (OAS)"


@dataclass(frozen=True, slots=True)
class _Evidence:
    """What the whole text says about its words, gathered before any sentence is read."""

    stop: frozenset[str]
    lower_forms: frozenset[str]  # words the text writes in lower case
    mid_capitals: frozenset[str]  # words it capitalises where grammar does not ask it to
    mixed: dict[str, str]  # fold -> the word as written in mixed case ("prague": "Prague")
    shouting: frozenset[int]  # views written in capitals (headlines, datelines)
    cues: Cues
    names: NameLists
    demonyms: dict[str, str] = field(default_factory=dict)  # "venezolano": "Venezuela"
    lowered: frozenset[int] = frozenset()  # documents stored lower-cased
    written: dict[str, str] = field(default_factory=dict)  # "qpr": "QPR" (mixed-case docs)
    #: The first two words of the gazetteer's names of two words or more ("new york").
    pairs: frozenset[str] = frozenset()


def find_entities(views: Sequence[View], gazetteer: Gazetteer, stop: frozenset[str],
                  headlines: Sequence[View] = (), language: str | Sequence[str] = "en"
                  ) -> Cast:
    """Find the entities named in ``views`` (all documents of a brief together).

    ``headlines`` are the documents' titles.  Title Case makes every word a
    candidate name there, so they are searched only for gazetteer places and for people the
    body names; what they find counts towards ``Cast.reach`` (what a text is about, for
    section discovery), not towards how often the body names an entity.  ``language``
    adds that language's words of office, organisation words, name particles and
    lower-case demonyms (``briefer/data/languages/``) to English's; it may be each
    document's language, by document index, and then the words of every language among them
    are added (as :mod:`briefer.brief.quotes` widens its lexicon), so a Spanish story
    briefed beside English ones is read with Spanish's words too.
    """
    languages = frozenset((language,) if isinstance(language, str) else language) or \
        frozenset({"en"})
    ev = replace(_evidence(views, stop, languages), pairs=gazetteer.pairs)
    places = _Places(gazetteer)
    mentions: list[Mention] = []
    runs: list[_Run] = []
    demonyms = bool(ev.demonyms)  # (else a place starts only at a capital: _place_starts)
    for n, view in enumerate(views):
        capitals = view.capitals
        claimed = _places(n, view, places, mentions, ev,
                          _place_starts(view, capitals, ev) if demonyms else capitals)
        runs += _runs(n, view, claimed, ev, capitals)
    mentions += _classify(runs, ev, gazetteer, views)
    mentions = _surnames_not_towns(views, mentions, ev, gazetteer)
    mentions = _without_units(views, mentions)
    mentions = _articled_people(views, mentions)
    mentions = _without_capitalised_nouns(views, mentions, ev, language, gazetteer)
    mentions = _without_common_bodies(views, mentions, ev)
    if "en" in languages:
        lower = _lower_cased_people(views, mentions, ev, gazetteer)
        # "tottenham manager mauricio pochettino": in a lower-cased copy the club a role
        # names is what its city's name means in that text ("Tottenham will subsidise")
        clubs = {(views[m.view].doc, m.name) for m in lower if m.kind == "organisation"}
        mentions = _as_clubs(views, [*mentions, *lower], clubs, frozenset({"place"}))
    mentions = _contested_clubs(views, mentions, ev, gazetteer)
    mentions.sort(key=attrgetter("view", "start"))
    # (the empty tuple for a sentence that names no one: most of them, so no list is made
    # for each sentence and turned into a tuple)
    by_view: list[tuple[Mention, ...]] = [()] * len(views)
    sentences: dict[str, set[int]] = defaultdict(set)
    kinds: dict[str, str] = {}
    first: dict[str, int] = {}
    reach: dict[str, set[int]] = defaultdict(set)
    said = Counter(map(_NAME, mentions))
    by_doc: dict[int, list[Mention]] = defaultdict(list)
    titled: dict[str, list[Mention]] = defaultdict(list)
    for n, group in groupby(mentions, key=_VIEW):  # (one pass for every index of the mentions)
        ms = by_view[n] = tuple(group)
        by_doc[views[n].doc] += ms
        for m in ms:
            name, about = m.name, m.about
            sentences[name].add(n)
            reach[about].add(n)
            kinds.setdefault(name, m.kind)
            first.setdefault(name, n)
            if about != name:
                kinds.setdefault(about, m.kind)
                first.setdefault(about, n)
            if m.kind == "person":
                for title in set(m.titles):
                    titled[title].append(m)
    # The people of the body by their folded surnames, once: a headline names those whose
    # surname it capitalises (asked of every person for each headline, a folder's 2,000
    # headlines made six million folds).
    people: dict[str, list[str]] = defaultdict(list)
    for name in dict.fromkeys(m.name for m in mentions if m.kind == "person"):
        people[fold(name.split()[-1])].append(name)
    for k, view in enumerate(headlines):
        at = len(views) + k
        found: list[Mention] = []
        _places(at, view, places, found, ev, _place_starts(view, view.capitals, ev))
        named = {m.about for m in found}
        folds = {t.fold for t in view.tokens if t.capital}
        named.update(name for f in folds for name in people.get(f, ()))
        for name in named:
            reach[name].add(at)
            kinds.setdefault(name, "place")
            first.setdefault(name, at)
    # Salience: sentences naming it, then mentions (a name said twice in one sentence is
    # more present than one said once), then the earlier first mention.
    ranked = sorted(sentences, key=lambda name: (-len(sentences[name]), -said[name],
                                                 first[name]))
    entities = tuple(Entity(name, kinds[name], len(sentences[name])) for name in ranked)
    all_views = [*views, *headlines]
    docs = {name: frozenset(all_views[n].doc for n in found) for name, found in reach.items()}
    return Cast(tuple(mentions), tuple(by_view), entities,
                {k: frozenset(v) for k, v in sentences.items()}, first,
                {k: frozenset(v) for k, v in reach.items()}, dict(kinds), docs,
                len(all_views), {d: tuple(ms) for d, ms in by_doc.items()},
                {t: tuple(ms) for t, ms in titled.items()})


def _without_capitalised_nouns(views: Sequence[View], mentions: list[Mention],
                               ev: _Evidence, language: str | Sequence[str],
                               gazetteer: Gazetteer) -> list[Mention]:
    """``mentions`` less the lone common nouns of a language that capitalises every noun.

    In German "Sanktionen", "Montag" and "Regierung" are capitalised as "Scholz" is, so
    the English evidence (a capital mid-sentence) finds them all.  What a name does not
    take is an article: a one-word mention with no kind, or a lone organisation word
    ("die Regierung"), that the text also writes after one of the language's
    ``noun_articles`` is a noun.  Acronyms ("der CDU") and the kinds the gazetteer or the
    names list gave (a person, a place: "die Ukraine") stay.  So does a person, unless the
    last word of the name is such a noun: "von Daten", "Verlust der Daten" and "Relevante
    Dokumente" were people, and every lone "Daten" was folded into them as a surname is
    ("die Daten"; news writes no article before a surname); and so does a place, unless it
    is a city, town, state or county of one word written so ("am Ende": Ende is a town in
    Indonesia; a country takes an article, "die Ukraine").  ``language`` is the text's,
    or each document's (see :func:`find_entities`): only documents in such a language are
    read so."""
    from briefer.language import SUPPORTED, language_data

    codes = {language} if isinstance(language, str) else set(language)
    articles = {code: found for code in codes - {"en"} if code in SUPPORTED
                and (found := language_data(code).noun_articles)}
    if not articles:
        return mentions  # (English's data file is not read for a plain brief)
    # The documents of each such language, or None for all (one language for the text).
    docs = None if isinstance(language, str) else {
        d for d, code in enumerate(language) if code in articles}
    words = frozenset().union(*articles.values())
    nouns: set[str] = set()
    for view in views:
        if docs is not None and view.doc not in docs:
            continue
        tokens = view.tokens
        nouns.update(tokens[i + 1].fold for i, t in enumerate(tokens[:-1])
                     if t.fold in words and tokens[i + 1].capital)
    org_words = ev.cues.org_words
    towns = {m.alias for m in mentions if m.kind == "place" and m.alias
             and " " not in m.alias and fold(m.alias) in nouns
             and (entry := gazetteer.lookup(m.alias)) is not None
             and entry.type in WITHIN_TYPES}

    def kept(m: Mention) -> bool:
        if docs is not None and views[m.view].doc not in docs:
            return True  # a document in a language that does not capitalise its nouns
        if m.kind == "person":
            return fold(m.name.split()[-1]) not in nouns
        if m.kind == "place":
            return m.alias not in towns
        return " " in m.name or m.name.isupper() or fold(m.name) not in nouns or not (
            m.kind == "other" or (m.kind == "organisation" and fold(m.name) in org_words))

    return [m for m in mentions if kept(m)]


def _token_at(view: View, start: int) -> int | None:
    """The position of the token of ``view`` that starts at offset ``start``, if one does."""
    return next((k for k, t in enumerate(view.tokens) if t.start == start), None)


def _surnames_not_towns(views: Sequence[View], mentions: list[Mention], ev: _Evidence,
                        gazetteer: Gazetteer) -> list[Mention]:
    """A town's name that is the surname of a person its document names in full is that
    person: "Radcliffe must decide" after "Paula Radcliffe", "Obama arrived" after "Barack
    Obama", "Eastwood", "Staunton" (all towns in GeoNames).  The gazetteer claims such a word
    before the capitalised runs are read, so the surname reading that every other lone
    surname gets never reached it.  Only one-word cities and towns (a country, a capital, a
    state or region stays: "beat France", "Douglas"), only people whose first word is a given
    name or who carry a title, and not after a preposition of place ("in Dallas")."""
    places = [m for m in mentions if m.kind == "place" and m.alias and " " not in m.alias]
    if not places:
        return mentions
    given = ev.names.given
    full: dict[tuple[int, str], str] = {}  # (document, folded surname) -> the person
    for m in mentions:
        if m.kind == "person" and " " in m.name:
            words = m.name.split()
            if fold(words[0]) in given or m.titles:
                full.setdefault((views[m.view].doc, fold(words[-1])), m.name)
    if not full:
        return mentions
    out: list[Mention] = []
    for m in mentions:
        person = None
        if m.kind == "place" and m.alias and " " not in m.alias:
            person = full.get((views[m.view].doc, fold(m.alias)))
        if person is not None:
            entry = gazetteer.lookup(m.alias)
            view = views[m.view]
            i = _token_at(view, m.start)
            if entry is None or entry.type not in {"city", "town"} or i is None or (
                    _locative_before(view, i, ev) and not view.tokens[i].possessive):
                person = None
        out.append(m if person is None else Mention(m.view, m.start, m.end, person, "person"))
    return out


#: A token's folded form and its text (for ``map``).
_FOLD = attrgetter("fold")
_TEXT = attrgetter("text")
#: A score in a sentence: "a 6-1 win", "drew 2 - 2" (a lower-cased copy spaces its dash).
_SCORE = re.compile(r"(?<![\d.,])\d{1,2} ?[-–] ?\d{1,2}(?![\d.,])")


def _contested_clubs(views: Sequence[View], mentions: list[Mention], ev: _Evidence,
                     gazetteer: Gazetteer) -> list[Mention]:
    """A city a sport sentence names as a side is its club, in every mention its document
    makes of it: "a 6-1 win against Porto" ... "Porto's defence", "Chelsea beat Portsmouth".

    Sport reports name clubs by their cities (CoNLL's annotation, and a reader, take them as
    organisations), and only the words of a contest say so.  A side is what one plays
    against, beats, faces or hosts (``Cues.contest_before``), or what a result is over, to,
    with or by (``contest_results``, ``contest_prepositions``); so is a city straight before
    "beat", "faces", "hosts" (before a result, "Porto lost 2-1", only with a score).  The
    sentence must hold a score or a sport word in lower case (not in a title: "Your Game")
    that is not the contest's own: "lost", "won" and "beat" are said of prices, prizes and
    rivals in business too.  A lone word with no kind counts as a place does ("Chelsea beat
    Portsmouth": "Chelsea", a town and a given name, needed evidence of either).

    Only cities and towns: a country's side stays its country, as news annotation has it
    ("beat France"), and a state or a capital is too often the place itself.  Not a town
    whose name is the surname of someone the document names ("beat Murray" is a tennis
    match; :func:`_surnames_not_towns` made those people).  As with the roles of a
    lower-cased copy (:func:`find_entities`), the whole document follows: a report that
    calls Porto a side calls it one throughout."""
    cues = ev.cues
    surnames = {(views[m.view].doc, fold(m.name.split()[-1])) for m in mentions
                if m.kind == "person"}
    clubs = _cities_with_side_roles(views, mentions, ev, gazetteer)
    sport = cues.sport_words - cues.contest_before - cues.contest_results
    contest_words = cues.contest_before | cues.contest_results
    contested: dict[int, bool] = {}  # view -> whether it holds a contest's word at all
    scores: dict[int, bool] = {}  # view -> whether it holds a score, asked only when read

    def scored(n: int) -> bool:
        # (a search of the whole sentence, 20 us for 170 characters: once per sentence,
        # and only where a result's word or no contest's sport word leaves it to decide)
        found = scores.get(n)
        if found is None:
            found = scores[n] = _SCORE.search(views[n].raw) is not None
        return found

    for m in mentions:
        if m.kind not in {"place", "other"} or (m.kind == "other" and " " in m.name):
            continue
        if m.view not in contested:  # (most sentences hold none: no token to look for)
            # (the folds tested in C, not a generator's step a token: most sentences hold
            # no contest's word, so every token is read; and first, as nothing else is
            # asked of a mention in such a sentence)
            contested[m.view] = not contest_words.isdisjoint(map(_FOLD, views[m.view].tokens))
        if not contested[m.view]:
            continue
        view = views[m.view]
        key = (view.doc, m.name)
        if key in clubs or (view.doc, fold(m.name)) in surnames:
            continue
        i = _token_at(view, m.start)
        if i is None:
            continue
        tokens = view.tokens
        j = i
        while j + 1 < len(tokens) and tokens[j].end < m.end:
            j += 1  # the mention's last token
        nxt = tokens[j + 1].fold if j + 1 < len(tokens) and not view.gap(
            tokens[j], tokens[j + 1]).strip() else ""
        # (a result said of a city, "Houston lost $2", needs a score to be a side's)
        if not (_contest_before(view, i, cues) or nxt in cues.contest_before
                and nxt != "against" or nxt in cues.contest_results and scored(m.view)):
            continue
        if not (scored(m.view) or any(t.fold in sport and not t.capital for t in tokens)):
            continue
        entry = gazetteer.lookup(m.alias or m.name)
        if entry is not None and entry.type in {"city", "town"}:
            clubs.add(key)
    return _as_clubs(views, mentions, clubs, frozenset({"place", "other", "person"}))


def _cities_with_side_roles(views: Sequence[View], mentions: list[Mention], ev: _Evidence,
                            gazetteer: Gazetteer) -> set[tuple[int, str]]:
    """(document, name) of each city or town a document names as a club by a role in it:
    "Barcelona president Josep Maria Bartomeu", "Newcastle manager Alan Pardew" (what
    :func:`_role_of_body_after` reads), or a role only a side has ("the former Barcelona
    boss", ``Cues.side_roles``).  As with a contest (:func:`_contested_clubs`), the whole
    document follows: a report that names the club's president is about the club."""
    found: set[tuple[int, str]] = set()
    cues = ev.cues
    side_roles = cues.side_roles
    roles = side_roles | cues.club_roles | cues.role_qualifiers
    for m in mentions:
        # (a person's name that a town opens, "Aston Villa", only before a role no person
        # holds another person's: "Aston Villa boss David O'Leary", not "Azarenka coach")
        if m.kind not in {"place", "organisation"} and not (
                m.kind == "person" and " " in m.name):
            continue
        view = views[m.view]
        # (the word after the mention first, in the raw text: most mentions have no role
        # after them, and finding their tokens is a walk along the sentence; a mention that
        # ends inside its token is no club's name: "the Galway-based coach")
        after = _WORD_AFTER.match(view.raw, m.end - view.sentence.start)
        if after is None or after.group(1) not in roles:
            continue
        key = (view.doc, m.name)
        if key in found:
            continue
        tokens = view.tokens
        j = _token_at(view, m.start)
        if j is None:
            continue
        while j + 1 < len(tokens) and tokens[j].end < m.end:
            j += 1  # the mention's last token
        if j + 1 >= len(tokens) or view.gap(tokens[j], tokens[j + 1]).strip() or not (
                tokens[j + 1].fold in side_roles and tokens[j + 1].text.islower()
                or _role_of_body_after(view, j + 1, ev)):
            continue
        if m.kind == "person":
            first = gazetteer.lookup(m.name.split()[0])
            if tokens[j + 1].fold in _PLAYERS_ROLES and first is not None and \
                    first.type in {"city", "town"}:
                found.add(key)
            continue
        entry = gazetteer.lookup(m.alias or m.name)
        if entry is not None and entry.type in {"city", "town"}:
            found.add(key)
    return found


#: The lower-case word straight after a mention, past blank space only.
_WORD_AFTER = re.compile(r"\s+([a-z]+)\b")
#: The side roles a person does not hold of another person ("Federer coach Paul Annacone"
#: is his coach; no one has a striker or a boss so).
_PLAYERS_ROLES = frozenset({"boss", "manager", "striker", "midfielder", "defender",
                            "goalkeeper", "keeper", "winger", "captain", "skipper"})


def _as_clubs(views: Sequence[View], mentions: list[Mention], clubs: set[tuple[int, str]],
              kinds: frozenset[str]) -> list[Mention]:
    """``mentions`` with each one of ``kinds`` whose (document, name) is in ``clubs`` made
    an organisation: a city its document names as a club is one in all its mentions."""
    if not clubs:
        return mentions
    return [m._replace(kind="organisation") if m.kind in kinds
            and (views[m.view].doc, m.name) in clubs else m for m in mentions]


def _contest_before(view: View, i: int, cues: Cues) -> bool:
    """Whether the words before token ``i`` make it a side: "against X", "beat X", "a
    victory over X", "lost to X" (see :func:`_contested_clubs`)."""
    if i == 0:
        return False
    tokens = view.tokens
    before = tokens[i - 1]
    if view.gap(before, tokens[i]).strip():
        return False
    return before.fold in cues.contest_before or (
        i >= 2 and before.fold in cues.contest_prepositions
        and tokens[i - 2].fold in cues.contest_results
        and not view.gap(tokens[i - 2], before).strip())


#: A number and one space just before a mention ("1200 GMT", "12,600 MW").
_AFTER_NUMBER = re.compile(r"\d\s\Z")
#: A number that may be a year opening a clause ("In 2004 IBM said").
_YEAR = re.compile(r"(?:19|20)\d\d\Z")


def _without_units(views: Sequence[View], mentions: list[Mention]) -> list[Mention]:
    """``mentions`` less the acronyms that are units: one that its document writes after a
    number every time it writes it ("1200 GMT", "12,600 MW", "a 40 GB drive", "6 USB
    ports") measures something; a body is not counted so.  A number that may be a year is
    no such evidence ("In 2004 IBM said"), unless another number is too."""
    # (document, acronym) -> for each mention: None when no number is before it, else
    # whether that number may be a year
    marks: dict[tuple[int, str], list[bool | None]] = defaultdict(list)
    for m in mentions:
        if m.kind != "organisation" or not (1 < len(m.name) <= 5 and m.name.isalpha()
                                            and m.name.isupper()):
            continue
        view = views[m.view]
        at = m.start - view.sentence.start
        before = view.raw[max(0, at - 8):at]
        number = _AFTER_NUMBER.search(before)
        marks[(view.doc, m.name)].append(
            None if number is None else bool(_YEAR.search(before.split()[-1])))
    units = {key for key, found in marks.items()
             if None not in found and False in found}
    if not units:
        return mentions
    return [m for m in mentions if (views[m.view].doc, m.name) not in units]


#: "the" just before a mention ("the Lib Dems", "The Beastie Boys").
_THE_BEFORE = re.compile(r"\b[Tt]he\s\Z")


def _articled_people(views: Sequence[View], mentions: list[Mention]) -> list[Mention]:
    """A "person" its document writes with "the" before the full name at least twice, and
    at half of the full name's mentions or more, is a body: news writes no article before a
    person's name, and does before a party, a band, an office or a show ("the Lib Dems",
    "the Beastie Boys", "the Land Registry", "the X Factor"; over the 2,324 CNN/DM and BBC
    articles every name this turns is one of those).  Once, it is a modifier's article ("the
    George W Bush administration"), so it takes two."""
    counts: dict[tuple[int, str], list[int]] = defaultdict(lambda: [0, 0])
    for m in mentions:
        if m.kind != "person" or " " not in m.name:
            continue
        view = views[m.view]
        at = m.start - view.sentence.start
        if " " not in view.raw[at:m.end - view.sentence.start]:
            continue  # a surname alone: only the full name is read
        tally = counts[(view.doc, m.name)]
        tally[1] += 1
        if _THE_BEFORE.search(view.raw[max(0, at - 4):at]):
            tally[0] += 1
    bodies = {key for key, (the, full) in counts.items() if the >= 2 and 2 * the >= full}
    if not bodies:
        return mentions
    return [m._replace(kind="organisation") if m.kind == "person"
            and (views[m.view].doc, m.name) in bodies else m for m in mentions]


def _without_common_bodies(views: Sequence[View], mentions: list[Mention],
                           ev: _Evidence) -> list[Mention]:
    """``mentions`` less a lone organisation word that its document uses as a common noun.

    Spanish, Portuguese, French and Italian news capitalise the institution itself ("el
    Gobierno", "o Governo", "le Gouvernement"), and British news often does ("the
    Government"), so the capital does not make the word a name.  What a name does not take is
    a qualifier saying which one is meant: a possessive before it ("su Gobierno", "its
    Government": whose?) or a lower-case demonym after it ("el Gobierno mexicano").  A
    document that writes one of those is naming bodies by a common noun, perhaps several
    of them ("su Gobierno", "el Gobierno acusa", "El Gobierno mexicano" were three
    governments in one story), and a list entry "Gobierno (3)" would tell a reader nothing;
    so that document's lone mentions of the word go.  Names of more than one word ("Gobierno
    de México") and acronyms stay, as does the word in documents that never qualify it.
    The possessives are data (``cues_en.toml`` and each language's file)."""
    org_words, possessives, demonyms = ev.cues.org_words, ev.cues.possessives, ev.demonyms
    lone = [m for m in mentions if m.kind == "organisation" and " " not in m.name
            and not m.name.isupper() and fold(m.name) in org_words]
    if not lone:
        return mentions
    common: set[tuple[int, str]] = set()  # (document, name)
    for m in lone:
        view = views[m.view]
        tokens = view.tokens
        i = _token_at(view, m.start)
        if i is None:
            continue
        before = tokens[i - 1] if i else None
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if (before is not None and before.fold in possessives
                and not view.gap(before, tokens[i]).strip()) or (
                after is not None and not after.capital and after.fold in demonyms
                and not view.gap(tokens[i], after).strip()):
            common.add((view.doc, m.name))
    if not common:
        return mentions
    return [m for m in mentions if (views[m.view].doc, m.name) not in common]


def _lower_cased_people(views: Sequence[View], found: Sequence[Mention], ev: _Evidence,
                        gazetteer: Gazetteer | None = None) -> list[Mention]:
    """People of documents stored lower-cased (the tokenised copies of CNN/DM), where no
    capital marks a name: :func:`briefer.brief.lowercased.find_names` reads them from a
    census given name or an honorific before a word, and a surname said again.  A
    mention where the capitalised reading already found one (a sentence's first word) is
    left to it.  Their places are gazetteer names that cannot be words: two words or more
    ("key biscayne"), or one that is no census name, no frequent English word and no
    "town" ("qatar", "mississauga"; not "jordan", "china", "reading")."""
    from briefer.brief import lowercased

    if not ev.lowered:
        return []  # (most briefs: no mention's start to index, no view to group)
    # (a lower-cased copy asks the gazetteer of every word: one memo for the brief)
    places = _Places(gazetteer) if gazetteer is not None else None
    by_doc: dict[int, list[int]] = defaultdict(list)
    for n, view in enumerate(views):
        by_doc[view.doc].append(n)
    # What the capitalised reading found, by document: each document's passes below ask
    # only of its own sentences, and a set of the whole brief's mentions, copied for each
    # lower-cased document (four unions apiece), made a folder of them quadratic.
    taken_in: dict[int, set[tuple[int, int]]] = defaultdict(set)
    for m in found:
        if views[m.view].doc in ev.lowered:
            taken_in[views[m.view].doc].add((m.view, m.start))
    heads = (ev.cues.org_words | ev.cues.place_words) - ev.names.surnames
    out: list[Mention] = []
    for doc, ns in by_doc.items():
        if doc not in ev.lowered:
            continue
        taken = taken_in[doc]
        mine: list[Mention] = []  # this document's, as each pass below adds them
        doc_views = [views[n] for n in ns]
        names = lowercased.find_names(doc_views, ev.names.given, ev.stop,
                                      ev.cues.speech_stems, ev.cues.role_words, heads)
        at: dict[int, tuple[int, int]] = {}
        for n in ns:
            toks = views[n].tokens
            for i, t in enumerate(toks):
                at[t.start] = (n, i)
        # A given name may be a word ("golden glow", "rusty metal"): a pair is taken for a
        # person when the text calls them by surname alone too, as news does ("parker
        # told") or by an honorific; "dr timothy" is the honorific before a full name.
        # A surname is no word the text writes after an article ("a metal fence wire": not
        # "rusty metal"); a pair said in full twice with a census surname is a person too
        # ("kevin anderson" four times, never "anderson" alone).
        articled = {t.fold for n in ns for a, t in zip(views[n].tokens, views[n].tokens[1:],
                                                          strict=False)
                    if a.fold in _ARTICLES}
        alone: set[str] = set()
        in_full: Counter[str] = Counter()
        for start, name in names.mentions:
            n, i = at[start]
            first = views[n].tokens[i].fold
            surname = fold(name.split()[-1])
            if first in lowercased.HONORIFICS or (first == surname and surname not in articled):
                alone.add(name)
            elif first != surname and not (i and views[n].tokens[i - 1].fold in _ARTICLES) \
                    and not _place_pair(views[n].tokens, i, places):
                in_full[name] += 1  # not "the sun herald", nor the town "winter garden"
        alone |= {name for name, c in in_full.items() if c >= 2
                  and fold(name.split()[-1]) in ev.names.surnames
                  and fold(name.split()[-1]) not in articled}
        for start, name in names.mentions:
            n, i = at[start]
            toks = views[n].tokens
            words = name.split()
            if name not in alone or (fold(words[0]) in lowercased.HONORIFICS
                                     and fold(words[-1]) in ev.names.given):
                continue
            end = toks[i + 1].end if toks[i].fold != fold(words[-1]) and \
                i + 1 < len(toks) else toks[i].end
            if (n, start) not in taken:
                mine.append(Mention(n, start, end, name, "person"))
        mine += _rare_pairs(views, ns, taken | {(m.view, m.start) for m in mine}, ev,
                            articled, places)
        mine += _lower_cased_bodies(views, ns, mine, at,
                                    taken | {(m.view, m.start) for m in mine}, ev)
        mine += _aged_people(views, ns, taken | {(m.view, m.start) for m in mine}, ev)
        if places is not None:
            mine += _lower_cased_places(views, ns, taken | {(m.view, m.start) for m in mine},
                                        ev, places)
        out += mine
    return out


def _aged_people(views: Sequence[View], ns: Sequence[int], taken: set[tuple[int, int]],
                 ev: _Evidence) -> list[Mention]:
    """People of a lower-cased document introduced by their age, as news introduces them
    ("the child's grandmother, 65 - year - old vien nguyen"): two words after "year-old"
    that are no frequent English words ("a 35-year-old mother"), with a census given
    name or surname among them."""
    names, cues, out = ev.names, ev.cues, []
    triggers = cues.kin_nouns | cues.person_nouns | {"old"}  # what the tests below start from
    surnames: dict[str, str] = {}
    for n in ns:
        toks = views[n].tokens
        for i in range(1, len(toks) - 2):
            if toks[i].fold not in triggers:
                continue
            aged = toks[i].fold == "old" and toks[i - 1].fold == "year"
            # "his fiancee katie heggins", "the pianist anna smith": a noun of kin or
            # trade before a census given name
            kin = toks[i].fold in cues.kin_nouns or toks[i].fold in cues.person_nouns
            if not (aged or kin):
                continue
            a, b = toks[i + 1], toks[i + 2]
            if all(len(t.fold) > 1 and t.text.isalpha() and t.fold not in ev.stop
                   and t.fold not in names.common and t.fold not in cues.speech_stems
                   for t in (a, b)) and (
                    a.fold in names.given or (aged and b.fold in names.surnames)) and \
                    (n, a.start) not in taken and not views[n].gap(a, b).strip():
                name = f"{a.fold.capitalize()} {b.fold.capitalize()}"
                out.append(Mention(n, a.start, b.end, name, "person"))
                surnames.setdefault(b.fold, name)
                taken = taken | {(n, a.start), (n, b.start)}
    # and the surname said alone after ("heggins told the sun herald")
    if surnames:
        for n in ns:
            for t in views[n].tokens:
                if t.fold in surnames and (n, t.start) not in taken:
                    out.append(Mention(n, t.start, t.end, surnames[t.fold], "person"))
    return out


def _lower_cased_bodies(views: Sequence[View], ns: Sequence[int], people: Sequence[Mention],
                        at: dict[int, tuple[int, int]], taken: set[tuple[int, int]],
                        ev: _Evidence) -> list[Mention]:
    """Bodies of a lower-cased document, from what news writes around them: a club or
    company before its role and a person already found ("barcelona captain carles puyol",
    "tottenham manager mauricio pochettino"), and a paper a person "told" ("parker told
    the sun herald", "she told the daily mail.")."""
    cues, out = ev.cues, []
    seen = set(taken)
    for m in people:
        n, i = at.get(m.start, (m.view, -1))
        toks = views[n].tokens
        if i < 2 or toks[i - 1].fold not in cues.club_roles:
            continue
        word = toks[i - 2]
        if len(word.fold) > 2 and word.text.isalpha() and word.fold not in ev.stop and \
                word.fold not in ev.names.common and not word.possessive and \
                (n, word.start) not in seen:  # (not "stevie's coach ricky wilson")
            # a club's first word too: "west brom", "bayern munich", "dundee utd"
            j = i - 3 if i > 2 and not views[n].gap(toks[i - 3], word).strip() and (
                toks[i - 3].fold in cues.compass or toks[i - 3].text.isalpha()
                and toks[i - 3].fold not in ev.stop
                and toks[i - 3].fold not in ev.names.common) else i - 2
            seen.add((n, toks[j].start))
            out.append(Mention(n, toks[j].start, word.end, " ".join(
                t.fold.capitalize() for t in toks[j:i - 1]), "organisation"))
    for n in ns:
        view = views[n]
        toks = view.tokens
        for i in range(2, len(toks)):
            if toks[i - 1].fold not in _NAMING_PREPOSITIONS:
                continue
            word = toks[i]
            if len(word.fold) <= 2 or not word.text.isalpha() or word.fold in ev.stop or \
                    word.fold in ev.names.common or word.fold in ev.names.given or \
                    (n, word.start) in seen or view.gap(toks[i - 1], word).strip():
                continue
            before, prep = toks[i - 2], toks[i - 1]
            # "shares in vodafone", "signed for surrey", "a spokesman for asda": the words
            # news puts before a body's name (not a noun before it: in lower case "the
            # supermarket shelves" reads as "the supermarket tesco")
            if prep.fold in _BODY_PREPOSITIONS and _held_or_played_for(view, i, ev) or (
                    prep.fold in _ROLE_PREPOSITIONS and before.fold in cues.body_roles):
                seen.add((n, word.start))
                out.append(Mention(n, word.start, word.end, word.fold.capitalize(),
                                   "organisation"))
    for n in ns:
        toks = views[n].tokens
        for i in range(len(toks) - 2):
            if toks[i].fold not in {"told", "tells", "tell"} or toks[i + 1].fold != "the":
                continue
            for k in range(i + 2, min(i + 5, len(toks))):
                if toks[k].fold in cues.paper_words and (
                        k + 1 == len(toks) or toks[k + 1].fold in ev.stop
                        or views[n].gap(toks[k], toks[k + 1]).strip()):
                    if (n, toks[i + 2].start) not in seen:
                        seen.add((n, toks[i + 2].start))
                        out.append(Mention(n, toks[i + 2].start, toks[k].end, " ".join(
                            t.fold.capitalize() for t in toks[i + 2:k + 1]), "organisation"))
                    break
                if toks[k].fold in ev.stop or not toks[k].text.isalpha():
                    break
    return out


def _rare_pairs(views: Sequence[View], ns: Sequence[int], taken: set[tuple[int, int]],
                ev: _Evidence, articled: set[str], places: _Places | None) -> list[Mention]:
    """People of a lower-cased document whose given name is not in the census list
    ("carles puyol ... puyol won six titles"): two words that are no frequent English word
    nor a name the text writes after an article, said together twice and the second one
    alone twice more, as news names a person in full and then by surname."""
    names, cues = ev.names, ev.cues
    known: dict[str, bool] = {}  # by the word as written: its fold and stem follow from it

    def rare(t: Token) -> bool:
        found = known.get(t.text)
        if found is None:
            found = known[t.text] = len(t.fold) > 2 and t.text.isalpha() and \
                t.fold not in ev.stop and t.fold not in names.common and \
                t.fold not in articled and t.stem not in cues.speech_stems and \
                t.fold not in cues.role_words
        return found

    pairs: Counter[tuple[str, str]] = Counter()
    said: Counter[str] = Counter()
    for n in ns:
        toks = views[n].tokens
        marks = [rare(t) for t in toks]
        for i, t in enumerate(toks):
            if not marks[i]:
                continue
            said[t.fold] += 1
            if i + 1 < len(toks) and marks[i + 1] and \
                    not views[n].gap(t, toks[i + 1]).strip() and \
                    not _place_pair(toks, i, places):
                pairs[(t.fold, toks[i + 1].fold)] += 1
    full = {b: (a, b) for (a, b), c in pairs.items()
            if c >= 2 and said[b] - c >= 2 and said[a] == c}
    out: list[Mention] = []
    for n in ns:
        toks = views[n].tokens
        skip = False
        for i, t in enumerate(toks):
            if skip:
                skip = False
                continue
            pair = full.get(toks[i + 1].fold) if i + 1 < len(toks) else None
            name = full.get(t.fold)
            if pair is not None and pair[0] == t.fold:
                start, end, name, skip = t.start, toks[i + 1].end, pair, True
            elif name is not None:
                start, end = t.start, t.end
            else:
                continue
            if (n, start) not in taken:
                out.append(Mention(n, start, end, f"{name[0].capitalize()} "
                                   f"{name[1].capitalize()}", "person"))
    return out


def _after_a_located_place(view: View, i: int, ev: _Evidence) -> bool:
    """"in key biscayne, florida", "from austin, texas": the word after a comma that ends a
    short phrase opened by a locative names the region that place lies in."""
    tokens = view.tokens
    if i < 2 or view.gap(tokens[i - 1], tokens[i]).strip() != ",":
        return False
    return any(tokens[k].fold in ev.cues.locatives for k in range(max(0, i - 4), i - 1))


def _place_pair(tokens: Sequence[Token], i: int, places: _Places | None) -> bool:
    """Whether the two words at ``i`` are a gazetteer place's name ("winter garden")."""
    if places is None:
        return False
    found = places.match(tokens, i, capitals_only=False)
    return found is not None and found[0] >= 2


def _lower_cased_places(views: Sequence[View], ns: Sequence[int], taken: set[tuple[int, int]],
                        ev: _Evidence, places: _Places) -> list[Mention]:
    """The places of one lower-cased document (see :func:`_lower_cased_people`)."""
    names = ev.names
    found_at: list[tuple[int, int, int, Entry]] = []
    located: set[str] = set()  # one-word places the document writes after "in", "from", ...
    single, starts = places.single, places.gazetteer.starts
    for n in ns:
        tokens = views[n].tokens
        i = 0
        while i < len(tokens):
            # (places.match's memo, looked up here as in _places; a mention already taken
            # is asked of only where a place starts)
            f = tokens[i].fold
            found = single.get(f, _UNSEEN) if f not in starts or i + 1 == len(tokens) or \
                not places.gazetteer.may_continue(f, tokens[i + 1].fold) else _UNSEEN
            if found is _UNSEEN:
                found = places.match(tokens, i, capitals_only=False)
            if found is not None and (n, tokens[i].start) in taken:
                found = None
            if found is None:
                i += 1
                continue
            size, entry = found
            if size == 1 and (_locative_before(views[n], i, ev)
                              or _after_a_located_place(views[n], i, ev)):
                located.add(tokens[i].fold)
            found_at.append((n, i, size, entry))
            i += size
    out: list[Mention] = []
    for n, i, size, entry in found_at:
        tokens = views[n].tokens
        word = tokens[i].fold
        # wordfreq's list is case-folded, so "london" is a frequent word, and "france" a
        # given name: a country, capital, state or region is taken anyway once the document
        # writes it where a place stands ("in china", not only "fine china"; "from jordan",
        # not only "his friend jordan").
        located_major = entry.type in _MAJOR_PLACE_TYPES and word in located
        if entry.kind == "place" and entry.type != "demonym" and \
                not entry.needs_evidence and (size > 1 or (
                    len(word) > 3 and word not in ev.stop and (located_major or (
                        word not in names.given and word not in names.common)))):
            # "playing with new york city": a club named like its city (see _body_before)
            body = entry.type in {"city", "town"} and _body_before(views[n], i, ev)
            out.append(Mention(n, tokens[i].start, tokens[i + size - 1].end,
                               entry.canonical, "organisation" if body else "place",
                               entry.strength, alias=entry.alias, country=entry.country))
    return out


#: Words after which a word is a common noun, not a surname ("a metal", "the list").
_ARTICLES = frozenset({"a", "an", "the"})
_INDEFINITE = frozenset({"a", "an"})
#: The places a frequent word may still name in lower-cased text (with a locative before it
#: once): the ones news names most, which are rarely also a common noun.
_MAJOR_PLACE_TYPES = frozenset({"country", "capital", "state", "region"})


def _evidence(views: Sequence[View], stop: frozenset[str],
              language: str | frozenset[str] = "en") -> _Evidence:
    """Casing across the whole text (Mikheev et al.'s document-centred evidence): which words
    it writes in lower case, which it capitalises mid-sentence, and their mixed-case forms,
    so a word in an ALL-CAPS headline or dateline can be read by how the body writes it."""
    from briefer.brief import lowercased

    shouting = frozenset(n for n, v in enumerate(views) if v.shouting)
    by_doc: dict[int, list[int]] = defaultdict(list)
    for n, v in enumerate(views):
        by_doc[v.doc].append(n)
    lowered = frozenset(doc for doc, ns in by_doc.items() if lowercased.is_lower_cased(
        " ".join(views[n].raw for n in ns[:400])[:lowercased.SAMPLE_CHARS]))
    lower: set[str] = set()
    mid: set[str] = set()
    mixed: dict[str, str] = {}
    written: dict[str, str] = {}  # as the mixed-case documents write a word, capitals too
    loose: dict[str, str] = {}  # as the lower-cased ones do ("Qpr" where a sentence opens)
    for n, v in enumerate(views):
        if n in shouting:
            continue
        lower.update(v.lower)  # the analysis pass's casing: no loop over every token here
        forms = loose if v.doc in lowered else mixed
        tokens = v.tokens
        for i in v.capitals:
            t = tokens[i]
            f = t.fold  # (a named tuple's field is a look-up each time it is read)
            if f not in forms and not t.text.isupper():
                forms[f] = t.text
            if i and f not in mid and not opens(v, i):  # (a word said once is known)
                mid.add(f)
            if forms is mixed and f not in written:
                written[f] = t.text
    for word, form in mixed.items():
        written[word] = form  # ("Prague" over a headline's "PRAGUE")
    # A lower-cased document votes only on the words no mixed-case one writes.
    for word, form in loose.items():
        if word not in written:
            mixed[word] = form
    return _Evidence(stop, frozenset(lower), frozenset(mid), mixed, shouting,
                     cues_for(language), load_names(), _demonyms(language), lowered,
                     written)


def _demonyms(language: str | frozenset[str]) -> dict[str, str]:
    """Folded lower-case demonyms of ``language`` (or of each of several) and their
    countries ("venezolano": "Venezuela"); English demonyms are capitalised and live in the
    gazetteer."""
    from briefer.language import SUPPORTED, language_data

    codes = sorted(({language} if isinstance(language, str) else language) - {"en"})
    return {fold(w): c for code in codes if code in SUPPORTED
            for w, c in language_data(code).demonym_countries.items() if w[:1].islower()}


def _shout(token: Token) -> bool:
    """A word in capitals that is not an abbreviation with dots ("U.S.") or an initial."""
    return len(token.text) > 1 and token.text.isupper() and "." not in token.text


def _adjacent(view: View, a: Token, b: Token, ev: _Evidence | None = None) -> bool:
    """Whether only blank space separates tokens ``a`` and ``b`` (so they may form a name).

    A word in capitals does not join a mixed-case one ("Klara Gajduskova PRAGUE" is a byline
    and a dateline), unless it is a club's prefix ("AC Milan") or a short acronym.
    """
    gap = view.gap(a, b)
    if gap != " ":  # (one space, the commonest gap, is blank)
        gap = gap.strip()
    else:
        gap = ""
    if a.possessive or (gap and not (gap == "." and a.fold in _PLACE_ABBREVIATIONS)
                        and not (gap == "&" and a.capital and b.capital)):
        return False  # (an ampersand joins the words of one body: "Marks & Spencer")
    if ev is not None and _shout(a) != _shout(b):
        loud = a if _shout(a) else b
        if loud.fold not in ev.cues.org_prefixes and (len(loud.text) > 3
                                                      or loud.fold in ev.mixed):
            return False
    return True


def opens(view: View, i: int) -> bool:
    """Whether token ``i`` opens a sentence, a quotation or a clause after a colon or dash,
    where a capital letter is grammar, not a sign of a name."""
    if i == 0:
        return True
    tokens, base = view.tokens, view.sentence.start
    before = tokens[i - 1]
    gap = view.raw[before.end - base:tokens[i].start - base].rstrip()  # (View.gap, inline)
    if gap == "." and (before.fold in _TITLE_ABBREVIATIONS or before.fold in
                       _PLACE_ABBREVIATIONS):
        return False  # "Dr. Green", "Mr. Brown": the full stop ends an abbreviation
    return gap.endswith(("“", '"', "‘", "(", ":", "—", "–", ".", "!", "?", ";"))


def _common(token: Token, ev: _Evidence) -> bool:
    """A word the text also uses as an ordinary word ("The", "Asked", "I’ll")."""
    return _stopword(token, ev.stop) or (token.fold in ev.lower_forms
                                         and not token.text.isupper())


def _ordinary_before_of(token: Token, ev: _Evidence) -> bool:
    """Whether a sentence's first word, before "of", is an ordinary plural and not the head
    of a name: "Residents of Goma", "Thousands of Syrians", "Shares of MCI" open with a
    group or a quantity of what follows, so the name is what follows "of" (else "Leaders
    of France" hides France from its sentence).  A plural: the titles of works and sayings
    have a singular head ("Return of the King", "Axis of Evil").  Not a word that heads
    names ("University of Texas", "Gulf of Mexico", "Duke of Edinburgh"), nor one the text
    capitalises where grammar does not ask it to ("the Friends of the Earth"), nor a word
    ordinary English does not use."""
    f = token.fold
    cues = ev.cues
    return f.endswith("s") and not f.endswith(("ss", "us", "is")) and (
        f in ev.names.common or _common(token, ev)) and f not in ev.mid_capitals \
        and not token.text.isupper() and not _is_title(f, cues) and f not in cues.org_words \
        and f not in cues.place_words and f not in cues.org_nouns


def _capitalised(token: Token, n: int, ev: _Evidence) -> bool:
    """A capitalised word that can be part of a name: "Jean-Pierre" is, "Mother-of-two" and
    "Point-blank" are not; in an ALL-CAPS line, only a word the body capitalises too."""
    if not token.capital:
        return False
    text = token.text
    if n in ev.shouting and text.isupper() and token.fold not in ev.mid_capitals:
        return False
    if "-" not in text:
        return True
    parts = text.replace("’", "'").split("-")
    return all(p[:1].isupper() for p in parts[1:] if p)


#: What an English contraction writes after its apostrophe ("I'll", "It's", "Don't").
_CONTRACTION_ENDS = frozenset("s ll m re ve d t".split())


def _stopword(token: Token, stop: frozenset[str]) -> bool:
    """A capitalised stop word or its contraction ("I", "I’ll", "It’s"); "US" is a name, and
    so are "O'Gara" and "D'Amuro": a contraction ends in "'ll", "'s", "n't", ..., while the
    Irish and Italian prefixes "O'" and "D'" open a surname (NLTK lists "o" and "d")."""
    folded = token.fold
    if folded in stop:
        return not (token.text.isupper() and len(token.text) > 1)
    if "'" not in folded:
        return False
    if token.text.isupper() and len(token.text) > 1:
        return False
    head, _, tail = folded.partition("'")
    return bool(tail) and head in stop and tail in _CONTRACTION_ENDS


def _initial(token: Token) -> bool:
    """A capital letter alone, as line-ups and lists write a given name ("J Robinson",
    "B O'Driscoll"); the stop-word list has every letter, and "A" and "I" are words."""
    return len(token.text) == 1 and token.text.isupper() and token.text not in {"A", "I"}


def _compound_title(fold_: str, cues: Cues) -> bool:
    """A word of office compounded as German writes it ("Finanzminister", "Regierungssprecher"):
    it ends in one of the language's words of office (``Cues.title_endings``, empty where a
    language does not compound them)."""
    return bool(cues.title_endings) and any(
        fold_.endswith(e) and fold_ != e for e in cues.title_endings)


def _is_title(fold_: str, cues: Cues) -> bool:
    return fold_ in cues.titles or fold_ in cues.party_labels


def _namelike(view: View, n: int, i: int, ev: _Evidence) -> bool:
    """Whether token ``i`` of view ``n`` reads as part of a name (not a capitalised sentence
    opener, nor a capitalised word of a headline the body writes in lower case)."""
    t = view.tokens[i]
    if not _capitalised(t, n, ev) or _is_title(t.fold, ev.cues) or t.fold in ev.cues.not_names:
        return False
    return not (opens(view, i) and _common(t, ev)) or _initial(t)


def _compass_before(view: View, i: int, ev: _Evidence) -> bool:
    """Whether a lower-case compass word stands just before token ``i`` ("eastern Zaire")."""
    tokens = view.tokens
    return i > 1 and tokens[i - 1].fold in ev.cues.compass and \
        tokens[i - 1].text[:1].islower() and not view.gap(tokens[i - 1], tokens[i]).strip()


def _locative_before(view: View, i: int, ev: _Evidence) -> bool:
    """"in Goma", "near Bologna", "in eastern Zaire": a preposition of place just before
    token ``i``, or before a lower-case compass word that is before it (news places a
    region of a country so: "in northern Iraq", "across southern Lebanon")."""
    tokens = view.tokens
    if _compass_before(view, i, ev):
        i -= 1
    if i <= 0 or tokens[i - 1].fold not in ev.cues.locatives or \
            view.gap(tokens[i - 1], tokens[i]).strip():
        return False
    if tokens[i - 1].fold != "to":
        return True
    k = i - 2
    if k > 0 and tokens[k].fold == "back":
        k -= 1  # "went back to Goma", not "handed back to Paypal": the verb says which
    return k >= 0 and tokens[k].fold in ev.cues.motions


def _place_starts(view: View, capitals: Sequence[int], ev: _Evidence) -> Sequence[int]:
    """The positions :func:`_places` must try: the capitalised tokens, and the lower-case
    demonyms of the text's language ("venezolano"); at any other token it finds nothing."""
    if not ev.demonyms:
        return capitals
    demonyms = ev.demonyms
    lower = [i for i, t in enumerate(view.tokens) if not t.capital and t.fold in demonyms]
    return sorted([*capitals, *lower]) if lower else capitals


#: Not looked up yet (a memo's answer may be None).
_UNSEEN = object()


class _Places:
    """:meth:`Gazetteer.match` for one brief, with the answer for a word that starts no
    longer key worked out once per distinct word.

    Such a word (most capitalised words: "The", "Obama") can only match as itself, so its
    answer depends on its folded form alone; a megabyte of news has 18,000 capitalised
    tokens but a few thousand distinct ones.  So can a word that starts a longer key ("New",
    "The") before a word that no such key has second ("The president"): only before one
    that does ("The Hague", "New York") is it matched against the tokens after it.  The
    memo lives as long as one :func:`find_entities` call.
    """

    __slots__ = ("gazetteer", "single")

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.single: dict[str, tuple[int, Entry] | None] = {}

    def match(self, tokens: Sequence[Token], i: int, *, capitals_only: bool = True
              ) -> tuple[int, Entry] | None:
        """The same as ``gazetteer.match(tokens, i, capitals_only=capitals_only)``.

        Past the test of a capital, the answer depends on the folded words alone, so one
        memo serves both (a lower-cased copy asks of every word: "london", "the")."""
        token = tokens[i]
        if capitals_only and not token.capital:
            return None
        gazetteer = self.gazetteer
        if not gazetteer.starts:
            return gazetteer.match(tokens, i, capitals_only=False)
        if token.fold in gazetteer.starts and i + 1 < len(tokens):
            # A longer key can start here only if the next word makes one of the keys'
            # first pairs (what :meth:`Gazetteer.match` tests next); when it does not, the
            # match is this word alone, as for a word that starts no longer key.
            if gazetteer.may_continue(token.fold, tokens[i + 1].fold):
                return gazetteer.match(tokens, i, capitals_only=False)
        single = self.single
        if token.fold not in single:
            single[token.fold] = gazetteer.match(tokens, i, capitals_only=False)
        return single[token.fold]


def _places(n: int, view: View, places: _Places, out: list[Mention], ev: _Evidence,
            starts: Iterable[int] | None = None) -> set[int]:
    """Record gazetteer places and organisations in ``view``; return the tokens they claim.

    ``starts`` are the positions to try, in order (:func:`_place_starts`; every position
    when None): nothing can start at the others, so skipping them changes nothing.
    """
    tokens = view.tokens
    gazetteer = places.gazetteer
    single, starts_ = places.single, gazetteer.starts
    claimed: set[int] = set()
    after = 0  # the first position not inside a place already found
    for i in range(len(tokens)) if starts is None else starts:
        if i < after:
            continue
        t = tokens[i]
        f, capital = t.fold, t.capital  # (a named tuple's field is a look-up each time)
        based = _BASED.search(t.text) if capital and "-" in t.text else None
        if based:  # "Seattle-based": the part before names a place
            prefix = tokens[i].text[:based.start()]
            entry = gazetteer.lookup(prefix)
            name = entry.canonical if entry is not None and entry.kind == "place" else \
                ev.mixed.get(fold(prefix), prefix)
            out.append(Mention(n, tokens[i].start, tokens[i].start + len(prefix), name, "place",
                               entry.strength if entry else 1.0, alias=prefix,
                               country=entry.country if entry else ""))
            claimed.add(i)
            continue
        if ev.demonyms and f in ev.demonyms and not capital:
            entry = gazetteer.lookup(ev.demonyms[tokens[i].fold])
            if entry is not None:  # "el gobierno venezolano": about Venezuela
                out.append(Mention(n, tokens[i].start, tokens[i].end, entry.canonical,
                                   "place", alias=tokens[i].text, country=entry.canonical))
                claimed.add(i)
            continue
        # places.match's memo, looked up here: most capitals are words said before that
        # start no longer name, or not with the word after them ("The president")
        found = single.get(f, _UNSEEN) if capital and (
            f not in starts_ or i + 1 == len(tokens)
            or not gazetteer.may_continue(f, tokens[i + 1].fold)) else _UNSEEN
        if found is _UNSEEN:
            found = places.match(tokens, i)
        if found is None:
            continue
        size, entry = found
        j = i + size
        # A capital "A" before a place is the article of a lost sentence break ("in January
        # A Texas math teacher", a caption run into the text), not part of a name.
        # (a word in lower case is never namelike, and _after_of needs "of" before)
        glued_before = i > 0 and tokens[i - 1].fold not in _INDEFINITE and (
            tokens[i - 1].capital and _namelike(view, n, i - 1, ev) or tokens[i - 1].fold in
            ev.cues.honorifics) and _adjacent(
            view, tokens[i - 1], tokens[i], ev) or (
            i > 1 and tokens[i - 1].fold in _OF_ANY and _after_of(view, n, i, ev))
        glued_after = j < len(tokens) and (tokens[j].capital and (
            _namelike(view, n, j, ev) and _no_place_at(places, tokens, j)
            or _body_of_two_after(view, j, ev)) and _adjacent(view, tokens[j - 1], tokens[j], ev)
            or _place_of_after(view, n, j, ev))
        common = size == 1 and (tokens[i].fold in ev.cues.org_words
                                or tokens[i].fold in ev.cues.place_prefixes
                                or entry.type in {"city", "town"} and _acts(view, i, j, ev)) \
            or size > 1 and entry.type in {"city", "town"} and _body_first(tokens, i, j, ev)

        weak = (entry.needs_evidence or common or size == 1 and not tokens[i].text.isascii()
                and _accents_differ(tokens[i], entry, size)
                and opens(view, i)) and not _locative_before(view, i, ev) \
            and not _settlement_before(view, i, ev) or (
            size == 1 and entry.type in WITHIN_TYPES and (tokens[i].fold in ev.lower_forms
                                                           or tokens[i].fold in ev.cues.not_names))
        if entry.type in {"city", "town"} and _body_before(view, i, ev) or (
                entry.type not in {"country", "demonym"} and (
                    _score_line(view, i, j - 1)
                    or (" v " in view.raw or " vs " in view.raw)
                    and _fixture(view, i, j - 1, ev))):
            continue  # left to the capitalised runs, whose cues say it is a body or a club
            # (a country's side in a result stays its country, as news annotation has it)
        if glued_before or glued_after or weak or (size == 1 and tokens[i].fold in ev.stop
                                                   and not tokens[i].text.isupper()):
            continue
        if size == 1 and entry.type in {"city", "town"} and _acronym_not_place(view, n, i, ev):
            continue  # "the PEPA", "NICE said": an acronym that spells a town's name
        out.append(Mention(n, tokens[i].start, tokens[j - 1].end, entry.canonical, entry.kind,
                           entry.strength, alias=entry.alias, country=entry.country))
        claimed.update(range(i, j))
        after = j
    return claimed


def _heads_place_of(fold_: str, cues: Cues) -> bool:
    """Whether a word heads a place's name with "of": "Gulf of Mexico", "Isle of Wight",
    "Republic of Kiribati" (``Cues.feature_nouns``, ``Cues.settlement_nouns``)."""
    return fold_ in cues.feature_nouns or fold_ in cues.settlement_nouns


def _place_of_after(view: View, n: int, j: int, ev: _Evidence) -> bool:
    """Whether the place ending before token ``j`` is a kind of place that "of" and a name
    follow: "the Gulf of Mexico", "the Bay of Bengal", a name of its own (the "Gulf" is
    not the Gulf, nor "Mexico" Mexico: see :func:`_kind_of_run`)."""
    tokens = view.tokens
    return j + 1 < len(tokens) and tokens[j].fold == "of" and \
        _heads_place_of(tokens[j - 1].fold, ev.cues) and tokens[j - 1].capital and \
        _namelike(view, n, j + 1, ev) and \
        _adjacent(view, tokens[j - 1], tokens[j]) and _adjacent(view, tokens[j], tokens[j + 1])


def _body_of_two_after(view: View, j: int, ev: _Evidence) -> bool:
    """Whether the two capitalised words from token ``j`` end in an organisation word: a
    place, a word of office or kind, and a body's head make the body ("Vienna State Opera",
    "Moscow State University", "Paris City Council"), though "State" or "City" alone after
    a place names no one."""
    tokens = view.tokens
    return j + 1 < len(tokens) and tokens[j + 1].capital and \
        tokens[j + 1].fold in ev.cues.org_words and \
        not view.gap(tokens[j], tokens[j + 1]).strip()


def _acronym_not_place(view: View, n: int, i: int, ev: _Evidence) -> bool:
    """Whether token ``i``, written in capitals inside a sentence that is not, is an acronym
    rather than the town or city of the same letters: the text never writes the word in
    mixed case ("die PEPA", a health record, is no town in the Congo).  A sentence's first
    word is left alone: a dateline names its town in capitals there ("DAKAR, Senegal -"),
    and a headline in capitals ("PRAGUE") is read by how the body writes the word, as
    everywhere else.  Capitals and countries are not asked: an acronym spelling one is
    rarer than a wire story naming it in capitals."""
    t = view.tokens[i]
    return i > 0 and len(t.text) > 1 and t.text.isupper() and n not in ev.shouting \
        and t.fold not in ev.mixed and "." not in t.text


#: The prepositions :func:`_held_or_played_for` reads ("a stake in", "played for/with").
_BODY_PREPOSITIONS = frozenset({"in", "for", "with"})


def _held_or_played_for(view: View, i: int, ev: _Evidence, lone: bool = True) -> bool:
    """"shares in Carlsberg", "a stake in Fuso", "played for Footscray": the words before
    token ``i`` say a body is named there, whatever else the name means; "played with X"
    too when X is one word (with two, "played with John Smith" is a person)."""
    tokens = view.tokens
    if i < 2:
        return False
    k = i - 1
    if lone and i >= 3 and tokens[k].possessive and tokens[k].capital and \
            view.gap(tokens[k], tokens[i]).strip() in {"'s", "’s", "'", "’"}:
        k -= 1  # "shares in Germany's ThyssenKrupp": where the body is from, between
    if view.gap(tokens[k], tokens[k + 1]).strip() or (
            k == i - 1 and view.gap(tokens[k], tokens[i]).strip()):
        return False
    prep, verb = tokens[k].fold, tokens[k - 1].fold
    if prep == "in":
        return verb in ev.cues.holding_nouns
    return (prep == "for" or (prep == "with" and lone)) and verb in ev.cues.club_verbs


def _body_before(view: View, i: int, ev: _Evidence) -> bool:
    """A city's name that a body bears: "its subsidiary Fuso", "rival Reading", or what
    :func:`_held_or_played_for` reads.  Not "<role> at <city>": news writes where people
    are so at least as often as whom they work for ("UN officials at Geneva", "soldiers at
    Basra"; review V13), so :func:`_works_at` reads only names the gazetteer does not hold."""
    before = view.tokens[i - 1] if i else None
    if before is not None and before.text[:1].islower() and before.fold in ev.cues.org_nouns \
            and not view.gap(before, view.tokens[i]).strip():
        return True
    return _held_or_played_for(view, i, ev)


#: A score after a team's name in a results line: "Leicester 3 Tottenham 0".
_SCORE_AFTER = re.compile(r"[ \t]+\d{1,3}(?:[ \t]+|[ \t]*(?:\n|$))")
#: Cues that make a run a body: "body" ones outweigh a census surname for a lone word.
_BODY_CUES = frozenset({"organisation", "body"})
#: A plural verb straight after a singular name: "Tottenham were poor", "Sony are to cut".
#: People are never spoken of so; teams, companies and bands are in British news.
_PLURAL_VERBS = frozenset({"were", "are", "have"})


#: A whole results line from its home side on: "Chelsea 2 Aston Villa 2" and nothing more
#: ("Redesignated 65 Fighter Wing on 24 July 1943" is no result).
_RESULTS_LINE = re.compile(r"[^\W\d_][^\d\n]*?[ \t]+\d{1,3}[ \t]+[^\W\d_][^\d\n]*?[ \t]+"
                           r"\d{1,3}[ \t]*(?:\n|$)")


def _results_line_at(view: View, i: int) -> bool:
    """Whether token ``i`` opens a whole results line (see :data:`_RESULTS_LINE`): the
    evidence that a word which opens its line, where a capital is only grammar, is a side."""
    raw, at = view.raw, view.tokens[i].start - view.sentence.start
    # No part of the pattern but its end crosses a line break, so it matches only a line
    # that ends in a digit (and blanks): asked first, as the lazy name parts otherwise try
    # every blank of a sentence before failing (6.5 us a sentence, for one in a thousand
    # that is a result).
    end = raw.find("\n", at)
    if not raw[at:end if end >= 0 else len(raw)].rstrip(" \t")[-1:].isdecimal():
        return False
    return _RESULTS_LINE.match(raw, at) is not None


def _score_line(view: View, first: int, last: int) -> bool:
    """Whether tokens ``first``..``last`` name a team in a results line: a score after the
    name, and another name after the score or a name and score before it ("Leicester 3
    Tottenham 0", "Chelsea 2 Manchester United 2").  Only the two sides together make it a
    result: one number after a name ("Windows 95") is no score."""
    tokens, base, raw = view.tokens, view.sentence.start, view.raw
    after = _SCORE_AFTER.match(raw, tokens[last].end - base)
    if after is None:
        return False
    nxt = tokens[last + 1] if last + 1 < len(tokens) else None
    if nxt is not None and nxt.capital and nxt.start - base == after.end():
        return True  # the home side: "Leicester 3 Tottenham"
    if first == 0:
        return False
    before = tokens[first - 1]
    score = _SCORE_AFTER.fullmatch(raw, before.end - base, tokens[first].start - base)
    return score is not None and before.capital  # the away side: "3 Tottenham 0"


#: Between the sides of a fixture: "Chelsea v Scunthorpe", "Plymouth vs Everton".
_VERSUS = frozenset({"v", "vs"})


def _fixture(view: View, first: int, last: int, ev: _Evidence) -> bool:
    """Whether tokens ``first``..``last`` name a side of a fixture: "Chelsea v Scunthorpe",
    a capitalised name on the other side of a lower-case "v" or "vs" (as with a results
    line, the sides are clubs; a country's side stays its country).  Asked only of a
    sentence that writes " v " or " vs " (a substring test its callers make once).

    Court cases are written the same way ("Roe v Wade", "R v Smith"), so a fixture needs
    sport's words (``Cues.sport_words``), a number or a line of a few words, and no word of
    the law (``Cues.legal_words``: "ruling", "court"...) nor "R" (the Crown) as a side
    (review V8, V9)."""
    tokens = view.tokens
    if last + 2 < len(tokens) and tokens[last + 1].text in _VERSUS and tokens[last + 2].capital:
        other = tokens[last + 2]
    elif first >= 2 and tokens[first - 1].text in _VERSUS and tokens[first - 2].capital:
        other = tokens[first - 2]
    else:
        return False
    legal, sport = ev.cues.legal_words, ev.cues.sport_words
    # A fixture is told by sport's words or a results line's shape (a short line, a score);
    # a case's name may stand with neither ("the anniversary of Roe v Wade"; review V9).
    return "r" not in {other.fold, tokens[first].fold} and not any(
        t.fold in legal for t in tokens) and (
        len(tokens) <= 8 or any(t.fold in sport or t.text[:1].isdigit() for t in tokens))


def _acts(view: View, i: int, j: int, ev: _Evidence) -> bool:
    """"Hitachi said", "Hitachi shares fell", "Tottenham were poor": a speech verb, a
    company's word or (for a subject) a plural verb straight after a city's name makes it a
    body named like the city (a capital saying something is its government, and stays a
    place)."""
    if j >= len(view.tokens) or view.gap(view.tokens[j - 1], view.tokens[j]).strip():
        return False
    nxt = view.tokens[j]
    return nxt.stem in ev.cues.speech_stems or nxt.fold in ev.cues.org_followers or (
        nxt.fold in _PLURAL_VERBS and opens(view, i)) or _role_of_body_after(view, j, ev)


def _role_of_body_after(view: View, j: int, ev: _Evidence) -> bool:
    """"Tottenham manager Jacques Santini", "Liverpool forward Milan Baros", "Deutsche
    Boerse chief executive Werner Seifert": a lower-case club or company role from token
    ``j`` (qualified by at most two words before it: "managing director"), just before a
    capitalised name, says the name before ``j`` is the body's."""
    tokens = view.tokens
    cues = ev.cues
    if j + 1 >= len(tokens) or (tokens[j].fold not in cues.club_roles
                                and tokens[j].fold not in cues.role_qualifiers):
        return False
    k = j
    while k < j + 2 and k < len(tokens) and tokens[k].fold in cues.role_qualifiers:
        k += 1
    return k + 1 < len(tokens) and tokens[k].fold in cues.club_roles and \
        tokens[k + 1].capital and all(t.text[:1].islower() for t in tokens[j:k + 1]) and \
        not any(view.gap(a, b).strip() for a, b in zip(tokens[j - 1:k + 1], tokens[j:k + 2],
                                                         strict=False))


def _accents_differ(token: Token, entry: Entry, size: int) -> bool:
    """Whether a one-word match and its gazetteer entry both write accents, and not the
    same ones: "Habrá" (Spanish "there will be") is not "Hābra" (a city in India).  A
    sentence's capital is then no evidence of a name.  "México" for "Mexico" and "Bogota"
    for "Bogotá" are fine: one side writes no accent to disagree with."""
    if size != 1 or token.text.isascii():
        return False
    written = {entry.alias.casefold(), entry.canonical.casefold()}
    return any(not w.isascii() for w in written) and token.text.casefold() not in written


def _no_place_at(places: _Places, tokens: Sequence[Token], j: int) -> bool:
    """Whether no sure place starts at ``j`` ("Aston Moore": Moore is a town only with a
    cue, so Aston is glued to it and the pair is a name)."""
    found = places.match(tokens, j)
    return found is None or found[1].needs_evidence


def _split_at_of(runs: list[_Run], ev: _Evidence) -> list[_Run]:
    """"Nick Van den Brul of BNP Paribas": a person's name, then where they work."""
    out = []
    for run in runs:
        if len(run.tokens) < 4:  # (most runs: one or two words)
            out.append(run)
            continue
        folds = [t.fold for t in run.tokens]
        at = folds.index("of") if "of" in folds else -1
        if 2 <= at <= 4 and folds[0] in ev.names.given and at + 1 < len(folds):
            out.append(_Run(run.view, run.tokens[:at], run.titles, "person"))
            out.append(_Run(run.view, run.tokens[at + 1:], (), "", run.acronym))
        else:
            out.append(run)
    return out


def _trim_openers(runs: list[_Run]) -> list[_Run]:
    """"Engineer John Greiner", "Senior Kory Lichtensteiger" at a sentence's start: when
    the text also writes the run without its first word, that word is grammar's capital or
    a description, and the name is the rest."""
    written = {tuple(map(_FOLD, r.tokens)) for r in runs if len(r.tokens) > 1}
    out = []
    for run in runs:
        if len(run.tokens) < 3:
            out.append(run)
            continue
        folds = tuple(map(_FOLD, run.tokens))
        if folds[1:] in written and run.tokens[0].text[1:].islower():
            run = _Run(run.view, run.tokens[1:], run.titles, run.cue, run.acronym)
        out.append(run)
    return out


def _split_at_title(runs: list[_Run], ev: _Evidence) -> list[_Run]:
    """"British Casino Association Chairman Penny Cobham", "Scottish National Party
    Justice Minister Kenny MacAskill": a body's name, the office held in it, then the
    holder, written as one capitalised run.  Split where words of office stand between a
    name of two words or more and a given name that opens two or three more."""
    out = []
    cues, given = ev.cues, ev.names.given
    for run in runs:
        if len(run.tokens) < 5:  # a name, an office and two words of a holder at least
            out.append(run)
            continue
        folds = [t.fold for t in run.tokens]
        k = next((k for k in range(2, len(folds) - 2) if folds[k] in cues.titles
                  and folds[k - 1] not in cues.titles), 0)
        m = k
        while k > 1 and folds[k - 1] in cues.role_qualifiers:
            k -= 1  # "Treasury Under Secretary John Taylor": "Under" is the office's
        while k and m < len(folds) and folds[m] in cues.titles:
            m += 1
        if k and 2 <= len(folds) - m <= 3 and folds[m] in given and \
                not any(f in cues.connectors for f in folds[m:]):
            # The front is where the office is held, never its holder ("Irish Transport
            # Minister Martin Cullen" left "Irish Transport" a person; review V18).
            out.append(_Run(run.view, run.tokens[:k], run.titles, "office", ""))
            out.append(_Run(run.view, run.tokens[m:], tuple(folds[k:m]), "person",
                            run.acronym))
        else:
            out.append(run)
    return out


def _split_at_given_name(runs: list[_Run], ev: _Evidence) -> list[_Run]:
    """"the union Unison Dave Prentis": a body's name written against a person's, where the
    person's is a census given name and one more word at the run's end, and the words
    before are not names (nor is the last word a body's or a place's)."""
    out = []
    names, cues = ev.names, ev.cues
    generic = (cues.org_words, cues.place_words, cues.event_words, cues.facility_heads,
               cues.org_suffixes)
    before = (names.given, cues.connectors, cues.org_words, cues.place_prefixes)
    for run in runs:
        if len(run.tokens) < 3:
            out.append(run)
            continue
        folds = [t.fold for t in run.tokens]
        last = folds[-1]
        if len(folds) >= 3 and folds[-2] in names.given and \
                not any(last in words for words in generic) and \
                not any(f in words for f in folds[:-2] for words in before):
            out.append(_Run(run.view, run.tokens[:-2], run.titles, "", ""))
            out.append(_Run(run.view, run.tokens[-2:], (), "person", run.acronym))
        else:
            out.append(run)
    return out


#: The words a place after which ends a longer name (:func:`_after_of`).
#: The words that join a name to the place that ends it: "University of Oxford", "Bank of
#: England", "Universidad de Chile".
_OF = frozenset({"of", "de", "di", "du"})
#: "of" contracted with an article ("Assembleia da República", "Banca del Fucino"), or
#: followed by one ("Senado de la República").  These are also a language's ordinary
#: genitive after any noun ("Sul dos Estados Unidos", "Estado do Rio de Janeiro", "PSP das
#: Caldas da Rainha": the place is the place), so they join only a body's name: one that
#: holds one of the language's organisation words ("Hospital do Mandaqui", "Forças Armadas
#: da Guiné-Bissau").
_OF_ARTICLE = frozenset({"da", "do", "das", "dos", "del", "della", "delle", "dello", "dei",
                         "degli", "des"})
_OF_ARTICLES = frozenset({"la", "las", "los", "le", "les"})  # after "de"
_OF_ANY = _OF | _OF_ARTICLE | _OF_ARTICLES
_BODY_REACH = 6  # words a body's name may run back from its "of"
_AND_ANY = frozenset({"and", "y", "e", "et", "ed", "und"})


def _portfolio(view: View, i: int, ev: _Evidence) -> bool:
    """Whether ``tokens[i]`` is a government's domain written as an office's name: after a
    word of office and "of" ("el ministro de Defensa", "o ministro da Justiça", "la
    ministre des Armées"), or after another such word ("Relaciones Exteriores", "Ciencia y
    Tecnología").  Romance languages name a minister so, capitalising the domain; it is no name
    of its own ("Justiça" was a person), and a place after it is the place ("ministro de
    Defensa de Venezuela" made "Defensa de Venezuela" a name, and hid Venezuela)."""
    portfolios, tokens = ev.cues.portfolios, view.tokens
    while tokens[i].fold in portfolios:
        k = i - 1
        if k >= 0 and tokens[k].fold in portfolios:
            i = k
            continue
        if k >= 1 and tokens[k].fold in _AND_ANY and tokens[k - 1].fold in portfolios:
            i = k - 1
            continue
        j = k
        while j >= 0 and k - j < 2 and tokens[j].fold in _OF_ANY:  # "de", "de la", "da"
            j -= 1
        return 0 <= j < k and tokens[j].fold in ev.cues.role_words
    return False


def _body_first(tokens: Sequence[Token], i: int, j: int, ev: _Evidence) -> bool:
    """Whether the name ``tokens[i:j]`` is a body's: it opens with an organisation word
    (after an article, if any) and holds or is followed by "of" ("University of Texas",
    "El Banco de España").  A town so named ("University of Texas" and "El Banco" are towns)
    is then, without a preposition of place before it, the body; "College Station", "Union
    City" and "Santa Cruz" are not such names, nor "El Banco" followed by no "de"."""
    k = i + 1 if tokens[i].fold in ev.stop and i + 1 < j else i
    return tokens[k].fold in ev.cues.org_words and (
        any(t.fold in _OF_ANY for t in tokens[k + 1:j])
        or j < len(tokens) and tokens[j].fold in _OF_ANY and tokens[j].text.islower())


def _after_of(view: View, n: int, i: int, ev: _Evidence) -> bool:
    """A place after "of" that ends a longer name: "University of Oxford", "Bank of England",
    "Senado de la República" (but "the Gulf of Mexico" is found by its place word later)."""
    tokens = view.tokens
    body_only = False
    if i > 2 and tokens[i - 1].fold in _OF_ARTICLES and tokens[i - 2].fold == "de" and \
            _adjacent(view, tokens[i - 1], tokens[i]):
        i -= 1  # the article stands where the place would: look before it
        body_only = True
    if i <= 1 or not tokens[i - 1].text.islower() or not _adjacent(
            view, tokens[i - 2], tokens[i - 1]) or not _adjacent(view, tokens[i - 1], tokens[i]):
        return False
    if tokens[i - 1].fold in _OF_ARTICLE:
        body_only = True
    elif tokens[i - 1].fold not in _OF:
        return False
    if not _namelike(view, n, i - 2, ev) or _portfolio(view, i - 2, ev):
        return False  # ("el ministro de Economía de Chile": Chile's, a place)
    if tokens[i - 1].fold == "of" and opens(view, i - 2) and \
            _ordinary_before_of(tokens[i - 2], ev):
        return False  # "Residents of Goma": grammar before the place, not a body's name
    if not body_only:
        return True
    org_words, k = ev.cues.org_words, i - 2
    while k >= 0 and i - 2 - k < _BODY_REACH:  # back over the name: its words and particles
        t = tokens[k]
        if t.fold in org_words and t.capital:
            return True
        if not (t.capital or t.fold in _OF or t.fold in _OF_ARTICLE or t.fold in _OF_ARTICLES):
            return False
        k -= 1
    return False


def _runs(n: int, view: View, claimed: set[int], ev: _Evidence,
          starts: Iterable[int] | None = None) -> list[_Run]:
    """Capitalised runs of unclaimed tokens, trimmed of sentence openers and titles.

    ``starts`` are the positions a run may start at, in order (the capitalised tokens,
    :attr:`View.capitals`; every position when None): a run starts with a capital.
    """
    tokens = view.tokens
    size = len(tokens)
    cues = ev.cues
    stop, connectors, not_names = ev.stop, cues.connectors, cues.not_names
    raw, base = view.raw, view.sentence.start
    versus: bool | None = None  # whether a fixture's mark is written (see _fixture), once
    out: list[_Run] = []
    after = 0  # the first position not inside a run already found
    portfolios = cues.portfolios
    for i in range(size) if starts is None else starts:
        if i < after or i in claimed:
            continue
        t = tokens[i]
        f = t.fold
        if f in portfolios and _portfolio(view, i, ev):
            continue  # "el ministro de Defensa": the office's name, not a name
        # A stop word that the next word cannot extend ("The", "He" before a lower-case
        # word that is no "and" nor a particle) makes a run of one, which is dropped below:
        # the commonest capital of all (a third of them), so told here first.  (_stopword
        # can say yes only of a stop word or a word with an apostrophe.)
        stopped = (f in stop or "'" in f) and _stopword(t, stop) or f in not_names
        if stopped and (
                i + 1 == size or not tokens[i + 1].capital and tokens[i + 1].fold != "and"
                and tokens[i + 1].fold not in connectors):
            continue
        if not _capitalised(t, n, ev) or (  # glued to a number ("6PR", "X86"): a code
                t.start > base and raw[t.start - base - 1:t.start - base].isdigit()
                or raw[t.end - base:t.end - base + 1].isdigit()):
            continue
        j = i + 1
        while j < size and j not in claimed and not tokens[j - 1].possessive:
            a, b = tokens[j - 1], tokens[j]
            if raw[a.end - base:b.start - base] == " ":
                # One space, the commonest gap, joins and opens nothing: _adjacent's test of
                # words in capitals is all that is left of the tests below.
                if (a.text.isupper() or b.text.isupper()) and not _adjacent(view, a, b, ev):
                    break
            else:
                if not _adjacent(view, a, b, ev) or opens(view, j):
                    break
                if t.fold in ev.names.given and b.fold in ev.names.given and \
                        view.gap(a, b).strip() == "&":
                    break  # two people: "Karl Langdon & Gary Carvolth", not "Marks & Spencer"
            if b.capital and _capitalised(b, n, ev):
                j += 1
                continue
            if tokens[j].fold == "and" and _body_after_and(view, n, j, claimed, ev):
                j += 1  # "Securities and Exchange Commission", not "Harry and Neville"
                continue
            k = j  # particles must lead to another capitalised word: "Cartel de los Soles"
            while k < len(tokens) and tokens[k].fold in cues.connectors and k not in claimed \
                    and _adjacent(view, tokens[k - 1], tokens[k]):
                k += 1
            if k == j or k >= len(tokens) or k in claimed or \
                    not _capitalised(tokens[k], n, ev) or \
                    not _adjacent(view, tokens[k - 1], tokens[k]):
                break
            j = k + 1
        if j == i + 1:  # one word, the commonest run: what the steps below make of it
            # (most such words are capitalised mid-sentence somewhere: asked before opens)
            if not (stopped or f in connectors
                    or f in cues.titles) and not (
                    f not in ev.mid_capitals and opens(view, i)
                    and not _results_line_at(view, i)
                    and not ((" v " in raw or " vs " in raw) and _fixture(view, i, i, ev))
                    and not (_role_of_body_after(view, i + 1, ev) and f not in ev.lower_forms)):
                if versus is None:
                    versus = " v " in raw or " vs " in raw
                out.append(_Run(n, [t], (), _cue(view, i, i, ev, versus),
                                _acronym_after(view, i)))
            after = j
            continue
        # Halves of one word are a name of their own ("Sirhan Sirhan", "Duran Duran", "B&B").
        half = (j - i) // 2
        if half >= 2 and (j - i) % 2 == 0 and all(
                tokens[k].fold == tokens[k + half].fold for k in range(i, i + half)):
            j = i + half  # "Manchester United Manchester United": a list's two entries
        run = list(range(i, j))
        opener = opens(view, i)
        while run and (_stopword(tokens[run[0]], ev.stop) or tokens[run[0]].fold in
                       cues.not_names) and not (len(run) > 1 and (
                           _initial(tokens[run[0]])
                           # ("PC World", "DVD Forum": a thing's letters open a body's name)
                           or len(tokens[run[0]].text) > 1 and tokens[run[0]].text.isupper()
                           and tokens[run[0]].fold not in ev.stop
                           or tokens[run[0]].fold not in _ARTICLES
                           and f"{tokens[run[0]].fold} {tokens[run[1]].fold}" in ev.pairs)):
            run.pop(0)  # "Today Miss Sandiford", "Sunday Serena Williams": a day is no name
            # (but "New" opens "New York Times": a stop word that starts a name the
            # gazetteer holds is part of the name)
        # At an opener a common first word ("Meanwhile Trump") is grammar if what follows is
        # a name the text capitalises elsewhere; otherwise it is part of the name ("Cartel de
        # los Soles").  Any first word is grammar before a form of address ("Earlier Mr
        # Kennedy"): a name does not hold "Mr" inside it.
        if opener and len(run) > 1 and run[0] == i and not _is_title(tokens[i].fold, cues) \
                and not _initial(tokens[i]) and (
                    tokens[run[1]].fold in cues.honorifics
                    or _common(tokens[i], ev) and tokens[run[1]].fold in ev.mid_capitals):
            run.pop(0)
        elif opener and len(run) > 2 and run[0] == i and tokens[run[1]].fold == "of" and \
                _ordinary_before_of(tokens[i], ev):
            del run[:2]  # "Residents of Goma", "Supporters of Trump": the name follows "of"
        titles: list[str] = []
        # "Foreign Office", "Defence Ministry": a title word before an organisation word
        # names the body, not a person's office.
        body = bool(run) and tokens[run[-1]].fold in cues.org_words and not any(
            tokens[k].fold == "of" for k in run)
        while len(run) > 1 and not body and (
                tokens[run[0]].fold in cues.titles
                                or (cues.title_endings
                                    and _compound_title(tokens[run[0]].fold, cues))
                                or tokens[run[0]].fold in cues.connectors
                                or (tokens[run[0]].fold in cues.party_labels
                                    and tokens[run[1]].fold in cues.titles)):
            titles.append(tokens[run.pop(0)].fold)  # "Tory MP", not "Independent Police"
        if titles and i > 0 and tokens[i - 1].fold in cues.party_labels:
            titles.append(tokens[i - 1].fold)
        if run and opener and run[0] == i and len(run) == 1 \
                and tokens[i].fold not in ev.mid_capitals and not _results_line_at(view, i) \
                and not ((" v " in view.raw or " vs " in view.raw) and _fixture(view, i, i, ev)) \
                and not (_role_of_body_after(view, i + 1, ev)
                         and tokens[i].fold not in ev.lower_forms):
            run = []  # a capital that is only grammar; a side in a results line is a name,
            # and so is a club before its role ("Everton manager David Moyes said"; not a
            # word the text also writes in lower case: "Joint assistant boss Stuart Pearce")
        while run and tokens[run[-1]].fold in cues.connectors:
            run.pop()
        if run and not all(tokens[k].fold in cues.titles or tokens[k].fold in cues.not_names
                           for k in run):
            kept = tuple(t for t in titles if t not in cues.connectors or t in {"of", "for"})
            if versus is None:
                versus = " v " in view.raw or " vs " in view.raw
            out.append(_Run(n, [tokens[k] for k in run], kept,
                            _cue(view, run[0], run[-1], ev, versus),
                            _acronym_after(view, run[-1])))
        after = j
    return _lend_titles(view, out, ev) if len(out) > 1 else out  # (it needs two runs)


def _body_after_and(view: View, n: int, j: int, claimed: set[int], ev: _Evidence) -> bool:
    """Whether "and" at token ``j`` sits inside a body's name: the capitalised words after it
    run on to an organisation word ("Food and Drug Administration", "Department of Health
    and Human Services"); two names joined by "and" are two names, and so are a name and
    an organisation word straight after "and" ("Firefox and Opera", "the Treasury and Bank
    of England": a name's own words come before its head), unless "and" joins the fields
    of a body named for them ("British Academy of Film and Television")."""
    tokens = view.tokens
    fields = any(t.fold in {"of", "for"} for t in tokens[max(0, j - 4):j])
    k = j + 1
    while k < len(tokens) and k not in claimed and _capitalised(tokens[k], n, ev) and \
            _adjacent(view, tokens[k - 1], tokens[k], ev) and k - j <= 4:
        if tokens[k].fold in ev.cues.org_words and (k > j + 1 or fields):
            return True
        k += 1
    return False


def _lend_titles(view: View, runs: list[_Run], ev: _Evidence) -> list[_Run]:
    """"The Bishop of Durham, the Rt Rev Dr Tom Wright": the person in apposition holds the
    title, so "the Bishop said" can later be resolved to Tom Wright."""
    if len(runs) < 2 or not any("of" in r.titles for r in runs):
        return runs
    base = view.sentence.start
    for a, b in zip(runs, runs[1:], strict=False):
        if "of" not in a.titles or len(b.tokens) < 2:
            continue
        gap = view.raw[a.tokens[-1].end - base:b.tokens[0].start - base]
        words = re.findall(r"[^\W\d_]+", gap)
        if gap.lstrip().startswith(",") and len(words) <= 5 and all(
                w.casefold() in ev.cues.titles or w.casefold() == "the" for w in words):
            b.titles = tuple(dict.fromkeys((*b.titles, *(t for t in a.titles if t != "of"))))
    return runs


def _area_after(view: View, last: int, ev: _Evidence) -> bool:
    """Whether a lower-case word for a part of a place follows token ``last`` straight after:
    "the Beeston area", "the Donbas region" (``Cues.area_nouns``; the caller asks for "the"
    before the name)."""
    tokens = view.tokens
    if last + 1 >= len(tokens):
        return False
    noun = tokens[last + 1]
    return noun.fold in ev.cues.area_nouns and noun.text.islower() and \
        not view.gap(tokens[last], noun).strip()


def _in_region_after(view: View, last: int, gazetteer: Gazetteer) -> bool:
    """Whether a comma and a state, province, region or country follow token ``last``, and
    then nothing of the same phrase: "Humpty Doo, Northern Territory", "Hudson, Ohio." (a
    town is named with its region so; not "Nokia, Finland's phone maker")."""
    tokens = view.tokens
    if last + 2 >= len(tokens) or view.gap(tokens[last], tokens[last + 1]).strip() != ",":
        return False
    found = gazetteer.match(tokens, last + 1)
    if found is None or found[1].type not in {"state", "county", "region", "country"}:
        return False
    end = last + found[0]  # the region's last token
    if tokens[end].possessive:
        return False
    if end + 1 == len(tokens):
        return True
    return view.gap(tokens[end], tokens[end + 1]).strip()[:1] in {",", ".", ";", ")"}


def _settlement_before(view: View, first: int, ev: _Evidence) -> bool:
    """Whether a kind of place and "of" stand just before token ``first``: "the eastern city
    of Goma", "the village of Kopački Rit" (``Cues.settlement_nouns``)."""
    tokens = view.tokens
    if first < 2 or tokens[first - 1].fold != "of":
        return False
    noun = tokens[first - 2]
    return noun.fold in ev.cues.settlement_nouns and noun.text[:1].islower() and \
        not view.gap(noun, tokens[first - 1]).strip() and \
        not view.gap(tokens[first - 1], tokens[first]).strip()


def _cue(view: View, first: int, last: int, ev: _Evidence, versus: bool = True) -> str:
    """What the words around a run say it is: "person" for "X said", "X, 45," and
    "X, the defence minister"; "speaker" for "X said"; "place" for "in X"; "organisation"
    for "X shares"."""
    tokens = view.tokens
    base = view.sentence.start
    raw = view.raw
    end = tokens[last].end - base
    nxt = tokens[last + 1] if last + 1 < len(tokens) else None
    # What stands between the run and the next word (or the sentence's end): an age needs
    # a comma first there and a score a digit, so their searches are run only then.
    after = raw[end:nxt.start - base if nxt is not None else len(raw)].strip()
    if after[:1] == "," and _AGE.match(raw, end):
        return "person"
    if tokens[first].text.isupper():  # (both need capitals)
        if first == last and _named_as_a_thing(view, first, ev):
            return "item"
        if first < last and _speaker_label(view, first, last, ev):
            return "person"
        if first < last and _layout_label(view, first, last):
            return "label"
    # (each test below is asked only where the word it starts from is there: a score
    # needs a blank after the run, "at Rabobank" an "at" before it, and so on; the gaps
    # either side of the run are cut once)
    prev = tokens[first - 1].fold if first else ""
    blank_before = first > 0 and not raw[tokens[first - 1].end - base:
                                         tokens[first].start - base].strip()
    if (after[:1].isdigit() and _SCORE_AFTER.match(raw, end) is not None
            and _score_line(view, first, last)) or versus and _fixture(view, first, last, ev):
        return "team"
    if blank_before and (prev == "told" or prev == "to" and first > 1
                         and tokens[first - 2].fold == "according"):
        # "told Reuters", "according to Ofcom": a source, a person or a body; as after
        # "a spokesman for", a lone word no census name says which
        return "employer"
    if prev == "at" and _works_at(view, first, ev):
        return "organisation"  # "an analyst at Rabobank", "officials at ABN AMRO"
    if first >= 2 and prev in _ROLE_PREPOSITIONS and _speaks_for(view, first, ev):
        return "employer"  # "a spokesman for Vodafone", "chief executive of Wippit"
    if first > 0 and prev in ev.cues.plural_roles and \
            tokens[first - 1].text[:1].islower() and blank_before and \
            not (first < last and tokens[first].fold in ev.names.given):
        return "employer"  # "say analysts Jupiter Research", "accountants KPMG": many
        # people named by one name are the firm they work for
    compass = prev in ev.cues.compass
    if first == last and compass and _compass_before(view, first, ev) and \
            _locative_before(view, first, ev) and not _held_or_played_for(view, first, ev):
        # "Rebels in eastern Zaire said": a word inside "in eastern ..." is not the subject
        # the verb after it speaks of, so "said" is no evidence against a place there (not
        # the plain "in X": "investors in Tesla said", "interest in Bitcoin"; review V4)
        return "place"
    gap = ""  # after the run, stripped
    if nxt is not None:
        gap = after
        if not gap and nxt.stem in ev.cues.speech_stems:
            # a person, or for a lone unknown word, an organisation; what the word before
            # calls it says which ("Film giant Disney says")
            return "body" if _body_noun_before(view, first, ev) else "speaker"
        if not gap and nxt.fold in _PLURAL_VERBS and opens(view, first):
            # "Tottenham were poor", a subject; not "Smith and Jones were", nor "the forces
            # led by Manuel Belgrano were defeated"
            return "body"
        if gap == ",":
            ahead = [t.fold for t in tokens[last + 1:last + 5]]
            if ahead and ahead[0] in {"the", "a", "an"}:
                ahead = ahead[1:]
            # (not when the run is itself a role in a list: "Producer, Director, Actor")
            if any(w in ev.cues.appositive_roles for w in ahead[:3]) and not any(
                    tokens[k].fold in ev.cues.person_nouns or tokens[k].fold in ev.cues.titles
                    for k in range(first, last + 1)):
                return "person"
    if prev == "the" and blank_before and _area_after(view, last, ev):
        return "place"  # "the Beeston area of Leeds", "the Donbas region"
    if first > 0 and prev in ev.cues.titles and tokens[first - 1].text[:1].islower() and \
            prev not in ev.cues.title_modifiers and blank_before:
        return "person"  # "coach Aston Moore", "IAAF chief Lamine Diack"
    if first > 1 and (prev in _BODY_PREPOSITIONS
                      or tokens[first - 1].possessive) and \
            _held_or_played_for(view, first, ev, lone=first == last):
        return "body"  # "shares in Carlsberg", "played for Footscray"
    if prev == "of" and blank_before and _settlement_before(view, first, ev):
        return "place"  # "the eastern city of Goma", "the town of Hiram"
    if (compass or prev in ev.cues.locatives) and _locative_before(view, first, ev) or (
            (tokens[last].fold in ev.cues.facility_heads or tokens[first].fold in ev.cues.compass)
            and first > 1 and tokens[first - 1].fold == "the"
            and _locative_before(view, first - 1, ev)):
        # "in Goma"; "in the Oval Office", "outside the Town Hall"; "in the West Midlands"
        return "place"
    if nxt is not None and (nxt.fold in ev.cues.club_roles
                            or nxt.fold in ev.cues.role_qualifiers) and \
            _role_of_body_after(view, last + 1, ev):
        # "Everton manager David Moyes": a club's or company's, even when the word is also
        # a census surname (a person is not written before another's role; review V15)
        return "body"
    if prev == "the" and _body_head_after(view, last, ev):
        return "employer"  # "the Atticus hedge fund", "the Zorbex company said" (weak: a
        # place's name classifies a body too, "the High Street retailer")
    if nxt is not None and (nxt.fold in ev.cues.org_followers
                            or nxt.fold in ev.cues.body_nouns) and (
            not gap or (
                (tokens[last].possessive or tokens[last].text.endswith("s"))
                and gap in {"'s", "’s", "'", "’"})):
        # "Heineken shares", "Ahold's earnings", "Mercedes' profits", "Game's customers";
        # what only a body has, written straight after it, outweighs a census surname ("a
        # Blair spokesman", "Smith's customers" are a person's)
        return "body" if nxt.fold in ev.cues.holdings_of and not gap else "organisation"
    return _context_cue(view, first, last, ev, blank_before, gap)


#: A gap ending in a decimal, or in an article and a number: "a 2.26 ERA", "an 0.47 ERA".
_DECIMAL_BEFORE = re.compile(r"\d\.\d+\s*$")
_MEASURE_BEFORE = re.compile(r"(?:\d\.\d+|^\s*\d[\d.,]*)\s*$")


def _named_as_a_thing(view: View, i: int, ev: _Evidence) -> bool:
    """"an SUV.", "Stan's SUV.", "a 2.26 ERA in 15 games": an acronym after an article, a
    person's possessive (not "Germany's TUI", "Italy's TIM") or a measure, heading its
    phrase (what follows is punctuation or a stop word, not a noun it qualifies: "an SS
    officer", "a BBC reporter"), names a thing one has or scores, not a body."""
    tokens = view.tokens
    t = tokens[i]
    if i == 0 or not (2 <= len(t.text) <= 6 and t.text.isupper() and t.text.isalpha()):
        return False
    before = tokens[i - 1]
    gap = view.gap(before, t)
    counted = (before.fold in _INDEFINITE and (not gap.strip() or _MEASURE_BEFORE.search(gap))) \
        or (before.possessive and gap.strip() in {"'s", "’s", "'", "’"} and (
            before.text[:1].islower() or before.fold in ev.names.given)) \
        or bool(_DECIMAL_BEFORE.search(gap))
    if not counted:
        return False
    return i + 1 == len(tokens) or bool(view.gap(t, tokens[i + 1]).strip()) or \
        tokens[i + 1].fold in ev.stop


#: After a transcript's speaker: "WOLF BLITZER:", "WOLF BLITZER, CNN ANCHOR:",
#: "CANDY CROWLEY (voice-over):".
_LABEL_AFTER = re.compile(r"[ \t]*(?:\([^()\n]{0,30}\)[ \t]*)?(?:,[^:\n]{0,40})?:")


def _speaker_label(view: View, first: int, last: int, ev: _Evidence) -> bool:
    """A name in capitals that opens a line of a transcript, before a colon (with the
    speaker's role between: "WOLF BLITZER, CNN ANCHOR:"), is the person speaking, whether
    or not its first word is a given name in the lists ("Wolf" is not).  Not a heading
    ("BREAKING NEWS:"): a name's last word is no frequent word, nor a body's word."""
    tokens = view.tokens
    if not tokens[first].text.isupper():
        return False
    words = tokens[first:last + 1]
    if not all(t.text.isupper() and t.text.isalpha() and len(t.text) > 1 for t in words):
        return False
    if tokens[last].fold in ev.names.common or any(
            t.fold in ev.cues.org_words for t in words):
        return False
    base = view.sentence.start
    line_start = first == 0 or "\n" in view.gap(tokens[first - 1], tokens[first])
    return line_start and _LABEL_AFTER.match(view.raw, tokens[last].end - base) is not None


_COLON_AFTER = re.compile(r"[ \t]*:")


def _layout_label(view: View, first: int, last: int) -> bool:
    """Words in capitals that open a line and end at a colon, before a line written in
    mixed case, that are no speaker (see :func:`_speaker_label`): a label of layout
    ("BREAKING NEWS:", "FACT CHECK:"), not a name."""
    tokens = view.tokens
    if not all(t.text.isupper() for t in tokens[first:last + 1]):
        return False
    if first and "\n" not in view.gap(tokens[first - 1], tokens[first]):
        return False
    base = view.sentence.start
    end = tokens[last].end - base
    colon = _COLON_AFTER.match(view.raw, end)
    if colon is None:
        return False
    line = view.raw[colon.end():].split("\n", 1)[0]
    return any(c.islower() for c in line)


def _body_head_after(view: View, last: int, ev: _Evidence) -> bool:
    """"the Atticus hedge fund", "the Sony group,": after "the" and the name, a lower-case
    kind of body heads the phrase (one or two words on; what follows is punctuation or a
    stop word), so the name classifies a body."""
    tokens = view.tokens
    for k in range(last + 1, min(last + 3, len(tokens))):
        t = tokens[k]
        if not t.text[:1].islower() or view.gap(tokens[k - 1], t).strip():
            return False
        if t.fold in ev.cues.org_nouns and not t.fold.endswith("s") and (
                k + 1 == len(tokens) or tokens[k + 1].fold in ev.stop
                or view.gap(t, tokens[k + 1]).strip()):
            return True
    return False


def _body_noun_before(view: View, first: int, ev: _Evidence) -> bool:
    """Whether a lower-case organisation noun stands just before token ``first`` ("giant
    Disney", "the carmaker Ferrari"; not "his rival Federer")."""
    if first == 0:
        return False
    before = view.tokens[first - 1]
    return before.text[:1].islower() and before.fold in ev.cues.org_nouns and \
        before.fold not in ev.cues.person_rivals and \
        not view.gap(before, view.tokens[first]).strip()


def _works_at(view: View, first: int, ev: _Evidence) -> bool:
    """"an analyst at Rabobank", "officials at ABN AMRO", "a professor at Leiden": after a
    person's role and "at", news names the body they work for, not where they stand."""
    tokens = view.tokens
    if first < 2 or tokens[first - 1].fold != "at" or \
            view.gap(tokens[first - 1], tokens[first]).strip():
        return False
    role = tokens[first - 2].fold
    roles = (ev.cues.appositive_roles, ev.cues.person_nouns)
    return (tokens[first - 2].text[:1].islower() or opens(view, first - 2)) and (
        any(role in words for words in roles) or _plural_of(role, *roles))


#: The prepositions after a body's role that name the body: "a spokesman for Vodafone".
_ROLE_PREPOSITIONS = frozenset({"for", "of", "with"})
#: Either: the words before a body's name that a lower-cased copy is searched after.
_NAMING_PREPOSITIONS = _BODY_PREPOSITIONS | _ROLE_PREPOSITIONS


def _speaks_for(view: View, first: int, ev: _Evidence) -> bool:
    """"the chairman of Vodafone", "the chief executive of Wippit", "an analyst with
    Jupiter": after a role held in a body (``Cues.body_roles``, in lower case) and "for",
    "of" or "with", news names the body.  Weak as "X said" is, so a census name is not
    made a body by it; roles that serve a person as often ("a spokesman for Mr Blair", "a
    spokeswoman for Netanyahu") are not among them."""
    tokens = view.tokens
    if first < 2 or tokens[first - 1].fold not in _ROLE_PREPOSITIONS or \
            view.gap(tokens[first - 1], tokens[first]).strip():
        return False
    role = tokens[first - 2]
    return role.text[:1].islower() and role.fold in ev.cues.body_roles and \
        not view.gap(role, tokens[first - 1]).strip()


#: Prepositions that end an apposition's head: "editor of a magazine".
_GOVERNORS = frozenset("of for at in with from on by".split())
#: Words that follow a noun phrase's head: "a Russian oil company that", "a town in".
_HEAD_ENDS = _GOVERNORS | frozenset("that which who whose and or based".split())
#: Words after which a clause, and so its subject, begins.
_CLAUSE_OPENERS = frozenset("and but when while then because although though after before if "
                            "so however until once since".split())


def _subject_at(view: View, i: int) -> bool:
    """Whether token ``i`` stands where a clause's subject does: at the start of the
    sentence or after a comma or a conjunction (not after a verb or a preposition)."""
    if opens(view, i):
        return True
    before = view.tokens[i - 1]
    return before.fold in _CLAUSE_OPENERS or view.gap(before, view.tokens[i]).strip() == ","


def _apposition(view: View, after: Sequence[Token], ev: _Evidence) -> str:
    """What an apposition after a name and its comma says it is, by its head noun:
    "Squirrel, his first jazz band," (a body), "Novak, a singer," (a person), "Goma, a
    town in eastern Congo," (a place); "" when it says nothing."""
    cues = ev.cues
    determined = after[0].fold in _ARTICLES
    qualified = False  # past a name or a possessive, only the head noun speaks
    for k, t in enumerate(after[:4]):  # its head noun, before any "of": "Irish, editor
        # of a magazine"; a place's or nation's name may qualify it after an article
        # ("Kraft, the US food giant,"), or a possessive ("Ali, the firm's founder,")
        if t.capital and not (determined and k) or t.fold in _GOVERNORS:
            break
        if t.capital or t.possessive:
            qualified = True
            continue
        head = k + 1 == len(after) or after[k + 1].fold in _HEAD_ENDS or \
            bool(view.gap(t, after[k + 1]).strip())
        if qualified and not head:
            continue
        if _plural_of(t.fold, cues.org_nouns, cues.person_nouns):
            break  # "Ken Livingstone, business groups and ...": a list, no apposition
        if t.fold in cues.org_nouns:
            return "body"  # "Kraft, the US food giant,": what it is, surname or not
        if t.fold in cues.kin_nouns and (t is after[0] or after[
                after.index(t) - 1].fold not in _KIN_DETERMINERS):
            break  # "the Amazon, cousin slept": a kin word heads an apposition only
            # after "his", "her", "the" ("Jane, his wife,"; review V17)
        if t.fold in cues.person_nouns or t.fold in cues.appositive_roles:
            return "person"
        if determined and head and t.fold in cues.place_words:
            return "place"  # "Goma, a town in eastern Congo,": the head is a place's
    return ""


def _context_cue(view: View, first: int, last: int, ev: _Evidence, blank_before: bool,
                 gap: str) -> str:
    """What the nouns and pronouns around a run say it is, as a reader infers a name's kind
    from its context when it is new to them (Collins & Singer 1999, "Unsupervised models
    for named entity classification", use the same contextual rules as features):

    - "the" just before and nothing else: "article", no person ("the Ramones");
    - a lower-case noun just before: "the band Spirit", "the company Amuseworld" (an
      organisation), "the pianist András", "singer Adele" (a person);
    - a definition after: "X is a Danish chain of hypermarkets", "X is a Swiss footballer",
      "X is a village in Hampshire";
    - "X's wife", "X's career"; "X, who"; "X (born 1988)": a person;
    - a subject followed within a few words by "he", "she", "his" with no other name
      between ("Cabral came through the ranks ... alongside his fellow"): a person.

    ``blank_before`` says whether only blank space stands before the run (which is not
    the sentence's first word), ``gap`` is what stands after it, stripped (:func:`_cue`
    cut both).
    """
    tokens = view.tokens
    cues = ev.cues
    # "the Ramones", "The Stooges": a person's name takes no article; said only when no
    # stronger cue below speaks ("the Bronx is a borough").
    none = "article" if blank_before and tokens[first - 1].fold == "the" else ""
    if first > 0:
        before = tokens[first - 1]
        if blank_before and before.text[:1].islower():
            if before.fold in cues.org_nouns:
                # "giant Bombardier", "the carmaker Ferrari": a body even when a census
                # surname (not "his rival Federer": a rival may be a person)
                return "organisation" if before.fold in cues.person_rivals else "body"
            if before.fold.removeprefix("ex-") in cues.person_nouns:
                return "person"  # "the pianist András", "his son Guido", "ex-boyfriend Jeff"
        if first > 2 and before.fold == "as" and tokens[first - 2].fold == "such" and \
                tokens[first - 3].fold in cues.org_nouns and \
                tokens[first - 3].fold not in cues.person_rivals and \
                tokens[first - 3].fold.endswith("s"):  # a kind of body in the plural
            return "body"  # "companies such as Disney", "retailers such as Wal-Mart"
        if first > 1 and before.fold == "like" and tokens[first - 2].fold in cues.org_nouns \
                and tokens[first - 2].fold not in cues.person_rivals and \
                tokens[first].fold not in ev.names.given:  # (not "the club like Michael
            # Owen did": "like" may join a clause)
            return "body"  # "a club like Real Madrid", "firms like Dell"
    after = tokens[last + 1:last + 9]
    if not after:
        return none
    if tokens[last].possessive and gap in {"'s", "’s", "'", "’"}:
        if after[0].fold.removeprefix("ex-") in cues.kin_nouns:
            return "person"
        if first == last and len(after) > 1 and after[0].capital and after[1].capital and \
                after[0].fold in ev.names.given and tokens[first].fold not in ev.names.given \
                and not view.gap(after[0], after[1]).strip():
            return "body"  # "Unison's Dave Prentis", "Atticus' David Slager": whom one
            # works or plays for is named so, a person's relative by a kin word
        if first == last:
            return "owner"  # "Nintendo's attempt": someone's or some body's, a weak vote
    if (gap == "," and after[0].fold == "who") or (
            gap.replace(" ", "") in {"(", ",("} and after[0].fold == "born"):
        return "person"
    if gap == ",":
        found = _apposition(view, after, ev)
        if found:
            return found
    if not gap and len(after) > 2 and after[0].fold in {"is", "was"} and \
            after[1].fold in {"a", "an"}:
        for t in after[2:6]:
            if t.capital and t.fold not in ev.mixed:
                continue  # "a Danish chain": a demonym may come first
            if t.fold in cues.org_nouns:
                return "organisation"
            if t.fold in cues.person_nouns:
                return "person"
            if t.fold in cues.place_words:
                return "place"
    if gap or not after[0].text[:1].islower() or not _subject_at(view, first):
        return none
    for k, t in enumerate(after):
        if t.capital and not opens(view, last + 1 + k) or t.fold == "it":
            return none
        if t.fold in {"its", "itself"}:
            return "thing"  # "Sony is expected to release its PSP"
        if t.fold in cues.person_pronouns:
            return "person"
    return none


#: Titles of those who sit for a place: "the MP for Grantham", "Senator for Victoria".
_SEAT_TITLES = frozenset("mp mps mep meps msp msps mla mlas td tds member members senator "
                         "senators congressman congresswoman representative councillor "
                         "deputy".split())
#: The words before a kin noun in apposition: "Jane, his wife,", "Sam, the widow of".
_KIN_DETERMINERS = frozenset("his her their its the a an whose our my your".split())


def _plural_of(word: str, *nouns: frozenset[str]) -> bool:
    """Whether ``word`` is the plural of one of ``nouns`` ("groups", "bands"): one name is
    not in apposition to many."""
    return word.endswith("s") and any(word[:-1] in n for n in nouns)


def _acronym_after(view: View, last: int) -> str:
    """The acronym written in brackets just after a name, if any: "… States (OAS)"."""
    base = view.sentence.start
    found = _ACRONYM_DEFINED.match(view.raw, view.tokens[last].end - base)
    return found.group(1) if found and sum(c.isupper() for c in found.group(1)) >= 2 else ""


def _display(tokens: Sequence[Token], ev: _Evidence, view: View | None = None) -> str:
    """A run as the body writes it: an ALL-CAPS word in its mixed-case form when there is
    one ("PRAGUE" is shown as "Prague"), and the ampersand of "Marks & Spencer" kept
    (given the ``view`` the tokens are in)."""
    # (not a stop word: its mixed-case form is grammar's capital, and "IT" or "WHO" is an
    # acronym, not "It" or "Who")
    if len(tokens) == 1:
        t = tokens[0]
        if view is not None and view.doc in ev.lowered:
            # a lower-cased copy's one capital opens a sentence: the others write the word
            return ev.written.get(t.fold, t.text)
        text = t.text
        # (a word not in capitals is shown as written: asked before _shout's tests)
        return ev.mixed.get(t.fold, text) if text.isupper() and _shout(t) and \
            t.fold not in ev.stop else text
    words = [ev.mixed.get(t.fold, t.text) if _shout(t) and t.fold not in ev.stop else t.text
             for t in tokens]
    if view is None or len(tokens) < 2:
        return " ".join(words)
    out = [words[0]]
    for a, b, word in zip(tokens, tokens[1:], words[1:], strict=False):
        out.append("& " + word if view.gap(a, b).strip() == "&" else word)
    return " ".join(out)


def _he_or_she_said(view: View, last: Token, ev: _Evidence) -> bool:
    """Whether a speech verb and "he" or "she" follow the name ending in ``last``: "Tiger
    Woods said he would play" speaks of a person, whatever "Woods" is the plural of
    (review V6); "Lehman Brothers said it" does not."""
    tokens = view.tokens
    k = tokens.index(last)
    return k + 2 < len(tokens) and tokens[k + 1].stem in ev.cues.speech_stems and \
        tokens[k + 2].fold in {"he", "she"}


def _kind_of_run(run: _Run, ev: _Evidence, gazetteer: Gazetteer, view: View) -> str:
    """Organisation, place, other, or "" for a run that may be a person."""
    cues = ev.cues
    if len(run.tokens) == 1:  # (what the tests below ask of one word)
        f = run.tokens[0].fold
        if f in cues.compass:
            return "place"
        if f in cues.org_words:
            return "organisation"
        return "other" if f in cues.event_words else ""
    if run.cue == "label":
        return "other"
    folds = [t.fold for t in run.tokens]
    if all(f in cues.compass for f in folds):
        return "place"  # "the North East"
    if all(f in cues.party_labels for f in folds):
        return "organisation"  # "Liberal Democrat MP Jackie Ballard", as "Labour MP"
    if len(folds) > 1 and folds[0] in cues.compass:
        rest = gazetteer.match(run.tokens, 1)
        if rest is not None and rest[0] == len(folds) - 1 and rest[1].kind == "place":
            return "place"  # "East Perth", "North Vancouver"
    if len(folds) > 1 and folds[-1] in cues.facility_heads and run.cue == "place":
        return "place"  # a building or a room one is in: "in the Oval Office"
    if any(f in cues.org_words for f in folds) or (len(folds) > 1 and (
            folds[0] in cues.org_prefixes and not any(
                f in cues.connectors or f in ev.stop for f in folds[1:])
            or folds[-1] in cues.org_suffixes)):
        # (a club's prefix opens a name, not a title: "Real Madrid", not "Real To Me",
        # nor the ground "Stade de France")
        return "organisation"
    if run.acronym and len(folds) > 1 and folds[0] not in ev.names.given:
        return "organisation"  # people are not given acronyms in brackets
    if len(folds) > 1 and run.view not in ev.shouting and folds[0] not in ev.names.given \
            and run.cue != "person" and all(len(t.text) >= 2 and t.text.isalpha()
                                            and t.text.isupper() for t in run.tokens):
        # "ABN AMRO", "BBC WS": words of capitals outside a headline; not a name in capitals
        # a transcript or a byline sets ("JOHN SMITH", "DONALD TRUMP"; review V5)
        return "organisation"
    if any(view.gap(a, b).strip() == "&"
           for a, b in zip(run.tokens, run.tokens[1:], strict=False)):
        # "Marsh & McLennan", "Procter & Gamble": partners' names joined make a firm's
        # (two people, "Karl Langdon & Gary Carvolth", are split before; review V16)
        return "organisation"
    if len(folds) > 1:
        head = gazetteer.match(run.tokens, 0)
        if head is not None and head[1].kind == "place" and head[0] < len(folds) and \
                not head[1].needs_evidence and folds[0] not in ev.names.given and \
                not any(f in cues.connectors for f in folds):
            rest = folds[head[0]:]
            # (a compass word that opens the place, "New York", "West Bromwich", says
            # nothing of the words after it: "New York Jets" is a club)
            if len(rest) == 1 and rest[0] in cues.place_words \
                    and rest[0] not in {"city", "town", "county"}:
                return "place"  # "Hay Street" (not "Manchester City")
            if rest[-1] in {"city", "town"} or (
                    rest[-1].endswith("s") and rest[-1] not in cues.not_nicknames):
                return "organisation"  # a club: "Manchester City", "Indianapolis Colts"
        if folds[-1] in cues.place_words or folds[0] in cues.place_prefixes or (
                _heads_place_of(folds[0], cues) and folds[1] == "of" and len(folds) > 2
                and not any(f in cues.event_words for f in folds[2:])):
            return "place"  # "Hay Street", "Lake Victoria", "the Gulf of Mexico"
    if any(f in cues.event_words for f in folds) and not (
            folds[0] in ev.names.given and "of" not in folds
            and not any(f in cues.event_words for f in folds[1:])):
        # ("the Finance Bill", "Davis Cup", "Clarence House"; not "Bill Gates", "Bill
        # Clinton": the event word is the given name that opens them)
        return "other"
    if folds[0] in cues.compass and run.cue == "place":
        return "place"  # "in the West Midlands", "across the South Downs"
    return ""


#: A number word opens a title ("Thirty Seconds"), not a name; an acronym does not end a
#: person's name ("Liberal-Labour MPP"), a king's numeral may ("George III").
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve "
                          "twenty thirty forty fifty sixty seventy eighty ninety hundred "
                          "thousand million".split())
#: Endings of English adjectives and participles ("National", "Dynamic", "Registered",
#: "Fighting", "Famous", "Active"): a word with one opens a description, not a person's name
#: (given names with them are in the census list and are not affected).
_ADJECTIVE_ENDINGS = ("al", "ic", "ed", "ing", "ous", "ive", "ful", "less", "ary")


def _classify(runs: list[_Run], ev: _Evidence, gazetteer: Gazetteer,
              views: Sequence[View]) -> list[Mention]:
    """Turn candidate runs into person, organisation, place and other mentions."""
    cues, names = ev.cues, ev.names
    full_people: dict[tuple[str, str], str] = {}
    surnames: dict[str, list[tuple[int, str]]] = defaultdict(list)
    first_names: dict[str, set[str]] = defaultdict(set)
    titled: dict[str, tuple[str, ...]] = {}
    defined: dict[str, tuple[str, str]] = {}  # acronym -> (name, kind)
    out: list[Mention] = []
    singles: list[_Run] = []
    runs = _split_at_given_name(_split_at_title(_split_at_of(runs, ev), ev), ev)
    # A name whose last word the text also uses alone is a person's: writers call people by
    # surname ("Dewa Budjana" ... "Budjana"), rarely a company or a band by its last word.
    alone = {r.tokens[0].fold for r in runs if len(r.tokens) == 1}
    runs = _trim_openers(runs)
    # "B O'Driscoll" in a line-up is the report's "Brian O'Driscoll", but "J Robinson" is not
    # "Andy Robinson": an initial stands for the one given name it opens.
    given_by_surname: dict[str, set[str]] = defaultdict(set)
    for run in runs:
        if 2 <= len(run.tokens) <= 4 and not _initial(run.tokens[0]):
            given_by_surname[run.tokens[-1].fold].add(run.tokens[0].fold)
    initialled: list[tuple[_Run, tuple[str, str]]] = []
    sure_people: set[str] = set()  # people by more than "X said" (a body says things too)
    teams: set[str] = set()  # sides of a results line ("Chelsea 2 Aston Villa 2")
    titled_people: set[str] = set()  # people by a title or a cue, not by the census lists
    # A name of several words is said again and again ("Barack Obama"): how it is shown
    # and what its words make it depend on its words, where an ampersand joins them, and
    # (for its kind) its cue, its acronym and whether its line is in capitals, so each is
    # worked out once per brief.
    shown: dict[tuple[tuple[str, ...], tuple[bool, ...]], str] = {}
    sorted_as: dict[tuple[tuple[tuple[str, ...], tuple[bool, ...]], str, bool, bool], str] = {}
    for run in runs:
        words = run.tokens
        folds = list(map(_FOLD, words))
        texts = tuple(map(_TEXT, words))
        view = views[run.view]
        key = None
        if len(words) == 1:
            name = _display(words, ev, view)
        else:
            key = (texts, tuple(
                view.gap(a, b).strip() == "&" for a, b in zip(words, words[1:], strict=False)))
            name = shown.get(key)
            if name is None:
                name = shown[key] = _display(words, ev, view)
        start, end = words[0].start, words[-1].end
        # (a word with a digit is a code; most runs are letters only, told in C)
        if not all(map(str.isalpha, texts)) and any(
                not text.isalpha() and any(map(str.isdigit, text)) for text in texts):
            continue
        whole = gazetteer.match(words, 0) if "of" in run.titles else None
        if whole is not None and whole[0] == len(words):
            entry = whole[1]  # "Mayor of London": the title was cut, the place is left
            out.append(Mention(run.view, start, end, entry.canonical, entry.kind,
                               entry.strength, alias=entry.alias, country=entry.country))
            continue
        if key is None:
            kind = _kind_of_run(run, ev, gazetteer, view)
        else:
            sort_key = (key, run.cue, bool(run.acronym), run.view in ev.shouting)
            kind = sorted_as.get(sort_key)
            if kind is None:
                kind = sorted_as[sort_key] = _kind_of_run(run, ev, gazetteer, view)
        if run.cue == "team":
            kind = "organisation"  # "Leicester 3 Derby 0": a club, whatever else it names
            teams.add(name)
        if len(words) > 1 and (run.cue in _BODY_CUES and kind in {"", "place"} or (
                run.cue == "employer" and not kind and folds[0] not in names.given)):
            kind = "organisation"  # "the band Linkin Park": the noun outweighs "Park"
        if not kind and len(words) > 1 and (run.cue == "place" and (
                _settlement_before(view, _token_at(view, start) or 0, ev)
                or _in_region_after(view, _token_at(view, words[-1].start) or 0, gazetteer))):
            kind = "place"  # "the village of Kopački Rit": only a place's name stands there,
            # and "lives in Humpty Doo, Northern Territory" names the town with its region
        if run.acronym and kind:
            defined[run.acronym] = (name, kind)
        if kind:
            out.append(Mention(run.view, start, end, name, kind, titles=run.titles))
            continue
        if len(words) == 1:
            singles.append(run)
            continue
        if len(words) <= 3 and all(_initial(t) for t in words[:-1]) and \
                not _initial(words[-1]):
            letter = folds[0]
            full = [g for g in given_by_surname.get(folds[-1], ()) if g[:1] == letter]
            initialled.append((run, (full[0], folds[-1]) if len(full) == 1 else
                               (folds[0], folds[-1])))
            continue
        ordinary = any(f in {"of", "the"} for f in folds) or (
            not run.titles and any(f in ev.lower_forms and f not in cues.connectors
                                   for f in folds))
        # "Minister for National Development Planning": after "of"/"for" the run is the
        # office's domain, not the holder's name.
        office = bool(run.titles) and run.titles[-1] in {"of", "for"}
        # An acronym ("MAC East", "ERA for Orlando") or a number word is no given name, and
        # a first word an adjective's or participle's ending marks ("Dynamic Speaker",
        # "Registered Historic Place") does not make the census surname after it a person's,
        # nor do frequent English words before it ("Discovery People": a description).
        coded = (len(words[0].text) >= 3 and words[0].text.isupper()) or \
            folds[0] in _NUMBER_WORDS or (len(words[-1].text) >= 2 and words[-1].text.isupper()
                                          and not _ROMAN.fullmatch(words[-1].text))
        descriptive = (folds[0].endswith(_ADJECTIVE_ENDINGS) or all(
            f in names.common for f in folds)) and folds[0] not in names.given
        by_context = (bool(run.titles) and not office) or run.cue == "person"
        named = by_context or \
            (not coded and run.cue not in {"article", "office"} and (
                folds[0] in names.given or (folds[-1] in names.surnames and not descriptive
                                            and folds[0] not in ev.lower_forms
                                            and folds[-1] not in ev.lower_forms) or (
                    len(folds) <= 3 and folds[-1] in alone)))
        # "the Liberal Democrats said", "Delta Air Lines said": a name ending in the plural
        # of a frequent word is a body's (people's surnames in -s are census ones or rare
        # words: "Williams", "Jenkins"), unless a given name or a title opens it.
        # (a lower-case "s" as written: "TIGER WOODS" in a transcript is no plural)
        plural = len(words[-1].text) > 3 and words[-1].text.endswith("s") and \
            _plural_of(folds[-1], names.common) and not by_context and \
            folds[0] not in names.given and not _he_or_she_said(views[run.view], words[-1], ev)
        if plural and run.cue == "speaker":
            out.append(Mention(run.view, start, end, name, "organisation", titles=run.titles))
            continue
        if len(words) <= 4 and not ordinary and not plural and (named or run.cue == "speaker"):
            key = (folds[0], folds[-1])
            display = full_people.setdefault(key, name)
            if named:
                sure_people.add(display)
            if by_context:
                titled_people.add(display)
            surnames[folds[-1]].append((run.view, display))
            first_names[folds[0]].add(display)
            if run.titles:
                titled[display] = run.titles
            out.append(Mention(run.view, start, end, display, "person", titles=run.titles))
        else:
            out.append(Mention(run.view, start, end, name, "other"))
    for run, key in initialled:
        words = run.tokens
        display = full_people.setdefault(key, _display(words, ev))
        surnames[key[1]].append((run.view, display))
        out.append(Mention(run.view, words[0].start, words[-1].end, display, "person",
                           titles=run.titles))
    for said_alone in surnames.values():
        said_alone.sort(key=itemgetter(0))  # in text order, for "the latest one before"
    # "Boston Bruins" ... "the Bruins": a body's distinctive last word stands for it, as a
    # surname does for a person (not a generic one: "the Party", "the Ministry").
    clubs: dict[str, set[str]] = defaultdict(set)
    # "Marsh & McLennan" ... "Marsh", "Goldman Sachs" ... "Goldman": a firm is called by
    # its first word as a person is by surname, when that word is no common one
    heads: dict[str, set[str]] = defaultdict(set)
    first_named: dict[str, tuple[int, int]] = {}
    for m in out:
        first_named.setdefault(m.name, (m.view, m.start))
        words = m.name.split()
        last = fold(words[-1]) if len(words) > 1 else ""
        if m.kind == "organisation" and last.isalpha() and not (
                last in cues.org_words or last in cues.corporate_suffixes
                or last in cues.place_words or last in ev.lower_forms or last in ev.stop):
            clubs[last].add(m.name)  # "United" for "Manchester United", not "Inc"
        head = fold(words[0]) if len(words) > 1 and m.kind == "organisation" else ""
        if head.isalpha() and not (
                head in names.common or head in names.given or head in cues.org_words
                or head in cues.org_prefixes or head in cues.place_prefixes
                or head in cues.compass or head in cues.titles or head in ev.lower_forms
                or head in ev.stop):
            heads[head].add(m.name)  # "Marsh" for "Marsh & McLennan", not "Royal", "New"
    votes: Counter[tuple[str, str]] = Counter()
    things = {run.tokens[0].text for run in singles if run.cue == "item"}
    given_alone: set[str] = set()  # folded given names said alone with no other reading
    # each lone word's mention, made once its kind is known (below): (view, start, end,
    # name, kind or "other", titles)
    lone_words: list[tuple[int, int, int, str, str, tuple[str, ...]]] = []
    for run in singles:
        word = run.tokens[0]
        folded = word.fold  # (read once: a named tuple's field is a look-up)
        known = surnames.get(folded)
        display, kind = None, "person"
        if word.text in defined:
            display, kind = defined[word.text]
        elif known:
            earlier = [d for v, d in known if v <= run.view]
            display = earlier[-1] if earlier else known[0][1]
        elif len(first_names.get(folded, ())) == 1:
            display = next(iter(first_names[folded]))
        elif folded not in names.common and ("of" in run.titles or (
                len(run.titles) > 1 and run.titles[-1] == "for"
                and run.titles[-2] in _SEAT_TITLES)):
            # "Bishop of Durham": a see; "the MP for Grantham": a seat; places both (not
            # "Minister for Health", nor "Minister for Brexit": an office's field; review V6;
            # nor a frequent word after "of", "Lord of the Rings": a title's, not a see's)
            display, kind = _display([word], ev), "place"
        elif "of" in run.titles:
            display, kind = _display([word], ev), "other"  # "Rings", "Sky", "Culture"
        elif run.titles:
            display = word.text
        elif folded in cues.party_labels and folded not in names.surnames:
            display, kind = _display([word], ev), "organisation"  # "Labour", "Tory"
        elif _acronym(word, cues) and folded in ev.stop and \
                gazetteer.lookup(word.text) is None:
            # A stop word in capitals that the gazetteer does not hold ("WHO", "US" it
            # does) is emphasis or a thing ("AND", "NOT", "IT", "IE"), not a body.
            display, kind = word.text, "other"
        elif _acronym(word, cues) and ev.mixed.get(folded + "s") != word.text + "s" \
                and word.text not in things:
            # (not "CD" in a text that writes "CDs": a body is not counted in the plural;
            # nor "SUV" in one that writes "an SUV.": a thing, see _named_as_a_thing)
            display, kind = (word.text if folded in ev.stop else  # "IT", "WHO"
                             ev.mixed.get(folded, word.text)), "organisation"
        elif clubs.get(folded):  # "the Bruins"; the first named of several
            display, kind = min(clubs[folded], key=first_named.__getitem__), "organisation"
        elif len(heads.get(folded, ())) == 1 and gazetteer.lookup(word.text) is None:
            # (not "Deutsche" of two bodies, nor a place a body is named after: "Slough")
            display, kind = next(iter(heads[folded])), "organisation"
        elif folded in names.given and folded not in ev.lower_forms and \
                run.cue not in {*_BODY_CUES, "place", "article", "office"}:
            # A given name alone is a person's only with evidence (a cue below, or a person
            # it is listed with): news calls people by surname, and a lone "Chelsea",
            # "Jordan" or "Victoria" is as often a club, a country or a city.
            given_alone.add(folded)
        if display is None:
            display = _display([word], ev, views[run.view])
            kind = "other"
            if run.cue == "person" or (run.cue == "place" and (
                    word.fold not in names.common
                    or _settlement_before(views[run.view], _token_at(views[run.view],
                                                                     word.start) or 0, ev))):
                kind = run.cue  # "in Goma"; not "in Marketing": a frequent word is a field
                # (but "the town of Rugby" names a place whatever the word)
            elif run.cue == "body":
                kind = "organisation"  # "shares in Ferrari", "giant Bombardier": surnames too
            elif run.cue in {"speaker", "organisation", "employer"} and \
                    folded not in names.surnames and not (
                        run.cue in {"speaker", "employer"} and folded in names.given):
                kind = "organisation"  # "Reuters said", "Heineken shares" (not "Hayley said")
            elif run.cue in {"thing", "owner"} and folded not in names.surnames and \
                    folded not in names.given:
                kind = "organisation"  # "Sony ... its PSP": no person, and no known place
            # what only a body is or has ("giant Bombardier", "Kraft, the food giant,")
            # outweighs where a word stands ("at Kraft"): two votes
            votes[(display, kind)] += 2 if run.cue == "body" else 1
            kind = "other"  # until the votes of all its mentions are counted (below)
        lone_words.append((run.view, word.start, word.end, display, kind,
                           run.titles or titled.get(display, ())))
    # A lone word is a place if the text ever puts it after "in"/"near", an organisation if
    # it "said" something or has "shares", and not someone's name: "in Goma", later "Goma".
    cued: dict[str, str] = {}
    for (name, kind), _ in sorted(votes.items(), key=lambda v: -v[1]):
        if kind != "other":
            cued.setdefault(name, kind)  # the kind most of its cued mentions say
    # "X said" is said of people as of bodies; "his", "X's wife", "the pianist X" only of
    # people, so one such cue outweighs any number of "said".
    for (name, kind), count in votes.items():
        if kind == "person" and count:
            cued[name] = "person"
    out = [Mention(m.view, m.start, m.end, m.name, cued[m.name], m.strength, m.titles)
           if m.kind == "other" and m.name in cued else m for m in out]
    out += [Mention(n, start, end, name, cued[name] if kind == "other" and name in cued
                    else kind, titles=titles)
            for n, start, end, name, kind, titles in lone_words]
    if given_alone:
        out = _listed_with(out, {m.name for m in out if m.kind == "other" and " " not in m.name
                                 and fold(m.name) in given_alone}, views)
    # "hedge funds TCI and Atticus", "Ford and GM": a lone word no census given name, left
    # with no kind, listed with a body is one (the names of a list are of one kind)
    lone = {m.name for m in out if m.kind == "other" and " " not in m.name and "." not in m.name}
    out = _listed_with(out, {name for name in lone if fold(name) not in names.given}, views,
                       "organisation")
    # "Deutsche Boerse told Reuters" ... "Deutsche Boerse investors": a name only "said"
    # things as a person would, and elsewhere has what only a body has, is the body.
    # A side in a results line is a club even when its words are a census given name and
    # surname ("Aston Villa" ... "Villa"); only a title or a person's cue outweighs that.
    bodies = {m.name for m in out if m.kind == "organisation"}
    out = [m._replace(kind="organisation") if m.kind == "person" and m.name in bodies
           and (m.name not in sure_people or m.name in teams
                and m.name not in titled_people) else m for m in out]
    return _spell_acronyms(_agree(out), defined)


#: A body named for its fields, whose name a list may go on: "Office of Management and
#: Budget", "Department for Culture, Media and Sport".
_FIELDS = re.compile(r" (?:of|for|and) ")
#: What joins the names of a list: "Jeff and Hayley", "Guido, Henrique and José Pedro".
_LISTED_WITH = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s*)")


def _in_a_list(raw: str, start: int, end: int) -> bool:
    """Whether two names joined by a bare comma (``raw[start:end]``) are items of a list: it
    goes on after the second ("Guido, Henrique and José Pedro") or came to the first with a
    comma.  Otherwise the comma may end an opening phrase ("Before Christmas, Shell
    revealed", review V5), the commonest comma before a subject in news."""
    return bool(_JOINER_AFTER.match(raw, end)) or raw[:start].rstrip().endswith(",")


#: A list's joiner just after a name, or just before one.
_JOINER_AFTER = re.compile(r"\s*(?:,|&|and\s|or\s)")
_JOINER_BEFORE = re.compile(r"(?:,|&|\band|\bor)\s*$")


def _joined(view: View, m: Mention) -> bool:
    """Whether a list's joiner stands next to mention ``m`` in its sentence."""
    base = view.sentence.start
    raw = view.raw
    return _JOINER_AFTER.match(raw, m.end - base) is not None or \
        _JOINER_BEFORE.search(raw, max(0, m.start - base - 8), m.start - base) is not None


def _listed_with(mentions: list[Mention], waiting: set[str], views: Sequence[View],
                 kind: str = "person") -> list[Mention]:
    """A given name said alone is a person's when the text lists it with a person ("Jeff
    and Hayley", "sons Guido, Henrique and José Pedro"): the names of a list are of one
    kind.  Repeated until nothing changes, so the kind runs along the list.  ``waiting``
    are the names (with no kind yet) that may take ``kind`` from one they are listed with."""
    if not waiting:
        return mentions
    waiting = set(waiting)
    people: set[str] = set()
    # only the sentences that say a waiting name alone next to a list's joiner can list it
    # with someone (what _LISTED_WITH matches starts with one and ends with one)
    at: set[int] = set()
    for m in mentions:
        if m.kind == kind:
            people.add(m.name)
        elif m.name in waiting and m.view not in at and _joined(views[m.view], m):
            at.add(m.view)
    if not at or not people:
        return mentions
    by_view: dict[int, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.view in at:
            by_view[m.view].append(m)
    for ms in by_view.values():
        ms.sort(key=lambda m: m.start)
    # the names listed together, once: only a pair with a waiting name can change a kind
    pairs: list[tuple[Mention, Mention]] = []
    for ms in by_view.values():
        base = views[ms[0].view].sentence.start
        raw = views[ms[0].view].raw
        pairs += [(a, b) for a, b in zip(ms, ms[1:], strict=False)
                  if (a.name in waiting or b.name in waiting)
                  and (joiner := _LISTED_WITH.fullmatch(raw, a.end - base, b.start - base))
                  and (joiner.group().strip() != "," or _in_a_list(raw, a.start - base,
                                                                    b.end - base))]
    changed = True
    while changed and waiting:
        changed = False
        for a, b in pairs:
            for one, other in ((a, b), (b, a)):
                if kind != "person" and one is b and _FIELDS.search(other.name):
                    continue  # "the Department for Education and Skills": its name
                if one.name in waiting and other.name in people:
                    waiting.discard(one.name)
                    people.add(one.name)
                    changed = True
    listed = {m.name for m in mentions if m.kind == "other" and m.name in people}
    return [m._replace(kind=kind) if m.name in listed else m for m in mentions]


def _agree(mentions: list[Mention]) -> list[Mention]:
    """One kind per name: the kind most of its mentions were given by their own evidence
    (a mention with none, "other", does not vote), the first such mention breaking a tie."""
    kind: dict[str, str] = {}  # the first kind each name was given
    split: set[str] = set()  # names given more than one kind (few): counted below
    for m in mentions:
        if m.kind != "other" and kind.setdefault(m.name, m.kind) != m.kind:
            split.add(m.name)
    if split:
        votes: dict[str, Counter[str]] = defaultdict(Counter)
        for m in mentions:
            if m.kind != "other" and m.name in split:
                votes[m.name][m.kind] += 1
        kind.update({name: c.most_common(1)[0][0] for name, c in votes.items()})
    return [m if kind.get(m.name, m.kind) == m.kind else m._replace(kind=kind[m.name])
            for m in mentions]


def _spell_acronyms(mentions: list[Mention], defined: dict[str, tuple[str, str]]
                    ) -> list[Mention]:
    """A name the text abbreviates is listed with its acronym, "Badminton World Federation
    (BWF)", as the text itself first writes it: a reader scanning the list meets both forms
    in the body, and the acronym alone ("BWF") is then no second entity."""
    spelled: dict[str, str] = {}
    for acronym, (name, _) in defined.items():
        spelled.setdefault(name, f"{name} ({acronym})")
    if not spelled:
        return mentions
    out = []
    for m in mentions:
        if " & " in m.name and m.name not in spelled:
            # "B&B" said again is read as the words "B & B": the name it was defined for
            found = defined.get(m.name.replace(" & ", "&"))
            if found is not None:
                m = m._replace(name=found[0], kind=found[1])
        out.append(m._replace(name=spelled[m.name]) if m.name in spelled else m)
    return out


#: A Roman numeral ("XIII", "XXI", "IV"): a century, a king's number or a part, not a body.
_ROMAN = re.compile(r"(?=[MDCLXVI]*[IVX])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})"
                    r"(?:IX|IV|V?I{0,3})")


def _acronym(token: Token, cues: Cues) -> bool:
    text = token.text
    return 2 <= len(text) <= 6 and text.isalpha() and text.isupper() and \
        token.fold not in cues.not_names and not _ROMAN.fullmatch(text)


def rank_entities(cast: Cast, kinds: frozenset[str] = frozenset({"person", "place",
                                                                 "organisation"}),
                  limit: int = 12, named_twice: int = 20) -> tuple[Entity, ...]:
    """The entities worth listing under "Who and where": named people, places and
    organisations, plus anything else the text names more than once.

    The first ``limit`` are listed whatever their count; past them, those named in two
    sentences or more, up to ``named_twice`` in all.  A long story (a match report, a
    line-up, a trial) names more than twelve people a reader will meet again; one named
    once is a passing mention, but one named twice is part of the story.  A fixed twelve
    hid 8 of the 87 salient names of our newswire gold's held-out half; twenty brings 6
    back (salient recall 0.644 -> 0.713, precision 0.878 -> 0.877; docs/entities.md).
    """
    named = [e for e in cast.entities if e.kind in kinds]
    named = named[:limit] + [e for e in named[limit:named_twice] if e.count > 1]
    also = [e for e in cast.entities if e.kind not in kinds and e.count > 1][:limit // 3]
    return (*named, *also)


@dataclass(frozen=True, slots=True)
class Named:
    """An entity with every mention of it: what ``briefer entities`` shows, for checking."""

    entity: Entity
    listed: bool  # whether the brief's "Who and where" shows it
    mentions: tuple[Mention, ...]


def named_entities(cast: Cast) -> tuple[Named, ...]:
    """Every entity of ``cast`` in salience order with its mentions; the first ones, those
    :func:`rank_entities` picks, are the brief's "Who and where"."""
    listed = {e.name for e in rank_entities(cast)}
    by_name: dict[str, list[Mention]] = defaultdict(list)
    for m in cast.mentions:
        by_name[m.name].append(m)
    return tuple(Named(e, e.name in listed, tuple(by_name[e.name])) for e in cast.entities)
