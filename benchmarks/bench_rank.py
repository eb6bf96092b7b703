"""Ranker speed and memory: briefer's rankers beside sumy's, on the same sentences.

Builds texts of each ``--sizes`` (default 3.5 KB, 30 KB, 300 KB, 1 MB) by joining the
CNN/DailyMail articles of ``DATA`` (blank lines between them, the last one cut at a sentence
end; the ``seeds/*.txt`` texts if ``DATA`` is missing), splits each once with
:func:`briefer.api.split`, and hands the same sentences to briefer's ranker (the registry's plain
name, e.g. ``lexrank``) and to sumy's (``sumy-lexrank``).  Every measurement runs in a fresh
child process: it imports the ranker and ranks a two-sentence text first, so imports and NLTK's
stemmer set-up are not counted, then times one ranking of the whole text and reports its peak
resident memory (``ru_maxrss``; the Python process with its imports is about 100 MB of it).  A
run over ``--timeout`` seconds is killed and shown as ``>120 s``; a larger size is then not
tried for that ranker.  The time is the median over ``--repeat`` runs (a run slower than
``SLOW_SECONDS`` is not repeated).

Then whole processes: ``briefer summarize -a lexrank`` (the median of ``--process-repeat``
runs, half before sumy's and half after) against ``-a sumy-lexrank`` on the 300 KB text, and
the default ranker on 10 MB (wall time and peak memory).  The machine may be shared, so
compare ratios measured in the same run, not seconds across runs; each whole process's line
gives the share of the cores other processes used meanwhile (``/proc/stat``).  No
assertions: this is a measurement, not a test.

``--cached-bytecode`` runs the whole processes as an installed package runs: with Python's
compiled bytecode (``pip install`` writes it; a checkout writes it on first run) kept in the
temporary folder (``PYTHONPYCACHEPREFIX``; nothing is written to the tree) after one
warm-up run.  Without it they run in the environment as it is, which may set
``PYTHONDONTWRITEBYTECODE`` and so compile briefer's own modules from source every run
(about 0.03-0.04 s of a 0.35 s ``summarize``).  The header says which.

    python benchmarks/bench_rank.py [DATA] [--sizes 3.5K,30K,300K,1M] [--algorithms lexrank,...]
                                    [--repeat 3] [--timeout 120] [--quick]
                                    [--process-repeat 9] [--cached-bytecode]

An algorithm is a registry name, or ``NAME=module:function`` to time a ranker that is not
registered yet against ``sumy-NAME``:
``--algorithms lexrank=briefer.rank.graph:rank_lexrank``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from machine import busy_seconds  # noqa: E402

from briefer import api
from briefer.rank import DEFAULT_ALGORITHM, REGISTRY

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "cnndm_test_399.jsonl"
SIZES = "3.5K,30K,300K,1M"
ALGORITHMS = "lexrank,textrank,lsa,luhn,sumbasic,kl,reduction,pacsum"
SLOW_SECONDS = 10.0
UNITS = {"K": 1_000, "M": 1_000_000}

# The child: load the sentences, warm the ranker up, time one ranking, report time and memory.
_CHILD = """
import importlib, json, resource, sys, time
from briefer.rank import RankInput, get_ranker
spec, path = sys.argv[1], sys.argv[2]
if ":" in spec:
    module, _, attr = spec.partition(":")
    ranker = getattr(importlib.import_module(module), attr)
else:
    ranker = get_ranker(spec)
