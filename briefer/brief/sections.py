"""Which section each sentence belongs to: from a template, or discovered in the text.

**With a template**, each section becomes a :class:`Rule`: a set of terms (topic phrases and
cue words matched as stem sequences, people and organisations matched by name, places --
and topics that are places or demonyms, so "Venezuelan" finds "Venezuela" -- through the
gazetteer).  A sentence's score for a section is the sum of the weights of the
distinct terms it matches -- one point a term, half a point for a country found only
through one of its cities -- and it goes to its best section, ties to the earlier one.

**Without a template** (``auto``) the sections are found in the text:

1. Name the entities (:mod:`briefer.brief.entities`): people, places and organisations, with
   "Venezuelan" and "Caracas" counted as Venezuela.
2. Pick the *anchors*: among the ten entities with the widest reach (sentences naming them,
   plus the headlines that do) and at least two, the set of up to four that covers most
   while overlapping least -- the subset maximising ``covered - ½·overlap``, where overlap
   counts each extra anchor a sentence names, searched exhaustively (a few hundred
   subsets).  This is a small set cover with a redundancy penalty (the idea of maximal
   marginal relevance, Carbonell & Goldstein 1998, applied to entities instead of
   sentences): an entity named everywhere -- the story's protagonist, the country it is
   written from -- overlaps every other and is left out, while two theatres of a story with
   sentences of their own are both kept.  Each anchor must hold at least two sentences no
   other anchor names; ties go to fewer sections, then to places, then to salience.  An
   entity named in more than three quarters of the text frames all of it (the protagonist
   of a profile); it anchors a section only when no two others can.
3. Every other entity joins the anchor it shares most sentences with, weighted by the share
   (Maduro, named with Venezuela in four of his six sentences, counts 0.33 towards it); one
   that never shares a sentence with an anchor joins the only anchor its own text has, at
   0.25 (the mayor in a story about a city's drought, briefed beside other stories).
4. Each sentence is scored against each anchor (1 for the anchor, the member weights for
   the rest) and goes to the best; sections are ordered by size, then first mention.

**Sentences no term reaches** then get two chances before the catch-all: a sentence that
continues the one before it in the same paragraph (it opens with a pronoun, or carries on a
quotation: "I don’t rule out anything.”") follows it; and, for discovered sections, one whose
content words are close enough to a section's (cosine of stem counts ≥ 0.2) joins it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import combinations

from briefer.brief.analysis import Token, View, find_run, fold, term_tokens
from briefer.brief.dedup import StemNumbers, number_stems
from briefer.brief.entities import Cast
from briefer.brief.gazetteer import WITHIN_TYPES, Gazetteer
from briefer.brief.template import SectionSpec, Template, load_template

MAX_AUTO_SECTIONS = 4
CANDIDATE_ANCHORS = 10
CENTROID_THRESHOLD = 0.2
OVERLAP_PENALTY = 0.5
FRAME_SHARE = 0.75  # an entity in more of the text than this frames it: no section of its own
DOCUMENT_SHARE = 0.5  # a member that only shares a document with its anchor counts 0.25

_PRONOUNS = frozenset("he she it they we i you his her its their our this that these those "
                      "such both".split())


@dataclass(frozen=True, slots=True)
class Term:
    """One thing a section looks for.

    ``kind`` is ``stems`` (a phrase as stem sequence), ``name`` (folded words that must be
    capitalised in the text; ``alternatives`` adds a surname), ``place`` (a gazetteer
    canonical name, or for a city its country, folded alias and canonical name).
    """

    kind: str
    key: tuple[str, ...]
    weight: float = 1.0
    alternatives: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True, slots=True)
class Rule:
    """How to recognise one section's sentences."""

    title: str
    terms: tuple[Term, ...] = ()
    limit: int | None = None
    rest: bool = False
    anchor: str | None = None  # the entity a discovered section is about
    members: dict[str, float] = field(default_factory=dict)
    # Discovered sections: entity name -> weight (the anchor 1, members half their share).
    entities: dict[str, float] = field(default_factory=dict)


