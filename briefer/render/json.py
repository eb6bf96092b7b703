"""JSON output: the contract other tools and the tests rely on (see README, "JSON")."""

from __future__ import annotations

import json
import math
import re
from typing import TYPE_CHECKING, Any

from briefer.document import Document, Sentence, Summary

if TYPE_CHECKING:
    from briefer.brief.model import Brief, BriefItem, Quote


def sentence_dict(s: Sentence, score: float | None = None, source: str | None = None
                  ) -> dict[str, Any]:
    """One sentence object: ``index``, ``text``, ``start``, ``end`` (+ ``score``, ``source``)."""
    out: dict[str, Any] = {"index": s.index, "text": s.text, "start": s.start, "end": s.end}
    if score is not None:
        out["score"] = score if math.isfinite(score) else None
    if source is not None:
        out["source"] = source
    return out


META_KEYS = ("author", "date", "site")


def meta_dict(doc: Document) -> dict[str, Any]:
    """What the source says about itself: ``author``, ``date``, ``site`` (null when unknown)."""
    return {key: getattr(doc, key) for key in META_KEYS}


def sentences_dict(doc: Document) -> dict[str, Any]:
    return {
        "source": doc.source,
        "title": doc.title,
        "language": doc.language,
        **meta_dict(doc),
        "sentences": [sentence_dict(s) for s in doc.sentences],
    }


def summary_dict(summary: Summary) -> dict[str, Any]:
    doc = summary.document
    return {
        "source": doc.source,
        "title": doc.title,
        "language": doc.language,
        **meta_dict(doc),
        "algorithm": summary.algorithm,
        "sentences": [sentence_dict(doc.sentences[i], summary.scores[i])
                      for i in summary.chosen],
    }


# What JSON may carry raw but a terminal (or a JavaScript parser, for U+2028/9) would act on
# when the JSON is printed: C1 controls, bidirectional marks and controls, line and paragraph
# separators, tag characters, and lone surrogates.  json.dumps already escapes C0 controls.
_UNPRINTABLE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
                          "\U000e0000-\U000e007f\ud800-\udfff]")


def _escape_unprintable(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def _finite(data: Any) -> Any:
    """``data`` with NaN and the infinities as strings, which strict JSON can carry."""
    if isinstance(data, float) and not math.isfinite(data):
        return str(data)
    if isinstance(data, dict):
        return {k: _finite(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [_finite(v) for v in data]
    return data


def dumps(data: Any, indent: int | None = 2) -> str:
    """Strict JSON (no bare NaN or Infinity: those become strings) that is safe to print.

    Non-ASCII text stays readable; only the characters a terminal could act on are written
    as ``\\u`` escapes, which every JSON parser reads back as the same string.
    """
    try:
        out = json.dumps(data, ensure_ascii=False, indent=indent, allow_nan=False)
    except ValueError:
        out = json.dumps(_finite(data), ensure_ascii=False, indent=indent, allow_nan=False)
    return _UNPRINTABLE.sub(_escape_unprintable, out) + "\n"


def render_summary(summary: Summary) -> str:
    return dumps(summary_dict(summary))


def render_sentences(doc: Document) -> str:
    return dumps(sentences_dict(doc))


def brief_dict(brief: Brief) -> dict[str, Any]:
    """A brief as the JSON contract: title, template, sections of sentence objects, and the
    rest the brief holds (bottom line, quotes, entities, sources, counts).

    Sentence objects are those of ``summarize`` (``index``, ``text``, ``start``, ``end``,
    ``score``) plus ``source`` when the brief has several documents, and ``also`` listing
    where a merged near-duplicate was also said.  ``stories`` lists the stories of a brief
    of several (title, document sources; empty otherwise) and each section's ``story`` is
    its position there (``null`` without stories).
    """
    several = len(brief.documents) > 1

    def source(doc: int) -> str | None:
        return brief.documents[doc].source if several else None

    def item_dict(item: BriefItem) -> dict[str, Any]:
        out = sentence_dict(item.sentence, item.score, source(item.doc))
        if item.also:
            out["also"] = [
                {k: v for k, v in sentence_dict(brief.documents[d].sentences[p],
                                                source=source(d)).items() if k != "text"}
                for d, p in item.also
            ]
        return out

    return {
        "title": brief.title,
        "standfirst": brief.standfirst,
        "template": brief.template,
        "algorithm": brief.algorithm,
        "language": brief.language,
        "sources": [{"source": d.source, "title": d.title, "language": d.language,
                     **meta_dict(d),
                     "sentences": len(d.sentences)} for d in brief.documents],
        "bottom_line": item_dict(brief.bottom_line) if brief.bottom_line else None,
        "stories": [{"title": story.title,
                     "documents": [brief.documents[d].source for d in story.documents]}
                    for story in brief.stories],
        "sections": [{"title": s.title, "story": s.story,
                      "sentences": [item_dict(i) for i in s.items]}
                     for s in brief.sections],
        "quotes": [_quote_dict(q, source(q.doc)) for q in brief.quotes],
        "entities": [{"name": e.name, "kind": e.kind, "count": e.count}
                     for e in brief.entities],
        "sentences_in": brief.sentences_in,
        "sentences_shown": brief.sentences_shown,  # section items and the bottom line
    }


def _quote_dict(quote: Quote, source: str | None) -> dict[str, Any]:
    out: dict[str, Any] = {"text": quote.text, "speaker": quote.speaker,
                           "index": quote.sentence.index, "start": quote.start,
                           "end": quote.end}
    if source is not None:
        out["source"] = source
    return out


def render_brief(brief: Brief) -> str:
    return dumps(brief_dict(brief))
