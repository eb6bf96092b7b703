"""Word-frequency rankers -- Luhn, SumBasic and KL-Sum -- that pick what sumy 0.13 picks, fast.

Each function takes a :class:`RankInput` and returns one score per sentence, the score sumy
gives the sentence through :mod:`briefer.rank.sumy_adapter` (same words from
:func:`briefer.tokens.words`, sumy's stop words, Snowball stems).  sumy recomputes
everything in Python loops over words -- per sentence, per iteration, testing membership in
tuples -- which costs seconds to minutes on long texts; here words are numbered once and
stemmed once per distinct word (:func:`briefer.rank.terms.stemmed_tokens`), and the counting is
done with numpy.

Luhn (1958), "The Automatic Creation of Literature Abstracts", IBM J. Res. Dev. 2(2)
    As in ``sumy.summarizers.luhn``: *significant* stems are the non-stop stems occurring more
    than once in the document (title included; sumy's ``significant_percentage = 1`` keeps
    all of them).  In each sentence, every word is stemmed -- stop words too, so a stop word
    whose stem is significant counts -- and significant words are grouped into chunks that
    end after ``MAX_GAP`` (4) insignificant words.  A chunk with ``m`` significant words
    spanning ``w`` words (first to last significant one) scores ``m**2 / w``, or 0 when
    ``m == 1``; a sentence scores its best chunk.  Exact: same integers, same division.

SumBasic -- Nenkova & Vanderwende (2005), "The impact of frequency on summarization", MSR-TR
    A greedy selector, as in ``sumy.summarizers.sum_basic``: ``p(w)`` is stem ``w``'s share of
    the body's non-stop words; the sentence with the highest mean ``p`` over its words (0 with
    none; ties to the earlier sentence) is picked, and ``p(w)`` is squared once *per
    occurrence* of ``w`` in it; repeat until every sentence is picked.  We compute that order
    for all sentences exactly, but not by rescoring every sentence in every iteration: a
    sentence's mean can only fall (``p <= 1`` squared shrinks, and rounded addition is
    monotone), so a heap of stale upper bounds gives the same picks ("lazy greedy", Minoux
    1978): pop the best, rescore it if one of its words changed since, pick it when its
    score is current.  Means are Python sums over the same words in the same order, so the
    scores are bit-for-bit sumy's and ties break identically.

KL-Sum -- Haghighi & Vanderwende (2009), "Exploring Content Models for Multi-Document
Summarization", NAACL, section 3
    A greedy selector, as in ``sumy.summarizers.kl``: each iteration picks the sentence whose
    addition to the summary gives the smallest ``sum_w P_D(w) log(P_D(w) / P_S(w))`` (ties to
    the earlier sentence).  sumy's details, reproduced: words are lower-cased, not stemmed;
    the document distribution ``P_D`` drops stop words *before* lower-casing (so "The" counts
    as "the"), a candidate's words drop them after; ``P_S`` joins the candidate's content
    words with the summary's *raw* words (stop words and capitals kept), the sum runs over
    the words of ``P_S`` that ``P_D`` knows, and a candidate with no words at all scores 0.
    Vectorised: the divergence splits into a per-sentence part that changes only for
    sentences sharing a word with the last pick (updated column by column from a sparse
    matrix) and a part common to all, so an iteration costs ``O(n)`` plus the changed words'
    columns.  The values differ from sumy's by rounding (``log(a) - log(b)`` for
    ``log(a / b)``, a different order of addition), about 1e-15.  That matters only between
    sentences whose divergences are mathematically equal (it happens: late in the loop, two
    short sentences whose words the summary already has), which sumy orders by its own
    rounding noise; we call divergences within ``KL_TIE`` (1e-12, relative) equal and take the
    earlier sentence, the rule of :mod:`briefer.select`.

Scores of the greedy selectors are sumy's: minus the number of distinct sentence texts picked
before (0, -1, -2, ...).  sumy keys them by sentence text, so when a sentence repeats an
earlier one word for word, picking the copy overwrites the text's score with the current
count, and the next new sentence gets the same number; we do the same.  The heading is not a
sentence for SumBasic or KL (sumy scores ``document.sentences``, which excludes it).

Deliberate difference, size: KL needs ``O(n)`` work per pick, ``O(n^2)`` for all.  We run
the exact greedy for at most ``max(KL_MIN_GREEDY, KL_BUDGET // n)`` picks -- every sentence of
any text up to about 10,000 sentences (1 MB of news) -- and order the sentences left after
that by their divergence at that point (the next greedy step without updates), numbered on
after the greedy ones.  SumBasic needs no such limit.

Cost, measured on texts made by concatenating CNN/DailyMail articles (one process, 2-core
machine; sumy run through the adapter, stopped after 150 s; peak memory grew by at most 20 MB
at 1 MB and 125 MB at 10 MB):

==========================  ====================  ====================  =====================
text                        Luhn                  SumBasic              KL-Sum
==========================  ====================  ====================  =====================
300 KB, 2,323 sentences     0.14 s (sumy 2.3 s)   0.17 s (sumy 3.3 s)   0.22 s (sumy > 150 s)
1 MB, 7,728 sentences       0.29 s (sumy 14.6 s)  0.49 s (sumy 33 s)    0.99 s, all exact
10 MB, 76,506 sentences     1.3 s                 4.5 s                 2.0 s, 1,307 exact
==========================  ====================  ====================  =====================

At 300 KB and 1 MB our Luhn and SumBasic scores equal sumy's for every sentence; KL's equal
sumy's on a 254-sentence text (sumy 42 s, ours 0.02 s).
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from briefer import tokens
from briefer.rank import RankInput, terms

MAX_GAP = 4  # sumy's LuhnSummarizer.max_gap_size: insignificant words that end a chunk
KL_BUDGET = 100_000_000  # sentence-iterations of exact KL greedy (n picks cost n * n)
KL_MIN_GREEDY = 200  # exact KL picks however long the text
KL_TIE = 1e-12  # divergences this close (relative) are equal: the earlier sentence wins


def rank_luhn(doc: RankInput) -> list[float]:
    """Luhn's significance factor of each sentence, as sumy computes it."""
    n = len(doc.sentences)
    if n == 0:
        return []
    toks = terms.stemmed_tokens(doc.sentences, doc.title, doc.language, doc.words)
    significant = toks.content_counts > 1
    where = np.flatnonzero(significant[toks.stems])  # token numbers of significant words
    scores = np.zeros(n)
    if where.size == 0:
        return scores.tolist()
    sentence = np.searchsorted(toks.offsets, where, side="right") - 1
    # a new chunk starts at a sentence's first significant word, or after MAX_GAP others
    starts = np.ones(where.size, dtype=bool)
    starts[1:] = (sentence[1:] != sentence[:-1]) | (np.diff(where) > MAX_GAP)
    first = np.flatnonzero(starts)
    last = np.append(first[1:], where.size) - 1
    found = (last - first + 1).astype(np.float64)  # significant words in the chunk
    span = (where[last] - where[first] + 1).astype(np.float64)  # words, first to last
    rating = np.where(found > 1, found * found / span, 0.0)
    np.maximum.at(scores, sentence[first], rating)
    return scores.tolist()


