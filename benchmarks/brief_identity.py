"""Is ``briefer brief``'s output byte-identical to another revision's?  (Speed work's guard.)

Speed changes to the brief must not change a byte of what it prints.  This script exports a
git revision (default ``main``) with ``git archive`` into a temporary folder, runs both that
tree and the working tree with the same interpreter on the same inputs, and compares stdout
(and exit codes) byte for byte:

- the English seed with its template and with ``auto``, the Spanish seed with its template;
- six CNN/DM and six BBC articles, one file each;
- a mixed folder (nine BBC articles of three beats and three CNN/DM articles);
- 1 MB of news (CNN/DM and BBC joined, as ``bench_brief.py`` builds it);
- one paragraph of 300 KB of that news, and one of the lower-cased CNN/DM copies (about
  640 KB), where quotes are searched over a whole long paragraph;

each in markdown and JSON, plus a few other rankers and ``-n`` on the seed.  It prints one
line per difference and exits 1 if any.  No timing.

    python benchmarks/brief_identity.py            # against main
    python benchmarks/brief_identity.py --ref HEAD~3
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_brief import articles, joined  # noqa: E402


def inputs(data: Path, tmp: Path) -> list[list[str]]:
    """Argument lists (after ``brief``) to compare, built in ``tmp``."""
    seeds = ROOT / "seeds"
    cnn = [json.loads(line) for line in (data / "cnndm_test_399.jsonl").open()]
    bbc = [json.loads(line) for line in (data / "bbc_dev_articles.jsonl").open()]
    files: list[Path] = []
    for r in cnn[::67][:6]:
        files.append(tmp / f"{r['id']}.txt")
        files[-1].write_text(r["article"], encoding="utf-8")
    for r in bbc[::321][:6]:
        files.append(tmp / f"{r['id']}.txt")
        files[-1].write_text(f"{r['title']}\n\n{r['article']}", encoding="utf-8")
    mixed = tmp / "mixed"
    mixed.mkdir()
    picked: dict[str, int] = {}
    for r in bbc[7::13]:
        if r["category"] in ("sport", "tech", "business") and picked.get(r["category"], 0) < 3:
            picked[r["category"]] = picked.get(r["category"], 0) + 1
            (mixed / f"{r['id']}.txt").write_text(f"{r['title']}\n\n{r['article']}",
                                                 encoding="utf-8")
    for r in cnn[100:103]:
        (mixed / f"{r['id']}.txt").write_text(r["article"], encoding="utf-8")
    big = tmp / "news-1mb.txt"
    big.write_text(joined(articles(data), 1 << 20), encoding="utf-8")
    # One long paragraph each, where every quotation is searched over the whole paragraph:
    # mixed-case news, and the lower-cased CNN/DM copies (the lower-cased quote view).
    flat = tmp / "news-flat.txt"
    flat.write_text(" ".join(joined(articles(data), 300_000).split()), encoding="utf-8")
    lower = tmp / "lower-flat.txt"
    lower.write_text(" ".join(" ".join(r["article"].split()) for r in cnn
                              if r["subset"] in ("REALSumm", "QAGS")
                              and not any(c in r["article"] for c in "“”«»„")),
                     encoding="utf-8")
    en, es = str(seeds / "venezuela-mexico.txt"), str(seeds / "venezuela-mexico.es.txt")
    cases = [[en, "-t", str(seeds / "venezuela-mexico.toml")], [en],
             [es, "-t", str(seeds / "venezuela-mexico.es.toml")], [es],
             *([str(f)] for f in files), [str(mixed)], [str(files[0]), str(files[6])],
             [str(big)], [str(flat)], [str(lower)]]
    out = [[*c, "-f", fmt] for c in cases for fmt in ("markdown", "json")]
    out += [[en, "-a", algo, "-f", "json"] for algo in ("textrank", "lexrank", "lsa", "lead")]
    out += [[en, "-n", "4", "-f", "markdown"], [str(mixed), "-n", "5", "-f", "json"],
            [en, "-f", "text"]]
    return out


def brief(tree: Path, args: list[str]) -> tuple[int, bytes]:
    env = {**os.environ, "PYTHONPATH": str(tree), "PYTHONDONTWRITEBYTECODE": "1",
           "NO_COLOR": "1"}
    r = subprocess.run([sys.executable, "-m", "briefer", "brief", *args], env=env,
                       capture_output=True, cwd=tree)
    return r.returncode, r.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ref", default="main", help="git revision to compare against")
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        ref = tmp / "ref"
        ref.mkdir()
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.ref],
                                 capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(ref)], input=archive, check=True)
        cases = inputs(args.data, tmp)
        with ThreadPoolExecutor(2) as pool:
            mine = list(pool.map(lambda c: brief(ROOT, c), cases))
            theirs = list(pool.map(lambda c: brief(ref, c), cases))
        bad = 0
        for case, a, b in zip(cases, mine, theirs, strict=True):
            if a[0] != 0 or not a[1]:
                print(f"NOTE: brief {' '.join(Path(x).name for x in case)} exit {a[0]}, "
                      f"{len(a[1])} bytes")
            if a != b:
                bad += 1
                print(f"DIFFERS: brief {' '.join(Path(x).name for x in case)} "
                      f"(exit {a[0]} vs {b[0]}, {len(a[1])} vs {len(b[1])} bytes)")
        print(f"{len(cases) - bad} of {len(cases)} identical to {args.ref}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
