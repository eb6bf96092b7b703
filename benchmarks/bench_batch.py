"""``briefer batch`` throughput: one process against all cores, whole command, same output.

Builds a JSON-lines input of about ``--megabytes`` MB by repeating the CNN/DailyMail articles
of ``../shared/data/cnndm_test_399.jsonl`` (each copy with its own id), runs
``python -m briefer batch`` with ``-j 1``, with ``-j 0`` (one worker per CPU) and, with
``--dask``, on ``--engine dask`` (a ``dask.distributed`` local cluster of one worker process per
CPU, started by the command, so its start-up is counted), alternately, ``--repeat`` times
each, and prints a markdown table of the best wall time, records per second
and the speed-up, and whether both outputs are byte for byte the same.  The best of several
runs is reported because other processes on the machine only ever make a run slower.  No
assertions: this is a measurement, not a test.

    python benchmarks/bench_batch.py [--megabytes 10] [--repeat 3] [--dask] [--data FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "cnndm_test_399.jsonl"


def build_input(data: Path, megabytes: float, target: Path) -> int:
    """Write about ``megabytes`` MB of ``{"id", "text"}`` lines to ``target``; their count."""
    articles = [json.loads(line)["article"] for line in data.open(encoding="utf-8")]
    size = count = 0
    with target.open("w", encoding="utf-8") as out:
        while size < megabytes * 1_000_000:
            line = json.dumps({"id": f"doc-{count}", "text": articles[count % len(articles)]})
            out.write(line + "\n")
            size += len(line.encode("utf-8")) + 1
            count += 1
    return count


def run(input_path: Path, options: list[str], output: Path) -> float:
    """Wall time of one whole ``briefer batch`` process."""
    cmd = [sys.executable, "-m", "briefer", "batch", str(input_path), *options,
           "-o", str(output), "--force"]
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, cwd=ROOT, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=10.0)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--dask", action="store_true",
                        help="also time --engine dask on a local cluster")
    args = parser.parse_args()
    cpus = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "in.jsonl"
        records = build_input(args.data, args.megabytes, source)
        runs = {"-j 1": ["-j", "1"], f"-j 0 ({cpus} workers)": ["-j", "0"]}
        if args.dask:
            runs[f"--engine dask ({cpus} workers)"] = ["--engine", "dask", "-j", "0"]
        outputs = {label: folder / f"out{i}.jsonl" for i, label in enumerate(runs)}
        best = dict.fromkeys(runs, float("inf"))
        for _ in range(args.repeat):
            for label, options in runs.items():
                best[label] = min(best[label], run(source, options, outputs[label]))
        first = outputs["-j 1"].read_bytes()
        same = all(path.read_bytes() == first for path in outputs.values())
        megabytes = source.stat().st_size / 1e6
    print(f"{records} records, {megabytes:.1f} MB, {cpus} CPUs, best of {args.repeat}\n")
    print("| command | wall s | records/s | speed-up |")
    print("|---|--:|--:|--:|")
    for label in runs:
        print(f"| briefer batch {label} | {best[label]:.2f} | {records / best[label]:.0f} "
              f"| {best['-j 1'] / best[label]:.2f}x |")
    print(f"\noutputs identical: {'yes' if same else 'NO'}")

if __name__ == "__main__":
    main()