def rank_sumbasic(doc: RankInput) -> list[float]:
    """SumBasic's greedy order over all sentences, as sumy's ratings (0, -1, -2, ...)."""
    n = len(doc.sentences)
    if n == 0:
        return []
    toks = terms.stemmed_tokens(doc.sentences, None, doc.language, doc.words)
    kept = np.cumsum(np.concatenate(([0], toks.content)))[toks.offsets]
    stems = toks.stems[toks.content]
    total = stems.size
    words: list[list[int]] = [row.tolist() for row in np.split(stems, kept[1:-1])]
    # Python floats and sums, in sumy's order, so every mean is bit-for-bit sumy's
    prob: list[float] = [c / total for c in np.bincount(stems).tolist()] if total else []
    containing = _columns(stems, kept, len(prob))

    def mean(i: int) -> float:
        row = words[i]
        return sum([prob[w] for w in row]) / len(row) if row else 0.0

    heap = [(-mean(i), i) for i in range(n)]
    heapq.heapify(heap)
    stale = np.zeros(n, dtype=bool)
    order: list[int] = []
    while heap:
        _, i = heapq.heappop(heap)
        if stale[i]:
            stale[i] = False
            heapq.heappush(heap, (-mean(i), i))
            continue
        order.append(i)
        before = {w: prob[w] for w in words[i]}
        for w in words[i]:
            prob[w] *= prob[w]
        changed = [w for w, p in before.items() if prob[w] != p]
        if changed:
            stale[np.concatenate([containing[w] for w in changed])] = True
    return _ratings(doc.sentences, order)


