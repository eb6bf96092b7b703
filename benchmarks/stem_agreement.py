"""How often do briefer's stems (PyStemmer) and sumy's (NLTK's Snowball) differ?

Every distinct word (:func:`briefer.tokens.words`, lower-cased) of the articles of a JSON-lines
file is stemmed by both; the script prints how many word types there are, how many stem
differently, and which.  No assertions.

    python benchmarks/stem_agreement.py ../shared/data/cnndm_test_399.jsonl
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from briefer import stemming, tokens

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "cnndm_test_399.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DATA)
    parser.add_argument("--language", default="english")
    args = parser.parse_args()
    vocabulary: set[str] = set()
    with args.data.open(encoding="utf-8") as lines:
        for line in lines:
            vocabulary.update(w.lower() for w in tokens.words(json.loads(line)["article"]))
    ours, nltk = stemming.stemmer(args.language), tokens.make_stemmer(args.language)
    differ = [(w, nltk(w), ours(w)) for w in sorted(vocabulary) if nltk(w) != ours(w)]
    print(f"{len(vocabulary):,} word types, {len(differ)} stem differently "
          f"({len(differ) / max(1, len(vocabulary)):.2%})\n")
    print("| word | NLTK | PyStemmer |\n|---|---|---|")
    for word, a, b in differ:
        print(f"| {word} | {a} | {b} |")


if __name__ == "__main__":
    main()
