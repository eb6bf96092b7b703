"""How trustworthy "Who and where" is: precision and salient recall against human NER gold.

    python benchmarks/bench_entities.py /work/shared/data/ner_wikigold.jsonl [--part all]

DATA is JSON lines with ``text`` and ``entities`` = ``{"PER"|"LOC"|"ORG"|"MISC": {name as
written: mentions}}`` (as ``ner_wikigold.jsonl``).  The matching is the one issue 11 states,
so the number printed is the number checked:

- the list is what the brief shows (:func:`briefer.brief.entities.rank_entities`), its
  people, places and organisations;
- a listed name is right when it matches a gold name of the same kind: case-, accent- and
  leading-"the"-insensitive, one name's words a contiguous part of the other's ("Maduro"
  matches "Nicolás Maduro"); "U.S.", "US", "USA", "America" match "United States"; "UK",
  "Britain", "Great Britain" match "United Kingdom"; "UN" matches "United Nations";
- a listed name that is gold MISC, or that the text never writes (a country inferred from a
  demonym), is left out of the count;
- salient recall counts each gold person, place and organisation whose mentions (a person's
  shorter mentions folded into the full name) number two or more, found when a listed name of
  the right kind matches it.

``--part`` picks the articles: ``held`` is a fixed quarter (by a hash of the id) kept aside
as a check the finder was not tuned on, ``dev`` the rest; a record that carries its own
``part`` ("dev"/"held") keeps it.  A record without ``text`` names its article by ``id`` and
``file`` in the shared data folder (``--data``), which is read for it: so
``tests/data/entities_newswire.jsonl`` (our annotation of BBC and CNN/DM articles whose text
may not be copied) keeps only ids, names and offsets.  No assertions: this prints a table;
``tests/unit/test_entity_benchmark.py`` holds the floor.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA_DIRS = (ROOT.parent / "shared" / "data", Path("/work/shared/data"))

KINDS = {"PER": "person", "LOC": "place", "ORG": "organisation"}

#: Names the issue declares equal, folded: each maps to one canonical form.
EQUIVALENT = {
    **dict.fromkeys(["us", "usa", "america", "united states", "united states of america"],
                    "united states"),
    **dict.fromkeys(["uk", "britain", "great britain", "united kingdom"], "united kingdom"),
    **dict.fromkeys(["un", "united nations"], "united nations"),
}


def words_of(name: str) -> tuple[str, ...]:
    """Folded words of a name: case and accents gone, dots of "U.S." dropped, a leading "the"
    cut, and the issue's equivalents mapped to one form."""
    text = unicodedata.normalize("NFKD", name.replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"(?<=\w)\.(?=\w|$|\s)", "", text)
    words = re.findall(r"\w+", text)
    if words and words[0] == "the":
        words = words[1:]
    joined = " ".join(words)
    return tuple(EQUIVALENT.get(joined, joined).split()) if words else ()