def rank_kl(doc: RankInput) -> list[float]:
    """KL-Sum's greedy order over all sentences, as sumy's ratings (0, -1, -2, ...)."""
    n = len(doc.sentences)
    if n == 0:
        return []
    limit = max(KL_MIN_GREEDY, KL_BUDGET // n)
    return _ratings(doc.sentences, _KLGreedy(terms.sentence_words(doc), doc.language).order(limit))


class _KLGreedy:
    """The state of sumy's KL-Sum loop, with the divergence split so numpy can update it.

    For candidate ``s`` with content counts ``c_s`` (length ``l_s``) and a summary with raw
    word counts ``m`` (length ``L``), ``T = l_s + L`` and ``B`` the summary words ``P_D``
    knows::

        KL(s) = sum_{w in B} d_w log(d_w / m_w)                      # common to all: dropped
              + log(T) * (sum_{w in B} d_w + E_s)
              + H_s,
        E_s = sum_{w in c_s, not in B} d_w,
        H_s = sum_{w in c_s, not in B} d_w (log d_w - log c_s(w))
              - sum_{w in c_s and B} d_w (log(c_s(w) + m_w) - log m_w).

    Only ``E_s`` and ``H_s`` of sentences containing a word whose ``m_w`` changed need updating.
    """

    def __init__(self, words: Sequence[Sequence[str]], language: str) -> None:
        """``words``: each sentence's words (:func:`briefer.rank.terms.sentence_words`)."""
        stops = tokens.stop_words(language)
        ids, offsets, vocabulary = terms.term_ids(words)
        n = len(words)
        lowers: dict[str, int] = {}
        lower_of = terms.per_term(vocabulary,
                                  lambda w: lowers.setdefault(w.lower(), len(lowers)), np.int64)
        raw_stop = terms.per_term(vocabulary, lambda w: w in stops, bool)
        lower_stop = terms.per_term(vocabulary, lambda w: w.lower() in stops, bool)
        width = max(1, len(lowers))
        # P_D: lower-cased words whose written form is not a stop word
        doc_counts = np.bincount(lower_of[ids[~raw_stop[ids]]], minlength=width)
        total = int(doc_counts.sum())
        self.d = doc_counts / total if total else np.zeros(width)
        sentence_of = terms.row_numbers(offsets)
        # candidates: lower-cased words that are not stop words
        content = ~lower_stop[ids]
        self.counts = terms.pair_counts(sentence_of[content], lower_of[ids[content]], (n, width))
        self.length = np.asarray(self.counts.sum(axis=1), dtype=np.float64).ravel()
        # a summary's raw words: only those P_D has as keys (written in lower case) count
        key = terms.per_term(vocabulary, lambda w: lowers.get(w, -1), np.int64)
        key = np.where((key >= 0) & (doc_counts[np.maximum(key, 0)] > 0), key, -1)
        raw_key = key[ids]
        self.summary_words = terms.pair_counts(sentence_of[raw_key >= 0], raw_key[raw_key >= 0],
                                     (n, width))
        self.raw_length = np.diff(offsets).astype(np.float64)
        self.columns = self.counts.tocsc()
        self.summary_counts = np.zeros(width)  # m
        self.summary_length = 0.0  # L
        self.summary_mass = 0.0  # sum of d over B
        d = self.d[self.counts.indices]
        self.e = _row_sums(self.counts, d)
        self.h = _row_sums(self.counts, d * (np.log(d) - np.log(self.counts.data)))
        self.alive = np.ones(n, dtype=bool)

    def divergence(self) -> np.ndarray:
        """Each remaining sentence's KL divergence, less the part common to all; inf if gone."""
        t = self.length + self.summary_length
        with np.errstate(divide="ignore", invalid="ignore"):
            kl = np.log(t) * (self.summary_mass + self.e) + self.h
        kl[t == 0] = 0.0  # sumy: nothing to compare, divergence 0 (and no common part yet)
        kl[~self.alive] = np.inf
        return kl

    def add(self, i: int) -> None:
        """Put sentence ``i`` into the summary and update every sentence it affects."""
        self.alive[i] = False
        self.summary_length += self.raw_length[i]
        row = slice(self.summary_words.indptr[i], self.summary_words.indptr[i + 1])
        words, added = self.summary_words.indices[row], self.summary_words.data[row]
        if words.size == 0:
            return
        old = self.summary_counts[words]
        new = old + added
        self.summary_counts[words] = new
        d = self.d[words]
        self.summary_mass += float(d[old == 0].sum())
        starts, ends = self.columns.indptr[words], self.columns.indptr[words + 1]
        entries = _ranges(starts, ends)
        each = np.repeat(np.arange(words.size), ends - starts)
        rows, c = self.columns.indices[entries], self.columns.data[entries]
        dw, mo, mn = d[each], old[each], new[each]
        fresh = mo == 0
        new_h = -dw * (np.log(c + mn) - np.log(mn))
        with np.errstate(divide="ignore", invalid="ignore"):
            old_h = np.where(fresh, dw * (np.log(dw) - np.log(c)),
                             -dw * (np.log(c + mo) - np.log(mo)))
        np.add.at(self.h, rows, new_h - old_h)
        np.add.at(self.e, rows[fresh], -dw[fresh])

    def order(self, limit: int) -> list[int]:
        """The first ``limit`` greedy picks, then the rest by their divergence after those."""
        n = self.alive.size
        picks: list[int] = []
        for _ in range(min(n, limit)):
            kl = self.divergence()
            best = kl.min()
            i = int(np.argmax(kl <= best + KL_TIE * max(1.0, abs(best))))
            picks.append(i)
            self.add(i)
        if len(picks) < n:
            kl = self.divergence()
            rest = np.flatnonzero(self.alive)
            picks.extend(rest[np.lexsort((rest, kl[rest]))].tolist())
        return picks


def _ratings(sentences: Sequence[str], order: Sequence[int]) -> list[float]:
    """sumy's greedy ratings: ``ratings[text] = -len(ratings)`` for each pick, read per sentence.

    Keyed by the stripped text, as sumy's ``Sentence`` compares, so a repeated sentence
    overwrites its text's rating when it is picked and shares it with the next new one.
    """
    ratings: dict[str, int] = {}
    for i in order:
        ratings[sentences[i].strip()] = -len(ratings)
    return [float(ratings[s.strip()]) for s in sentences]


def _row_sums(m: sparse.csr_matrix, values: np.ndarray) -> np.ndarray:
    """Per row of ``m``, the sum of ``values`` (one per stored entry)."""
    return np.bincount(terms.row_numbers(m.indptr), weights=values, minlength=m.shape[0])


def _ranges(starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """``concatenate([arange(a, b) for a, b in zip(starts, ends)])`` without the loop."""
    lengths = ends - starts
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    shift = np.repeat(starts - np.concatenate(([0], np.cumsum(lengths)[:-1])), lengths)
    return shift + np.arange(total)


def _columns(ids: np.ndarray, offsets: np.ndarray, width: int) -> list[np.ndarray]:
    """For each id, the rows (``offsets`` as in CSR) that contain it, each row once."""
    shape = (offsets.size - 1, max(1, width))
    by_id = terms.pair_counts(terms.row_numbers(offsets), ids, shape).tocsc()
    return [by_id.indices[by_id.indptr[w]:by_id.indptr[w + 1]] for w in range(width)]