def rules_from_template(template: Template, stem: Callable[[str], str], gazetteer: Gazetteer,
                        language: str = "en") -> list[Rule]:
    """One :class:`Rule` per section of ``template``.

    Outside English, a section also matches the language's words for the kind of sentence
    its cue words name (:func:`language_cues`): a template's English cues cannot find
    "advirtió" or "por ciento"."""
    cues: dict[str, tuple[str, ...]] = {}
    if language != "en":
        from briefer.language import language_data

        cues = language_data(language).cues
    return [_rule(replace(spec, cues=spec.cues + language_cues(spec, cues)), stem, gazetteer)
            for spec in template.sections]


#: A section takes a kind's words in the text's language when at least this share of its
#: English cue words and topics are that kind's (see :func:`language_cues`).
KIND_SHARE = 0.5


def language_cues(spec: SectionSpec, cues: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The words, in the text's language, for the kind of sentence ``spec`` looks for.

    The built-in news template names kinds of sentence by English cue words ("Reactions":
    warned, accused, denied ...; "Figures": percent, million ...) and each language's data
    file gives the same kinds' words in that language (``cues``, keyed by the news section's
    title).  A section gets a kind's words when it has the kind's title, or when at least
    ``KIND_SHARE`` of its cue words and topics are among the kind's English words (the
    sample's "Reactions", a user's "Responses" listing "warned" and "denied"); the kind
    sharing most wins, the news template's order breaking ties.  Words are compared folded,
    not stemmed: they are English words, and the text's stemmer is not English.
    """
    if not cues:
        return ()
    if spec.title in cues:
        return cues[spec.title]
    words = {fold(w) for w in (*spec.cues, *spec.topics)}
    if not words:
        return ()
    best, best_shared = None, 0
    for title, english in _news_kinds():
        shared = len(words & english)
        if title in cues and shared > best_shared:
            best, best_shared = title, shared
    if best is None or best_shared < KIND_SHARE * len(words):
        return ()
    return cues[best]


@lru_cache(maxsize=1)
def _news_kinds() -> tuple[tuple[str, frozenset[str]], ...]:
    """(title, folded English cue words and topics) of the built-in news template's sections."""
    return tuple((spec.title, frozenset(fold(w) for w in (*spec.cues, *spec.topics)))
                 for spec in load_template("news").sections)


def _rule(spec: SectionSpec, stem: Callable[[str], str], gazetteer: Gazetteer) -> Rule:
    terms: list[Term] = []
    for phrase in spec.topics:
        place = _place_term(phrase, gazetteer)
        if place is not None:  # "Venezuelan" finds "Venezuela", "Caracas" and "Venezuelans"
            terms.append(place)
            continue
        stems = tuple(t.stem for t in term_tokens(phrase, stem))
        if stems:
            terms.append(Term("stems", stems))
    for phrase in spec.cues:
        stems = tuple(t.stem for t in term_tokens(phrase, stem))
        if stems:
            terms.append(Term("stems", stems))
    for name in spec.people:
        folds = tuple(t.fold for t in term_tokens(name, str))
        alternatives = ((folds[-1],),) if len(folds) > 1 else ()
        terms.append(Term("name", folds, alternatives=alternatives))
    for name in spec.organisations:
        terms.append(Term("name", tuple(t.fold for t in term_tokens(name, str))))
    for name in spec.places:
        place = _place_term(name, gazetteer)
        terms.append(place or Term("name", tuple(t.fold for t in term_tokens(name, str))))
    return Rule(spec.title, tuple(terms), spec.limit, spec.rest)


def _place_term(name: str, gazetteer: Gazetteer) -> Term | None:
    """A term for a gazetteer place: a country (or its demonym) matches every way of naming
    the country; a city matches only the city."""
    entry = gazetteer.lookup(name)
    if entry is None or entry.kind != "place":
        return None
    if entry.type in WITHIN_TYPES:
        return Term("place", (entry.country, fold(entry.alias), entry.canonical))
    return Term("place", (entry.country or entry.canonical,))


