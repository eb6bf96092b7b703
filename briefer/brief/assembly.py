"""Putting a brief together: rank, merge near-duplicates, place, choose, and arrange.

The steps, in order:

1. **Rank** each document with the chosen ranker (or re-use ``scores`` from an earlier brief,
   so changing the length never ranks again).  Scores are rescaled to 0-1 per document
   (min-max) so documents ranked separately can be compared.
2. **Merge** near-duplicates (:mod:`briefer.brief.dedup`): each group is one candidate,
   shown as its best-scored member and citing the others.  A pinned member represents its
   group; a dropped member drops the group unless another member is pinned.
3. **Place** every sentence in a section (:mod:`briefer.brief.sections`); what fits none
   goes to the template's catch-all section, or is left out.
4. **Choose**: the best candidate overall is the bottom line and is not repeated below (one
   that reads on its own -- no opening pronoun or quotation -- is preferred to a better
   scored one that does not, since it stands at the top without context).
   With ``count``, each document not yet shown first gets its best sentence (several
   reports of one event each open with their summary, the lede), then every section with a
   candidate gets its best one (sections whose best is strongest first, while the count
   lasts), then the best of the rest fill up to ``count``; without it, each section takes
   its best up to its limit.  Pinned sentences always appear and count toward either
   length.  In a brief of several stories the count is spread over the stories first
   (:func:`~briefer.brief.stories.spread`), and each story gathered under "Other stories"
   shows one line, its best sentence.
5. **Arrange**: items in source order within sections, sections in template order with the
   catch-all last, empty sections left out.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from operator import attrgetter
from typing import TYPE_CHECKING, NamedTuple

from briefer.brief.analysis import View, analyse_headlines, analysis_pass
from briefer.brief.dedup import StemNumbers, duplicate_groups, number_stems
from briefer.brief.entities import Cast, find_entities, rank_entities
from briefer.brief.gazetteer import load_gazetteer
from briefer.brief.model import Brief, BriefItem, Quote, Section, Story
from briefer.brief.quotes import find_quotes
from briefer.brief.sections import (
    Rule,
    assign,
    discover,
    rules_from_template,
    stands_alone,
)
from briefer.brief.stories import StoryGroup, find_stories, spread, story_title
from briefer.brief.template import Template, load_template
from briefer.document import Document

if TYPE_CHECKING:  # (imported where used: briefer.rank.terms imports numpy)
    from briefer.rank.terms import WordRows

FALLBACK_TEMPLATE = "news"
Progress = Callable[[str, int, int], None]  # (step, done, total)
GATHERED_SECTION = "In brief"  # the one section of the single documents gathered last


class _Candidate(NamedTuple):
    """A group of near-duplicates in play, as its representative.  A named tuple rather
    than a frozen dataclass: a brief makes one per group (7,000 for a megabyte), and a
    frozen dataclass's ``__init__`` costs several times as much."""

    view: int  # the group's representative
    section: int | None
    value: float  # rescaled score, 0-1
    pinned: bool
    also: tuple[tuple[int, int], ...]


