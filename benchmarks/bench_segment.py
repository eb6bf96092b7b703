"""Sentence splitter throughput and accuracy: briefer.segment against pySBD and NLTK Punkt.

Builds about 1 MB of news text from the CNN/DailyMail articles in ``cnndm_test_399.jsonl``
(articles joined by blank lines), then times each splitter in a fresh ``python -c`` process,
imports included, because that is what a user of the command line pays.  Prints a markdown
table: median wall time over the repeats, MB/s on that time, the time spent inside the split
call alone, the ratio to pySBD, and each splitter's score on the 48 English Golden Rules
(and on the pySBD no-clean cases when that file is present).  No assertions: a measurement.

    python benchmarks/bench_segment.py [DATA_DIR] [--repeat 3] [--size 1000000]

DATA_DIR defaults to ../shared/data beside the repository.  NLTK's Punkt is used untrained
(``PunktSentenceTokenizer()``, no downloaded data); splitters that are not installed are
skipped.
"""

from __future__ import annotations

import argparse
import json
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"

# Each worker reads a text file, splits it and prints the number of sentences and the
# seconds spent in the split call.  "score" mode instead reads JSON cases from the file and
# prints the folded sentences of each, one JSON list per line.
_SETUP = {
    "briefer": (
        "from briefer.segment import split_sentences\n"
        "def split(t):\n"
        "    return [t[a:b] for a, b in split_sentences(t)]\n"
    ),
    "pysbd": (
        "import pysbd\n"
        "_seg = pysbd.Segmenter(language='en', clean=False, char_span=False)\n"
        "def split(t):\n"
        "    return _seg.segment(t)\n"
    ),
    "nltk-punkt-untrained": (
        "from nltk.tokenize.punkt import PunktSentenceTokenizer\n"
        "_tok = PunktSentenceTokenizer()\n"
        "def split(t):\n"
        "    return _tok.tokenize(t)\n"
    ),
}
_RUN = (
    "import sys, time\n"
    "text = open(sys.argv[1], encoding='utf-8').read()\n"
    "t0 = time.perf_counter()\n"
    "n = len(split(text))\n"
    "print(n, time.perf_counter() - t0)\n"
)
_SCORE = (
    "import sys, json\n"
    "for line in open(sys.argv[1], encoding='utf-8'):\n"
    "    text = json.loads(line)\n"
    "    print(json.dumps([' '.join(s.split()) for s in split(text) if s.split()]))\n"
)


def build_text(data_dir: Path, size: int) -> str:
    """About ``size`` characters of articles joined by blank lines, cut at an article end."""
    parts: list[str] = []
    total = 0
    with (data_dir / "cnndm_test_399.jsonl").open(encoding="utf-8") as fh:
        articles = [json.loads(line)["article"] for line in fh if line.strip()]
    while total < size:
        for article in articles:
            parts.append(article)
            total += len(article) + 2
            if total >= size:
                break
    return "\n\n".join(parts)


def available(name: str) -> bool:
    """True if the worker for ``name`` starts (its library is installed and needs no data)."""
    code = _SETUP[name] + "split('A test. Another one.')\n"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=ROOT)
    return proc.returncode == 0


def time_runs(name: str, text_file: Path, repeat: int) -> tuple[float, float, int]:
    """Median whole-process wall seconds, median in-call seconds, sentence count."""
    walls, inner = [], []
    count = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-c", _SETUP[name] + _RUN, str(text_file)],
            capture_output=True, text=True, check=True, cwd=ROOT,
        )
        walls.append(time.perf_counter() - t0)
        n, secs = proc.stdout.split()
        count, inner = int(n), [*inner, float(secs)]
    return statistics.median(walls), statistics.median(inner), count


def score(name: str, cases: list[dict], tmp: Path) -> int:
    """How many of ``cases`` the splitter gets exactly right, white space folded."""
    case_file = tmp / f"cases-{name}.jsonl"
    case_file.write_text("".join(json.dumps(c["text"]) + "\n" for c in cases), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-c", _SETUP[name] + _SCORE, str(case_file)],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )
    got = [json.loads(line) for line in proc.stdout.splitlines()]
    return sum(
        g == [" ".join(s.split()) for s in c["sentences"]] for g, c in zip(got, cases, strict=True)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--size", type=int, default=1_000_000, help="characters of news text")
    args = parser.parse_args()
    command = " ".join(shlex.quote(a) for a in ["python", *sys.argv])
    print(f"command: {command}\n")

    data_dir: Path = args.data_dir.resolve()
    text = build_text(data_dir, args.size)
    size_mb = len(text.encode("utf-8")) / 1e6
    golden = [json.loads(line) for line in
              (data_dir / "golden_rules_en.jsonl").read_text(encoding="utf-8").splitlines()]
    pysbd_file = data_dir / "pysbd_english_cases.jsonl"
    no_clean = []
    if pysbd_file.is_file():
        no_clean = [c for c in map(json.loads, pysbd_file.read_text(encoding="utf-8").splitlines())
                    if not c["expects_cleaning"]]

    print(f"text: {len(text):,} characters ({size_mb:.2f} MB UTF-8) from "
          f"{data_dir / 'cnndm_test_399.jsonl'}; {args.repeat} runs each, fresh process, "
          f"imports included; python {sys.version.split()[0]}\n")
    rows = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        text_file = tmp / "news.txt"
        text_file.write_text(text, encoding="utf-8")
        for name in _SETUP:
            if not available(name):
                print(f"(skipped {name}: not installed or needs data)")
                continue
            wall, inner, count = time_runs(name, text_file, args.repeat)
            rows.append((name, wall, inner, count, score(name, golden, tmp),
                         score(name, no_clean, tmp) if no_clean else None))
    base = next((r[1] for r in rows if r[0] == "pysbd"), None)
    print("| splitter | MB/s (whole process) | wall s (median) | split-only s | sentences "
          "| speed vs pysbd | golden rules | pysbd no-clean |")
    print("|---|---|---|---|---|---|---|---|")
    for name, wall, inner, count, gold, nc in rows:
        ratio = f"{base / wall:.1f}x" if base else "n/a"
        nc_text = f"{nc}/{len(no_clean)}" if nc is not None else "n/a"
        print(f"| {name} | {size_mb / wall:.2f} | {wall:.3f} | {inner:.3f} | {count} | {ratio} "
              f"| {gold}/{len(golden)} | {nc_text} |")


if __name__ == "__main__":
    main()