# -- scoring ---------------------------------------------------------------------------------


def score(rule: Rule, view: View, mentions: Sequence) -> float:
    """The sum of the weights of the distinct terms of ``rule`` that ``view`` matches."""
    total = 0.0
    if rule.entities:
        named: dict[str, float] = {}
        for m in mentions:
            if m.about in rule.entities:
                named[m.about] = max(named.get(m.about, 0.0), m.strength)
        total += sum(rule.entities[name] * strength for name, strength in named.items())
    if rule.terms:
        stems = [t.stem for t in view.tokens]
        for term in rule.terms:
            total += _match(term, view, stems, mentions)
    return total


def _match(term: Term, view: View, stems: list[str], mentions: Sequence) -> float:
    if term.kind == "stems":
        return term.weight if find_run(stems, term.key) >= 0 else 0.0
    if term.kind == "name":
        for key in (term.key, *term.alternatives):
            if _name_at(view.tokens, key):
                return term.weight
        return 0.0
    if term.kind == "place":
        best = 0.0
        for m in mentions:
            if m.kind != "place" or m.about != term.key[0]:
                continue
            if len(term.key) > 1:
                # The city by any of its names: "Londres" and "Nueva York" are London and
                # New York City, whatever language the template was written in.
                if fold(m.alias) == term.key[1] or m.name == term.key[2]:
                    best = max(best, term.weight)
            else:
                best = max(best, term.weight * m.strength)
        return best
    return 0.0


def _name_at(tokens: Sequence[Token], key: tuple[str, ...]) -> bool:
    folds = [t.fold for t in tokens]
    start = 0
    while True:
        i = find_run(folds[start:], key)
        if i < 0:
            return False
        if tokens[start + i].capital:
            return True
        start += i + 1


# -- assignment -----------------------------------------------------------------------------


def assign(views: Sequence[View], cast: Cast, rules: Sequence[Rule], *,
           use_centroids: bool = False, numbers: StemNumbers | None = None
           ) -> list[int | None]:
    """The section (index into ``rules``) of every view, or None when none fits.
    ``numbers``: the views' stems as :func:`~briefer.brief.dedup.number_stems` numbers them,
    when the caller made them (for the centroids)."""
    out: list[int | None] = []
    # With rules that match entities only (auto's), a sentence that names none of their
    # entities scores 0 for every rule and fits none: most sentences of a long text, which
    # need not be scored rule by rule.
    wanted = None if any(rule.terms for rule in rules) else \
        frozenset(name for rule in rules for name in rule.entities)
    # Sentences name the same entities, as strongly, again and again (on 1 MB of news 1,641
    # sentences name auto's, in 814 ways): each way is scored once.
    best_of: dict[tuple[tuple[str, float], ...], int | None] = {}
    for n, view in enumerate(views):
        mentions = cast.by_view[n]
        if wanted is not None:
            # :func:`score` of each rule, from the strongest mention of each wanted entity
            # found once for all the rules (in order of first mention, as score sums them).
            named: dict[str, float] = {}
            for m in mentions:
                about = m.about
                if about in wanted:
                    named[about] = max(named.get(about, 0.0), m.strength)
            if not named:
                out.append(None)
                continue
            key = tuple(named.items())
            if key not in best_of:
                scores = [0.0 + sum(rule.entities[name] * strength
                                    for name, strength in key if name in rule.entities)
                          for rule in rules]
                best_of[key] = _best(scores)
            out.append(best_of[key])
        else:
            out.append(_best([score(rule, view, mentions) for rule in rules]))
    for n, view in enumerate(views):
        if out[n] is None and n > 0 and out[n - 1] is not None and continues(views[n - 1],
                                                                             view):
            out[n] = out[n - 1]
    if use_centroids:
        _join_by_centroid(views, out, len(rules), numbers)
    rest = next((k for k, rule in enumerate(rules) if rule.rest), None)
    if rest is not None:
        out = [rest if k is None else k for k in out]
    return out


