"""Start-up time, whole process, against ``python -c "import nltk"`` in the same run.

Prints a markdown table of median wall times and their ratio to the nltk baseline, the figure
the start-up goals are stated in (summarize <= 1.5x, --help <= 0.5x). No assertions: this is a
measurement, not a test.

    python benchmarks/bench_startup.py [--repeat 15]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "venezuela-mexico.txt"


def timed(cmd: list[str], repeat: int) -> float:
    """Median wall time of ``cmd`` over ``repeat`` runs, after one warm-up run."""
    subprocess.run(cmd, capture_output=True, check=True, cwd=ROOT)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True, cwd=ROOT)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    py = sys.executable
    cases = {
        'python -c "pass"': [py, "-c", "pass"],
        'python -c "import nltk"': [py, "-c", "import nltk"],
        "briefer --help": [py, "-m", "briefer", "--help"],
        "briefer summarize seed": [py, "-m", "briefer", "summarize", str(SEED)],
        "briefer summarize seed -f json": [py, "-m", "briefer", "summarize", str(SEED),
                                           "-f", "json"],
    }
    print(f"command: python benchmarks/bench_startup.py --repeat {args.repeat}\n")
    results = {name: timed(cmd, args.repeat) for name, cmd in cases.items()}
    base = results['python -c "import nltk"']
    print("| command | median s | ratio to import nltk |")
    print("|---|---|---|")
    for name, secs in results.items():
        print(f"| `{name}` | {secs:.3f} | {secs / base:.2f} |")


if __name__ == "__main__":
    main()
