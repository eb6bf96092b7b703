"""Stories: which documents of a brief report the same event.

An editor reading a pile of news sorts it by story before anything else: three wire reports
of one match are one item, an unrelated court case another.  Documents are compared as
**TF-IDF vectors** of their content stems (every sentence's, and the headline's) plus the
entities they name (:attr:`~briefer.brief.entities.Cast.docs`, one feature each, weighted
like a word that is in two sentences), with sublinear term frequency (``1 + log tf``) and
smoothed idf over the brief's documents (``log((1 + N) / (1 + df)) + 1``, so two documents
alone still weigh what they share) -- Salton & Buckley 1988, "Term-weighting approaches in
automatic text retrieval".  Reports of one event share its rare names and words; articles
that only share a beat (two football results) share common ones, which idf discounts.

Documents are grouped by **average-linkage agglomerative clustering** of cosine distances
(scipy's ``linkage``), cut at ``1 - STORY_SIMILARITY``: a document joins a story when it is
that similar to the story's documents *on average*, so one shared name cannot chain two
events together as single linkage (or connected components) would (Manning, Raghavan &
Schütze 2008, *Introduction to Information Retrieval*, ch. 17).

Two documents in **different languages** share no words, only the names they mention
(entities are listed under one name in every language: "Estados Unidos" is the United
States), so for such a pair the similarity is also read from the entities alone: the cosine
of their entity features, weighted as above, when they name at least
:data:`CROSS_LANGUAGE_SHARED` of the same people or bodies (places count in the cosine, not
here: any two stories of a region share its countries, and often its leader; reports of one
event share who was in it); the pair keeps the greater of the two.  A Spanish
and an English report of one event then form one story; documents of one language are
compared exactly as before.

Stories are ordered by size (documents, then sentences), then first appearance; past
:data:`MAX_STORIES`, the remaining (smallest, mostly single-document) stories are gathered into
one last group, so a folder of thousands of unrelated articles does not become thousands of
sections; the brief shows each gathered story as one line there, its best sentence.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from briefer.brief.analysis import View
from briefer.brief.entities import Cast
from briefer.document import Document

STORY_SIMILARITY = 0.25  # average cosine at which documents report the same event
ENTITY_WEIGHT = 2.0  # an entity feature's term frequency: a word named in two sentences
MAX_STORIES = 12  # stories shown on their own; later singletons are gathered
MAX_TITLE_ENTITIES = 3
CROSS_LANGUAGE_SHARED = 2  # people and bodies two documents in other languages must share


@dataclass(frozen=True, slots=True)
class StoryGroup:
    """Documents of one story (positions in the brief's documents), most central first."""

    documents: tuple[int, ...]
    gathered: bool = False  # the last group of the smallest stories, not one story
    parts: tuple[tuple[int, ...], ...] = ()  # gathered: the documents of each of its stories

    @property
    def size(self) -> int:
        return len(self.documents)


def document_vectors(docs: Sequence[Document], views: Sequence[View],
                     headlines: Sequence[View], cast: Cast):  # -> scipy.sparse.csr_matrix
    """L2-normalised TF-IDF rows, one per document (see the module doc)."""
    import numpy as np
    from scipy import sparse

    counts: list[Counter[str]] = [Counter() for _ in docs]
    for view in views:
        counts[view.doc].update(view.content)
    for view in headlines:
        counts[view.doc].update(t.stem for t in view.tokens if len(t.fold) > 1)
    for name, found in cast.docs.items():
        for d in found:
            counts[d]["\0" + name] += ENTITY_WEIGHT
    # Terms numbered in sorted order, each row's in that order: a sentence's terms come in a
    # frozenset's hash-seeded order, and with them the columns and so the float sums of the
    # similarities, whose near-ties then ordered a story's documents (and chose its title)
    # differently from one process to the next (review round 8 W7).
    vocabulary = {term: k for k, term in enumerate(sorted(set().union(*counts)))}
    rows, cols, vals = [], [], []
    for d, counted in enumerate(counts):
        for term, tf in sorted(counted.items()):
            rows.append(d)
            cols.append(vocabulary[term])
            vals.append(1.0 + math.log(tf))
    n = len(docs)
    matrix = sparse.csr_matrix((vals, (rows, cols)), shape=(n, max(1, len(vocabulary))))
    df = np.bincount(matrix.indices, minlength=matrix.shape[1])
    idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
    matrix = matrix.multiply(idf[None, :]).tocsr()
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.diags(1.0 / norms) @ matrix


def find_stories(docs: Sequence[Document], views: Sequence[View], headlines: Sequence[View],
                 cast: Cast, *, threshold: float = STORY_SIMILARITY,
                 most: int = MAX_STORIES) -> list[StoryGroup]:
    """The stories of ``docs``, biggest first (see the module doc); one group for one
    document."""
    if len(docs) < 2:
        return [StoryGroup(tuple(range(len(docs))))]
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage

    vectors = document_vectors(docs, views, headlines, cast)
    similarity = (vectors @ vectors.T).toarray()
    if len({d.language for d in docs}) > 1:
        _across_languages(similarity, docs, cast)
    np.clip(similarity, 0.0, 1.0, out=similarity)
    distance = 1.0 - similarity[np.triu_indices(len(docs), k=1)]
    labels = fcluster(linkage(distance, method="average"), t=1.0 - threshold,
                      criterion="distance")
    members: dict[int, list[int]] = {}
    for d, label in enumerate(labels.tolist()):
        members.setdefault(label, []).append(d)
    sentences = Counter(v.doc for v in views)

    def central_first(group: list[int]) -> tuple[int, ...]:
        if len(group) < 3:
            return tuple(group)
        mean = similarity[np.ix_(group, group)].sum(axis=1)
        return tuple(d for _, d in sorted(zip((-mean).tolist(), group, strict=True)))

    groups = sorted(members.values(),
                    key=lambda g: (-len(g), -sum(sentences[d] for d in g), g[0]))
    shown = [StoryGroup(central_first(g)) for g in groups[:most]]
    rest = groups[most:]
    if rest:
        shown.append(StoryGroup(tuple(sorted(d for g in rest for d in g)), gathered=True,
                                parts=tuple(tuple(g) for g in rest)))
    return shown


def _across_languages(similarity, docs: Sequence[Document], cast: Cast) -> None:
    """Raise ``similarity`` (a dense n-by-n array) of each pair of documents in different
    languages to the cosine of their entity features alone, where they share at least
    :data:`CROSS_LANGUAGE_SHARED` people or bodies (see the module doc)."""
    import numpy as np
    from scipy import sparse

    n = len(docs)
    names = sorted(cast.docs)  # (sorted: the same float sums in every process)
    rows = [d for name in names for d in sorted(cast.docs[name])]
    cols = [k for k, name in enumerate(names) for _ in cast.docs[name]]
    named = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, max(1, len(names))))
    df = np.asarray(named.sum(axis=0)).ravel()
    weighted = named.multiply((np.log((1.0 + n) / (1.0 + df)) + 1.0)[None, :]).tocsr()
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    weighted = sparse.diags(1.0 / norms) @ weighted
    actors = named[:, [k for k, name in enumerate(names) if cast.kind_of(name) != "place"]]
    shared = (actors @ actors.T).tocoo()
    keep = shared.data >= CROSS_LANGUAGE_SHARED
    i, j = shared.row[keep], shared.col[keep]
    code = {c: k for k, c in enumerate(sorted({d.language for d in docs}))}
    language = np.array([code[d.language] for d in docs])
    across = language[i] != language[j]
    i, j = i[across], j[across]
    if not len(i):
        return
    cosine = np.asarray(weighted[i].multiply(weighted[j]).sum(axis=1)).ravel()
    similarity[i, j] = np.maximum(similarity[i, j], cosine)


