"""What the reader asked for and what the brief made of it, without any UI.

The TUI's screens only turn keys and clicks into calls on :class:`ReaderState` and draw what it
holds.  The rules live here, where a unit test reaches them without starting Textual: what
``+`` does at the longest possible brief, what pinning a dropped sentence means, which of two
briefs built in the background may still be shown, and how the reader's pins survive a change
of length or algorithm.

A sentence is named by a :data:`Key`, ``(document position, sentence position)``, both
0-based: the same pair ``make_brief`` takes for ``pinned`` and ``dropped``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING

from briefer.brief.model import Brief, BriefItem

if TYPE_CHECKING:
    from briefer.brief.assembly import BriefPlan
from briefer.document import Document, Sentence
from briefer.tui.search import matches, normalise

Key = tuple[int, int]

BOTTOM_LINE = -1
"""The section number given to the brief's bottom line, which sits above every section."""

QUOTES = -2
"""The section number of a sentence that is in the brief only as a quotation."""


@dataclass(frozen=True, slots=True)
class BriefRequest:
    """Everything one brief is built from, frozen so a worker thread can use it safely.

    ``known_scores[i]`` holds document ``i``'s scores for ``algorithm`` when an earlier brief
    already ranked it, else ``None``: only those documents are ranked again, so ``+``/``-``,
    pins and templates never wait for a ranker.
    """

    generation: int
    documents: tuple[Document, ...]
    template: str
    algorithm: str
    count: int | None
    pinned: frozenset[Key]
    dropped: frozenset[Key]
    known_scores: tuple[tuple[float, ...] | None, ...]
    plan: BriefPlan | None = None  # the reader's last plan; used only if it still fits
    title: str | None = None  # the input's own title (a feed's), while its items are open
    keep_plan: Callable[[BriefPlan], None] | None = None  # told of the plan the brief used

    @property
    def unranked(self) -> tuple[int, ...]:
        """Positions of the documents that still need ranking."""
        return tuple(i for i, s in enumerate(self.known_scores) if s is None)


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a sentence went in the brief: section number (0-based) and title."""

    section: int  # or BOTTOM_LINE, or QUOTES
    title: str
    merged: bool = False  # a near-duplicate folded into another item, not shown itself

    @property
    def tinted(self) -> bool:
        """Whether the sentence itself is a line of the brief (not merged, not a quote)."""
        return not self.merged and self.section != QUOTES


@dataclass(frozen=True, slots=True)
class SentenceInfo:
    """What the reader sees about one source sentence."""

    key: Key
    sentence: Sentence
    score: float | None
    rank: int | None  # 1 = best-scored sentence of its document
    total: int  # sentences in its document
    placement: Placement | None
    pinned: bool
    dropped: bool


@dataclass(frozen=True, slots=True)
class Stats:
    """The numbers on the status line: what went in, what came out."""

    sentences_in: int
    sentences_out: int  # every line of the brief from the source: bottom line and items
    words_in: int
    words_out: int

    @property
    def compression(self) -> float:
        """Words out as a fraction of words in (0 for an empty input)."""
        return self.words_out / self.words_in if self.words_in else 0.0


ProgressCallback = Callable[[int, int, str], None]


def sentence_position(doc: Document, sentence: Sentence) -> int:
    """The 0-based position of ``sentence`` in ``doc.sentences``.

    ``Sentence.index`` counts from 1 in document order, so this is ``index - 1``; the search
    is only a safety net for a sentence that did not come from ``doc``.
    """
    pos = sentence.index - 1
    if 0 <= pos < len(doc.sentences) and doc.sentences[pos].start == sentence.start:
        return pos
    for i, s in enumerate(doc.sentences):
        if s.start == sentence.start and s.end == sentence.end:
            return i
    return pos


def item_key(brief: Brief, item: BriefItem) -> Key:
    """The :data:`Key` of a brief item's sentence."""
    return (item.doc, sentence_position(brief.documents[item.doc], item.sentence))


