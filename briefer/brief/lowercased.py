"""Quotes in lower-cased, tokenised text, where capitals and quotation marks cannot be read.

Some corpora store news lower-cased and PTB-tokenised, then partly put back together:
only a sentence's first letter is capitalised ("President barack obama joined u. S.
surgeon general ..."), and quotation marks come as the tokeniser's ```` `` ```` and ``''``
glued to their neighbours (``'`i think ...," the president told``, ``... the air's better.'
'``, ``"i shoot long guns ... handed, "bates said``).  The quote finder's usual evidence --
a capitalised name, a curly or paired straight mark -- is missing there, so this module
gives it a view of its own:

- :func:`is_lower_cased` tells such text by a property one can measure: of the words that
  do not open a sentence or a quotation, the share written with a capital.  Mixed-case news
  has 2-66 % (BBC dev: 1.9 % at its lowest of 1,925 articles, CNN/DM's mixed-case subsets
  2.9 % at least); the lower-cased CNN/DM subsets have 0-0.7 %.  The threshold, 1 %, sits in
  the gap.
- :func:`quote_spans` pairs the tokeniser's marks: ``'``` and ```` `` ```` open, ``"`` and
  ``' '`` after punctuation close, a lone backtick opens a single-quoted stretch that a
  ``'`` after a word closes; an opening mark while a quotation is open means its paragraph
  ended (paragraph breaks were lost), so the open one ends there.
- :class:`Names` recognises people without capitals: a given name (from the census list)
  followed by a word that is neither a stop word nor a cue ("ellen stofan"), "mr/ms/dr X",
  and a surname said alone after its full name ("stofan said" after "ellen stofan").  It
  is read only next to a speech verb, where a name is expected; a speaker it cannot
  recognise is left out rather than guessed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from briefer.brief.analysis import Token, View

#: A text is lower-cased when fewer than this share of its words that do not open a
#: sentence or quotation begin with a capital (see the module docstring for the figures).
LOWER_SHARE = 0.01
#: ... and it has at least this many such words (a short text says too little).
MIN_WORDS = 40
#: The property is read on a document's first characters, so a long text costs no more.
SAMPLE_CHARS = 20_000

#: Characters before a word that make it open a sentence, a quotation or a bracket.
_OPENERS = frozenset(".!?\"'`“‘(:[—–-")
#: The first letter of each word (a run of two letters or more, ``[^\W\d_]``): of every
#: word; of each word after an opener and any blank space; of the text's first word when
#: only blank space is before it.  (A word starts after a non-letter, so the three find the
#: same words; ``\s`` is the white space of ``str.isspace``.)
_FIRST_LETTERS = re.compile(r"([^\W\d_])[^\W\d_]+")
_OPENED_LETTERS = re.compile(
    "[" + "".join(re.escape(c) for c in sorted(_OPENERS)) + r"]\s*([^\W\d_])[^\W\d_]+")
_LEADING_LETTER = re.compile(r"\s*([^\W\d_])[^\W\d_]+")


def is_lower_cased(text: str) -> bool:
    """Whether ``text`` was stored lower-cased: almost no word inside a sentence has a
    capital (read on its first ``SAMPLE_CHARS``)."""
    # The words inside a sentence are all the words less those the text's start or an
    # opener comes before (the last character before them that is not blank space),
    # counted by searches and str.isupper mapped over their first letters, in C: not a
    # Python step a word and a walk back over the blank space before it (a folder of
    # 2,624 articles reads 900,000 words here).
    every = _FIRST_LETTERS.findall(text, 0, SAMPLE_CHARS)
    opened = _OPENED_LETTERS.findall(text, 0, SAMPLE_CHARS)
    leading = _LEADING_LETTER.match(text, 0, SAMPLE_CHARS)
    if leading:
        opened.append(leading.group(1))
    inside = len(every) - len(opened)
    capital = sum(map(str.isupper, every)) - sum(map(str.isupper, opened))
    return inside >= MIN_WORDS and capital < LOWER_SHARE * inside


#: The marks of tokenised text: the doubled opening ``'``` / ```` `` ````, a lone backtick,
#: straight double marks, ``' '`` (a closing ``''`` split in two), and single marks.
_MARK = re.compile(r"'`|``|`|\"|(?<=[.,!?;:]) ?' '|'")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """The quotations of one paragraph of tokenised text as ``(open_at, close_at)`` with
    ``text[open_at + 1:close_at - 1]`` the quoted words (the convention of the quote
    finder's other spans)."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    single = False  # the open quotation began with a lone backtick or a single mark

    def close(at: int) -> None:
        nonlocal open_at
        if open_at is not None and at - open_at > 2:
            spans.append((open_at, at))
        open_at = None

    for m in _MARK.finditer(text):
        mark, a, b = m.group(), m.start(), m.end()
        prev, after = text[a - 1:a], text[b:b + 1]
        j = a  # the last character before the mark and its spaces (no copy of the prefix)
        while j > 0 and text[j - 1].isspace():
            j -= 1
        said = text[j - 1] if j else ""
        if mark in {"'`", "``", "`"}:
            close(a)  # an opening mark ends an open quotation: its paragraph ended
            open_at, single = b - 1, mark == "`"
        elif mark == '"':
            if open_at is not None:
                close(a + 1)
            elif after.isalpha():
                open_at, single = a, False
        elif mark.strip() == "' '":
            close(a + len(mark) - len(mark.lstrip()) + 1)
        elif prev.isspace() and after.isspace():  # a mark tokenised apart: ' My sister ... , '
            if open_at is not None and said in set(".,!?"):
                close(a + 1)
            elif open_at is None and (not said or said in set(".!?:")) and \
                    text[b + 1:b + 2].isalpha():
                open_at, single = a, True
        else:  # a single mark: apostrophe, closing, or opening
            if prev.isalpha() and after.isalpha():
                continue  # an apostrophe inside a word: don't, obama's
            if open_at is not None and (prev in set(".,!?;") or (single and prev.isalpha())):
                close(a + 1)
            elif open_at is None and (not prev or prev in set(" \n\t(:")) and (
                    after.isalpha() or (prev == ":" and after == " ")):
                open_at, single = a, True
    if open_at is not None and len(text) - open_at > 2:  # the text was cut inside a quote
        spans.append((open_at, len(text) + 1))
    return spans


#: Titles before a surname that say it is a person's ("mr bucknell"); entities reads
#: lower-cased people with the same list.
HONORIFICS = frozenset("mr mrs ms miss dr sir lord lady dame".split())


@dataclass
class Names:
    """People a lower-cased document names, recognised without capitals (see the module
    docstring): their offsets, for pronouns, and full names by surname and by title."""

    mentions: list[tuple[int, str]] = field(default_factory=list)  # (start, name), in order
    full: dict[str, str] = field(default_factory=dict)  # folded surname -> full name
    #: Full names read only after a role ("president barack obama"): a pair of words there
    #: may be anything ("troops killed"), so they are used only for a surname said alone
    #: next to a speech verb ("obama said") and for the role itself.
    after_role: dict[str, str] = field(default_factory=dict)
    titled: dict[str, str] = field(default_factory=dict)  # role word -> its holder


def _nameable(t: Token, stop: frozenset[str], cues: frozenset[str]) -> bool:
    return t.text.isalpha() and len(t.fold) > 1 and t.fold not in stop and \
        t.fold not in cues and t.stem not in cues


def find_names(views: Sequence[View], given: frozenset[str], stop: frozenset[str],
               cues: frozenset[str], roles: frozenset[str],
               heads: frozenset[str] = frozenset()) -> Names:
    """The people of one document's ``views``: given name + surname, honorific + surname,
    and a surname said again alone.  ``heads``: words that end the name of a body or a
    place and are no surname ("county", "police"): after a given name that is also a
    city's ("dallas county jail", "the dallas police department") they make no person."""
    names = Names()
    either = cues | roles  # (once: a union of two sets is a new set)
    for view in views:
        toks = view.tokens
        for i, t in enumerate(toks):
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            # A surname may be a role word ("abby bishop"); after a title it may not.
            # (the gap is cut only after a given name or an honorific)
            if nxt is not None and (t.fold in given or t.fold in HONORIFICS) and \
                    not view.gap(t, nxt).strip() and (
                    (t.fold in given and _nameable(t, stop, either)
                     and _nameable(nxt, stop, cues) and nxt.fold not in heads)
                    or (t.fold in HONORIFICS and _nameable(nxt, stop, either))):
                name = f"{t.text[:1].upper()}{t.fold[1:]} {nxt.fold.capitalize()}"
                if t.fold in HONORIFICS and nxt.fold in names.full:
                    name = names.full[nxt.fold]
                names.full.setdefault(nxt.fold, name)
                names.mentions.append((t.start, names.full[nxt.fold]))
                if i and toks[i - 1].fold in roles and not view.gap(toks[i - 1], t).strip():
                    names.titled[toks[i - 1].fold] = names.full[nxt.fold]
            elif t.fold in names.full and not (i and toks[i - 1].fold in given):
                names.mentions.append((t.start, names.full[t.fold]))
            if t.fold in roles and i + 2 < len(toks) and all(
                    _nameable(u, stop, either) and not view.gap(v, u).strip()
                    for v, u in zip(toks[i:i + 2], toks[i + 1:i + 3], strict=True)):
                pair = f"{toks[i + 1].fold.capitalize()} {toks[i + 2].fold.capitalize()}"
                pair = names.full.get(toks[i + 2].fold, pair)
                names.after_role.setdefault(toks[i + 2].fold, pair)
                names.titled.setdefault(t.fold, pair)
    # A given name is often a word too ("a long list", "royal artefact"): a pair counts as a
    # person for pronouns only when its surname is said again, or it follows a title.
    said = Counter(t.fold for view in views for t in view.tokens)
    names.mentions = [(at, name) for at, name in names.mentions
                      if said[name.rsplit(" ", 1)[-1].casefold()] >= 2
                      or name.split(" ", 1)[0].casefold() in HONORIFICS]
    return names


def person(words: Sequence[Token], names: Names, given: frozenset[str],
           stop: frozenset[str], cues: frozenset[str], roles: frozenset[str]) -> str | None:
    """The person ``words`` (the words next to a speech verb, nearest last) name, or None:
    "alan stern" (a given name first), "stofan" (said in full before), "mr bucknell", or a
    role the text gave a holder ("the president" after "president barack obama")."""
    if words and words[-1].fold in names.full:  # "bishop said" after "abby bishop"
        return names.full[words[-1].fold]
    run: list[Token] = []
    for t in reversed(words):
        if not _nameable(t, stop, cues | roles) and t.fold not in HONORIFICS:
            break
        run.insert(0, t)
        if len(run) == 3:
            break
    if not run:  # "the president": its holder, when the text named one after the title
        if len(words) >= 2 and words[-2].fold in {"the", "a", "an"}:
            return names.titled.get(words[-1].fold)
        return None
    if run[-1].fold in names.full:
        return names.full[run[-1].fold]
    if len(run) == 1 and run[0].fold in names.after_role:
        return names.after_role[run[0].fold]
    if len(run) >= 2 and (run[-2].fold in given or run[-2].fold in HONORIFICS):
        return f"{run[-2].fold.capitalize()} {run[-1].fold.capitalize()}"
    return None
