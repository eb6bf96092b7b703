"""``briefer batch`` throughput: one process against all cores, whole command, same output.

Builds a JSON-lines input of ``--records`` records (or about ``--megabytes`` MB) by repeating
the CNN/DailyMail articles of ``../shared/data/cnndm_test_399.jsonl`` (each copy with its own
id), runs ``python -m briefer batch`` with ``-j 1``, with ``-j 0`` (one worker per CPU) and,
with ``--dask``, on ``--engine dask`` (a ``dask.distributed`` local cluster of one worker
process per CPU, started by the command, so its start-up is counted), one after the other,
``--repeat`` rounds, and prints a markdown table of the median and best wall times, records
per second, and the speed-up over ``-j 1``: the median of each round's own ratio (the two runs
of a round are seconds apart, so a change in the machine's load spoils fewer ratios) and the
ratio of the best times (other processes only ever make a run slower), and the median CPU
seconds of each command with its workers (what running in parallel adds).  It says whether all
outputs are byte for byte the same, and prints the load average before and after.

On a shared machine a parallel speed-up means something only while the machine is otherwise
quiet: a second process anywhere takes a core from ``-j 2`` and none from ``-j 1``.  So each
run also reports the CPU that *other* processes used meanwhile (the machine's busy time from
``/proc/stat`` less the run's own CPU, as a share of all cores over the run), each round
shows the larger of its two runs', and the table adds the median speed-up over the quiet
rounds (other processes under ``--quiet`` of the cores; rounds are run until ``--repeat``
quiet ones are had, at most ``--max-rounds``, when the machine allows).

``--cached-bytecode`` runs every command as an installed package runs, with Python's compiled
bytecode kept in the temporary folder (``PYTHONPYCACHEPREFIX``) after a warm-up run; without
it the environment decides (``PYTHONDONTWRITEBYTECODE`` makes every run compile briefer's
modules again, about 0.03 s of serial start-up).  The header says which.

    python benchmarks/bench_batch.py [--records 1200 | --megabytes 10] [--repeat 3] [--dask]
                                     [--data FILE] [--quiet 0.05] [--max-rounds 0]
                                     [--cached-bytecode]
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

sys.path.insert(0, str(Path(__file__).resolve().parent))
from machine import busy_seconds  # noqa: E402

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


#: The environment of every run; :func:`main` fills in ``--cached-bytecode``.
CHILD_ENV: dict[str, str] = dict(os.environ)


def run(input_path: Path, options: list[str], output: Path
        ) -> tuple[float, float | None, float]:
    """Wall time of one whole ``briefer batch`` process, the share of all cores that other
    processes used meanwhile (None where ``/proc/stat`` is missing), and the CPU seconds
    the command and its workers used."""
    cmd = [sys.executable, "-m", "briefer", "batch", str(input_path), *options,
           "-o", str(output), "--force"]
    before = busy_seconds()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stderr=subprocess.DEVNULL, env=CHILD_ENV)
    _, status, usage = os.wait4(proc.pid, 0)  # usage includes the workers it waited for
    seconds = time.perf_counter() - t0
    after = busy_seconds()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(cmd)} failed")
    cpu = usage.ru_utime + usage.ru_stime
    if before is None or after is None:
        return seconds, None, cpu
    others = after - before - cpu
    return seconds, max(0.0, others) / (seconds * (os.cpu_count() or 1)), cpu


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
    parser.add_argument("--quiet", type=float, default=0.05,
                        help="a round is quiet when other processes used less than this share "
                             "of the cores in each of its runs (default %(default)s)")
    parser.add_argument("--max-rounds", type=int, default=0,
                        help="run rounds until --repeat are quiet, at most this many "
                             "(default 0: just --repeat rounds)")
    parser.add_argument("--cached-bytecode", action="store_true",
                        help="keep compiled bytecode in the temporary folder, as an installed "
                             "package has it (default: the environment as it is)")
    args = parser.parse_args()
    cpus = os.cpu_count() or 1
    print(f"command: python benchmarks/bench_batch.py {' '.join(sys.argv[1:])}".rstrip())
    print(f"load average before: {load()}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.cached_bytecode:
            CHILD_ENV.pop("PYTHONDONTWRITEBYTECODE", None)
            CHILD_ENV["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
        print("bytecode: " + ("cached in the temporary folder (--cached-bytecode)"
                              if args.cached_bytecode else
                              "compiled from source every run (PYTHONDONTWRITEBYTECODE is set)"
                              if os.environ.get("PYTHONDONTWRITEBYTECODE") else
                              "as the environment has it"))
        source = folder / "in.jsonl"
        records = build_input(args.data, source, megabytes=args.megabytes,
                              records=args.records)
        warm = folder / "warm.jsonl"
        build_input(args.data, warm, records=1)
        run(warm, ["-j", "1"], folder / "warm-out.jsonl")  # warm-up (and bytecode, if cached)
        runs = {"-j 1": ["-j", "1"], f"-j 0 ({cpus} processes)": ["-j", "0"]}
        if args.dask:
            runs[f"--engine dask ({cpus} workers)"] = ["--engine", "dask", "-j", "0"]
        outputs = {label: folder / f"out{i}.jsonl" for i, label in enumerate(runs)}
        times: dict[str, list[float]] = {label: [] for label in runs}
        cpu_seconds: dict[str, list[float]] = {label: [] for label in runs}
        noise: list[float | None] = []  # per round: the most other processes took in a run
        rounds = max(args.repeat, args.max_rounds)
        while len(noise) < rounds:
            shares = []
            for label, options in runs.items():
                seconds, share, cpu = run(source, options, outputs[label])
                times[label].append(seconds)
                cpu_seconds[label].append(cpu)
                shares.append(share)
            noise.append(None if None in shares else max(s for s in shares if s is not None))
            quiet_rounds = sum(1 for x in noise if x is not None and x < args.quiet)
            if len(noise) >= args.repeat and (quiet_rounds >= args.repeat
                                              or args.max_rounds <= args.repeat):
                break
        first = outputs["-j 1"].read_bytes()
        same = all(path.read_bytes() == first for path in outputs.values())
        megabytes = source.stat().st_size / 1e6
    serial = times["-j 1"]
    quiet = [k for k, x in enumerate(noise) if x is not None and x < args.quiet]
    print(f"load average after: {load()}\n")
    print(f"{records} records, {megabytes:.1f} MB, {cpus} CPUs, {len(noise)} rounds, "
          f"{len(quiet)} quiet (other processes under {args.quiet:.0%} of the cores)\n")
    print("| command | median s | best s | records/s (best) | speed-up, median of rounds "
          "| speed-up, best | speed-up, median of quiet rounds | CPU s, median |")
    print("|---|--:|--:|--:|--:|--:|--:|--:|")
    for label, seconds in times.items():
        ratios = [a / b for a, b in zip(serial, seconds, strict=True)]
        calm = f"{statistics.median(ratios[k] for k in quiet):.2f}x" if quiet else "—"
        print(f"| briefer batch {label} | {statistics.median(seconds):.2f} | {min(seconds):.2f} "
              f"| {records / min(seconds):.0f} | {statistics.median(ratios):.2f}x "
              f"| {min(serial) / min(seconds):.2f}x | {calm} "
              f"| {statistics.median(cpu_seconds[label]):.2f} |")
    print("\nevery round's speed-up (other processes' share of the cores in brackets): "
          + "; ".join(f"{label}: " + ", ".join(
              f"{a / b:.2f} [{'?' if x is None else f'{x:.0%}'}]"
              for a, b, x in zip(serial, seconds, noise, strict=True))
              for label, seconds in times.items() if seconds is not serial))
    print(f"outputs identical: {'yes' if same else 'NO'}")


if __name__ == "__main__":
    main()
