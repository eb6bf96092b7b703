"""Do our vectorised rankers pick the same sentences as sumy's?  Agreement over real articles.

For each pair ``OURS=REFERENCE`` (registry names, or ``module:function`` for a ranker not yet
registered), every article of a CNN/DailyMail JSON-lines file is split once, ranked by both,
and compared the way a user would notice a difference: is the set of the top ``k`` sentences
(:func:`briefer.select.order_by_score`, ties to the earlier sentence) the same?  And is it the
same *up to ties*: do the two sets differ only in sentences whose reference score equals the
reference's k-th best (to 1e-9), so that either choice is as right as the other?  Also reported:
the largest absolute score difference, and the articles that disagree, so each can be
explained.  sumy is given briefer's stemmer unless ``--nltk-for-sumy`` (the Snowball
versions differ on a few words; see :mod:`briefer.stemming`).  No assertions: the parity
*tests* are in ``tests/unit/test_rank_*.py``.

    python benchmarks/rank_parity.py ../shared/data/cnndm_test_399.jsonl
    python benchmarks/rank_parity.py DATA --pair lexrank=sumy-lexrank --limit 50 --show 5
"""

from __future__ import annotations

import argparse
import importlib
import json
from collections.abc import Callable, Sequence
from pathlib import Path

from briefer import api
from briefer.rank import REGISTRY, RankInput, get_ranker
from briefer.select import order_by_score

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "cnndm_test_399.jsonl"
DEFAULT_PAIRS = ("lexrank", "textrank", "lsa", "luhn", "sumbasic", "kl", "reduction")


def resolve(name: str) -> Callable[[RankInput], Sequence[float]]:
    """A ranker from a registry name or a ``module:function`` path."""
    if ":" in name:
        module, _, attr = name.partition(":")
        return getattr(importlib.import_module(module), attr)
    return get_ranker(name)


def rank_input(text: str, name: str) -> RankInput:
    """What :func:`briefer.api.rank` hands a ranker for ``text``."""
    doc = api.split(text, source=name)
    return RankInput(sentences=tuple(s.text for s in doc.sentences),
                     paragraphs=tuple(s.paragraph for s in doc.sentences), title=doc.title)


def top(scores: Sequence[float], k: int) -> frozenset[int]:
    return frozenset(order_by_score(scores)[:k])


def same_up_to_ties(ours: Sequence[float], ref: Sequence[float], k: int,
                    tolerance: float = 1e-9) -> bool:
    """The top-``k`` sets differ only in sentences tied, in ``ref``, with its k-th best."""
    ours_top, ref_top = top(ours, k), top(ref, k)
    if ours_top == ref_top:
        return True
    kth = ref[order_by_score(ref)[min(k, len(ref)) - 1]]
    return all(abs(ref[i] - kth) <= tolerance * max(1.0, abs(kth))
               for i in ours_top ^ ref_top)


def compare(pair: str, inputs: list[tuple[str, RankInput]], ks: Sequence[int], show: int) -> str:
    """One markdown row for ``pair`` and the first ``show`` disagreeing articles."""
    ours_name, _, ref_name = pair.partition("=")
    ours, ref = resolve(ours_name), resolve(ref_name)
    same = dict.fromkeys(ks, 0)
    tied = dict.fromkeys(ks, 0)
    worst = 0.0
    disagreements: list[str] = []
    for ident, data in inputs:
        a, b = list(ours(data)), list(ref(data))
        if len(a) != len(b):
            raise SystemExit(f"{ours_name}: {len(a)} scores for {len(b)} sentences in {ident}")
        worst = max([worst, *(abs(x - y) for x, y in zip(a, b, strict=True))])
        for k in ks:
            tied[k] += same_up_to_ties(a, b, k)
            if top(a, k) == top(b, k):
                same[k] += 1
            elif k == max(ks) and len(disagreements) < show:
                disagreements.append(f"  {ident}: ours {sorted(top(a, k))} "
                                     f"reference {sorted(top(b, k))}")
    n = len(inputs)
    cells = " | ".join(f"{same[k]}/{n} ({100 * same[k] / n:.1f}%) | {tied[k]}/{n}" for k in ks)
    row = f"| {ours_name} | {ref_name} | {cells} | {worst:.2e} |"
    return "\n".join([row, *disagreements])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DATA,
                        help="JSON lines with an 'article' field (default: %(default)s)")
    parser.add_argument("--pair", action="append", metavar="OURS=REFERENCE",
                        help="ranker pair to compare (repeatable; default: every plain name "
                             "against its sumy- reference)")
    parser.add_argument("--limit", type=int, default=0, help="first N articles only")
    parser.add_argument("-k", type=int, action="append", help="top-k sets (default 3 and 5)")
    parser.add_argument("--show", type=int, default=10, help="disagreements listed per pair")
    parser.add_argument("--nltk-for-sumy", action="store_true",
                        help="let sumy stem with NLTK as in use (default: with briefer's "
                             "PyStemmer, so only the algorithms are compared)")
    args = parser.parse_args()
    if not args.nltk_for_sumy:
        from briefer import stemming, tokens

        tokens.make_stemmer = stemming.stemmer  # sumy's adapter asks tokens for its stemmer
    pairs = args.pair or [f"{n}=sumy-{n}" for n in DEFAULT_PAIRS if n in REGISTRY]
    ks = sorted(set(args.k or (3, 5)))
    inputs = []
    with args.data.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if args.limit and number >= args.limit:
                break
            record = json.loads(line)
            ident = str(record.get("id", number))
            inputs.append((ident, rank_input(record["article"], ident)))
    print(f"{len(inputs)} articles from {args.data}\n")
    print("| ours | reference | "
          + " | ".join(f"same top-{k} | up to ties" for k in ks) + " | max |Δscore| |")
    print("|---|---|" + "---|---|" * len(ks) + "---|")
    for pair in pairs:
        print(compare(pair, inputs, ks, args.show), flush=True)


if __name__ == "__main__":
    main()
