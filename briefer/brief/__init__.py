"""Briefs: a text (or several) turned into titled sections of cited sentences.

The public face of this package is a few functions and one error, which the CLI and the TUI
call; everything else is how a brief is made:

- :func:`make_brief` -- documents in, :class:`~briefer.brief.model.Brief` out
  (:mod:`briefer.brief.assembly`);
- :func:`load_template` and :func:`list_templates` -- TOML templates by name or path
  (:mod:`briefer.brief.template`);
- :class:`TemplateError` -- a missing or broken template, its message naming file and line;
- :func:`place_sentences` -- where every sentence would go, for checking a template;
- :func:`plan_brief` -- the part of a brief that no length, ranker, pin or drop changes,
  for a caller that re-briefs the same texts to keep and pass back.

Nothing here prints or imports a UI; rankers, sumy and nltk load only when a brief is made.
"""

from __future__ import annotations

from briefer.brief.assembly import BriefPlan, make_brief, place_sentences, plan_brief
from briefer.brief.model import Brief, BriefItem, Entity, Quote, Section, Story
from briefer.brief.template import (
    Template,
    TemplateError,
    TemplateInfo,
    list_templates,
    load_template,
)

__all__ = [
    "Brief",
    "BriefItem",
    "BriefPlan",
    "Entity",
    "Quote",
    "Section",
    "Story",
    "Template",
    "TemplateError",
    "TemplateInfo",
    "list_templates",
    "load_template",
    "make_brief",
    "place_sentences",
    "plan_brief",
]
