"""The splitter on Spanish, Portuguese, French, German and Italian, and language detection.

Two measurements, both printed as markdown tables (no assertions: a measurement):

1. **pySBD's cases** (``sbd_pysbd_multilingual.jsonl``, MIT): per language, the share of
   cases whose sentences briefer reproduces exactly (whitespace folded).  Cases whose
   expected split falls inside a quotation are left out and counted apart: pySBD splits
   inside quotations, which a brief must not do (a quote cut in two loses its speaker), so
   those cases ask for the opposite of what briefer is built to do.
2. **Universal Dependencies** (``sbd_ud_dev.jsonl``: Spanish GSD, Portuguese Bosque news;
   CC BY-SA, data only): sentence-boundary precision, recall and F1 per language, with every
   boundary inside a quotation left out on both sides (gold and predicted), and whether the
   language was detected right on each document.

Each text is split with the language detected from it (``briefer.language``), as
``briefer sentences`` does; ``--baseline`` also scores the English rules on the same texts, so
the gain is measured in the same run.

    python benchmarks/bench_segment_languages.py [DATA_DIR] [--baseline] [--misses N]
        [--english-against REV] [--languages-against REV]

``--english-against main`` checks that English is split exactly as at that revision, and
times both on the same 1 MB of CNN/DM in this process (best of 7, ratio printed);
``--languages-against main`` times 1 MB of Spanish, of Portuguese and of Portuguese with no
stop at all (where the headline cue looks around every capitalised starter) the same way.
``--halves`` prints the target's figure (quotes out, the data's join) on the DEV half of the
UD documents (the first byte of the SHA-1 of the id even), which the splitter's UD-drawn
rules were read from since issue 14's headline cue, and on the other, held-out half.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefer.language import detect_language  # noqa: E402
from briefer.segment import split_sentences  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data"
PYSBD_LANGUAGES = ("es", "de", "fr", "it")
# Which mark closes a quotation opened by each mark (English, Spanish/French/Italian
# guillemets, German „…“ and »…«).
_PAIRS = {"“": "”", "„": "“”", "«": "»", "»": "«", "‹": "›", "›": "‹"}


_STOP_BEFORE = re.compile(r"[.!?…][\"'”’»)\]“«]*\s*\Z")


def quote_depths(text: str) -> list[int]:
    """For each position, how many quotations are open there (curly, angle and straight).

    A quotation is the text between an opening mark and the mark that closes it; a mark
    never closed opens none.  A "»" or "›" opens a quotation (German »…«) only before a
    letter or digit, elsewhere it closes one; a closing mark with none of its kind open is
    ignored, and one that closes a quotation opened outside a still-open one closes that too
    (the inner mark was stray).  A straight '"' is read by its neighbours, as a writer sets
    it: after a space or an opening mark and before a word it opens (an earlier straight
    mark still open was stray), before a space or punctuation after a word it closes, and a
    mark with neither sign or both toggles.  Reading each mark by the one before it made one
    stray or unclosed quote turn the rest of a document inside out: GSD's documents are
    unrelated sentences, some cut from longer quotations, and 8 of its 43 ended inside a
    "quotation", leaving out 53 of its 384 boundaries, none inside a quotation that closes;
    and pySBD's German case 5 was left out for a boundary after its last quotation.
    """
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    straight = -1  # where the straight quotation open now opened
    for i, ch in enumerate(text):
        if ch == '"':
            before, after = text[i - 1:i] or " ", text[i + 1:i + 2] or " "
            opens = (before.isspace() or before in "([{“‘«—–-/") and (
                after.isalnum() or after in "¿¡'‘(«“")
            closes = not before.isspace() and (after.isspace() or after in ".,;:!?)]}»”’")
            if opens and not closes:
                straight = i
            elif closes and not opens:
                if straight >= 0:
                    spans.append((straight, i))
                straight = -1
            elif straight >= 0:
                spans.append((straight, i))
                straight = -1
            else:
                straight = i
            continue
        closes = [k for k, (mark, _) in enumerate(stack) if ch in _PAIRS[mark]]
        if closes:
            k = closes[-1]
            spans.append((stack[k][1], i))
            del stack[k:]
        elif ch in "»›" and not text[i + 1:i + 2].isalnum():
            continue
        elif ch in _PAIRS:
            stack.append((ch, i))
    change = [0] * (len(text) + 2)
    for a, b in spans:  # inside: after the opening mark, up to and including the closing one
        change[a + 1] += 1
        change[b + 1] -= 1
    depths, depth = [], 0
    for i in range(len(text) + 1):
        depth += change[i]
        depths.append(depth)
    return depths


def gold_boundaries(text: str, sentences: list[str]) -> list[int]:
    """Offsets in ``text`` where each expected sentence after the first starts."""
    out, pos = [], 0
    for k, sentence in enumerate(sentences):
        at = text.find(sentence[:20], pos)
        if at < 0:
            at = pos
        if k:
            out.append(at)
        pos = at + len(sentence)
    return out


def fold(s: str) -> str:
    return " ".join(s.split())


def score_pysbd(path: Path, english_rules: bool, misses: int) -> None:
    # passed, scored, left out (a split inside a quotation), left out (rewritten text)
    rows: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    shown: list[str] = []
    left_out: list[str] = []
    rewritten: list[str] = []
    for line in path.open(encoding="utf-8"):
        case = json.loads(line)
        if case["lang"] not in PYSBD_LANGUAGES:
            continue
        text, expected = case["text"], [fold(s) for s in case["sentences"]]
        depths = quote_depths(text)
        if any(depths[b] for b in gold_boundaries(text, case["sentences"])):
            rows[case["lang"]][2] += 1
            left_out.append(case["id"])
            continue
        if not all(s in fold(text) for s in expected):
            rows[case["lang"]][3] += 1
            rewritten.append(case["id"])
            continue
        code = "en" if english_rules else detect_language(text)
        got = [fold(text[a:b]) for a, b in split_sentences(text, language=code)]
        rows[case["lang"]][1] += 1
        if got == expected:
            rows[case["lang"]][0] += 1
        elif len(shown) < misses:
            shown.append(f"{case['id']}: expected {expected!r}\n    got {got!r}")
    label = "English rules" if english_rules else "detected language"
    print(f"\n### pySBD cases, {label}\n")
    print("| language | passed | scored | share | left out: split inside a quotation "
          "| left out: expects rewritten text |")
    print("|---|--:|--:|--:|--:|--:|")
    total = [0, 0, 0, 0]
    for lang in PYSBD_LANGUAGES:
        p, n, q, r = rows[lang]
        total = [a + b for a, b in zip(total, rows[lang], strict=True)]
        print(f"| {lang} | {p} | {n} | {p / max(n, 1):.1%} | {q} | {r} |")
    p, n, q, r = total
    print(f"| all | {p} | {n} | {p / max(n, 1):.1%} | {q} | {r} |")
    print(f"\nLeft out, split inside a quotation: {', '.join(left_out) or 'none'}")
    print(f"Left out, the expected sentences rewrite the text (pySBD's clean-up, which a "
          f"splitter\nreturning offsets cannot do): {', '.join(rewritten) or 'none'}")
    for s in shown:
        print("-", s)


def punctuated(text: str, boundary: int) -> bool:
    """Whether the text before ``boundary`` ends in a stop (with any closing marks)."""
    return _STOP_BEFORE.search(text, 0, boundary) is not None


def prf(tp: int, fp: int, fn: int) -> str:
    precision = tp / max(tp + fp, 1)
    recall = tp / max(tp + fn, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    return f"{tp + fn} | {precision:.3f} | {recall:.3f} | {f1:.3f}"


def load_revision(revision: str):
    """The splitter module (``briefer/segment.py``) as it was at a git revision."""
    import importlib.util
    import subprocess
    import tempfile

    source = subprocess.run(["git", "show", f"{revision}:briefer/segment.py"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(source)
    spec = importlib.util.spec_from_file_location(f"segment_{revision}", f.name)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def splitters(revisions: list[str]) -> dict[str, Callable[[str, str], list[int]]]:
    """Name -> function(text, language) -> sentence starts after the first, for the
    calibration table: briefer now, briefer at each revision (with the text's language when
    that revision takes one, else its English-only rules), and
    pySBD (Spanish rules; it has no Portuguese) when it is installed."""
    out: dict[str, Callable[[str, str], list[int]]] = {
        "briefer": lambda t, lang: [a for a, _ in split_sentences(t, language=lang)[1:]],
    }
    import inspect

    for rev in revisions:
        module = load_revision(rev)
        if "language" in inspect.signature(module.split_sentences).parameters:
            out[f"briefer at {rev}"] = (
                lambda t, lang, m=module: [a for a, _ in m.split_sentences(t, lang)[1:]])
        else:  # before languages: English rules only
            out[f"briefer at {rev}"] = (
                lambda t, lang, m=module: [a for a, _ in m.split_sentences(t)[1:]])
    try:
        import pysbd
    except ImportError:
        return out
    segmenter = pysbd.Segmenter(language="es", clean=False, char_span=True)
    out["pySBD (es rules)"] = lambda t, lang: [s.start for s in segmenter.segment(t)[1:]]
    return out


def headline_lines(sentences: list[str]) -> str:
    """The sentences joined as a newspaper's text lays them out: a sentence with no final
    stop (a headline, a section label) ends its line; the others are joined by a space."""
    out = []
    for k, sentence in enumerate(sentences):
        out.append(sentence)
        if k + 1 < len(sentences):
            out.append(" " if _STOP_END.search(sentence) else "\n")
    return "".join(out)


_STOP_END = re.compile(r"[.!?…][\"'”’»)\]“«]*\s*\Z")
_MARK_END = re.compile(r"[.!?…;:,–—-][\"'”’»)\]“«]*\s*\Z")


def own_lines(sentences: list[str]) -> str:
    """As :func:`headline_lines`, but a headline or label (a sentence with no final
    punctuation at all) also starts a line, as it does in print and on a page: it is never
    run on after the previous paragraph's last sentence."""
    out = []
    for k, sentence in enumerate(sentences):
        headline = not _MARK_END.search(sentence)
        if k and headline:
            out[-1] = "\n"
        out.append(sentence)
        if k + 1 < len(sentences):
            out.append(" " if _STOP_END.search(sentence) else "\n")
    return "".join(out)


