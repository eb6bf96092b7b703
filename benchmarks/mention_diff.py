"""Every entity mention of 2,324 news articles, against another revision's: what a change to
the entity finder moved, and what it finds most often.

The gold files are small (40 newswire stories, 145 Wikipedia articles); a rule can hold on
them and still move hundreds of names in news they do not hold.  This script briefs each of
the 399 CNN/DM and 1,925 BBC articles alone (``plan_brief``, as ``briefer brief`` does) in
the working tree and in a git revision exported with ``git archive`` (default ``main``),
and prints how many articles' mentions (offsets, name, kind) differ and the commonest
changes, "name (kind) -> name (kind)".  ``--top N`` also lists the N names of each kind
found in the most articles: the view that shows a systematic error ("GMT" an organisation
in 51 articles).  Reading it is not measuring: no gold here, and a change is judged by
reading what it moved.  No assertions.

    python benchmarks/mention_diff.py [--ref main] [--data ../shared/data] [--top 40]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"

#: Run in a child with the tree to read on PYTHONPATH: data folder in, JSON mentions out.
CHILD = r'''
import json, sys
from pathlib import Path
from briefer import api
from briefer.brief.assembly import plan_brief
data = Path(sys.argv[1])
texts = [(r["id"], r["article"]) for r in map(json.loads, (data / "cnndm_test_399.jsonl").open())]
texts += [(r["id"], f"{r['title']}\n\n{r['article']}")
          for r in map(json.loads, (data / "bbc_dev_articles.jsonl").open())]
out = {}
for rid, text in texts:
    plan = plan_brief([api.split(text, source=f"{rid}.txt")])
    out[rid] = sorted({(m.start, m.end, m.name, m.kind) for m in plan.cast.mentions})
json.dump(out, sys.stdout)
'''


def mentions(tree: Path, data: Path) -> dict[str, list[list]]:
    env = {**os.environ, "PYTHONPATH": str(tree), "PYTHONDONTWRITEBYTECODE": "1"}
    run = subprocess.run([sys.executable, "-c", CHILD, str(data)], env=env, cwd=tree,
                         capture_output=True, text=True, check=True)
    return json.loads(run.stdout)


def shown(mention: tuple[str, str] | None) -> str:
    return "-" if mention is None else f"{mention[0]} ({mention[1]})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ref", default="main", help="git revision to compare against")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--top", type=int, default=0, help="names of each kind to list")
    parser.add_argument("--changes", type=int, default=40, help="changes to list")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        ref = Path(tmp_name)
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.ref],
                                 capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(ref)], input=archive, check=True)
        theirs = mentions(ref, args.data)
    mine = mentions(ROOT, args.data)
    changes: Counter[str] = Counter()
    differ = 0
    for rid, found in mine.items():
        before = {(s, e): (name, kind) for s, e, name, kind in theirs[rid]}
        after = {(s, e): (name, kind) for s, e, name, kind in found}
        if before == after:
            continue
        differ += 1
        for span in before.keys() | after.keys():
            if before.get(span) != after.get(span):
                changes[f"{shown(before.get(span))} -> {shown(after.get(span))}"] += 1
    print(f"command: python benchmarks/mention_diff.py --ref {args.ref}\n")
    print(f"{differ} of {len(mine)} articles' mentions differ from {args.ref}; "
          f"{sum(changes.values())} mentions changed")
    for change, count in changes.most_common(args.changes):
        print(f"{count:5d}  {change}")
    if args.top:
        for kind in ("person", "place", "organisation"):
            per = Counter(name for found in mine.values()
                          for name in {n for _, _, n, k in found if k == kind})
            print(f"\n{kind}, in the most articles: " + ", ".join(
                f"{name} {count}" for name, count in per.most_common(args.top)))


if __name__ == "__main__":
    main()
