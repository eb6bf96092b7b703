"""Where rankers pick from, on news without references: how far each strays from LEAD-k.

ROUGE needs references; a set of articles without them (``../shared/data/bbc_dev_articles.jsonl``
has headlines and paragraphs but no summaries) still shows *what* a ranker picks.  For each
``k`` this prints, per ranker, the share of articles whose k-sentence summary

- is exactly LEAD-k (the first k body sentences),
- keeps the first body sentence (the lede),
- reaches beyond the first ``k + 2`` sentences (what ``pyramid``'s bound forbids, apart from
  near-duplicates and texts whose opening is peripheral),

and the share of articles that ``pyramid`` does not read as news-shaped.  A ``k`` written as a
percentage (``40%``) is that share of each article's sentences, rounded (issue 15's BBC
references are about 8 of 20 sentences).  Each text is the
record's ``title`` (if any), a blank line, then its ``article``, split as ``briefer summarize``
splits a file; with ``--flat`` the article's paragraphs are joined into one block first (the
form CNN/DailyMail is distributed in), to see what the picks owe to the paragraphs.  No
assertions: this is a measurement, not a test.

    python benchmarks/pick_positions.py [--data FILE] [--limit N] [-a pyramid,pacsum]
        [-k 1,3,8,40%] [--flat]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "bbc_dev_articles.jsonl"


def main() -> None:
    from briefer import api
    from briefer.rank import position

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("-a", "--algorithms", default="pyramid,pacsum")
    parser.add_argument("-k", default="1,3,8")
    parser.add_argument("--flat", action="store_true", help="join the paragraphs first")
    args = parser.parse_args()
    names = args.algorithms.split(",")
    ks = args.k.split(",")
    fixed = [int(k) for k in ks if not k.endswith("%")]
    counts = {(name, k, what): 0 for name in names for k in ks
              for what in ("lead", "lede", "beyond")}
    documents = peripheral = 0
    with args.data.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if args.limit is not None and number >= args.limit:
                break
            record = json.loads(line)
            title = record.get("title")
            article = " ".join(record["article"].split()) if args.flat else record["article"]
            text = f"{title}\n\n{article}" if title else article
            doc = api.split(text, source=str(record.get("id", number)))
            if len(doc.sentences) <= max(fixed, default=0):
                continue
            documents += 1
            vectors = position.tfidf_vectors([s.text for s in doc.sentences])
            before, after = position.directed_similarity(vectors)
            peripheral += not position.news_shaped(before + after)
            for name in names:
                scores = api.rank(doc, name)
                for key in ks:
                    k = (max(1, round(float(key[:-1]) / 100 * len(doc.sentences)))
                         if key.endswith("%") else int(key))
                    chosen = api.summarize(doc, count=k, scores=scores, algorithm=name).chosen
                    counts[(name, key, "lead")] += chosen == tuple(range(k))
                    counts[(name, key, "lede")] += 0 in chosen
                    counts[(name, key, "beyond")] += max(chosen) >= k + 2
    print(f"{documents} articles of {args.data.name} with more than "
          f"{max(fixed, default=0)} sentences; "
          f"{peripheral} ({100 * peripheral / max(1, documents):.1f}%) not news-shaped\n")
    print("| ranker | k | = LEAD-k | keeps the lede | beyond k+2 |")
    print("|---|--:|--:|--:|--:|")
    for name in names:
        for k in ks:
            shares = [100 * counts[(name, k, w)] / max(1, documents)
                      for w in ("lead", "lede", "beyond")]
            print(f"| {name} | {k} | " + " | ".join(f"{s:.1f}%" for s in shares) + " |")


if __name__ == "__main__":
    main()