# The definitions of boundary F1 the calibration table reports, as (name, join, rule):
# ``join`` rebuilds the text from the sentences (None: the data set's own one-space join);
# ``rule`` says which boundaries count: "quotes out" leaves boundaries inside quotations out
# on both sides (the target), "all" counts every boundary, "after a stop" only those
# after . ! ? or ….
DEFINITIONS: list[tuple[str, Callable[[list[str]], str] | None, str]] = [
    ("quotes out, data's join (target)", None, "quotes out"),
    ("all boundaries, data's join", None, "all"),
    ("quotes out, after a stop only", None, "after a stop"),
    ("quotes out, a line break after no stop", headline_lines, "quotes out"),
    ("quotes out, headlines on a line of their own", own_lines, "quotes out"),
]


def boundary_counts(doc: dict, split: Callable[[str, str], list[int]], language: str,
                    join: Callable[[list[str]], str] | None, rule: str
                    ) -> tuple[set[int], set[int], str]:
    """The gold and the predicted boundaries of one document under one definition."""
    text = doc["text"] if join is None else join(doc["sentences"])
    gold = set(gold_boundaries(text, doc["sentences"]))
    got = set(split(text, language))
    if rule != "all":
        depths = quote_depths(text)
        gold = {b for b in gold if not depths[b]}
        got = {b for b in got if not depths[b]}
    if rule == "after a stop":
        gold = {b for b in gold if punctuated(text, b)}
        got = {b for b in got if punctuated(text, b)}
    return gold, got, text