def story_title(group: StoryGroup, docs: Sequence[Document], cast: Cast) -> str:
    """The story's best headline: its most central document's title; without titles, the
    entities most of its documents name ("Venezuela · Mexico"); else its first source."""
    if group.gathered:
        return "Other stories"
    for d in group.documents:
        if docs[d].title:
            return docs[d].title
    members = set(group.documents)
    named = sorted(((len(found & members), -cast.first.get(name, 0), name)
                    for name, found in cast.docs.items() if found & members), reverse=True)
    names = [name for shared, _, name in named[:MAX_TITLE_ENTITIES] if shared]
    if names:
        return " · ".join(names)
    return docs[group.documents[0]].source


def spread(count: int, sizes: Sequence[int], available: Sequence[int]) -> list[int]:
    """``count`` items shared among stories: one each in story order while ``count`` lasts,
    then the rest by the D'Hondt rule on ``sizes`` (bigger stories more), never more than
    a story's ``available`` candidates."""
    quotas = [0] * len(sizes)
    left = count
    for s in range(len(sizes)):
        if left and available[s]:
            quotas[s] = 1
            left -= 1
    while left:
        open_ = [s for s in range(len(sizes)) if quotas[s] < available[s]]
        if not open_:
            break
        best = max(open_, key=lambda s: (sizes[s] / (quotas[s] + 1), -s))
        quotas[best] += 1
        left -= 1
    return quotas
