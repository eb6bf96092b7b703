"""Where ``briefer brief``'s CPU time goes, step by step, for one or more git revisions.

Each revision is exported (``git archive``) into a temporary folder and run as a whole
``briefer brief FILE -f json`` process, with the brief's steps wrapped to add up their CPU
time (``time.process_time``; the steps are the functions ``plan_brief`` and ``make_brief``
call, the entity finder's four inner passes, the loading of the shipped lists, and what
``make_brief`` spends beyond planning and ranking: choosing the sentences; ``load_names``
is inside ``find_entities``).  Runs of the revisions alternate ``--rounds`` times, so the
machine's load falls on all of them alike, and the minimum and the median of each step are
printed as a markdown table.  No assertions.

    python benchmarks/brief_phases.py FILE                       # the working tree
    python benchmarks/brief_phases.py FILE --revs 90cde25,main --rounds 5
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: Run inside the child: wrap the steps, run the CLI, print "step seconds" lines on stderr.
CHILD = r'''
import contextlib, functools, io, sys, time
from collections import defaultdict
spent = defaultdict(float)
start = time.process_time()
import briefer.api as api
import briefer.brief.assembly as assembly
import briefer.brief.entities as entities

def wrap(module, name, label):
    real = getattr(module, name, None)
    if real is None:
        return
    @functools.wraps(real)
    def timed(*args, **kwargs):
        t = time.process_time()
        try:
            return real(*args, **kwargs)
        finally:
            spent[label] += time.process_time() - t
    setattr(module, name, timed)

wrap(api, "read", "reading and splitting")
for name in ("load_gazetteer", "analyse", "analysis_pass", "find_entities", "find_stories",
             "discover", "assign", "duplicate_groups", "find_quotes", "_scores", "plan_brief"):
    wrap(assembly, name, name)
for name in ("_evidence", "_places", "_runs", "_classify"):
    wrap(entities, name, "  entities." + name)
wrap(entities, "load_names", "load_names")
import briefer.brief
import briefer.cli.brief
wrap(briefer.brief, "make_brief", "make_brief")
wrap(briefer.cli.brief, "emit", "rendering and writing")
from briefer.cli import main
spent["start-up imports"] = time.process_time() - start
sys.argv = ["briefer", "brief", *sys.argv[1:]]
with contextlib.redirect_stdout(io.StringIO()):
    try:
        main()
    except SystemExit:
        pass
spent["total"] = time.process_time() - start
if "make_brief" in spent:
    spent["choosing (make_brief less plan_brief, _scores)"] = (
        spent.pop("make_brief") - spent.pop("plan_brief", 0.0) - spent["_scores"])
for label, seconds in spent.items():
    print(f"{label}\t{seconds:.4f}", file=sys.stderr)
'''


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", help="the text to brief")
    parser.add_argument("--revs", default="", help="comma-separated git revisions "
                        "(default: the working tree)")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        trees: dict[str, Path] = {}
        for rev in filter(None, args.revs.split(",")):
            tree = Path(tmp) / rev.replace("/", "_")
            tree.mkdir()
            archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev],
                                     capture_output=True, check=True).stdout
            subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
            trees[rev] = tree
        if not trees:
            trees["working tree"] = ROOT
        text = str(Path(args.file).resolve())
        found: dict[str, dict[str, list[float]]] = {r: defaultdict(list) for r in trees}
        print(f"load average {os.getloadavg()[0]:.2f} at start", file=sys.stderr)
        for _ in range(max(1, args.rounds)):
            for rev, tree in trees.items():
                env = {**os.environ, "PYTHONPATH": str(tree), "PYTHONDONTWRITEBYTECODE": "1"}
                # cwd=tree: ``python -c`` puts the current folder first on sys.path, so run
                # from a checkout it would import that checkout's briefer for every revision.
                err = subprocess.run([sys.executable, "-c", CHILD, text, "-f", "json"],
                                     env=env, cwd=tree, capture_output=True, text=True).stderr
                for line in err.splitlines():
                    if "\t" in line:
                        label, seconds = line.split("\t")
                        found[rev][label].append(float(seconds))
        print(f"load average {os.getloadavg()[0]:.2f} at the end", file=sys.stderr)
    labels = list(dict.fromkeys(k for r in found.values() for k in r))
    print("| CPU s, min / median | " + " | ".join(trees) + " |")
    print("|---" * (len(trees) + 1) + "|")
    for label in labels:
        cells = [f"{min(v):.3f} / {statistics.median(v):.3f}" if (v := found[r][label])
                 else "-" for r in trees]
        print(f"| {label} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
