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

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from briefer.brief.analysis import Token, View, fold
from briefer.brief.gazetteer import Gazetteer
from briefer.brief.model import Entity

#: Words that precede a name as a title or office; they are cut off the name and remembered.
TITLES = frozenset("""
    president vice prime minister mr mrs ms miss dr sen senator rep representative gov governor
    gen general lt col colonel maj major adm admiral capt captain sgt king queen prince princess
    pope chancellor secretary mayor judge justice sheikh ayatollah sir dame lord lady chairman
    chairwoman ceo premier emperor commander chief deputy foreign defense defence interior
    finance attorney president-elect leader spokesman spokeswoman spokesperson ambassador envoy
    opposition former acting first supreme state of the
""".split())

#: Words that make a capitalised run an organisation.
ORG_WORDS = frozenset("""
    ministry department office agency council committee commission party army navy force forces
    guard police court parliament congress senate assembly bank fund union university college
    school institute foundation association organization organisation corporation corp inc ltd
    llc plc group company airlines airways motors bureau administration government cabinet
    service services network times post news journal press television radio cartel gang front
    movement alliance coalition federation league club church hospital reserve authority board
    command embassy consulate tribunal exchange brigade battalion regiment corps militia labs
    laboratories systems technologies holdings partners media studios institution agencies
    ministries mail herald guardian telegraph tribune gazette daily weekly magazine chronicle
    broadcasting inc. airline railways bancorp channel records
""".split())

#: Words that make a capitalised run an event or a thing, not a person.
EVENT_WORDS = frozenset("""
    games week cup championship championships olympics festival awards award prize summit
    conference show series tour expo open trophy league war act bill treaty accord agreement
    day year season street road avenue square park bridge river island islands mountains
    mountain lake sea ocean coast valley desert airport station stadium marathon race prix
    derby fair election elections museum gallery centre center hall theatre theater hotel zoo
    prison jail palace tower cathedral temple mosque beach harbour harbor port canal highway
    motorway strip
""".split())

#: Particles that may sit inside a name ("Cartel de los Soles", "Bank of England").
CONNECTORS = frozenset("of the de da del dos das do van von der den bin al la le los las di du y"
                       .split())

#: Capitalised words that are not names.
NOT_NAMES = frozenset("""
    i ok tv am pm gdp id vip faq ai today yesterday tonight
    monday tuesday wednesday thursday friday saturday sunday
    january february march april june july august september october november december
""".split())


@dataclass(frozen=True, slots=True)
class Mention:
    """One place in the text that names an entity."""

    view: int  # position of the sentence in the list of views
    start: int  # offsets into the document's text
    end: int
    name: str  # the entity's canonical name
    kind: str  # "person", "place", "organisation", "other"
    strength: float = 1.0  # how surely it means the entity (a capital names its country weakly)
    titles: tuple[str, ...] = ()  # folded title words written before the name
    alias: str = ""  # the gazetteer alias it was found by, for places


@dataclass(frozen=True, slots=True)
class Cast:
    """Every mention, the entities ranked by salience, and which sentences name each one."""

    mentions: tuple[Mention, ...]
    by_view: tuple[tuple[Mention, ...], ...]
    entities: tuple[Entity, ...]
    sentences: dict[str, frozenset[int]]
    first: dict[str, int]  # view position of each entity's first mention
    reach: dict[str, frozenset[int]] = field(default_factory=dict)  # sentences and headlines
    kinds: dict[str, str] = field(default_factory=dict)
    docs: dict[str, frozenset[int]] = field(default_factory=dict)  # documents naming each
    total: int = 0  # sentences and headlines searched

    def kind_of(self, name: str) -> str:
        return self.kinds.get(name, "other")


@dataclass(slots=True)
class _Run:
    view: int
    tokens: list[Token]
    titles: tuple[str, ...]