def _best(scores: Sequence[float]) -> int | None:
    """The best-scored section, the earlier on a tie, or None when none scores above 0."""
    best = max(range(len(scores)), key=lambda k: (scores[k], -k), default=None)
    return best if best is not None and scores[best] > 0 else None


def continues(before: View, view: View) -> bool:
    """Whether ``view`` carries on from ``before``: same paragraph, and it opens with a
    pronoun, opens in lower case, or sits inside a quotation ``before`` left open."""
    if before.doc != view.doc or before.sentence.paragraph != view.sentence.paragraph:
        return False
    if _open_quote(before.raw):
        return True
    if not view.tokens:
        return False
    first = view.tokens[0]
    return first.fold in _PRONOUNS or first.text[:1].islower()


def stands_alone(view: View) -> bool:
    """Whether a sentence reads on its own: it does not open with a pronoun, a quotation
    mark or a lower-case word (a splitter's fragment), so it can lead a brief."""
    if not view.tokens or view.raw[:1] in "“\"‘'(":
        return False
    first = view.tokens[0]
    return first.fold not in _PRONOUNS and not first.text[:1].islower()


def _open_quote(text: str) -> bool:
    curly = text.count("“") - text.count("”")
    straight = text.count('"')
    return curly > 0 or straight % 2 == 1


def _join_by_centroid(views: Sequence[View], out: list[int | None], sections: int,
                      numbers: StemNumbers | None = None) -> None:
    """Place each unplaced sentence in the section whose centroid (the summed stem counts of
    its sentences) is the most like it (cosine at least :data:`CENTROID_THRESHOLD`; a later
    section must beat an earlier one by more than 1e-12).

    Every unplaced sentence meets every centroid, so the overlaps are gathered with numpy,
    from the stems as numbers (``numbers``, made here when not given): the counts are
    integers, summed exactly in any order, and each cosine is the same division of the same
    numbers as ``sum(counts) / (norm * sqrt(len(content)))`` one sentence at a time
    (``np.sqrt`` and ``math.sqrt`` both round correctly), so the choices are the same."""
    import numpy as np

    if numbers is None:
        numbers = number_stems([view.content for view in views])
    members: list[list[int]] = [[] for _ in range(sections)]
    for n, k in enumerate(out):
        if k is not None:
            members[k].append(n)
    # Each centroid's count of every stem (0 for most), and its norm from the exact sum of
    # the squared counts.
    centroids = [np.bincount(numbers.of(np.array(m, dtype=np.int64))[0], minlength=numbers.size)
                 for m in members]
    norms = [math.sqrt(int(np.dot(c, c))) for c in centroids]
    live = [k for k in range(sections) if norms[k]]
    todo = [n for n, view in enumerate(views) if out[n] is None and view.content]
    if not todo or not live:
        return  # (none can be placed: each stays None)
    counts = np.array([centroids[k] for k in live], dtype=np.float64)
    cols, sizes = numbers.of(np.array(todo, dtype=np.int64))
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    roots = np.sqrt(sizes.astype(np.float64))
    best = np.full(len(todo), -1)
    best_sim = np.full(len(todo), CENTROID_THRESHOLD)
    for row, k in enumerate(live):
        sim = np.add.reduceat(counts[row][cols], starts) / (norms[k] * roots)
        better = sim >= best_sim + np.where(best >= 0, 1e-12, 0.0)
        best = np.where(better, k, best)
        best_sim = np.where(better, sim, best_sim)
    for n, k in zip(todo, best.tolist(), strict=True):
        out[n] = None if k < 0 else k


# -- discovered sections ---------------------------------------------------------------------


