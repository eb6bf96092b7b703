"""Quote attribution against our own gold: how many quotes are found, and whose they are.

    python benchmarks/bench_quotes.py [tests/data/quotes_gold.jsonl] [--data ../shared/data]

The gold (``tests/data/quotes_gold.jsonl``, see ``tests/data/README.md``) holds, for 78
direct quotes of CNN/DailyMail and BBC articles, the article id, the quote's opening words
and its speaker as the text makes it clear (a name, or a role such as "source" when the text
gives only that).  The articles themselves are read from DATA (they may not be copied).

- **found**: a quote the finder returns (any number, not only the brief's four) contains the
  gold opening words (case and apostrophes folded);
- **speaker accuracy**: of the found quotes, those whose speaker matches the gold one with
  the entity benchmark's matching (one name's words a contiguous part of the other's);
- **wrong**: found quotes given a speaker who is not the gold one (worse than none: the
  finder should leave a speaker out when the text does not make it clear).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT / "tests" / "data" / "quotes_gold.jsonl"
DATA_DIRS = (ROOT.parent / "shared" / "data", Path("/work/shared/data"))


def _matching():
    spec = importlib.util.spec_from_file_location("bench_entities",
                                                  Path(__file__).with_name("bench_entities.py"))
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_entities", module)
    spec.loader.exec_module(module)
    return module


def find_data_dir() -> Path | None:
    return next((d for d in DATA_DIRS if (d / "cnndm_test_399.jsonl").exists()), None)


def load_articles(data: Path, files: Iterable[str]) -> dict[str, str]:
    out = {}
    for name in set(files):
        for line in (data / name).read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            out[rec["id"]] = rec["article"]
    return out


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("‘", "'").casefold().split())


@dataclass
class Result:
    total: int = 0
    found: int = 0
    right: int = 0
    wrong: int = 0
    rows: list[tuple[str, str, str | None, str]] = field(default_factory=list)

    @property
    def found_share(self) -> float:
        return self.found / self.total if self.total else 0.0

    @property
    def accuracy(self) -> float:
        return self.right / self.found if self.found else 0.0


def quotes_in(text: str):
    """Every quote the finder keeps in ``text`` (no limit), as the brief finds them."""
    from briefer import api
    from briefer.brief.analysis import analyse, analyse_headlines
    from briefer.brief.entities import find_entities
    from briefer.brief.gazetteer import load_gazetteer
    from briefer.brief.quotes import find_quotes
    from briefer.stemming import stemmer
    from briefer.tokens import stop_words

    doc = api.split(text)
    stem, stop = stemmer(), stop_words()
    views = analyse([doc], stem, stop)
    cast = find_entities(views, load_gazetteer(), stop, analyse_headlines([doc], stem))
    return find_quotes([doc], views, cast, limit=10_000)


def evaluate(gold: Sequence[dict], articles: dict[str, str]) -> Result:
    matches = _matching().matches
    result = Result()
    cache: dict[str, tuple] = {}
    for g in gold:
        result.total += 1
        if g["id"] not in cache:
            cache[g["id"]] = quotes_in(articles[g["id"]])
        want = _norm(g["quote"])
        hit = next((q for q in cache[g["id"]] if want in _norm(q.text)), None)
        if hit is None:
            result.rows.append((g["id"], g["quote"], None, "missed"))
            continue
        result.found += 1
        if hit.speaker and matches(hit.speaker, g["speaker"]):
            result.right += 1
            verdict = "right"
        elif hit.speaker:
            result.wrong += 1
            verdict = "wrong"
        else:
            verdict = "no speaker"
        result.rows.append((g["id"], g["quote"], hit.speaker, verdict))
    return result


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path, nargs="?", default=DEFAULT_GOLD)
    parser.add_argument("--data", type=Path, default=None, help="folder of the article files")
    parser.add_argument("--rows", action="store_true", help="print every quote's verdict")
    args = parser.parse_args(argv)
    data = args.data or find_data_dir()
    if data is None:
        parser.error("no article data found; pass --data DIR")
    gold = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines()]
    r = evaluate(gold, load_articles(data, (g["file"] for g in gold)))
    print(f"command: python benchmarks/bench_quotes.py {args.gold.name}\n")
    print("| quotes | found | speaker right | wrong speaker | no speaker |")
    print("|---|---|---|---|---|")
    print(f"| {r.total} | {r.found_share:.3f} ({r.found}) | {r.accuracy:.3f} ({r.right}) "
          f"| {r.wrong} | {r.found - r.right - r.wrong} |")
    if args.rows:
        for row in r.rows:
            print("\t".join(str(x) for x in row))


if __name__ == "__main__":
    main()