def f1(tp: int, fp: int, fn: int) -> float:
    precision = tp / max(tp + fp, 1)
    recall = tp / max(tp + fn, 1)
    return 2 * precision * recall / max(precision + recall, 1e-9)


def calibrate(path: Path, revisions: list[str]) -> None:
    """Boundary F1 of several splitters under several definitions, in one run, so a figure
    published elsewhere can be matched to the definition that gives it."""
    docs = [json.loads(line) for line in path.open(encoding="utf-8")]
    languages = sorted({d["lang"] for d in docs})
    print("\n### Universal Dependencies: boundary F1 by splitter and definition\n")
    header = " | ".join(f"{name}: {lang}" for name, _, _ in DEFINITIONS for lang in languages)
    print(f"| splitter | {header} |")
    print("|---|" + "--:|" * (len(DEFINITIONS) * len(languages)))
    for name, split in splitters(revisions).items():
        cells = []
        for _, join, rule in DEFINITIONS:
            for lang in languages:
                if name.startswith("pySBD") and lang != "es":
                    cells.append("—")
                    continue
                tp = fp = fn = 0
                for doc in docs:
                    if doc["lang"] != lang:
                        continue
                    gold, got, _ = boundary_counts(doc, split, lang, join, rule)
                    tp, fp, fn = tp + len(gold & got), fp + len(got - gold), fn + len(gold - got)
                cells.append(f"{f1(tp, fp, fn):.3f}")
        print(f"| {name} | {' | '.join(cells)} |")
    print("\nThe texts are unrelated Spanish sentences (GSD) and Portuguese news (Bosque), each "
          "document's\nsentences joined by one space.  \"A line break after no stop\" rebuilds "
          "the text with a line\nbreak after every sentence that has no final stop; \"headlines "
          "on a line of their own\" also\nbreaks the line before a sentence with no final "
          "punctuation at all, as a newspaper sets a\nheadline.  Both are built from the gold, "
          "so they show what the splitter does with that\nlayout, not a second data set.")


