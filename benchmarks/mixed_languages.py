"""A brief of documents in several languages: is each document read as a brief of its own
language reads it?

An analyst's folder mixes languages.  Here ``--docs`` Spanish and ``--docs`` Portuguese
documents of ``sbd_ud_dev.jsonl`` (UD GSD and Bosque) are briefed each beside ``--english``
BBC articles of ``bbc_dev_articles.jsonl``, and every entity mention of each document
(offsets, name, kind) is compared with the same document's mentions in a brief of its
language's documents alone (and, for the English ones, of the English alone).  Agreement
is the share of mentions, found in either reading, that both read alike; "named" compares
the (name, kind) pairs of people, places and organisations.  No assertions; the baseline
is the same documents briefed without the mix, in the same run.

    python benchmarks/mixed_languages.py ../shared/data [--docs 40] [--english 60]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from briefer import api
from briefer.brief.assembly import BriefPlan, plan_brief
from briefer.document import Document

Reading = dict[tuple[str, int, int], tuple[str, str]]


def readings(plan: BriefPlan, docs: range) -> Reading:
    """Each mention of the documents ``docs``: (source, start, end) -> (name, kind)."""
    out: Reading = {}
    for m in plan.cast.mentions:
        d = plan.views[m.view].doc
        if d in docs:
            out[(plan.documents[d].source, m.start, m.end)] = (m.name, m.kind)
    return out


def agreement(alone: Reading, mixed: Reading) -> str:
    keys = alone.keys() | mixed.keys()
    same = sum(alone.get(k) == mixed.get(k) for k in keys)
    named_a = {v for v in alone.values() if v[1] != "other"}
    named_m = {v for v in mixed.values() if v[1] != "other"}
    union, both = named_a | named_m, len(named_a & named_m)
    return (f"{same}/{len(keys)} ({same / max(1, len(keys)):.3f}) | "
            f"{both}/{len(union)} ({both / max(1, len(union)):.3f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--docs", type=int, default=40, help="documents of each language")
    parser.add_argument("--english", type=int, default=60, help="English articles beside them")
    args = parser.parse_args()
    ud = [json.loads(line) for line in (args.data / "sbd_ud_dev.jsonl").open(encoding="utf-8")]
    bbc = [json.loads(line) for line in
           (args.data / "bbc_dev_articles.jsonl").open(encoding="utf-8")][:args.english]
    english: list[Document] = [api.split(f"{r['title']}\n\n{r['article']}",
                                         source=f"{r['id']}.txt", language="en") for r in bbc]
    english_alone = readings(plan_brief(english), range(len(english)))
    print(f"command: python benchmarks/mixed_languages.py {args.data} --docs {args.docs} "
          f"--english {args.english}\n")
    print("| documents | beside | mentions read alike | named alike |\n|---|---|---|---|")
    for lang in ("es", "pt"):
        own = [api.split(r["text"], source=f"{r['id']}.txt", language=lang)
               for r in ud if r["lang"] == lang][:args.docs]
        alone = readings(plan_brief(own), range(len(own)))
        mixed = plan_brief(own + english)
        print(f"| {len(own)} {lang} | {len(english)} en | "
              f"{agreement(alone, readings(mixed, range(len(own))))} |")
        shifted = readings(mixed, range(len(own), len(own) + len(english)))
        print(f"| {len(english)} en | {len(own)} {lang} | {agreement(english_alone, shifted)} |")


if __name__ == "__main__":
    main()