def make_brief(
    docs: Sequence[Document],
    *,
    template: str | Template = "auto",
    count: int | None = None,
    algorithm: str | None = None,
    pinned: Collection[tuple[int, int]] = (),
    dropped: Collection[tuple[int, int]] = (),
    scores: Sequence[Sequence[float]] | None = None,
    plan: BriefPlan | None = None,
    title: str | None = None,
    progress: Progress | None = None,
) -> Brief:
    """A sectioned brief of ``docs`` (see the module doc for how it is made).

    ``template`` is a name, a path or ``"auto"``; ``count`` the number of items in the
    sections (the bottom line comes on top); ``pinned``/``dropped`` are ``(document position,
    sentence position)`` pairs, 0-based; ``scores`` holds earlier per-document scores to
    re-use; ``plan`` an earlier :func:`plan_brief` of the same documents and template (the
    TUI keeps one, so ``+``, ``-``, pins and drops only choose again).  A plan made for other
    documents or another template is not used.  ``progress(step, done, total)`` is told
    of each step as it starts (for a face to show; the core prints nothing).  ``title``
    names the whole input (a feed's title) when it is not one document with a title of
    its own.  Raises
    :class:`~briefer.brief.template.TemplateError` for a bad template.
    """
    from briefer.rank import DEFAULT_ALGORITHM

    docs = tuple(docs)
    report = progress or _quiet
    if plan is None or not plan.made_for(docs, template):
        plan = plan_brief(docs, template, progress=report)
    name = (algorithm or DEFAULT_ALGORITHM).lower()
    rows = _words_by_doc(docs, plan.views, plan.words)
    all_scores = _scores(docs, name, scores, report, rows, plan.terms)
    report("choosing sentences", 0, 1)
    views, cast, rules, placement = plan.views, plan.cast, plan.rules, plan.placement
    catch_all, limit = plan.catch_all, plan.limit
    slots = max(1, len(plan.stories))  # stories, each with its sections and catch-all
    # Sections are numbered: every rule, then one catch-all per story.
    section_story = list(plan.rule_story) + list(range(slots))

    # (Views are looked up by key only for pins and drops: a megabyte has 8,000 views.)
    position = {v.key: n for n, v in enumerate(views)} if pinned or dropped else {}
    pins = {position[k] for k in pinned if k in position}
    drops = {position[k] for k in dropped if k in position} - pins
    values = _rescale(views, all_scores)
    catch_of = [len(rules) + story for story in plan.view_story]
    candidates = _candidates(views, plan.groups, placement, values, pins, drops, catch_of,
                             keep_unplaced=catch_all is not None)

    def story_of(c: _Candidate) -> int:
        return plan.view_story[c.view]

    # The bottom line of several stories comes from the biggest (the first); with one
    # story every candidate is in it, and none is gathered.
    lead = ([c for c in candidates if story_of(c) == 0] or candidates) if plan.stories \
        else candidates
    # The best that reads on its own; most often that is simply the best, so it is asked
    # first; else the candidates are asked from the best down, until one does (not every
    # candidate: a megabyte has 7,000, and (value, view) orders them without ties).
    bottom = _top(lead)
    if bottom is not None and not stands_alone(views[bottom.view]):
        ranked = sorted(lead, key=lambda c: (c.value, -c.view), reverse=True)
        bottom = next((c for c in ranked if stands_alone(views[c.view])), bottom)
    pool = [c for c in candidates if c is not bottom and c.section is not None]
    titles = [r.title for r in rules] + [catch_all or "Other points"] * slots
    limits = [r.limit or limit for r in rules] + [limit] * slots
    guaranteed = [k for k, r in enumerate(rules) if not r.rest]
    covered = {views[bottom.view].doc} if bottom is not None else set()
    gathered: list[_Candidate] = []
    if plan.gathered is not None:
        gathered = [c for c in pool if story_of(c) == plan.gathered]
        pool = [c for c in pool if story_of(c) != plan.gathered]
    by_story = _best_of_each_story(gathered, views, plan.gathered_parts)
    if count is None or slots == 1:
        picked = _choose(pool, count, limits, guaranteed, views, covered)
        picked += [c for best in by_story for c in best]
    else:
        # Each gathered story shares the count as a story of its own, of at most one item
        # (its best sentence), after the stories shown in full had theirs.
        pools = [[c for c in pool if story_of(c) == s] for s in range(slots)
                 if s != plan.gathered]
        sizes = [len(story.documents) for s, story in enumerate(plan.stories)
                 if s != plan.gathered]
        quotas = spread(count, sizes + [len(part) for part in plan.gathered_parts],
                        [len(p) for p in pools] + [min(1, len(best)) for best in by_story])
        stories_ = [s for s in range(slots) if s != plan.gathered]
        picked = [c for s, p, quota in zip(stories_, pools, quotas[:len(pools)], strict=True)
                  for c in _choose(p, quota, limits,
                                   [k for k in guaranteed if section_story[k] == s],
                                   views, covered)]
        picked += [c for best, quota in zip(by_story, quotas[len(pools):], strict=True)
                   for c in best if quota or c.pinned]

    def item(c: _Candidate) -> BriefItem:
        view = views[c.view]
        return BriefItem(view.doc, view.sentence, all_scores[view.doc][view.pos], c.also)

    sections = []
    several = len(plan.stories) > 1
    order = sorted(range(len(titles)), key=lambda k: (section_story[k], k))
    for k in order:
        items = sorted((c for c in picked if c.section == k), key=lambda c: c.view)
        if items:
            sections.append(Section(titles[k], tuple(item(c) for c in items),
                                    section_story[k] if several else None))
    dropped_keys = {views[n].key for n in drops}
    quotes = tuple(q for q in plan.quotes if (q.doc, q.sentence.index - 1) not in dropped_keys)
    single = docs[0] if len(docs) == 1 else None
    return Brief(
        title=(single.title if single else None) or title,
        standfirst=single.standfirst if single else None,
        template=plan.label,
        algorithm=name,
        documents=docs,
        sections=tuple(sections),
        bottom_line=item(bottom) if bottom is not None else None,
        quotes=quotes,
        entities=rank_entities(cast),
        scores=all_scores,
        stories=plan.stories,
    )


