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

Then stories: the seed article and its Spanish version (``seeds/``, one event in two
languages) are briefed with ``--stories`` BBC articles and every UD document; the stories
that join documents of different languages are listed (the seed pair should be the only
one: the UD and BBC documents report unrelated things), with the most similar unrelated
pair of documents in different languages by the entities they name.

    python benchmarks/mixed_languages.py ../shared/data [--docs 40] [--english 60]
                                         [--stories 300]
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
    parser.add_argument("--stories", type=int, default=300,
                        help="BBC articles in the stories check")
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
    stories_check(args.data, ud, args.stories)


def stories_check(data: Path, ud: list[dict], count: int) -> None:
    """Which stories join documents of different languages (see the module doc)."""
    from briefer.brief.stories import find_stories

    seeds = Path(__file__).resolve().parents[1] / "seeds"
    docs = [api.split((seeds / "venezuela-mexico.txt").read_text(encoding="utf-8"),
                      source="seed-en", language="en"),
            api.split((seeds / "venezuela-mexico.es.txt").read_text(encoding="utf-8"),
                      source="seed-es", language="es")]
    with (data / "bbc_dev_articles.jsonl").open(encoding="utf-8") as lines:
        for line, _ in zip(lines, range(count), strict=False):
            r = json.loads(line)
            docs.append(api.split(f"{r['title']}\n\n{r['article']}", source=r["id"],
                                  language="en"))
    docs += [api.split(r["text"], source=r["id"], language=r["lang"]) for r in ud]
    plan = plan_brief(docs)
    groups = find_stories(docs, plan.views, [], plan.cast, most=len(docs))
    mixed = [[docs[d].source for d in g.documents] for g in groups
             if len({docs[d].language for d in g.documents}) > 1]
    languages = sorted({d.language for d in docs})
    print(f"\nstories of {len(docs)} documents ({', '.join(languages)}): {len(groups)}; "
          f"joining languages: {len(mixed)}")
    for sources in mixed:
        print(f"- {', '.join(sources[:6])}{' ...' if len(sources) > 6 else ''}")


if __name__ == "__main__":
    main()