def contiguous(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether one word sequence is a contiguous part of the other."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if not short:
        return False
    n = len(short)
    return any(tuple(long[i:i + n]) == tuple(short) for i in range(len(long) - n + 1))


def matches(listed: str, gold: str) -> bool:
    return contiguous(words_of(listed), words_of(gold))


def written(name: str, text_words: Sequence[str]) -> bool:
    """Whether the text writes ``name`` (or one of its declared equivalents)."""
    target = words_of(name)
    if contiguous_in(target, text_words):
        return True
    return any(contiguous_in(tuple(k.split()), text_words)
               for k, v in EQUIVALENT.items() if v == " ".join(target))


def contiguous_in(needle: Sequence[str], haystack: Sequence[str]) -> bool:
    n = len(needle)
    return n > 0 and any(tuple(haystack[i:i + n]) == tuple(needle)
                         for i in range(len(haystack) - n + 1))


def salient(gold: dict[str, dict[str, int]]) -> list[tuple[str, str]]:
    """(kind, name) of the gold people, places and organisations named twice or more; a
    person's shorter mention ("Maduro") counts towards every longer name containing it."""
    out = []
    for tag, kind in KINDS.items():
        names = gold.get(tag, {})
        counts = dict(names)
        if tag == "PER":
            full = [n for n in names if not any(
                m != n and len(words_of(m)) > len(words_of(n))
                and contiguous(words_of(n), words_of(m)) for m in names)]
            counts = {n: names[n] for n in full}
            for short in set(names) - set(full):
                for n in full:
                    if contiguous(words_of(short), words_of(n)):
                        counts[n] += names[short]
        out += [(kind, n) for n, c in counts.items() if c >= 2]
    return out


@dataclass
class Tally:
    """Counts for one kind (or all): listed right / listed counted; salient found / salient."""

    right: int = 0
    listed: int = 0
    found: int = 0
    salient: int = 0
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.right += other.right
        self.listed += other.listed
        self.found += other.found
        self.salient += other.salient

    @property
    def precision(self) -> float:
        return self.right / self.listed if self.listed else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.salient if self.salient else 0.0


def score(text: str, gold: dict[str, dict[str, int]],
          listed: Iterable[tuple[str, str]]) -> dict[str, Tally]:
    """Per-kind tallies for one article; ``listed`` is (name, kind) as the brief shows."""
    tallies = {kind: Tally() for kind in KINDS.values()}
    text_words = words_of(text)
    listed = [(n, k) for n, k in listed if k in tallies]
    misc = list(gold.get("MISC", {}))
    for name, kind in listed:
        tag = next(t for t, k in KINDS.items() if k == kind)
        same = any(matches(name, g) for g in gold.get(tag, {}))
        if not same and (any(matches(name, g) for g in misc) or not written(name, text_words)):
            continue
        tallies[kind].listed += 1
        if same:
            tallies[kind].right += 1
        else:
            tallies[kind].wrong.append(name)
    for kind, name in salient(gold):
        tallies[kind].salient += 1
        if any(k == kind and matches(n, name) for n, k in listed):
            tallies[kind].found += 1
        else:
            tallies[kind].missed.append(name)
    return tallies


def listed_entities(text: str) -> list[tuple[str, str]]:
    """What the brief's "Who and where" shows for ``text``: (name, kind), up to its limit."""
    from briefer import api
    from briefer.brief.analysis import analyse, analyse_headlines
    from briefer.brief.entities import find_entities, rank_entities
    from briefer.brief.gazetteer import load_gazetteer
    from briefer.tokens import make_stemmer, stop_words

    doc = api.split(text)
    stem, stop = make_stemmer(), stop_words()
    cast = find_entities(analyse([doc], stem, stop), load_gazetteer(), stop,
                         analyse_headlines([doc], stem))
    return [(e.name, e.kind) for e in rank_entities(cast)]


def attach_texts(records: list[dict], data: Path | None) -> None:
    """Give each record without ``text`` its article, read by ``file`` and ``id`` from
    ``data`` (default: the shared data folder next to the project)."""
    wanted = {r["file"] for r in records if "text" not in r}
    if not wanted:
        return
    data = data or next((d for d in DATA_DIRS if all((d / f).exists() for f in wanted)), None)
    if data is None:
        sys.exit("bench_entities: records name articles by id; pass --data FOLDER")
    articles = {}
    for name in wanted:
        for line in (data / name).read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            articles[(name, rec["id"])] = rec["article"]
    for rec in records:
        if "text" not in rec:
            rec["text"] = articles[(rec["file"], rec["id"])]


def held_out(record_id: str) -> bool:
    """A fixed quarter of the records, chosen by a hash of the id, not by position."""
    return hashlib.sha256(record_id.encode()).digest()[0] % 4 == 0


def evaluate(records: Iterable[dict]) -> tuple[dict[str, Tally], int]:
    totals = {kind: Tally() for kind in [*KINDS.values(), "all"]}
    n = 0
    for rec in records:
        n += 1
        for kind, t in score(rec["text"], rec["entities"], listed_entities(rec["text"])).items():
            totals[kind].add(t)
            totals["all"].add(t)
            totals[kind].wrong += t.wrong
            totals[kind].missed += t.missed
    return totals, n


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--part", choices=["all", "dev", "held", "each"], default="each",
                        help="which articles (each: a row for dev, held and all)")
    parser.add_argument("--errors", action="store_true",
                        help="also list the wrong names and the missed salient ones")
    parser.add_argument("--data", dest="data_dir", type=Path, default=None,
                        help="folder holding the articles that records name by id")
    args = parser.parse_args(argv)
    records = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines()
               if line.strip()]
    for rec in records:
        rec.setdefault("id", str(records.index(rec)))
    attach_texts(records, args.data_dir)

    def in_held(rec: dict) -> bool:
        return rec["part"] == "held" if "part" in rec else held_out(rec["id"])

    parts = {"dev": [r for r in records if not in_held(r)],
             "held": [r for r in records if in_held(r)], "all": records}
    chosen = list(parts) if args.part == "each" else [args.part]
    print(f"command: python benchmarks/bench_entities.py {args.data.name} --part {args.part}\n")
    print("| part | articles | kind | precision | listed | salient recall | salient |")
    print("|---|---|---|---|---|---|---|")
    results = {}
    for part in chosen:
        totals, n = evaluate(parts[part])
        results[part] = totals
        for kind, t in totals.items():
            print(f"| {part} | {n} | {kind} | {t.precision:.3f} | {t.right}/{t.listed} "
                  f"| {t.recall:.3f} | {t.found}/{t.salient} |")
    if args.errors:
        last = results[chosen[-1]]
        for kind in KINDS.values():
            print(f"\n{kind} wrong: " + "; ".join(last[kind].wrong))
            print(f"{kind} missed: " + "; ".join(last[kind].missed))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