@dataclass(frozen=True, slots=True, eq=False)
class BriefPlan:
    """The documents seen as sentences, and where each sentence belongs: everything about a
    brief that does not depend on the scores, the length or the reader's pins and drops.

    Made by :func:`plan_brief`; whoever re-briefs the same texts keeps it and passes it
    back to :func:`make_brief` (there is no cache behind the caller's back).
    """

    documents: tuple[Document, ...]
    template: Template  # as asked for ("auto" stays auto even when it fell back)
    views: list[View]
    cast: Cast
    rules: list[Rule]
    placement: list[int | None]
    label: str  # the template that made the sections ("auto", or "news" when auto fell back)
    catch_all: str | None
    limit: int
    groups: list[list[int]]  # near-duplicates
    quotes: tuple[Quote, ...]
    stories: tuple[Story, ...] = ()  # two or more, or none (one story: today's sections)
    view_story: list[int] = field(default_factory=list)  # story of each view (0 for one)
    rule_story: list[int] = field(default_factory=list)  # story of each rule
    gathered: int | None = None  # the story of the small stories gathered last, if any
    gathered_parts: tuple[tuple[int, ...], ...] = ()  # its stories' documents
    #: The analysis pass's stems of the rankers' words (:class:`~briefer.brief.analysis.
    #: Pass`), and the Snowball language they are in: a document in that language is
    #: ranked from them.
    terms: tuple[str, Mapping[str, str | None]] | None = None
    #: The word of each number in the views' :attr:`~briefer.brief.analysis.View.words`.
    words: Sequence[str] = ()

    def made_for(self, docs: Sequence[Document], template: str | Template) -> bool:
        """Whether this plan is the one for ``docs`` and ``template`` (a name or path is
        loaded again, so an edited template file makes a new plan).  Documents are frozen:
        the same objects (or equal ones) mean the same sentences."""
        if len(docs) != len(self.documents):
            return False
        if any(a is not b and a != b for a, b in zip(docs, self.documents, strict=True)):
            return False
        chosen = template if isinstance(template, Template) else load_template(template)
        return chosen == self.template


def plan_brief(docs: Sequence[Document], template: str | Template = "auto", *,
               progress: Progress | None = None) -> BriefPlan:
    """Analyse ``docs`` once and place every sentence for ``template``: the part of a brief
    that is the same for any length, ranker, pin or drop.  Raises
    :class:`~briefer.brief.template.TemplateError` for a bad template."""
    report = progress or _quiet
    from briefer.language import common_language, rules_language, snowball_name
    from briefer.stemming import stemmer
    from briefer.tokens import stop_words

    docs = tuple(docs)
    chosen = template if isinstance(template, Template) else load_template(template)

    # One stemmer for the brief: the texts' language, English when they mix languages.  The
    # entity finder reads each document's language's words (all of them when they mix).
    languages = tuple(rules_language(d.language) for d in docs)
    code = common_language(languages)
    stem, stop = stemmer(snowball_name(code)), stop_words(snowball_name(code))
    gazetteer = load_gazetteer()
    report("reading the sentences", 0, 1)
    found = analysis_pass(docs, stem, stop)
    views, terms, words = found.views, (snowball_name(code), found.terms), found.words
    headlines = analyse_headlines(docs, stem)
    report("naming people and places", 0, 1)
    cast = find_entities(views, gazetteer, _names_stop(languages), headlines, languages)
    report("finding the stories", 0, 1)
    groups = find_stories(docs, views, headlines, cast)
    # The sentences' stems as numbers, for the centroids of discovered sections and the
    # search for near-duplicates alike.
    numbers = number_stems([view.content for view in views])
    if len(groups) > 1:
        return replace(_plan_stories(docs, chosen, views, headlines, cast, groups, stem, stop,
                                     report, numbers), terms=terms, words=words)
    report("finding the sections", 0, 1)
    label, catch_all, limit = chosen.name, chosen.catch_all, chosen.limit
    if chosen.auto:
        rules = discover(cast, limit=chosen.limit)
        if not rules:
            fallback = load_template(FALLBACK_TEMPLATE)
            rules = rules_from_template(fallback, stem, gazetteer, code)
            label, catch_all, limit = fallback.name, fallback.catch_all, fallback.limit
    else:
        rules = rules_from_template(chosen, stem, gazetteer, code)
    placement = assign(views, cast, rules, use_centroids=chosen.auto, numbers=numbers)
    groups_, quotes = _duplicates_and_quotes(docs, views, cast, report, numbers)
    return BriefPlan(docs, chosen, views, cast, rules, placement, label, catch_all, limit,
                     groups_, quotes, (), [0] * len(views), [0] * len(rules), terms=terms,
                     words=words)


