"""Stand-ins for "one-sentence summaries of Spanish, German and French news ahead of their
first sentence" (issue 14), built from the non-English news we do have.

None of the data the target names is here.  Two sets can be built the way Newsroom and the
headline proxy of ``outlet_proxies.py`` (ranker's) were, in other languages:

- **Bosque headlines** (``bosque``): the Portuguese news of ``sbd_ud_dev.jsonl`` (Bosque,
  CC BY-SA: data only) whose first sentence is a headline (no final punctuation) and whose
  body has 3 sentences or more; the headline hidden and used as the reference, the body as
  the text, laid out as print does (a sub-headline on a line of its own, the other
  sentences run on) and flat (one space between sentences, as the data set joins them).
  Portuguese, not one of the three languages the target names: the nearest we have.
- **Non-English pages** (``pages``): the pages of ``html_dev/`` whose body is in a supported
  language other than English and that carry a description meta tag (the Newsroom recipe);
  the human article body as the text, the description as the reference, one file a
  language.  One page each.

Each is scored with ``briefer eval -k 1`` (the default ranker against LEAD, the first
sentence; the data's language for tokens and stems), with a paired bootstrap when asked.
Nothing was tuned on these sets.

    python benchmarks/lang_proxies.py [--bootstrap 1000] [-a pyramid] [--out DIR] [--decisions]

The sets are written to ``--out DIR`` and kept there (the same bytes every run: each
``briefer eval`` command printed below its table, with the file's sha256, then runs as
printed); without it they go to a temporary directory deleted at the end, and the script
says how to get them back.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_segment_languages import own_lines  # noqa: E402
from outlet_proxies import _DESCRIPTION  # noqa: E402

from briefer.language import detect_language  # noqa: E402

_MARK_END = re.compile(r"[.!?…;:,][\"'”’»)\]“«]*\s*\Z")
MIN_BODY = 3


def bosque(out: Path) -> dict[str, Path]:
    """Bosque news with a headline first: body as text, headline as reference."""
    struct, flat = [], []
    for line in (DATA / "sbd_ud_dev.jsonl").open(encoding="utf-8"):
        doc = json.loads(line)
        sentences = doc["sentences"]
        if doc["lang"] != "pt" or _MARK_END.search(sentences[0]) or len(sentences) <= MIN_BODY:
            continue
        body = sentences[1:]
        struct.append({"id": doc["id"], "article": own_lines(body), "reference": sentences[0]})
        flat.append({"id": doc["id"], "article": " ".join(body), "reference": sentences[0]})
    return {"bosque struct": _write(out / "bosque_struct.jsonl", struct),
            "bosque flat": _write(out / "bosque_flat.jsonl", flat)}


def pages(out: Path) -> dict[str, Path]:
    """html_dev pages in a supported language but English, with a description."""
    rows: dict[str, list[dict[str, str]]] = {}
    for line in (DATA / "html_dev" / "truth.jsonl").open(encoding="utf-8"):
        truth = json.loads(line)
        body = truth["article_body"]
        letters = [c for c in body[:2000] if c.isalpha()]
        if sum(c.isascii() or "À" <= c <= "ÿ" for c in letters) < 0.9 * len(letters):
            continue  # Cyrillic, Japanese: a language briefer does not support
        code = detect_language(body, title=truth.get("headline"))
        if code == "en":
            continue
        page = (DATA / "html_dev" / f"{truth['id']}.html").read_text(encoding="utf-8")
        found = next((m.group(2) for rx in _DESCRIPTION if (m := rx.search(page))), None)
        if found and len(found.split()) >= 8 and len(body.split()) >= 150:
            import html

            rows.setdefault(code, []).append(
                {"id": truth["id"], "article": body,
                 "reference": " ".join(html.unescape(found).split())})
    return {f"pages {code}": _write(out / f"pages_{code}.jsonl", r) for code, r in rows.items()}


def _write(path: Path, records: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-a", "--algorithms", default=None)
    parser.add_argument("--bootstrap", type=int, default=0)
    parser.add_argument("--decisions", action="store_true",
                        help="also count the documents where the ranker is ahead, behind or "
                             "equal, and the sign test")
    parser.add_argument("--out", type=Path, default=None,
                        help="write the sets to this directory and keep them")
    args = parser.parse_args()
    if args.out is not None:
        args.out.mkdir(parents=True, exist_ok=True)
        run(args.out.resolve(), args)
        return
    with tempfile.TemporaryDirectory() as tmp:
        run(Path(tmp), args)
    print("\nThe sets above were written to a temporary directory, now deleted. To rerun a "
          "printed\n`briefer eval` command, first rebuild them (same bytes, same sha256) with\n"
          "`python benchmarks/lang_proxies.py --out DIR` and use DIR in place of that "
          "directory.")


def run(out: Path, args: argparse.Namespace) -> None:
    """Build the sets in ``out`` and score each with ``briefer eval``."""
    sets = {**bosque(out), **pages(out)}
    for name, path in sets.items():
        n = sum(1 for _ in path.open(encoding="utf-8"))
        print(f"\n### {name}: {n} documents\n", flush=True)
        if not n:
            continue
        command = [sys.executable, "-m", "briefer", "eval", str(path), "-k", "1",
                   "-f", "markdown"]
        if args.algorithms:
            command += ["-a", args.algorithms]
        if args.bootstrap:
            command += ["--bootstrap", str(args.bootstrap)]
        subprocess.run(command, cwd=ROOT, check=True)
        if args.decisions:
            decisions(path, args.algorithms or "pyramid")


def decisions(path: Path, algorithm: str) -> None:
    """On how many documents the ranker's one sentence scores above, below or equal to the
    first sentence's (ROUGE-1), and how much of the mean gain the best document carries: why
    a bootstrap interval over few documents, most of them ties, includes zero.  The sign test
    (exact, two-sided, ties left out) says how often the wins and losses would split at
    least this unevenly by chance."""
    from math import comb

    from briefer.evaluate import evaluate, read_records

    result = evaluate(read_records(path), [algorithm], count=1)
    gain = 100 * (result.per_document[1][:, 0] - result.per_document[0][:, 0])
    wins, losses = int((gain > 1e-9).sum()), int((gain < -1e-9).sum())
    ties = len(gain) - wins - losses
    n = wins + losses
    tail = sum(comb(n, k) for k in range(min(wins, losses) + 1)) / 2 ** n if n else 1.0
    best = float(gain.max()) / len(gain) if len(gain) else 0.0
    print(f"\n{algorithm} against the first sentence, ROUGE-1 by document: {wins} ahead, "
          f"{losses} behind, {ties} equal; mean {gain.mean():+.2f}, of which the best document "
          f"gives {best:+.2f}; sign test p = {min(1.0, 2 * tail):.2f}")


if __name__ == "__main__":
    main()
