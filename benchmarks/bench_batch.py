"""``briefer batch`` throughput: one process against all cores, whole command, same output.

Builds a JSON-lines input of ``--records`` records (or about ``--megabytes`` MB) by repeating
the CNN/DailyMail articles of ``../shared/data/cnndm_test_399.jsonl`` (each copy with its own
id), runs ``python -m briefer batch`` with ``-j 1``, with ``-j 0`` (one worker per CPU) and,
with ``--dask``, on ``--engine dask`` (a ``dask.distributed`` local cluster of one worker
process per CPU, started by the command, so its start-up is counted), one after the other,
``--repeat`` rounds, and prints a markdown table of the median and best wall times, records
per second, and the speed-up over ``-j 1``: the median of each round's own ratio (the two runs
of a round are seconds apart, so a change in the machine's load spoils fewer ratios) and the
ratio of the best times (other processes only ever make a run slower).  It says whether all
outputs are byte for byte the same, and prints the load average before and after: on a
shared machine a parallel speed-up means something only when the machine is otherwise quiet.
No assertions: this is a measurement, not a test.

    python benchmarks/bench_batch.py [--records 1200 | --megabytes 10] [--repeat 3] [--dask]
                                     [--data FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "cnndm_test_399.jsonl"


def build_input(data: Path, target: Path, *, megabytes: float = 10.0,
                records: int | None = None) -> int:
    """Write ``records`` (else about ``megabytes`` MB of) ``{"id", "text"}`` lines to
    ``target``; their count."""
    articles = [json.loads(line)["article"] for line in data.open(encoding="utf-8")]
    size = count = 0
    with target.open("w", encoding="utf-8") as out:
        while count < records if records is not None else size < megabytes * 1_000_000:
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


def load() -> str:
    """The 1-, 5- and 15-minute load averages, as ``uptime`` prints them."""
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=10.0)
    parser.add_argument("--records", type=int, default=None,
                        help="this many records instead of --megabytes")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--dask", action="store_true",
                        help="also time --engine dask on a local cluster")
    args = parser.parse_args()
    cpus = os.cpu_count() or 1
    print(f"command: python benchmarks/bench_batch.py {' '.join(sys.argv[1:])}".rstrip())
    print(f"load average before: {load()}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "in.jsonl"
        records = build_input(args.data, source, megabytes=args.megabytes,
                              records=args.records)
        runs = {"-j 1": ["-j", "1"], f"-j 0 ({cpus} workers)": ["-j", "0"]}
        if args.dask:
            runs[f"--engine dask ({cpus} workers)"] = ["--engine", "dask", "-j", "0"]
        outputs = {label: folder / f"out{i}.jsonl" for i, label in enumerate(runs)}
        times: dict[str, list[float]] = {label: [] for label in runs}
        for _ in range(args.repeat):
            for label, options in runs.items():
                times[label].append(run(source, options, outputs[label]))
        first = outputs["-j 1"].read_bytes()
        same = all(path.read_bytes() == first for path in outputs.values())
        megabytes = source.stat().st_size / 1e6
    serial = times["-j 1"]
    print(f"load average after: {load()}\n")
    print(f"{records} records, {megabytes:.1f} MB, {cpus} CPUs, {args.repeat} rounds\n")
    print("| command | median s | best s | records/s (best) | speed-up, median of rounds "
          "| speed-up, best |")
    print("|---|--:|--:|--:|--:|--:|")
    for label, seconds in times.items():
        ratios = [a / b for a, b in zip(serial, seconds, strict=True)]
        print(f"| briefer batch {label} | {statistics.median(seconds):.2f} | {min(seconds):.2f} "
              f"| {records / min(seconds):.0f} | {statistics.median(ratios):.2f}x "
              f"| {min(serial) / min(seconds):.2f}x |")
    print("\nevery round's speed-up: "
          + "; ".join(f"{label}: " + ", ".join(f"{a / b:.2f}" for a, b in
                                               zip(serial, seconds, strict=True))
                      for label, seconds in times.items() if seconds is not serial))
    print(f"outputs identical: {'yes' if same else 'NO'}")


if __name__ == "__main__":
    main()