def miss_kind(text: str, boundary: int) -> str:
    """What stands before a boundary: a stop, ';', ':', a dash, or nothing (a headline)."""
    before = text[:boundary].rstrip()
    if punctuated(text, boundary):
        return "after a stop"
    if before.endswith(";"):
        return "after ';'"
    if before.endswith(":"):
        return "after ':'"
    if before.endswith(("--", "—", "–")):
        return "after a dash"
    return "no punctuation (headline, label)"


def score_ud(path: Path, english_rules: bool, misses: int) -> None:
    # per language: tp fp fn docs right, then tp fp fn at stops only
    counts: dict[str, list[int]] = defaultdict(lambda: [0] * 8)
    kinds: dict[tuple[str, str, str], int] = defaultdict(int)
    shown: list[str] = []
    for line in path.open(encoding="utf-8"):
        doc = json.loads(line)
        text, lang = doc["text"], doc["lang"]
        detected = detect_language(text)
        c = counts[lang]
        c[3] += 1
        c[4] += detected == lang
        depths = quote_depths(text)
        gold = {b for b in gold_boundaries(text, doc["sentences"]) if not depths[b]}
        code = "en" if english_rules else detected
        got = {a for a, _ in split_sentences(text, language=code)[1:] if not depths[a]}
        c[0] += len(gold & got)
        c[1] += len(got - gold)
        c[2] += len(gold - got)
        gold_p = {b for b in gold if punctuated(text, b)}
        got_p = {b for b in got if punctuated(text, b)}
        c[5] += len(gold_p & got_p)
        c[6] += len(got_p - gold_p)
        c[7] += len(gold_p - got_p)
        for b in sorted((got - gold) | (gold - got)):
            kind = "extra" if b in got else "missed"
            kinds[lang, kind, miss_kind(text, b)] += 1
            if len(shown) < misses:
                shown.append(f"{doc['id']} {kind}: …{text[max(0, b - 50):b]}|{text[b:b + 30]}…")
    label = "English rules" if english_rules else "detected language"
    print(f"\n### Universal Dependencies, {label} (boundaries inside quotations left out)\n")
    print("| language | documents | language right | boundaries | precision | recall | F1 "
          "| after a stop | precision | recall | F1 |")
    print("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
    for lang, (tp, fp, fn, docs, right, tp_p, fp_p, fn_p) in sorted(counts.items()):
        print(f"| {lang} | {docs} | {right}/{docs} | {prf(tp, fp, fn)} | "
              f"{prf(tp_p, fp_p, fn_p)} |")
    print("\nThe errors by what stands before the boundary:\n")
    print("| language | error | before the boundary | count |")
    print("|---|---|---|--:|")
    for (lang, kind, where), n in sorted(kinds.items()):
        print(f"| {lang} | {kind} | {where} | {n} |")
    print("\n\"After a stop\": only the boundaries that follow . ! ? or … (with closing marks);"
          " the others are a\nheadline or a ';' run into the next sentence by the data set's "
          "one-space join, which no\nsplitter of running text can see.")
    for s in shown:
        print("-", s)


def dev_half(doc_id: str) -> bool:
    """Whether a UD document is in the DEV half (the rules were read from it): the first
    byte of the SHA-1 of its id is even."""
    import hashlib

    return hashlib.sha1(doc_id.encode()).digest()[0] % 2 == 0


def halves(path: Path, revisions: list[str]) -> None:
    """Boundary F1 (quotes out, the data's one-space join) per half of the UD documents."""
    docs = [json.loads(line) for line in path.open(encoding="utf-8")]
    languages = sorted({d["lang"] for d in docs})
    print("\n### Universal Dependencies by half: quotes out, data's join (the target)\n")
    cells = [f"{half}: {lang}" for half in ("DEV", "held out") for lang in languages]
    print(f"| splitter | {' | '.join(cells)} |")
    print("|---|" + "--:|" * len(cells))
    for name, split in splitters(revisions).items():
        if name.startswith("pySBD"):
            continue
        row = []
        for dev in (True, False):
            for lang in languages:
                tp = fp = fn = 0
                for doc in docs:
                    if doc["lang"] != lang or dev_half(doc["id"]) != dev:
                        continue
                    gold, got, _ = boundary_counts(doc, split, lang, None, "quotes out")
                    tp, fp, fn = tp + len(gold & got), fp + len(got - gold), fn + len(gold - got)
                row.append(f"{f1(tp, fp, fn):.3f} ({fp} extra, {fn} missed)")
        print(f"| {name} | {' | '.join(row)} |")


def english_against(revision: str, data: Path) -> None:
    """English output and speed against the splitter at a git revision, in this process."""
    import time

    before = load_revision(revision)
    articles = (json.loads(line)["article"] for line in
                (data / "cnndm_test_399.jsonl").open(encoding="utf-8"))
    text = "\n\n".join(articles)[:1_000_000]
    same = before.split_sentences(text) == split_sentences(text)
    best = {"before": float("inf"), "now": float("inf")}
    for _ in range(7):
        for name, split in (("before", before.split_sentences), ("now", split_sentences)):
            t0 = time.perf_counter()
            split(text)
            best[name] = min(best[name], time.perf_counter() - t0)
    print(f"\n### English, 1 MB of CNN/DM against {revision}\n")
    print(f"same sentences: {same}; best of 7: {best['before']:.3f} s before, "
          f"{best['now']:.3f} s now, ratio now/before {best['now'] / best['before']:.3f}")


def languages_against(revision: str, data: Path) -> None:
    """Spanish and Portuguese speed against the splitter at a git revision, in this process:
    1 MB of UD's texts (repeated) in each language, and 1 MB of Portuguese with no stop at all
    (every capitalised starter a candidate for the headline cue), CPU time, best of 5."""
    import os
    import time

    before = load_revision(revision)
    texts: dict[str, list[str]] = defaultdict(list)
    for line in (data / "sbd_ud_dev.jsonl").open(encoding="utf-8"):
        doc = json.loads(line)
        texts[doc["lang"]].append(doc["text"])
    cases = {lang: (lang, (" ".join(t) * 40)[:1_000_000]) for lang, t in sorted(texts.items())}
    cases["pt, no stop"] = ("pt", ("Ministro anuncia vacina O ministro anuncia a vacina "
                                   * 20_000)[:1_000_000])
    print(f"\n### Other languages, 1 MB against {revision} (load {os.getloadavg()[0]:.2f})\n")
    print("| text | same sentences | before (s CPU) | now (s CPU) | now/before |")
    print("|---|---|--:|--:|--:|")
    for name, (lang, text) in cases.items():
        old = before.split_sentences(text, lang)
        same = old == split_sentences(text, language=lang)
        best = {"before": float("inf"), "now": float("inf")}
        for _ in range(5):
            for which, split in (("before", before.split_sentences),
                                 ("now", split_sentences)):
                t0 = time.process_time()
                split(text, lang)
                best[which] = min(best[which], time.process_time() - t0)
        print(f"| {name} | {same} | {best['before']:.3f} | {best['now']:.3f} | "
              f"{best['now'] / best['before']:.2f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--baseline", action="store_true",
                        help="also score the English rules on the same texts")
    parser.add_argument("--misses", type=int, default=0, help="show this many errors")
    parser.add_argument("--english-against", metavar="REV", default=None,
                        help="compare English output and speed with the splitter at REV")
    parser.add_argument("--languages-against", metavar="REV", default=None,
                        help="time Spanish and Portuguese (and stop-less Portuguese) against "
                             "the splitter at REV")
    parser.add_argument("--calibrate", metavar="REV", action="append", default=None,
                        help="print UD boundary F1 under each definition for briefer, pySBD "
                             "and the splitter at REV (repeatable)")
    parser.add_argument("--halves", action="store_true",
                        help="the target's F1 on the DEV and the held-out half of UD (with "
                             "the splitters of --calibrate)")
    args = parser.parse_args()
    if args.halves:
        halves(args.data / "sbd_ud_dev.jsonl", args.calibrate or [])
    if args.english_against:
        english_against(args.english_against, args.data)
    if args.languages_against:
        languages_against(args.languages_against, args.data)
    if args.calibrate is not None:
        calibrate(args.data / "sbd_ud_dev.jsonl", args.calibrate)
    for english in ([True, False] if args.baseline else [False]):
        score_pysbd(args.data / "sbd_pysbd_multilingual.jsonl", english, args.misses)
        score_ud(args.data / "sbd_ud_dev.jsonl", english, args.misses)


if __name__ == "__main__":
    main()