def find_entities(views: Sequence[View], gazetteer: Gazetteer, stop: frozenset[str],
                  headlines: Sequence[View] = ()) -> Cast:
    """Find the entities named in ``views`` (all documents of a brief together).

    ``headlines`` are the documents' titles.  Title Case makes every word a
    candidate name there, so they are searched only for gazetteer places and for people the
    body names; what they find counts towards ``Cast.reach`` (what a text is about, for
    section discovery), not towards how often the body names an entity.
    """
    lower_forms = {t.fold for v in views for t in v.tokens if t.text[:1].islower()}
    mid_capitals = {t.fold for v in views for i, t in enumerate(v.tokens)
                    if t.capital and not opens(v, i)}
    mentions: list[Mention] = []
    runs: list[_Run] = []
    for n, view in enumerate(views):
        claimed = _places(n, view, gazetteer, mentions, stop, lower_forms)
        runs += _runs(n, view, claimed, stop, lower_forms, mid_capitals)
    mentions += _classify(runs, lower_forms)
    mentions.sort(key=lambda m: (m.view, m.start))
    by_view: list[list[Mention]] = [[] for _ in views]
    for m in mentions:
        by_view[m.view].append(m)
    sentences: dict[str, set[int]] = defaultdict(set)
    kinds: dict[str, str] = {}
    first: dict[str, int] = {}
    for m in mentions:
        sentences[m.name].add(m.view)
        kinds.setdefault(m.name, m.kind)
        first.setdefault(m.name, m.view)
    reach = {name: set(found) for name, found in sentences.items()}
    people = {m.name: m.name.split()[-1] for m in mentions if m.kind == "person"}
    for k, view in enumerate(headlines):
        at = len(views) + k
        found: list[Mention] = []
        _places(at, view, gazetteer, found, stop, lower_forms)
        named = {m.name for m in found}
        folds = {t.fold for t in view.tokens if t.capital}
        named |= {name for name, surname in people.items() if fold(surname) in folds}
        for name in named:
            reach.setdefault(name, set()).add(at)
            kinds.setdefault(name, "place")
            first.setdefault(name, at)
    ranked = sorted(sentences, key=lambda name: (-len(sentences[name]), first[name]))
    entities = tuple(Entity(name, kinds[name], len(sentences[name])) for name in ranked)
    all_views = [*views, *headlines]
    docs = {name: frozenset(all_views[n].doc for n in found) for name, found in reach.items()}
    return Cast(tuple(mentions), tuple(tuple(b) for b in by_view), entities,
                {k: frozenset(v) for k, v in sentences.items()}, first,
                {k: frozenset(v) for k, v in reach.items()}, dict(kinds), docs,
                len(all_views))


def _adjacent(view: View, a: Token, b: Token) -> bool:
    """Whether only blank space separates tokens ``a`` and ``b`` (so they may form a name)."""
    return not a.possessive and not view.gap(a, b).strip()


def opens(view: View, i: int) -> bool:
    """Whether token ``i`` opens a sentence, a quotation or a clause after a colon or dash,
    where a capital letter is grammar, not a sign of a name."""
    if i == 0:
        return True
    gap = view.gap(view.tokens[i - 1], view.tokens[i]).rstrip()
    return gap.endswith(("“", '"', "‘", "(", ":", "—", "–", ".", "!", "?", ";"))


def _common(token: Token, stop: frozenset[str], lower_forms: set[str]) -> bool:
    """A word the text also uses as an ordinary word ("The", "Asked", "I’ll")."""
    return _stopword(token, stop) or (token.fold in lower_forms and not token.text.isupper())


def _capitalised(token: Token) -> bool:
    """A capitalised word that can be part of a name: "Jean-Pierre" is, "Mother-of-two" and
    "Point-blank" are not."""
    if not token.capital:
        return False
    parts = token.text.replace("’", "'").split("-")
    return all(p[:1].isupper() for p in parts[1:] if p)


def _stopword(token: Token, stop: frozenset[str]) -> bool:
    """A capitalised stop word or its contraction ("I", "I’ll", "It’s"); "US" is a name."""
    if token.text.isupper() and len(token.text) > 1:
        return False
    return token.fold in stop or token.fold.split("'")[0] in stop


def _namelike(view: View, i: int, stop: frozenset[str], lower_forms: set[str]) -> bool:
    """Whether token ``i`` reads as part of a name (not a capitalised sentence opener)."""
    t = view.tokens[i]
    if not t.capital or t.fold in TITLES or t.fold in NOT_NAMES:
        return False
    return not (opens(view, i) and _common(t, stop, lower_forms))


def _places(n: int, view: View, gazetteer: Gazetteer, out: list[Mention],
            stop: frozenset[str], lower_forms: set[str]) -> set[int]:
    """Record gazetteer places and organisations in ``view``; return the tokens they claim."""
    tokens = view.tokens
    claimed: set[int] = set()
    i = 0
    while i < len(tokens):
        found = gazetteer.match(tokens, i)
        if found is None:
            i += 1
            continue
        size, entry = found
        j = i + size
        glued_before = i > 0 and _namelike(view, i - 1, stop, lower_forms) and _adjacent(
            view, tokens[i - 1], tokens[i])
        glued_after = j < len(tokens) and _namelike(view, j, stop, lower_forms) and _adjacent(
            view, tokens[j - 1], tokens[j]) and gazetteer.match(tokens, j) is None
        if glued_before or glued_after or (size == 1 and tokens[i].fold in stop
                                           and not tokens[i].text.isupper()):
            i += 1
            continue
        out.append(Mention(n, tokens[i].start, tokens[j - 1].end, entry.canonical, entry.kind,
                           entry.strength, alias=entry.alias))
        claimed.update(range(i, j))
        i = j
    return claimed