ranker(RankInput(("Warm the ranker up.", "Load its stemmer and stop words.")))
data = json.load(open(path, encoding="utf-8"))
doc = RankInput(tuple(data["sentences"]), tuple(data["paragraphs"]), data["title"])
t0 = time.perf_counter()
scores = ranker(doc)
seconds = time.perf_counter() - t0
assert len(scores) == len(doc.sentences)
print(json.dumps({"seconds": seconds,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


@dataclass(frozen=True)
class Run:
    """One child process: wall seconds, peak RSS in MB, stdout; ``seconds`` None on timeout."""

    seconds: float | None
    peak_mb: float | None
    stdout: str = ""
    # CPU seconds other processes used during the run (run_child), or their median share
    # of all the cores (measure)
    others: float | None = None


#: The environment of every child; :func:`main` fills in ``--cached-bytecode``.
CHILD_ENV: dict[str, str] = dict(os.environ)


def run_child(cmd: list[str], timeout: float) -> Run:
    """Run ``cmd``; its wall time and its own peak RSS (``os.wait4``), or a timeout."""
    with tempfile.TemporaryFile("w+") as out:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=subprocess.DEVNULL,
                                env=CHILD_ENV)
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        try:
            before = busy_seconds()
            _, status, usage = os.wait4(proc.pid, 0)
            after = busy_seconds()
        finally:
            timer.cancel()
        seconds = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        stdout = out.read()
    if seconds >= timeout or proc.returncode != 0:
        if seconds < timeout:
            raise RuntimeError(f"{' '.join(cmd)} failed with exit code {proc.returncode}")
        return Run(None, None)
    others = (None if before is None or after is None
              else max(0.0, after - before - usage.ru_utime - usage.ru_stime))
    return Run(seconds, usage.ru_maxrss / 1024, stdout, others)


def load() -> str:
    """The 1-, 5- and 15-minute load averages, as ``uptime`` prints them."""
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def parse_size(text: str) -> int:
    """``3.5K`` -> 3500, ``1M`` -> 1000000, ``2000`` -> 2000 (bytes, decimal units)."""
    text = text.strip().upper().removesuffix("B")
    factor = UNITS.get(text[-1:], 1)
    return round(float(text.rstrip("KM")) * factor)


def label_size(size: int) -> str:
    for unit, factor in (("MB", 1_000_000), ("KB", 1_000)):
        if size >= factor:
            return f"{size / factor:g} {unit}"
    return f"{size} B"


def source_texts(data: Path) -> list[str]:
    """The articles of ``data`` (JSON lines with ``article``), else the seed texts."""
    if data.is_file():
        with data.open(encoding="utf-8") as lines:
            return [json.loads(line)["article"] for line in lines if line.strip()]
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    if not seeds:
        raise SystemExit(f"no data: {data} is missing and seeds/ has no .txt")
    return [path.read_text(encoding="utf-8") for path in seeds]


def build_text(texts: list[str], size: int) -> str:
    """About ``size`` bytes of ``texts`` joined by blank lines, cut at a sentence end."""
    parts: list[str] = []
    total = 0
    while total < size:
        text = texts[len(parts) % len(texts)]
        room = size - total
        if len(text.encode("utf-8")) > room:
            cut = text.rfind(". ", 0, room)
            if cut <= 0 and parts:  # not one sentence fits: stop short rather than overshoot
                break
            text = text[:cut + 1] if cut > 0 else text
        parts.append(text)
        total += len(text.encode("utf-8")) + 2
    return "\n\n".join(parts)


def write_sentences(text: str, path: Path) -> int:
    """Split ``text`` as ``briefer summarize`` does and save what a ranker sees; its length."""
    doc = api.split(text, source=path.name)
    path.write_text(json.dumps({
        "sentences": [s.text for s in doc.sentences],
        "paragraphs": [s.paragraph for s in doc.sentences],
        "title": doc.title,
    }), encoding="utf-8")
    return len(doc.sentences)


def measure(cmd: list[str], repeat: int, timeout: float, *, self_timed: bool = False) -> Run:
    """Median time and largest peak over ``repeat`` runs (one run if it is slow or times out).

    ``self_timed``: the child prints its own ``{"seconds": ...}`` (ranking without start-up).
    """
    runs: list[Run] = []
    for _ in range(repeat):
        run = run_child(cmd, timeout)
        if run.seconds is None:
            return run
        if self_timed:
            run = Run(json.loads(run.stdout)["seconds"], run.peak_mb)
        runs.append(run)
        if run.seconds is not None and run.seconds > SLOW_SECONDS:
            break
    shares = [r.others / (r.seconds * (os.cpu_count() or 1)) for r in runs
              if r.others is not None and r.seconds]
    return Run(statistics.median(r.seconds for r in runs if r.seconds is not None),
               max(r.peak_mb for r in runs if r.peak_mb is not None),
               others=statistics.median(shares) if shares else None)


def fmt_others(run: Run | None) -> str:
    """Other processes' median share of the cores during ``run`` (from :func:`measure`)."""
    return "?" if run is None or run.others is None else f"{run.others:.0%}"


def fmt_seconds(run: Run | None, timeout: float) -> str:
    if run is None:
        return "—"
    if run.seconds is None:
        return f">{timeout:g} s"
    return f"{run.seconds:.3f}" if run.seconds < 10 else f"{run.seconds:.1f}"


def fmt_ratio(ours: Run, theirs: Run | None, timeout: float) -> str:
    if theirs is None or ours.seconds is None:
        return "—"
    if theirs.seconds is None:
        return f">{timeout / ours.seconds:.0f}x"
    return f"{theirs.seconds / ours.seconds:.1f}x"


def fmt_mb(run: Run | None) -> str:
    return "—" if run is None or run.peak_mb is None else f"{run.peak_mb:.0f}"


def parse_algorithms(text: str) -> list[tuple[str, str, str | None]]:
    """``name`` or ``name=module:function`` -> (label, our ranker, sumy's or None)."""
    out = []
    for item in filter(None, (part.strip() for part in text.split(","))):
        name, _, spec = item.partition("=")
        reference = f"sumy-{name}"
        out.append((name, spec or name, reference if reference in REGISTRY else None))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DATA,
                        help="JSON lines with an 'article' field (default: %(default)s)")
    parser.add_argument("--sizes", default=None, help=f"comma-separated (default {SIZES})")
    parser.add_argument("--algorithms", default=ALGORITHMS,
                        help="comma-separated names or NAME=module:function "
                             "(default %(default)s)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per run")
    parser.add_argument("--process-size", default=None,
                        help="text for the whole-process lexrank line (default 300K)")
    parser.add_argument("--process-repeat", type=int, default=9,
                        help="runs of our whole process (median; default %(default)s)")
    parser.add_argument("--big-size", default=None,
                        help="text for the whole-process default-ranker line (default 10M)")
    parser.add_argument("--cached-bytecode", action="store_true",
                        help="whole processes with compiled bytecode kept in the temporary "
                             "folder, as an installed package runs (default: the environment "
                             "as it is)")
    parser.add_argument("--quick", action="store_true",
                        help="sizes 3.5K,30K, one run each, whole processes on 30K and 1M")
    args = parser.parse_args()
    sizes = [parse_size(s) for s in (args.sizes or ("3.5K,30K" if args.quick else SIZES))
             .split(",")]
    process_size = parse_size(args.process_size or ("30K" if args.quick else "300K"))
    big_size = parse_size(args.big_size or ("1M" if args.quick else "10M"))
    repeat = 1 if args.quick else args.repeat
    algorithms = parse_algorithms(args.algorithms)
    texts = source_texts(args.data)
    py = sys.executable
    print(f"command: python benchmarks/bench_rank.py {' '.join(sys.argv[1:])}".rstrip())
    print(f"{os.cpu_count()} CPUs; median of {repeat} (one run past {SLOW_SECONDS:g} s); "
          f"ranking only, imports excluded; peak RSS of the whole child process\n")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.cached_bytecode:
            CHILD_ENV.pop("PYTHONDONTWRITEBYTECODE", None)
            CHILD_ENV["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
        bytecode = ("cached in the temporary folder (--cached-bytecode)" if args.cached_bytecode
                    else "compiled from source every run (PYTHONDONTWRITEBYTECODE is set)"
                    if os.environ.get("PYTHONDONTWRITEBYTECODE") else "as the environment has it")
        inputs = []
        for size in sizes:
            path = folder / f"sentences-{size}.json"
            inputs.append((size, path, write_sentences(build_text(texts, size), path)))
        print("| algorithm | size | sentences | briefer s | sumy s | sumy / briefer "
              "| briefer MB | sumy MB |")
        print("|---|--:|--:|--:|--:|--:|--:|--:|")
        for label, ours_spec, reference in algorithms:
            gave_up: set[str] = set()
            for size, path, n in inputs:
                results: dict[str, Run | None] = {}
                for role, spec in (("ours", ours_spec), ("sumy", reference)):
                    if spec is None:
                        results[role] = None
                    elif spec in gave_up:
                        results[role] = Run(None, None)
                    else:
                        results[role] = measure([py, "-c", _CHILD, spec, str(path)], repeat,
                                                args.timeout, self_timed=True)
                        if results[role].seconds is None:
                            gave_up.add(spec)
                ours, theirs = results["ours"], results["sumy"]
                assert ours is not None
                print(f"| {label} | {label_size(size)} | {n} | {fmt_seconds(ours, args.timeout)} "
                      f"| {fmt_seconds(theirs, args.timeout)} "
                      f"| {fmt_ratio(ours, theirs, args.timeout)} | {fmt_mb(ours)} "
                      f"| {fmt_mb(theirs)} |", flush=True)
        print("\nWhole process (`python -m briefer summarize FILE -a NAME`), wall time; "
              f"bytecode {bytecode}:\n")
        print("| command | text | wall s | peak MB | ratio | other processes |")
        print("|---|--:|--:|--:|--:|--:|")
        text_file = folder / "process.txt"
        text_file.write_text(build_text(texts, process_size), encoding="utf-8")
        summarize = [py, "-m", "briefer", "summarize", str(text_file), "-f", "text", "-a"]
        run_child([*summarize, "lexrank"], args.timeout)  # warm-up (and bytecode, if cached)
        # Ours takes a fraction of a second, so one busy moment of a shared machine moves it
        # more than sumy's half minute: it is the median of ``process_repeat`` runs, half
        # before sumy's and half after, with the load beside it.
        before = [measure([*summarize, "lexrank"], 1, args.timeout)
                  for _ in range((args.process_repeat + 1) // 2)]
        theirs = measure([*summarize, "sumy-lexrank"], repeat, args.timeout)
        after = [measure([*summarize, "lexrank"], 1, args.timeout)
                 for _ in range(args.process_repeat // 2)]
        runs = [r for r in before + after if r.seconds is not None]
        shares = [r.others for r in runs if r.others is not None]  # each a share already
        ours = Run(statistics.median(r.seconds for r in runs) if runs else None,
                   max((r.peak_mb for r in runs if r.peak_mb is not None), default=None),
                   others=statistics.median(shares) if shares else None)
        print(f"load average: {load()} (ours: median of {len(runs)} runs, "
              f"{min(r.seconds for r in runs):.3f}-{max(r.seconds for r in runs):.3f} s)\n")
        for name, run, ratio in (("lexrank", ours, "1.0x"),
                                 ("sumy-lexrank", theirs, fmt_ratio(ours, theirs, args.timeout))):
            print(f"| `briefer summarize -a {name}` | {label_size(process_size)} "
                  f"| {fmt_seconds(run, args.timeout)} | {fmt_mb(run)} | {ratio} "
                  f"| {fmt_others(run)} |")
        big_file = folder / "big.txt"
        big_file.write_text(build_text(texts, big_size), encoding="utf-8")
        big = measure([py, "-m", "briefer", "summarize", str(big_file), "-f", "text"], repeat,
                      args.timeout)
        print(f"| `briefer summarize` ({DEFAULT_ALGORITHM}) | {label_size(big_size)} "
              f"| {fmt_seconds(big, args.timeout)} | {fmt_mb(big)} | — | {fmt_others(big)} |")
        print("\nratio: sumy's time over briefer's (whole process: over the first line). "
              "other processes: the median share of the cores other processes used during "
              "the runs; a ratio means most when it is near 0 %.")


if __name__ == "__main__":
    main()
