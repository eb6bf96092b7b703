"""Near-duplicates: said once, cited everywhere, across several texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefer import api
from briefer.brief import make_brief
from briefer.brief.analysis import analyse
from briefer.brief.dedup import duplicate_groups, similar
from briefer.tokens import make_stemmer, stop_words

DATA = Path(__file__).resolve().parents[1] / "data"
SHARED = "Shipping companies diverted vessels to Antwerp and Hamburg."


def stems(text: str) -> frozenset[str]:
    doc = api.split(text, source="t.txt", clean=False)
    return frozenset().union(*(v.content for v in analyse([doc], make_stemmer(), stop_words())))


def test_similarity_thresholds() -> None:
    a = stems("The ministry said prices would rise sharply next month.")
    assert similar(a, stems("Prices would rise sharply next month, the ministry said."))
    assert similar(a, stems("The ministry said on Tuesday that prices would rise sharply next "
                            "month."))  # a longer copy contains the shorter one
    assert not similar(a, stems("The ministry said exports fell."))
    assert not similar(frozenset(), a)


def test_groups_within_and_across_documents() -> None:
    docs = [api.split("The river rose fast. Nobody was hurt.", source="a.txt"),
            api.split("Heavy rain fell. The river rose fast.", source="b.txt")]
    views = analyse(docs, make_stemmer(), stop_words())
    groups = duplicate_groups(views)
    keys = [[views[n].key for n in g] for g in groups]
    assert [(0, 0), (1, 1)] in keys
    assert sum(len(g) for g in groups) == len(views)


def port_docs() -> list:
    return [api.read(str(DATA / "brief_port_a.txt")), api.read(str(DATA / "brief_port_b.txt"))]


def test_a_shared_sentence_is_kept_once_and_cites_both() -> None:
    a, b = port_docs()
    brief = make_brief([a, b], count=20)
    shown = [i for s in brief.sections for i in s.items] + [brief.bottom_line]
    shared = [i for i in shown if i.sentence.text == SHARED]
    assert len(shared) == 1
    item = shared[0]
    assert len(item.also) == 1
    other_doc, other_pos = item.also[0]
    assert other_doc != item.doc
    assert brief.documents[other_doc].sentences[other_pos].text == SHARED
    cite = brief.cite(item)
    assert "brief_port_a.txt:" in cite and "brief_port_b.txt:" in cite


def test_pinning_a_duplicate_shows_that_copy() -> None:
    a, b = port_docs()
    pos_a = next(p for p, s in enumerate(a.sentences) if s.text == SHARED)
    pos_b = next(p for p, s in enumerate(b.sentences) if s.text == SHARED)
    brief = make_brief([a, b], count=20, pinned=[(0, pos_a)])
    shown = [i for s in brief.sections for i in s.items] + [brief.bottom_line]
    item = next(i for i in shown if i.sentence.text == SHARED)
    assert (item.doc, item.also) == (0, ((1, pos_b),))


def test_dropping_a_duplicate_drops_every_copy() -> None:
    a, b = port_docs()
    pos_b = next(p for p, s in enumerate(b.sentences) if s.text == SHARED)
    brief = make_brief([a, b], count=20, dropped=[(1, pos_b)])
    shown = [i for s in brief.sections for i in s.items] + [brief.bottom_line]
    assert not any(i.sentence.text == SHARED for i in shown)


def all_pairs_groups(views: list) -> list[list[int]]:
    """The groups by brute force: every pair compared, components by union-find."""
    parent = list(range(len(views)))

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for n in range(len(views)):
        for m in range(n + 1, len(views)):
            if similar(views[n].content, views[m].content):
                a, b = find(n), find(m)
                parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = {}
    for n in range(len(views)):
        groups.setdefault(find(n), []).append(n)
    return [groups[k] for k in sorted(groups)]


def test_prefix_filtering_finds_exactly_the_all_pairs_groups() -> None:
    """The near-linear search misses no pair: the same groups as comparing every pair, on
    the fixtures and on a made-up text of short, long, trimmed and common-word copies."""
    made_up = api.split(
        "Ships were sent to Antwerp. Ships were sent to Antwerp on Monday. The port said "
        "ships were sent to Antwerp and Hamburg after the strike began at dawn. It said so. "
        "It said so again. People said things. People said things today. Officials met "
        "union leaders in Rotterdam to end the strike at the port. Union leaders met "
        "officials in Rotterdam to end the port strike.", source="m.txt")
    for docs in (port_docs(), [made_up], port_docs() + [made_up]):
        views = analyse(docs, make_stemmer(), stop_words())
        assert duplicate_groups(views) == all_pairs_groups(views)
        assert any(len(g) > 1 for g in duplicate_groups(views))


def test_pairs_at_the_thresholds_are_judged_as_similar_judges_them() -> None:
    """The search tests each candidate pair with :func:`similar`'s rule written out; pairs
    exactly at and just below each threshold (Jaccard 3/5 and 3/6, containment 17/20 and
    16/20) are grouped as comparing every pair groups them, among random edited copies."""
    import random
    from types import SimpleNamespace

    def words(prefix: str, n: int) -> set[str]:
        return {f"{prefix}{k}" for k in range(n)}

    boundary = [
        words("a", 4), words("a", 3) | {"a9"},  # 3 shared of 5: Jaccard 0.6, grouped
        words("b", 4), words("b", 3) | {"b8", "b9"},  # 3 of 6, contained 3/4: apart
        words("c", 20), words("c", 17) | words("x", 10),  # 17 of 20 contained: grouped
        words("d", 20), words("d", 16) | words("y", 10),  # 16 of 20: apart
    ]
    rng = random.Random(7)
    vocabulary = sorted(words("w", 40))
    sets = [frozenset(s) for s in boundary]
    for _ in range(60):
        if rng.random() < 0.6:
            base = set(rng.choice(sets))
            for _ in range(rng.randint(0, 3)):
                if base and rng.random() < 0.5:
                    base.discard(rng.choice(sorted(base)))
                else:
                    base.add(rng.choice(vocabulary))
            sets.append(frozenset(base))
        else:
            sets.append(frozenset(rng.sample(vocabulary, rng.randint(0, 12))))
    views = [SimpleNamespace(content=s) for s in sets]
    found = duplicate_groups(views)  # type: ignore[arg-type]
    assert found == all_pairs_groups(views)
    together = {n: next(g for g in found if n in g) for n in range(8)}
    assert 1 in together[0] and 3 not in together[2]
    assert 5 in together[4] and 7 not in together[6]


def test_the_joins_in_small_blocks_find_the_same_groups(monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    """The prefix joins and the candidate tests run a block of rows at a time (memory stays
    bounded on a text of many repeated articles); blocks of a few rows, which split every
    stem's postings and the candidates across blocks, give the all-pairs groups too."""
    from briefer.brief import dedup

    made_up = api.split(
        "Ships were sent to Antwerp. Ships were sent to Antwerp on Monday. The port said "
        "ships were sent to Antwerp and Hamburg after the strike began at dawn. Officials "
        "met union leaders in Rotterdam to end the strike at the port. Union leaders met "
        "officials in Rotterdam to end the port strike. Ships were sent to Hamburg.",
        source="m.txt")
    views = analyse(port_docs() + [made_up], make_stemmer(), stop_words())
    expected = all_pairs_groups(views)
    for block in (1, 2, 3, 7):
        monkeypatch.setattr(dedup, "PAIR_BLOCK", block)
        assert duplicate_groups(views) == expected
    assert sum(len(g) > 1 for g in expected) >= 2