def build_brief(
    request: BriefRequest,
    *,
    rank: Callable[[Document, str], Sequence[float] | None] | None = None,
    progress: ProgressCallback | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> Brief | None:
    """Rank what still needs ranking, then make the brief; ``None`` if cancelled meanwhile.

    This is the slow, CPU-bound part the TUI runs in a worker thread.  ``progress(done,
    total, what)`` is called before each document is ranked and once at the end.  Without
    ``rank``, long texts are ranked in a child process (see :mod:`briefer.tui.ranking`).
    """
    from briefer.brief import make_brief, plan_brief

    if rank is None:
        from briefer.tui.ranking import rank_for_reader

        def rank(doc: Document, algorithm: str) -> Sequence[float] | None:
            return rank_for_reader(doc, algorithm, cancelled)

    scores = list(request.known_scores)
    todo = request.unranked
    for step, i in enumerate(todo):
        if cancelled():
            return None
        if progress is not None:
            doc = request.documents[i]
            progress(step, len(todo), f"Ranking {len(doc.sentences):,} sentences of "
                                      f"{PurePath(doc.source).name} with {request.algorithm}")
        ranked = rank(request.documents[i], request.algorithm)
        if ranked is None:
            return None
        scores[i] = tuple(ranked)
    if cancelled():
        return None
    if progress is not None:
        progress(len(todo), len(todo), "Arranging the brief")

    def stop_if_cancelled(step: str, done: int, total: int) -> None:
        # the brief's own progress hook, called between its steps: the one place a
        # thread can be stopped (review round 8: `q` waited for a 1 MB plan to finish)
        if cancelled():
            raise _Cancelled

    try:
        plan = request.plan
        if plan is None or not plan.made_for(request.documents, request.template):
            plan = plan_brief(request.documents, request.template, progress=stop_if_cancelled)
        if request.keep_plan is not None:
            request.keep_plan(plan)
        return make_brief(
            request.documents,
            template=request.template,
            count=request.count,
            algorithm=request.algorithm,
            pinned=request.pinned,
            dropped=request.dropped,
            scores=[s if s is not None else () for s in scores],
            plan=plan,
            title=request.title,
            progress=stop_if_cancelled,
        )
    except _Cancelled:
        return None


class _Cancelled(Exception):
    """Raised from the brief's progress hook when the reader moved on or quit."""


def _words(sentences: Iterable[Sentence]) -> int:
    return sum(len(s.text.split()) for s in sentences)


class ReaderState:
    """The open documents, the reader's choices, and the latest brief made from them.

    Scores are kept per document and algorithm for as long as the document is open (bounded
    by documents x registered rankers), so going back to an algorithm is instant.
    """

    def __init__(
        self,
        documents: Iterable[Document] = (),
        *,
        template: str = "auto",
        algorithm: str | None = None,
        count: int | None = None,
        title: str | None = None,
    ) -> None:
        from briefer.rank import DEFAULT_ALGORITHM

        self.documents: list[Document] = list(documents)
        # ``title`` names these documents together (a feed's title, as ``briefer brief``
        # heads a feed's brief): it is the brief's title while exactly they are open.
        # The documents themselves are kept, not their ids: a freed document's id can be
        # reused by another (review finding).
        self._titled = (title, tuple(self.documents)) if title else None
        self.template = template
        self.algorithm = (algorithm or DEFAULT_ALGORITHM).lower()
        self.count = count
        self.pinned: set[Key] = set()
        self.dropped: set[Key] = set()
        self.brief: Brief | None = None
        self.stats = Stats(0, 0, 0, 0)
        self.current = 0
        self._scores: list[dict[str, tuple[float, ...]]] = [{} for _ in self.documents]
        self._generation = 0
        self._settled = ("auto", self.algorithm)  # what to fall back to if nothing worked
        # The plan of the last brief (analysis and placement of every sentence): a new
        # length, pin or drop re-uses it; other documents or another template replace it.
        self._plan: BriefPlan | None = None
        self._placements: dict[Key, Placement] | None = None  # of self.brief, once asked
        self._ranks: dict[tuple[int, str], list[int]] = {}  # (doc, algorithm) -> rank by pos

    # -- documents -------------------------------------------------------------------------

    def add_document(self, doc: Document) -> int:
        """Open ``doc`` beside the others and show it; returns its position."""
        self.documents.append(doc)
        self._scores.append({})
        self.current = len(self.documents) - 1
        return self.current

    def close_document(self, index: int) -> None:
        """Close a document; the choices made on the others keep pointing at the same text."""
        if not 0 <= index < len(self.documents):
            return
        del self.documents[index]
        del self._scores[index]

        def shift(keys: set[Key]) -> set[Key]:
            return {(d - (d > index), s) for d, s in keys if d != index}

        self.pinned = shift(self.pinned)
        self.dropped = shift(self.dropped)
        self.brief = None
        self._placements = None
        self._ranks.clear()
        self.current = min(self.current, max(len(self.documents) - 1, 0))

    def show(self, index: int) -> bool:
        """Make document ``index`` the one in the source pane; False if there is none."""
        if not 0 <= index < len(self.documents) or index == self.current:
            return False
        self.current = index
        return True

    # -- building briefs -------------------------------------------------------------------

    def request(self) -> BriefRequest:
        """A snapshot of what the next brief should be; it supersedes every earlier one."""
        self._generation += 1
        return BriefRequest(
            generation=self._generation,
            documents=tuple(self.documents),
            template=self.template,
            algorithm=self.algorithm,
            count=self.count,
            pinned=frozenset(self.pinned),
            dropped=frozenset(self.dropped),
            known_scores=tuple(s.get(self.algorithm) for s in self._scores),
            plan=self._plan,
            keep_plan=self._keep_plan,
            title=self.title,
        )

    @property
    def title(self) -> str | None:
        """The title the input gave its documents, while exactly those are open."""
        if self._titled is None:
            return None
        given = self._titled[1]
        if len(given) != len(self.documents) or any(
                a is not b for a, b in zip(given, self.documents, strict=True)):
            return None
        return self._titled[0]

    def _keep_plan(self, plan: BriefPlan) -> None:
        """Remember the plan a brief was made with (called from the worker thread; one
        assignment, and a plan that no longer fits is simply made again)."""
        self._plan = plan

    def is_current(self, generation: int) -> bool:
        """Whether a result for ``generation`` is still wanted (no newer request was made)."""
        return generation == self._generation

    def accept(self, generation: int, brief: Brief) -> bool:
        """Keep ``brief`` if it answers the latest request; a late, older one is ignored."""
        if not self.is_current(generation):
            return False
        self.brief = brief
        self._placements = None
        for i, scores in enumerate(brief.scores[: len(self._scores)]):
            if len(scores) == len(self.documents[i].sentences) \
                    and self._scores[i].get(self.algorithm) != tuple(scores):
                self._scores[i][self.algorithm] = tuple(scores)
                self._ranks.pop((i, self.algorithm), None)
        self._settled = (self.template, self.algorithm)
        self.stats = self._count(brief)
        return True

    def reject(self, generation: int) -> bool:
        """The latest request failed (a bad template): go back to the last settings that
        worked (``auto`` before any did), so the brief on screen matches the status line.

        Returns whether that changed the settings, i.e. whether trying again may help.
        """
        if not self.is_current(generation):
            return False
        before = (self.template, self.algorithm)
        self.template, self.algorithm = self._settled
        return before != self._settled

    def _count(self, brief: Brief) -> Stats:
        out = [item.sentence for section in brief.sections for item in section.items]
        if brief.bottom_line is not None:
            out.append(brief.bottom_line.sentence)
        return Stats(
            sentences_in=brief.sentences_in,
            sentences_out=brief.sentences_shown,
            words_in=sum(_words(d.sentences) for d in brief.documents),
            words_out=_words(out),
        )

    # -- settings --------------------------------------------------------------------------

    def set_algorithm(self, name: str) -> bool:
        """Switch ranker; True if that changes anything."""
        name = name.lower()
        changed = name != self.algorithm
        self.algorithm = name
        return changed

    def set_template(self, name: str) -> bool:
        """Switch template (a name or a path); True if that changes anything."""
        changed = name != self.template
        self.template = name
        return changed

    def longer(self) -> bool:
        """One sentence more, up to every sentence that is not dropped."""
        if self.brief is None:
            return False
        brief = self.brief
        # ``count`` is items in sections, so everything here counts without the bottom line
        base = max(brief.sentences_out, self.count or 0)
        if base >= brief.sentences_in - len(self.dropped) - (brief.bottom_line is not None):
            return False
        self.count = base + 1
        return True

    def shorter(self) -> bool:
        """One sentence fewer, down to one (or to the pinned ones, which always stay)."""
        if self.brief is None:
            return False
        out = self.brief.sentences_out
        base = min(out, self.count) if self.count else out
        if base <= max(1, len(self.pinned)):
            return False
        self.count = base - 1
        return True

    # -- the reader's choices --------------------------------------------------------------

    def toggle_pin(self, key: Key) -> bool:
        """Pin ``key`` (un-dropping it) or unpin it; returns whether it is now pinned."""
        if key in self.pinned:
            self.pinned.discard(key)
            return False
        self.dropped.discard(key)
        self.pinned.add(key)
        return True

    def toggle_drop(self, key: Key) -> bool:
        """Drop ``key`` (unpinning it) or bring it back; returns whether it is now dropped."""
        if key in self.dropped:
            self.dropped.discard(key)
            return False
        self.pinned.discard(key)
        self.dropped.add(key)
        return True

    def clear_choices(self) -> bool:
        """Forget every pin and drop; True if there were any."""
        had = bool(self.pinned or self.dropped)
        self.pinned.clear()
        self.dropped.clear()
        return had

    # -- reading the brief -----------------------------------------------------------------

    def placements(self) -> dict[Key, Placement]:
        """Where each sentence of the brief sits (sections first, then the bottom line);
        worked out once per brief."""
        brief = self.brief
        if brief is None:
            return {}
        if self._placements is None:
            self._placements = self._place(brief)
        return self._placements

    @staticmethod
    def _place(brief: Brief) -> dict[Key, Placement]:
        placed: dict[Key, Placement] = {}
        for number, section in enumerate(brief.sections):
            for item in section.items:
                placed.setdefault(item_key(brief, item), Placement(number, section.title))
        for number, section in enumerate(brief.sections):
            for item in section.items:
                for also in item.also:
                    placed.setdefault(also, Placement(number, section.title, merged=True))
        if brief.bottom_line is not None:
            placed.setdefault(item_key(brief, brief.bottom_line),
                              Placement(BOTTOM_LINE, "Bottom line"))
        for quote in brief.quotes:
            key = (quote.doc, sentence_position(brief.documents[quote.doc], quote.sentence))
            placed.setdefault(key, Placement(QUOTES, "Quotes"))
        return placed

    def scores_for(self, doc: int) -> tuple[float, ...] | None:
        """Document ``doc``'s scores under the current algorithm, once it has been ranked."""
        if not 0 <= doc < len(self._scores):
            return None
        return self._scores[doc].get(self.algorithm)

    def info(self, key: Key) -> SentenceInfo | None:
        """What to tell the reader about sentence ``key``; ``None`` if there is no such one."""
        d, s = key
        if not 0 <= d < len(self.documents) or not 0 <= s < len(self.documents[d].sentences):
            return None
        scores = self.scores_for(d)
        score = rank = None
        if scores is not None:
            score = scores[s]
            rank = self._rank_of(d)[s]
        return SentenceInfo(
            key=key,
            sentence=self.documents[d].sentences[s],
            score=score,
            rank=rank,
            total=len(self.documents[d].sentences),
            placement=self.placements().get(key),
            pinned=key in self.pinned,
            dropped=key in self.dropped,
        )

    def _rank_of(self, doc: int) -> list[int]:
        """Rank (1 = best) of each sentence of ``doc`` under the current algorithm, sorted
        once per set of scores rather than on every cursor move."""
        key = (doc, self.algorithm)
        ranks = self._ranks.get(key)
        if ranks is None:
            from briefer.select import order_by_score

            scores = self._scores[doc][self.algorithm]
            ranks = [0] * len(scores)
            for place, pos in enumerate(order_by_score(scores), start=1):
                ranks[pos] = place
            self._ranks[key] = ranks
        return ranks

    def find(self, query: str, doc: int | None = None) -> list[int]:
        """Positions of the sentences of ``doc`` (default: the shown one) that match
        ``query`` as the source pane highlights it (:func:`briefer.tui.search.matches`)."""
        d = self.current if doc is None else doc
        if not normalise(query) or not 0 <= d < len(self.documents):
            return []
        return [i for i, s in enumerate(self.documents[d].sentences) if matches(s.text, query)]
