"""HTML extraction and titles: briefer against trafilatura's defaults, on real news pages.

For each page of ``html_dev`` (``truth.jsonl`` holds the human-made article body and the
page's headline) this reads the page the way ``briefer summarize page.html`` does and scores:

- **F1**: bag-of-words F1 of the extracted text against ``article_body`` (lowercased ``\\w+``
  tokens with their counts).  ``briefer`` is the text :func:`briefer.ingest.read_source`
  returns; ``briefer body`` is what the brief draws on (the Document's sentences and
  standfirst: the text minus the title and the furniture clean-up set aside).
- **lost**: pages for which nothing came out (an error, or no words) although the human body
  has text.
- **title**: whether the title equals the headline after lowercasing and keeping only
  ``\\w+`` tokens.

Baselines in the same run: ``trafilatura.extract(html)`` with its defaults, and the title of
``trafilatura.extract_metadata(html)``.

    python benchmarks/bench_html.py [HTML_DIR] [--part dev|check|all] [--show]

HTML_DIR defaults to ../shared/data/html_dev.  ``--part`` picks a fixed subset: page ids are
SHA-256 hex digests, so ``check`` (ids starting with c-f, about a quarter) is a random hold-out
kept aside to check that a change tuned on ``dev`` holds on pages it was not looked at with.
``--show`` lists each page's scores and titles.  No assertions: a measurement.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# ../shared/data beside the repository (from a worktree under wt/, one level further up).
DEFAULT_DIR = next((p / "shared" / "data" / "html_dev" for p in ROOT.parents
                    if (p / "shared" / "data" / "html_dev").is_dir()),
                   ROOT.parent / "shared" / "data" / "html_dev")
_TOKEN = re.compile(r"\w+")
CHECK_PREFIXES = tuple("cdef")


def tokens(text: str) -> Counter[str]:
    """Lowercased ``\\w+`` tokens with their counts."""
    return Counter(_TOKEN.findall(text.lower()))


def f1(got: str, want: str) -> float:
    """Bag-of-words F1 of ``got`` against ``want`` (1.0 when both are empty)."""
    g, w = tokens(got), tokens(want)
    if not g and not w:
        return 1.0
    common = sum((g & w).values())
    if not common:
        return 0.0
    precision, recall = common / sum(g.values()), common / sum(w.values())
    return 2 * precision * recall / (precision + recall)


def same_title(got: str | None, want: str) -> bool:
    """Titles equal after lowercasing and keeping only word tokens."""
    return bool(got) and _TOKEN.findall(got.lower()) == _TOKEN.findall(want.lower())


def in_part(page_id: str, part: str) -> bool:
    if part == "all":
        return True
    held_out = page_id.startswith(CHECK_PREFIXES)
    return held_out if part == "check" else not held_out


def score_page(path: Path, truth: dict) -> dict:
    import trafilatura

    from briefer import api
    from briefer.ingest import InputError, read_source

    html = path.read_text(encoding="utf-8")
    want = truth["article_body"]
    row: dict = {"id": truth["id"][:8], "headline": truth["headline"]}
    try:
        source = read_source(str(path))
        doc = api.document_from_source(source)
        text = source.text
        body = " ".join([doc.standfirst or ""] + [s.text for s in doc.sentences])
        title = doc.title
    except InputError:
        text = body = ""
        title = None
    row["briefer"] = f1(text, want)
    row["briefer body"] = f1(body, want)
    row["briefer lost"] = not tokens(text) and bool(tokens(want))
    row["briefer title"] = title
    plain = trafilatura.extract(html) or ""
    row["trafilatura"] = f1(plain, want)
    row["trafilatura lost"] = not tokens(plain) and bool(tokens(want))
    meta = trafilatura.extract_metadata(html)
    row["trafilatura title"] = meta.title if meta is not None else None
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("html_dir", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--part", choices=("dev", "check", "all"), default="all")
    parser.add_argument("--show", action="store_true", help="one line per page")
    args = parser.parse_args(argv)
    truth_file = args.html_dir / "truth.jsonl"
    if not truth_file.exists():
        print(f"no {truth_file}", file=sys.stderr)
        return 1
    truths = [json.loads(line) for line in truth_file.read_text(encoding="utf-8").splitlines()
              if line.strip()]
    rows = [score_page(args.html_dir / t["file"], t) for t in truths if in_part(t["id"],
                                                                             args.part)]
    if args.show:
        for r in rows:
            print(f"{r['id']}  briefer {r['briefer']:.3f} body {r['briefer body']:.3f} "
                  f"trafilatura {r['trafilatura']:.3f}  "
                  f"title {'=' if same_title(r['briefer title'], r['headline']) else 'x'} "
                  f"{r['briefer title']!r} | traf "
                  f"{'=' if same_title(r['trafilatura title'], r['headline']) else 'x'} | "
                  f"headline {r['headline']!r}")
        print()
    n = len(rows)
    print(f"{n} pages ({args.part}) from {args.html_dir}\n")
    print("| extractor | mean word F1 | pages lost | title = headline |")
    print("|---|---|---|---|")
    for name, title_key in (("briefer", "briefer title"), ("briefer body", None),
                            ("trafilatura", "trafilatura title")):
        mean = statistics.fmean(r[name] for r in rows)
        lost_key = f"{name} lost"
        lost = sum(r[lost_key] for r in rows) if lost_key in rows[0] else "-"
        titles = (f"{sum(same_title(r[title_key], r['headline']) for r in rows)}/{n}"
                  if title_key else "-")
        print(f"| {name} | {mean:.3f} | {lost} | {titles} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
