"""JSON output: the contract other tools and the tests rely on (see README, "JSON")."""

from __future__ import annotations

import json
import math
from typing import Any

from briefer.document import Document, Sentence, Summary


def sentence_dict(s: Sentence, score: float | None = None, source: str | None = None
                  ) -> dict[str, Any]:
    """One sentence object: ``index``, ``text``, ``start``, ``end`` (+ ``score``, ``source``)."""
    out: dict[str, Any] = {"index": s.index, "text": s.text, "start": s.start, "end": s.end}
    if score is not None:
        out["score"] = score if math.isfinite(score) else None
    if source is not None:
        out["source"] = source
    return out


def sentences_dict(doc: Document) -> dict[str, Any]:
    return {
        "source": doc.source,
        "title": doc.title,
        "sentences": [sentence_dict(s) for s in doc.sentences],
    }


def summary_dict(summary: Summary) -> dict[str, Any]:
    doc = summary.document
    return {
        "source": doc.source,
        "title": doc.title,
        "algorithm": summary.algorithm,
        "sentences": [sentence_dict(doc.sentences[i], summary.scores[i])
                      for i in summary.chosen],
    }


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_summary(summary: Summary) -> str:
    return dumps(summary_dict(summary))


def render_sentences(doc: Document) -> str:
    return dumps(sentences_dict(doc))