def discover(cast: Cast, *, limit: int | None = None) -> list[Rule]:
    """Sections about the text's own people, places and organisations (see the module doc)."""
    reach = cast.reach or cast.sentences
    candidates = sorted((name for name, found in reach.items() if len(found) >= 2),
                        key=lambda name: (-len(reach[name]), cast.first[name]))
    if not candidates:
        return []
    total = cast.total or max((max(found) + 1 for found in reach.values()), default=1)
    framing = {name for name in candidates if len(reach[name]) > FRAME_SHARE * total}
    chosen = _best_anchors([c for c in candidates if c not in framing], reach, cast)
    if len(chosen) < 2:
        chosen = _best_anchors(candidates, reach, cast) or (candidates[0],)
    sizes = {a: len(reach[a]) for a in chosen}
    anchors = sorted(chosen, key=lambda a: (-sizes[a], cast.first[a]))
    members: dict[str, dict[str, float]] = {a: {} for a in anchors}
    docs = cast.docs or {}
    # Most entities share no sentence with any anchor (on 1 MB of news, 1,913 of 2,456): one
    # test against all the anchors' sentences answers for them, not one intersection per
    # anchor; and which anchors share a text with them depends only on their texts (with
    # one document, the same for all), so it is asked once per set of texts.
    anchored = frozenset().union(*(reach[a] for a in anchors))
    none: frozenset[int] = frozenset()
    homes: dict[frozenset[int], list[str]] = {}
    for name, own in reach.items():
        if name in members:
            continue
        if not own.isdisjoint(anchored):
            shares = [(len(own & reach[a]) / len(own), -k) for k, a in enumerate(anchors)]
            share, neg_k = max(shares)  # (above 0: some anchor shares a sentence)
            members[anchors[-neg_k]][name] = share
            continue
        # Never in a sentence with an anchor: join the anchor of its own text, if one text
        # has a single anchor (the mayor of a story about a city).
        texts = docs.get(name, none)
        home = homes.get(texts)
        if home is None:
            home = homes[texts] = [a for a in anchors if docs.get(a, none) & texts]
        if len(home) == 1:
            members[home[0]][name] = DOCUMENT_SHARE
    rules = []
    for anchor in anchors:
        weights = {name: 0.5 * share for name, share in members[anchor].items()}
        weights[anchor] = 1.0
        rules.append(Rule(anchor, (), limit, anchor=anchor, members=dict(members[anchor]),
                          entities=weights))
    return rules


def _best_anchors(candidates: Sequence[str], reach: dict[str, frozenset[int]], cast: Cast
                  ) -> tuple[str, ...]:
    """The set of anchors with the best ``covered - ½·overlap`` among the first candidates."""
    candidates = list(candidates)[:CANDIDATE_ANCHORS]
    masks = {name: _mask(reach[name]) for name in candidates}
    best: tuple[float, ...] = ()
    chosen: tuple[str, ...] = ()
    for size in range(1, min(MAX_AUTO_SECTIONS, len(candidates)) + 1):
        for combo in combinations(candidates, size):
            value = _cover_value(combo, masks)
            if value is None:
                continue
            # More covered with less overlap; then fewer sections; then places (news is
            # read by where it happens); then the more salient entities.
            places = sum(cast.kind_of(c) == "place" for c in combo)
            key = (value, -size, places, -sum(candidates.index(c) for c in combo))
            if key > best:
                best, chosen = key, combo
    return chosen


def _mask(sentences: frozenset[int]) -> int:
    out = 0
    for s in sentences:
        out |= 1 << s
    return out


def _cover_value(combo: Sequence[str], masks: dict[str, int]) -> float | None:
    """``covered - ½·overlap`` for a set of anchors, or None if one holds fewer than two
    sentences of its own."""
    union = 0
    total = 0
    for name in combo:
        union |= masks[name]
        total += masks[name].bit_count()
    if len(combo) > 1:
        for name in combo:
            others = 0
            for other in combo:
                if other != name:
                    others |= masks[other]
            if (masks[name] & ~others).bit_count() < 2:
                return None
    covered = union.bit_count()
    return covered - OVERLAP_PENALTY * (total - covered)