def test_many_distinct_sentences_over_a_few_words_keep_memory_bounded(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Sentences that share most of their words (market reports, results tables) make the
    candidates quadratic; each block's are tested and dropped before the next block, so the
    search holds a block's worth, not every candidate (review V1: 800 KB of such text peaked
    at 2.3 GB, and under a memory limit ended in numpy's MemoryError)."""
    import tracemalloc
    from types import SimpleNamespace

    from briefer.brief import dedup

    monkeypatch.setattr(dedup, "PAIR_BLOCK", 1 << 10)
    shared = [f"c{k}" for k in range(20)]
    views = [SimpleNamespace(content=frozenset([*shared, f"u{i}"])) for i in range(300)]
    tracemalloc.start()
    try:
        groups = duplicate_groups(views)  # type: ignore[arg-type]
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert groups == [list(range(300))]
    assert peak < 10 * 2**20  # all the candidates at once: about 20 MB


def test_candidates_grow_linearly_where_every_stem_is_common(monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    """On sets drawn from a small vocabulary every stem's postings are long, and searching
    all of them made the candidates grow as the square of the text (review W3: 4 MB of
    random sentences over 400 words took 73 s); one stem now pairs a set only with the sets
    of a window around it, so twice the sets give about twice the candidates, at most
    ``2 WINDOW`` a probing stem.  Counted by wrapping the joins, not timed."""
    import random
    from types import SimpleNamespace

    from briefer.brief import dedup

    real_join = dedup._join
    yielded = [0]

    def counting_join(*args, **kwargs):  # type: ignore[no-untyped-def]
        for x, y in real_join(*args, **kwargs):
            yielded[0] += x.size
            yield x, y

    monkeypatch.setattr(dedup, "_join", counting_join)
    rng = random.Random(3)
    vocabulary = [f"w{k}" for k in range(30)]
    sets = list(dict.fromkeys(frozenset(rng.sample(vocabulary, 10)) for _ in range(8100)))
    counts = []
    for n in (4000, 8000):
        yielded[0] = 0
        groups = duplicate_groups([SimpleNamespace(content=s) for s in sets[:n]])  # type: ignore[misc]
        assert sum(map(len, groups)) == n
        counts.append(yielded[0])
    assert counts[1] < 2.5 * counts[0], counts
    assert counts[1] <= 2 * 2 * dedup.WINDOW * 10 * 8000  # two joins, ten stems a set