def _names_stop(languages: Iterable[str]) -> frozenset[str]:
    """The stop words the entity finder reads in documents of ``languages``: each one's,
    together when they mix (a sentence that opens with "El" or "Os" does not open with a
    name in a brief that is mostly English either).  One language's are the analysis
    pass's own."""
    from briefer.language import snowball_name
    from briefer.tokens import stop_words

    return frozenset().union(*(stop_words(snowball_name(code)) for code in set(languages)))


def _duplicates_and_quotes(docs: Sequence[Document], views: list[View], cast: Cast,
                           report: Progress, numbers: StemNumbers
                           ) -> tuple[list[list[int]], tuple[Quote, ...]]:
    report("merging near-duplicates", 0, 1)
    groups = duplicate_groups(views, numbers)
    report("finding quotes", 0, 1)
    return groups, find_quotes(docs, views, cast)


def _quiet(step: str, done: int, total: int) -> None:
    """The progress callback of a caller that shows none."""


def _plan_stories(docs: tuple[Document, ...], chosen: Template, views: list[View],
                  headlines: list[View], cast: Cast, groups: Sequence[StoryGroup],
                  stem: Callable[[str], str], stop: frozenset[str], report: Progress,
                  numbers: StemNumbers) -> BriefPlan:
    """The plan of a brief of several stories: within each story, its sections as for a
    brief of its documents alone (found in its text, or the template's); the gathered
    single documents share one section."""
    import numpy as np

    gazetteer = load_gazetteer()
    fallback = load_template(FALLBACK_TEMPLATE)
    from briefer.language import common_language, rules_language

    languages = tuple(rules_language(d.language) for d in docs)
    code = common_language(languages)
    template_rules = None if chosen.auto else rules_from_template(chosen, stem, gazetteer, code)
    story_of_doc = {d: s for s, g in enumerate(groups) for d in g.documents}
    view_story = [story_of_doc[v.doc] for v in views]
    rules: list[Rule] = []
    rule_story: list[int] = []
    placement: list[int | None] = [None] * len(views)
    for s, group in enumerate(groups):
        report("finding each story's sections", s, len(groups))
        members = [n for n, v in enumerate(views) if view_story[n] == s]
        sub_views = [views[n] for n in members]
        if group.gathered:
            story_rules = [Rule(GATHERED_SECTION, (), rest=True)]
            local: list[int | None] = [0] * len(sub_views)
        else:
            # Each document's language, by index, the story's own languages only: the
            # other stories' documents (not among sub_views) stand in as its first one's.
            own = [languages[d] if story_of_doc[d] == s else languages[group.documents[0]]
                   for d in range(len(docs))]
            sub_cast = find_entities(sub_views, gazetteer, _names_stop(own),
                                     [h for h in headlines if story_of_doc[h.doc] == s], own)
            story_rules = template_rules or discover(sub_cast, limit=chosen.limit)
            if not story_rules:
                story_rules = rules_from_template(fallback, stem, gazetteer, code)
            local = assign(sub_views, sub_cast, story_rules, use_centroids=chosen.auto,
                           numbers=numbers.subset(np.array(members, dtype=np.int64))
                           if chosen.auto else None)
        offset = len(rules)
        rules += story_rules
        rule_story += [s] * len(story_rules)
        for n, k in zip(members, local, strict=True):
            placement[n] = None if k is None else offset + k
    stories = tuple(Story(story_title(g, docs, cast), g.documents) for g in groups)
    duplicates, quotes = _duplicates_and_quotes(docs, views, cast, report, numbers)
    gathered = next((s for s, g in enumerate(groups) if g.gathered), None)
    parts = groups[gathered].parts if gathered is not None else ()
    return BriefPlan(docs, chosen, views, cast, rules, placement, chosen.name,
                     chosen.catch_all, chosen.limit, duplicates, quotes, stories, view_story,
                     rule_story, gathered, parts)


