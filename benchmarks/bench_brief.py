"""``briefer brief`` at scale, whole processes: time and peak memory against named baselines.

Builds its inputs in a temporary folder from the shared evaluation data (nothing is kept):

- **1 MB** of news (CNN/DM and BBC articles joined): ``brief`` against ``sentences`` on the
  same file (target: at most 3x);
- **10 MB** of news in one file (target: under 60 s and 1 GB);
- **a folder of 2,624 articles**, one file each: the 1,925 BBC articles, the 399 CNN/DM
  articles, and the first 300 of those again as reposted copies (target: under 60 s and
  2 GB).

Each command runs in a fresh child whose peak RSS and CPU time (user + system) are read from
``getrusage``.  The machine is shared: the load average is printed beside the figures, the
1 MB pair runs ``--repeat`` times (``sentences`` then ``brief``, so each ratio is measured
in one go) and the medians are reported, as wall-clock and as CPU time, which another
engineer's work on the same cores disturbs less.  No assertions.

``--cached-bytecode`` runs every command as an installed package runs, with Python's compiled
bytecode kept in the temporary folder (``PYTHONPYCACHEPREFIX``) after a warm-up run; without
it the environment decides (where ``PYTHONDONTWRITEBYTECODE`` is set, every run compiles
briefer's modules again: about 0.1 s of ``brief``'s start-up and 0.03 s of ``sentences``').
The header says which.

    python benchmarks/bench_brief.py               # all three
    python benchmarks/bench_brief.py --skip-10mb --repeat 5 [--cached-bytecode] [--skip-folder]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
BRIEFER = [sys.executable, "-m", "briefer"]
MEASURE = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
           "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); "
           "u = resource.getrusage(resource.RUSAGE_CHILDREN); "
           "print(time.perf_counter() - t, u.ru_maxrss, r.returncode, u.ru_utime + u.ru_stime)")


#: The environment of every run; :func:`main` fills in ``--cached-bytecode``.
CHILD_ENV: dict[str, str] = dict(os.environ)


def run(args: list[str]) -> tuple[float, float, int, float]:
    """(seconds, peak MB, exit code, CPU seconds) of one whole process."""
    out = subprocess.run([sys.executable, "-c", MEASURE, *args], capture_output=True,
                         text=True, check=True, env=CHILD_ENV).stdout.split()
    return float(out[0]), int(out[1]) / 1024, int(out[2]), float(out[3])


def articles(data: Path) -> list[str]:
    out = [json.loads(line)["article"] for line in (data / "cnndm_test_399.jsonl").open()]
    for line in (data / "bbc_dev_articles.jsonl").open():
        r = json.loads(line)
        out.append(f"{r['title']}\n\n{r['article']}")
    return out


def joined(texts: list[str], size: int) -> str:
    out, n, i = [], 0, 0
    while n < size:
        out.append(texts[i % len(texts)])
        n += len(out[-1].encode()) + 2
        i += 1
    return "\n\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--skip-10mb", action="store_true")
    parser.add_argument("--skip-folder", action="store_true")
    parser.add_argument("--cached-bytecode", action="store_true",
                        help="keep compiled bytecode in the temporary folder, as an installed "
                             "package has it (default: the environment as it is)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of the 1 MB pair (medians are reported)")
    args = parser.parse_args()
    texts = articles(args.data)
    print(f"command: python benchmarks/bench_brief.py {' '.join(sys.argv[1:])}".rstrip())
    print(f"load average {os.getloadavg()[0]:.2f} at start")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "folder"
        folder.mkdir()
        one = Path(tmp) / "news-1mb.txt"
        one.write_text(joined(texts, 1 << 20), encoding="utf-8")
        if args.cached_bytecode:
            CHILD_ENV.pop("PYTHONDONTWRITEBYTECODE", None)
            CHILD_ENV["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        print("bytecode: " + ("cached in the temporary folder (--cached-bytecode)"
                              if args.cached_bytecode else
                              "compiled from source every run (PYTHONDONTWRITEBYTECODE is set)"
                              if os.environ.get("PYTHONDONTWRITEBYTECODE") else
                              "as the environment has it") + "\n")
        warm = Path(tmp) / "warm.txt"
        warm.write_text(texts[0], encoding="utf-8")
        for command in ("sentences", "brief"):  # warm-up (and bytecode, if cached)
            run(BRIEFER + [command, str(warm), "-f", "json"])
        print("| input | command | seconds (median) | CPU s (median) | peak MB | exit |\n"
              "|---|---|---|---|---|---|")
        commands = {"sentences": ["sentences", str(one), "-f", "text"],
                    "brief": ["brief", str(one), "-f", "json"]}
        runs: dict[str, list[tuple[float, float, int, float]]] = {name: [] for name in commands}
        for _ in range(max(1, args.repeat)):
            for name, cmd in commands.items():
                runs[name].append(run(BRIEFER + cmd))
        medians = {}
        for name, found in runs.items():
            wall = statistics.median(r[0] for r in found)
            cpu = statistics.median(r[3] for r in found)
            medians[name] = (wall, cpu)
            print(f"| 1 MB | {name} | {wall:.2f} | {cpu:.2f} | {max(r[1] for r in found):.0f} | "
                  f"{max(r[2] for r in found)} |", flush=True)
        paired = [b[0] / s[0] for s, b in zip(runs["sentences"], runs["brief"], strict=True)]
        print(f"\nbrief / sentences on 1 MB, {len(paired)} runs: wall "
              f"{medians['brief'][0] / medians['sentences'][0]:.1f}x (each run: "
              f"{', '.join(f'{x:.1f}' for x in paired)}), CPU "
              f"{medians['brief'][1] / medians['sentences'][1]:.1f}x (target <= 3x)\n",
              flush=True)
        if args.skip_folder:
            print(f"load average {os.getloadavg()[0]:.2f} at the end")
            return
        cnn = [json.loads(line) for line in (args.data / "cnndm_test_399.jsonl").open()]
        for r in (json.loads(line) for line in (args.data / "bbc_dev_articles.jsonl").open()):
            (folder / f"{r['id']}.txt").write_text(f"{r['title']}\n\n{r['article']}")
        for r in cnn:
            (folder / f"{r['id']}.txt").write_text(r["article"])
        for r in cnn[:300]:
            (folder / f"{r['id']}-copy.txt").write_text(r["article"])
        count = len(list(folder.iterdir()))
        seconds, peak, code, cpu = run(BRIEFER + ["brief", str(folder), "-f", "json"])
        print(f"| folder of {count:,} articles | brief | {seconds:.1f} | {cpu:.1f} | {peak:.0f} | "
              f"{code} |", flush=True)
        if not args.skip_10mb:
            ten = Path(tmp) / "news-10mb.txt"
            ten.write_text(joined(texts, 10 << 20), encoding="utf-8")
            seconds, peak, code, cpu = run(BRIEFER + ["brief", str(ten), "-f", "json"])
            print(f"| 10 MB | brief | {seconds:.1f} | {cpu:.1f} | {peak:.0f} | {code} |")
    print(f"\nload average {os.getloadavg()[0]:.2f} at the end")


if __name__ == "__main__":
    main()
