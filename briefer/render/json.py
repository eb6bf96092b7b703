"""JSON output: the contract other tools and the tests rely on (see README, "JSON")."""

from __future__ import annotations

import json
import math
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


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


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