def place_sentences(docs: Sequence[Document], template: str | Template = "auto"
                    ) -> dict[tuple[int, int], str | None]:
    """Where every sentence would go, before any is chosen: ``(doc, position)`` -> section
    title, the catch-all's title, or None when the template leaves it out.

    For checking a template against a text (and for tests): ``make_brief`` keeps only the
    best of each section.
    """
    plan = plan_brief(docs, template)
    titles = [r.title for r in plan.rules]
    return {v.key: (titles[k] if k is not None else plan.catch_all)
            for v, k in zip(plan.views, plan.placement, strict=True)}


def _words_by_doc(docs: Sequence[Document], views: Sequence[View], words: Sequence[str]
                  ) -> list[WordRows | None]:
    """Each document's sentences as the rankers' words, from the analysis pass (so ranking
    tokenises nothing again; ``words`` is the pass's word of each number); None for a
    document whose sentence texts are not its text's slices with white space folded (a
    hand-made :class:`Document`), whose words the ranker must find in ``Sentence.text``
    itself."""
    from briefer.rank.terms import WordRows

    out: list[list[tuple[int, ...]] | None] = [[] for _ in docs]
    for v in views:
        row = out[v.doc]
        if row is None:
            continue
        text = v.sentence.text
        if text == v.raw or text == " ".join(v.raw.split()):
            row.append(v.words)
        else:
            out[v.doc] = None
    return [None if row is None or len(row) != len(doc.sentences) else WordRows(row, words)
            for row, doc in zip(out, docs, strict=True)]


def _scores(docs: Sequence[Document], algorithm: str,
            given: Sequence[Sequence[float]] | None, report: Progress = _quiet,
            words: Sequence[WordRows | None] | None = None,
            terms: tuple[str, Mapping[str, str | None]] | None = None
            ) -> tuple[tuple[float, ...], ...]:
    """Each document's scores: the given ones where they fit, else freshly ranked (from
    ``words[i]``, document ``i``'s words, when given, and from ``terms``' stems when the
    document is in their language)."""
    from briefer.api import rank
    from briefer.language import snowball_name

    out = []
    for i, doc in enumerate(docs):
        report(f"ranking with {algorithm}", i, len(docs))
        known = given[i] if given is not None and i < len(given) else None
        if known is not None and len(known) == len(doc.sentences):
            out.append(tuple(float(x) for x in known))
        else:
            found = words[i] if words is not None else None
            stems = terms[1] if terms is not None and \
                snowball_name(doc.language) == terms[0] else None
            out.append(rank(doc, algorithm, found, stems) if doc.sentences else ())
    return tuple(out)


def _rescale(views: Sequence[View], scores: Sequence[Sequence[float]]) -> list[float]:
    """Min-max rescaled scores per document (NaN is the worst; equal scores are all 1)."""
    # Each document's scores rescaled at once, then looked up per view.
    rescaled: list[list[float]] = []
    isfinite = math.isfinite
    for doc_scores in scores:
        finite = [s for s in doc_scores if isfinite(s)]
        low, high = (min(finite), max(finite)) if finite else (0.0, 0.0)
        if high > low:
            rescaled.append([(s - low) / (high - low) if isfinite(s) else 0.0
                             for s in doc_scores])
        else:
            rescaled.append([1.0 if isfinite(s) else 0.0 for s in doc_scores])
    return [rescaled[v.doc][v.pos] for v in views]


