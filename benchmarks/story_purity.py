"""Do stories keep beats apart?  Purity of a brief's sections on mixes of BBC articles.

Each draw takes three of the five beats of ``bbc_dev_articles.jsonl`` and three articles of
each (nine unrelated stories, as an editor's inbox), briefs them together with the default
ranker and template, and scores

- **purity**: for each section, the share of its items from the section's most common beat,
  averaged over all items (the bottom line left out);
- **catch-all**: the share of items in a catch-all section ("Other points", "In brief").

Articles are split in two halves by their number (even: "seen", the half looked at while
building stories; odd: "unseen", never looked at), and each half gets its own draws.  The
same draws are also briefed as one story (stories switched off), today's behaviour before
stories, so the table shows both in one run.  No assertions.

    python benchmarks/story_purity.py --draws 30
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
from collections import Counter
from pathlib import Path
from unittest import mock

from briefer import api
from briefer.brief import assembly, make_brief
from briefer.brief.stories import StoryGroup

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "bbc_dev_articles.jsonl"
CATCH_ALL = {"Other points", assembly.GATHERED_SECTION}


def score(brief, beats: list[str]) -> tuple[float, float]:
    """(purity, catch-all share) of one brief's section items."""
    pure = total = caught = 0
    for section in brief.sections:
        counted = Counter(beats[i.doc] for i in section.items)
        pure += max(counted.values())
        total += len(section.items)
        caught += len(section.items) if section.title in CATCH_ALL else 0
    return (pure / total, caught / total) if total else (1.0, 0.0)


def one_story(docs, views, headlines, cast, **_):
    return [StoryGroup(tuple(range(len(docs))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DATA)
    parser.add_argument("--draws", type=int, default=30, help="mixes per half")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    records = [json.loads(line) for line in args.data.open(encoding="utf-8")]
    halves = {"seen": [r for r in records if int(r["id"].rsplit("-", 1)[1]) % 2 == 0],
              "unseen": [r for r in records if int(r["id"].rsplit("-", 1)[1]) % 2 == 1]}
    rng = random.Random(args.seed)
    print(f"{args.draws} mixes of 3 beats x 3 articles per half, seed {args.seed}\n")
    print("| half | stories: purity | catch-all | one story (before): purity | catch-all |"
          " stories per mix |")
    print("|---|---|---|---|---|---|")
    for half, pool in halves.items():
        by_beat: dict[str, list[dict]] = {}
        for r in pool:
            by_beat.setdefault(r["category"], []).append(r)
        rows: dict[str, list[tuple[float, float]]] = {"stories": [], "one": []}
        counts = []
        for _ in range(args.draws):
            beats = rng.sample(sorted(by_beat), 3)
            picked = [r for b in beats for r in rng.sample(by_beat[b], 3)]
            rng.shuffle(picked)
            docs = [api.split(f"{r['title']}\n\n{r['article']}", source=f"{r['id']}.txt")
                    for r in picked]
            labels = [r["category"] for r in picked]
            brief = make_brief(docs)
            counts.append(len(brief.stories) or 1)
            rows["stories"].append(score(brief, labels))
            with mock.patch.object(assembly, "find_stories", one_story):
                rows["one"].append(score(make_brief(docs), labels))
        mean = {k: (statistics.mean(p for p, _ in v), statistics.mean(c for _, c in v))
                for k, v in rows.items()}
        print(f"| {half} | {mean['stories'][0]:.3f} | {mean['stories'][1]:.3f} | "
              f"{mean['one'][0]:.3f} | {mean['one'][1]:.3f} | "
              f"{statistics.mean(counts):.1f} |", flush=True)


if __name__ == "__main__":
    main()