def _runs(n: int, view: View, claimed: set[int], stop: frozenset[str], lower_forms: set[str],
          mid_capitals: set[str]) -> list[_Run]:
    """Capitalised runs of unclaimed tokens, trimmed of sentence openers and titles."""
    tokens = view.tokens
    out: list[_Run] = []
    i = 0
    while i < len(tokens):
        if i in claimed or not _capitalised(tokens[i]):
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and j not in claimed and not tokens[j - 1].possessive:
            if not _adjacent(view, tokens[j - 1], tokens[j]) or opens(view, j):
                break
            if _capitalised(tokens[j]):
                j += 1
                continue
            k = j  # particles must lead to another capitalised word: "Cartel de los Soles"
            while k < len(tokens) and tokens[k].fold in CONNECTORS and k not in claimed \
                    and _adjacent(view, tokens[k - 1], tokens[k]):
                k += 1
            if k == j or k >= len(tokens) or k in claimed or not _capitalised(tokens[k]) \
                    or not _adjacent(view, tokens[k - 1], tokens[k]):
                break
            j = k + 1
        run = list(range(i, j))
        opener = opens(view, i)
        while run and (_stopword(tokens[run[0]], stop) or tokens[run[0]].fold in NOT_NAMES):
            run.pop(0)  # "Today Miss Sandiford", "Sunday Serena Williams": a day is no name
        # At an opener a common first word ("Meanwhile Trump") is grammar if what follows is
        # a name the text capitalises elsewhere; otherwise it is part of the name ("Cartel de
        # los Soles").
        if opener and len(run) > 1 and run[0] == i and tokens[i].fold not in TITLES \
                and _common(tokens[i], stop, lower_forms) \
                and tokens[run[1]].fold in mid_capitals:
            run.pop(0)
        titles: list[str] = []
        while len(run) > 1 and (tokens[run[0]].fold in TITLES or tokens[run[0]].fold in CONNECTORS):
            titles.append(tokens[run.pop(0)].fold)
        if run and opener and run[0] == i and len(run) == 1 \
                and tokens[i].fold not in mid_capitals:
            run = []
        while run and tokens[run[-1]].fold in CONNECTORS:
            run.pop()
        if run and not all(tokens[k].fold in TITLES or tokens[k].fold in NOT_NAMES
                           for k in run):
            out.append(_Run(n, [tokens[k] for k in run], tuple(t for t in titles
                                                                if t not in CONNECTORS)))
        i = j
    return out


def _classify(runs: list[_Run], lower_forms: set[str]) -> list[Mention]:
    """Turn candidate runs into person, organisation and other mentions."""
    full_people: dict[tuple[str, str], str] = {}
    surnames: dict[str, list[tuple[int, str]]] = defaultdict(list)
    first_names: dict[str, set[str]] = defaultdict(set)
    titled: dict[str, tuple[str, ...]] = {}
    out: list[Mention] = []
    singles: list[_Run] = []
    for run in runs:
        words = run.tokens
        folds = [t.fold for t in words]
        name = " ".join(t.text for t in words)
        start, end = words[0].start, words[-1].end
        if any(any(c.isdigit() for c in t.text) for t in words):
            continue
        if any(f in ORG_WORDS for f in folds):
            out.append(Mention(run.view, start, end, name, "organisation", titles=run.titles))
            continue
        if len(words) == 1:
            if _acronym(words[0]):
                out.append(Mention(run.view, start, end, name, "organisation"))
            else:
                singles.append(run)
            continue
        ordinary = any(f in EVENT_WORDS or f in {"of", "the"} for f in folds) or (
            not run.titles and any(f in lower_forms and f not in CONNECTORS for f in folds))
        if len(words) <= 4 and not ordinary:
            key = (folds[0], folds[-1])
            display = full_people.setdefault(key, name)
            surnames[folds[-1]].append((run.view, display))
            first_names[folds[0]].add(display)
            if run.titles:
                titled[display] = run.titles
            out.append(Mention(run.view, start, end, display, "person", titles=run.titles))
        else:
            out.append(Mention(run.view, start, end, name, "other"))
    for run in singles:
        word = run.tokens[0]
        known = surnames.get(word.fold)
        display = None
        if known:
            earlier = [d for v, d in known if v <= run.view]
            display = earlier[-1] if earlier else known[0][1]
        elif len(first_names.get(word.fold, ())) == 1:
            display = next(iter(first_names[word.fold]))
        elif run.titles:
            display = word.text
        if display is not None:
            out.append(Mention(run.view, word.start, word.end, display, "person",
                               titles=run.titles or titled.get(display, ())))
        else:
            out.append(Mention(run.view, word.start, word.end, word.text, "other"))
    return out


def _acronym(token: Token) -> bool:
    text = token.text
    return 2 <= len(text) <= 6 and text.isalpha() and text.isupper() and \
        token.fold not in NOT_NAMES


def rank_entities(cast: Cast, kinds: frozenset[str] = frozenset({"person", "place",
                                                                 "organisation"}),
                  limit: int = 12) -> tuple[Entity, ...]:
    """The entities worth listing under "Who and where": named people, places and
    organisations, plus anything else the text names more than once."""
    out = [e for e in cast.entities if e.kind in kinds or e.count > 1]
    return tuple(out[:limit])