def _candidates(views: Sequence[View], groups: Sequence[Sequence[int]],
                placement: Sequence[int | None], values: Sequence[float], pins: set[int],
                drops: set[int], catch_all: Sequence[int], *, keep_unplaced: bool
                ) -> list[_Candidate]:
    """One candidate per group of near-duplicates that is still in play; what no section
    takes goes to its story's catch-all section (``catch_all[view]``) if ``keep_unplaced``
    (or if pinned: a pinned sentence always appears), else has no section."""
    out = []
    new = tuple.__new__  # (a named tuple made by tuple's own constructor, as views are)
    for group in groups:
        if len(group) == 1:  # most sentences have no near-duplicate: the same, shorter
            rep = group[0]
            pinned = rep in pins
            if not pinned and rep in drops:
                continue
            section = placement[rep]
            if section is None and (keep_unplaced or pinned):
                section = catch_all[rep]
            out.append(new(_Candidate, (rep, section, values[rep], pinned, ())))
            continue
        pinned_members = [n for n in group if n in pins]
        if not pinned_members and any(n in drops for n in group):
            continue
        rep = pinned_members[0] if pinned_members else max(group,
                                                           key=lambda n: (values[n], -n))
        section = placement[rep]
        if section is None and (keep_unplaced or pinned_members):
            section = catch_all[rep]
        also = tuple(views[n].key for n in group if n != rep and n not in drops)
        out.append(_Candidate(rep, section, values[rep], bool(pinned_members), also))
    return out


_VIEW, _VALUE = attrgetter("view"), attrgetter("value")


def _top(candidates: Sequence[_Candidate]) -> _Candidate | None:
    """The candidate of the highest value, the earlier view on a tie (``max`` by ``(value,
    -view)``, without a tuple for each of a megabyte's 7,000); None when there is none."""
    if not candidates:
        return None
    value = max(map(_VALUE, candidates))
    return min((c for c in candidates if c.value == value), key=_VIEW)


def _best_of_each_story(pool: Sequence[_Candidate], views: Sequence[View],
                        parts: Sequence[Sequence[int]]) -> list[list[_Candidate]]:
    """Per gathered story (``parts``: each one's documents): its pinned candidates, or else
    its best one (the highest value, the earlier on a tie) -- one line per story."""
    part_of = {d: k for k, part in enumerate(parts) for d in part}
    chosen: list[list[_Candidate]] = [[] for _ in parts]
    for c in sorted(pool, key=lambda c: (not c.pinned, -c.value, c.view)):
        mine = chosen[part_of[views[c.view].doc]]
        if c.pinned or not mine:
            mine.append(c)
    return chosen


def _choose(pool: Sequence[_Candidate], count: int | None, limits: Sequence[int],
            guaranteed: Sequence[int], views: Sequence[View] = (),
            covered: Collection[int] = ()) -> list[_Candidate]:
    """The candidates of ``pool`` to show: all of them up to each section's limit, or
    ``count`` of them: the pinned; then each document's best, for documents not yet
    ``covered`` (by the bottom line), strongest first -- several reports of one event each
    open with their own summary, the lede, and a reader of ``-n 3`` expects those before a
    section's weaker best; then the best of each ``guaranteed`` section; then the best."""
    # Best first, the earlier view on a tie: sorted by view, then stably by value (a key
    # made of two attributes' getters, in C, where a tuple a candidate cost more).
    order = sorted(sorted(pool, key=_VIEW), key=_VALUE, reverse=True)
    picked = [c for c in order if c.pinned]
    taken = {c.view for c in picked}
    if count is not None and views:
        seen = set(covered) | {views[c.view].doc for c in picked}
        for c in order:
            if len(picked) >= count:
                break
            if views[c.view].doc not in seen:
                seen.add(views[c.view].doc)
                picked.append(c)
                taken.add(c.view)
    if count is None:
        per_section = {k: sum(1 for c in picked if c.section == k) for k in range(len(limits))}
        for c in order:
            k = c.section if c.section is not None else len(limits) - 1
            if c.view in taken or per_section.get(k, 0) >= limits[k]:
                continue
            picked.append(c)
            taken.add(c.view)
            per_section[k] = per_section.get(k, 0) + 1
        return picked
    have = {c.section for c in picked}
    firsts = []
    for k in guaranteed:
        best = next((c for c in order if c.section == k), None)
        if best is not None and k not in have:
            firsts.append(best)
    for c in sorted(firsts, key=lambda c: (-c.value, c.view)):
        if len(picked) >= count:
            break
        picked.append(c)
        taken.add(c.view)
    for c in order:
        if len(picked) >= count:
            break
        if c.view not in taken:
            picked.append(c)
            taken.add(c.view)
    return picked
