"""Key quotes: what people said in their own words, with who said it when the text tells.

A quotation is text between “curly” or "straight" double quotes (or, in a paragraph without
them, British 'single' ones), found over a whole
paragraph so one that runs across sentences ("“No, I don’t rule out that. I don’t rule out
anything.”") stays whole.  Not every quoted stretch is a key quote: names ("“Cartel de los
Soles”") and scare quotes ("“proud”") are not.  A quote is kept when it is a *complete*
utterance (it opens with a capital or ends a sentence) of three words or more, or a fragment
of six or more whose speaker is known.

The speaker is found with the attribution patterns news writing uses (as in the rule-based
attribution of Pareti et al. 2013, "Automatically detecting and attributing indirect
quotations", simplified to direct quotes):

- after the quote: ``“…,” Trump said`` / ``“…,” said the minister`` / ``“…,” he said``;
- before it: ``Trump said, “…”``, ``Trump was unequivocal: “…”``,
  ``the president replied, “…”``, ``added that Maduro “…”`` (the speaker is the subject of
  the speech verb, not the nearest name).

Lower-cased, tokenised text (some corpora store news so) has its own view of quotation
marks and names, in :mod:`briefer.brief.lowercased`.

The subject is the nearest person named before the verb (outside other quotations), a
pronoun resolved to the last person named before it, or a role ("the president", "Venezuela’s
defense minister"), resolved to the person the text gave that title when there is one.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import accumulate

from briefer.brief import lowercased
from briefer.brief.analysis import Token, View, fold
from briefer.brief.entities import Cast, Mention
from briefer.brief.gazetteer import load_cues, load_names
from briefer.brief.model import Quote
from briefer.document import Document
from briefer.tokens import COUNT_WORD_RE as _WORD

MAX_QUOTES = 4
MIN_COMPLETE_WORDS = 3
MIN_FRAGMENT_WORDS = 6
MAX_WORDS = 60  # longer than a paragraph of speech: a quotation mark was missed
CARRY_CHARS = 120  # narration a quote may follow its speaker's previous quote across

#: Double quotation marks of the six languages: “English”, "straight", «Spanish, Portuguese,
#: French, Italian», „German“ (or „Polish”).
_DOUBLE = re.compile(r"“[^“”]+”|\"[^\"]+\"|«[^«»]+»|„[^„“”]+[“”]")
#: Dialogue in Spanish, Portuguese and Italian news: a line opens with a dash and the speech
#: verb comes after a second one ("—No vamos a ceder —dijo el ministro—."); the match runs
#: from the first dash to the second, which stand for the quotation marks.
_DIALOGUE = re.compile(r"(?:^|(?<=\n))[ \t]*—(?=\S)[^—\n]+?\s—(?=[^\W\d_A-ZÀ-Þ])")
#: British style: 'It was natural,' he said.  An apostrophe inside a word (I'd, Trump’s)
#: cannot open or close one: the opening mark follows a space or colon and precedes a capital,
#: the closing one follows punctuation.  The mark comes first in the pattern and what precedes
#: it is looked behind from after it (the same matches as a look-behind before the mark), so
#: the regex engine skips to the marks instead of trying the look-behind at every character:
#: a paragraph is searched 6 times faster.
_SINGLE = re.compile(r"[‘'](?:(?<=^[‘'])|(?<=[\s(\[:—–][‘']))(?=[A-Z])"
                     r"(?:(?!\s[‘'])[^‘])+?[.,!?…][’'](?=[\s)\]—–]|$)")
#: Where :data:`_SINGLE` can match: a mark before a capital, each mark searched for apart.
#: A literal is what the regex engine skips to quickly; a class of two marks it tests at
#: every character (a megabyte: 0.3 ms against 5 ms), and most paragraphs have none.
_SINGLE_OPENINGS = (re.compile(r"'(?=[A-Z])"), re.compile(r"‘(?=[A-Z])"))
#: What each quotation :data:`_DOUBLE` finds opens with: a paragraph with none has none.
_DOUBLE_MARKS = "“\"«„"

#: Speech verbs (as stems) and role words come from ``briefer/data/cues_<lang>.toml``.
_CUES = load_cues()
SPEECH_STEMS = _CUES.speech_stems
ROLE_WORDS = _CUES.role_words

_DETERMINERS = frozenset("the a an".split())


@dataclass(frozen=True, slots=True)
class _Lexicon:
    """The words attribution reads, for the languages of the texts at hand: English's cues,
    plus each other language's speech verbs as folded word forms (Snowball stems do not unify
    "dijo" and "dice"), role words, determiners and subject pronouns from its data file."""

    speech_stems: frozenset[str]
    speech_forms: frozenset[str] = frozenset()
    role_words: frozenset[str] = ROLE_WORDS
    determiners: frozenset[str] = _DETERMINERS
    pronouns: frozenset[str] = frozenset({"he", "she"})

    def speech(self, token: Token) -> bool:
        return token.stem in self.speech_stems or token.fold in self.speech_forms


ENGLISH = _Lexicon(SPEECH_STEMS)


@lru_cache(maxsize=8)
def _lexicon(languages: frozenset[str]) -> _Lexicon:
    """English's lexicon, widened by the data of every other language in ``languages``."""
    from briefer.language import language_data

    others = [language_data(code) for code in sorted(languages - {"en"})]
    if not others:
        return ENGLISH
    return _Lexicon(
        speech_stems=SPEECH_STEMS,
        speech_forms=frozenset(fold(w) for d in others for w in d.speech_verbs),
        role_words=ROLE_WORDS | {fold(w) for d in others for w in d.roles},
        determiners=_DETERMINERS | {fold(w) for d in others for w in d.determiners},
        pronouns=frozenset({"he", "she"}) | {fold(w) for d in others for w in d.pronouns},
    )
#: Who can say something: a person, or a body ("the IPCC said", "Reuters reported").
SPEAKER_KINDS = frozenset({"person", "organisation"})


@dataclass(frozen=True, slots=True)
class _Lower:
    """What attribution reads in a lower-cased document (:mod:`briefer.brief.lowercased`):
    the people it names without capitals, and the word lists that recognise them."""

    names: lowercased.Names
    given: frozenset[str]
    stop: frozenset[str]
    roles: frozenset[str]

    def person(self, words: Sequence[Token]) -> str | None:
        return lowercased.person(words, self.names, self.given, self.stop, SPEECH_STEMS,
                                 self.roles)


def _lower(views: Sequence[View], lex: _Lexicon) -> _Lower:
    from briefer.tokens import stop_words

    given, stop = load_names().given, stop_words()
    names = lowercased.find_names(views, given, stop, SPEECH_STEMS, lex.role_words)
    return _Lower(names, given, stop, lex.role_words)


@dataclass(frozen=True, slots=True)
class _Found:
    quote: Quote
    complete: bool
    words: int


def find_quotes(docs: Sequence[Document], views: Sequence[View], cast: Cast,
                limit: int = MAX_QUOTES) -> tuple[Quote, ...]:
    """The key quotes of ``docs``, best first by (has a speaker, complete), then shown in
    source order; a quote said in two documents is kept once."""
    found: list[_Found] = []
    from briefer.language import rules_language

    lex = _lexicon(frozenset(rules_language(d.language) for d in docs))
    # The tokenised copies are English with ASCII marks: a text with typographic quotes, or
    # in another language, that merely names no one (a Portuguese essay) keeps its view.
    lowered = [i for i, d in enumerate(docs) if rules_language(d.language) == "en"
               and not any(c in d.text for c in "“”«»„") and lowercased.is_lower_cased(d.text)]
    by_doc: dict[int, list[View]] = {i: [] for i in lowered}
    for v in views:  # one pass, not one per lower-cased document of a folder
        if v.doc in by_doc:
            by_doc[v.doc].append(v)
    lower = {i: _lower(by_doc[i], lex) for i in lowered}
    for n, view in enumerate(views):
        if n and views[n - 1].doc == view.doc and \
                views[n - 1].sentence.paragraph == view.sentence.paragraph:
            continue
        end = n
        while end + 1 < len(views) and views[end + 1].doc == view.doc and \
                views[end + 1].sentence.paragraph == view.sentence.paragraph:
            end += 1
        found += _paragraph_quotes(docs[view.doc], views, n, end, cast, lex,
                                   lower.get(view.doc))
    found = _carry_speakers(found, views, cast, lex)
    seen: set[str] = set()
    kept: list[_Found] = []
    for f in found:
        key = " ".join(_WORD.findall(fold(f.quote.text)))
        if key in seen:
            continue
        seen.add(key)
        if (f.complete and f.words >= MIN_COMPLETE_WORDS) or (
                f.words >= MIN_FRAGMENT_WORDS and f.quote.speaker):
            kept.append(f)
    order = sorted(range(len(kept)), key=lambda i: (kept[i].quote.speaker is None,
                                                    not kept[i].complete, i))
    chosen = sorted(order[:limit])
    return tuple(kept[i].quote for i in chosen)


def _carry_speakers(found: list[_Found], views: Sequence[View], cast: Cast,
                    lex: _Lexicon = ENGLISH) -> list[_Found]:
    """A quote with no attribution of its own that follows another speaker's quote closely
    ("'What a wonderful tour,' the president told her. 'I still have all the albums.'") goes
    on in that speaker's words, as news writing does; not when anyone else is named between
    the two, nor across more than ``CARRY_CHARS`` of narration."""
    out: list[_Found] = []
    at = {(v.doc, v.sentence.start): n for n, v in enumerate(views)} if found else {}
    for f in found:
        prev = out[-1].quote if out else None
        q = f.quote
        if q.speaker is None:
            reporter = _reported_just_before(views, at.get((q.doc, q.sentence.start)), q,
                                             cast, lex)
            if reporter is not None:
                f = _Found(replace(q, speaker=reporter), f.complete, f.words)
                q = f.quote
        if q.speaker is None and prev is not None and prev.speaker and prev.doc == q.doc \
                and 0 <= q.start - prev.end <= CARRY_CHARS and not any(
                    m.kind in SPEAKER_KINDS and m.name != prev.speaker
                    and not _hearer(views[m.view], m)
                    and not _employer(views[m.view], m, prev)
                    for m in _between(cast.by_doc.get(q.doc, ()), prev.end, q.start)):
            f = _Found(replace(q, speaker=prev.speaker), f.complete, f.words)
        out.append(f)
    return out


def _reported_just_before(views: Sequence[View], n: int | None, q: Quote, cast: Cast,
                          lex: _Lexicon = ENGLISH) -> str | None:
    """"Unison's Dave Prentis criticised the plans. "If you want world class services …"":
    a quotation that is a sentence of its own goes on in the words of the person the
    sentence just before reports (its subject, named before its verb of saying or judging),
    when that sentence, in the same paragraph, names no one else.

    A reporting clause that ends in a colon introduces what follows in every language of
    the six ("El ministro Carlos Pérez dijo:", "X a déclaré :", "X sagte:"), and news sets
    the quotation on the next line or in the next paragraph: then the paragraph may differ,
    the verb is the language's (``lex``), and the clause's subject speaks (a role or a
    pronoun resolved as before a quote in the same sentence); with no verb of saying, the
    one person the clause names ("É o caso da arquitecta Rosa Maria Moreira:")."""
    if n is None or n == 0:
        return None
    view, before = views[n], views[n - 1]
    if before.doc != view.doc or \
            view.raw[:q.start - view.sentence.start].strip() not in _OPENING_MARKS:
        return None
    colon = before.raw.rstrip().endswith(":")
    if before.sentence.paragraph != view.sentence.paragraph and not colon:
        return None
    if any(c in before.raw for c in _QUOTE_MARKS):
        return None
    if colon:
        verb = next((t for t in reversed(before.tokens) if lex.speech(t)), None)
        if verb is not None:
            speaker = _subject_before(views, n - 1, verb.start, cast, (), lex=lex)
            if speaker is not None:
                return speaker
    people = {m.name for m in cast.by_view[n - 1] if m.kind == "person"}
    if len(people) != 1:
        return None
    first = next(m for m in cast.by_view[n - 1] if m.kind == "person")
    if colon:
        return first.name
    verb = next((t for t in before.tokens if t.start > first.end and (
        lex.speech(t) or t.fold in _STANCE)), None)
    if verb is None:
        return None
    return first.name


#: What may stand before a quotation that opens its sentence.
_OPENING_MARKS = frozenset({"", '"', "“", "«", "‘", "„", "»", "‹", "›"})
#: A sentence holding one of these quotes someone itself: the next quotation is not its
#: subject's by default.
_QUOTE_MARKS = '"“«„»'


#: Verbs of judging that report what someone said ("X criticised the plans").
_STANCE = frozenset("criticised criticized criticises criticizes defended defends dismissed "
                    "dismisses welcomed welcomes condemned condemns attacked attacks praised "
                    "praises".split())


def _employer(view: View, m: Mention, prev: Quote) -> bool:
    """"“…,” said Dirk Hoogstra, History's executive vice president. “…”": a body named in
    the sentence that attributes the previous quotation is where its speaker works, not a
    new speaker, so the next quotation still goes on in the speaker's words."""
    return m.kind == "organisation" and view.sentence.start <= prev.end <= view.sentence.end


def _hearer(view: View, m: Mention) -> bool:
    """"… the president told museum guide Natasha Clark": the one told is not a speaker."""
    before = [t for t in view.tokens if t.end <= m.start][-3:]
    return any(t.fold in {"told", "tells", "tell", "asked", "asks"} for t in before)


def _paragraph_quotes(doc: Document, views: Sequence[View], first: int, last: int, cast: Cast,
                      lex: _Lexicon = ENGLISH, lower: _Lower | None = None) -> list[_Found]:
    start, end = views[first].sentence.start, views[last].sentence.end
    text = doc.text[start:end]
    if lower is not None:
        return _lower_quotes(doc, views, first, last, cast, lex, lower)
    spans = [(start + m.start(), start + m.end()) for m in _DOUBLE.finditer(text)] \
        if any(mark in text for mark in _DOUBLE_MARKS) else []
    if text.count('"') % 2:
        spans = sorted([sp for sp in spans if doc.text[sp[0]] != '"'] +
                       [(start + a, start + b) for a, b in _straight_spans(text)])
    if not spans:
        spans = [(start + a, start + b) for a, b in _single_spans(text)]
    if lex is not ENGLISH and text.lstrip().startswith("—"):
        # Dialogue: the opening dash to the dash before the speech verb, so the verb
        # follows the quote as in “…,” said X.
        spans += [(start + m.start(), start + m.end()) for m in _DIALOGUE.finditer(text)]
        spans.sort()
    spans = _Spans(spans)
    starts = [views[n].sentence.start for n in range(first, last + 1)]
    out: list[_Found] = []
    for open_at, close_at in spans:
        inner = " ".join(doc.text[open_at + 1:close_at - 1].split())
        inner = inner.rstrip(",;: ")
        words = _WORD.findall(inner)
        if not words or len(words) > MAX_WORDS or _is_name(words, inner):
            continue
        home = _home(views, first, starts, open_at)
        closing = _closing(views, first, starts, close_at, home)
        speaker = _speaker_after(views, closing, close_at, cast, spans, lex) or \
            _speaker_before(views, home, open_at, cast, spans, lex)
        complete = inner[:1].isupper() or inner.endswith((".", "!", "?"))
        quote = Quote(inner, speaker, views[home].doc, views[home].sentence, open_at + 1,
                      close_at - 1)
        out.append(_Found(quote, complete, len(words)))
    return out


def _lower_quotes(doc: Document, views: Sequence[View], first: int, last: int, cast: Cast,
                  lex: _Lexicon, lower: _Lower) -> list[_Found]:
    """The quotes of one paragraph of lower-cased, tokenised text: spans paired from the
    tokeniser's marks, the speaker from the speech-verb patterns with names recognised
    without capitals.  A capital says nothing there, so a quote is complete when it ends a
    sentence or its clause before the attribution ("...," he said), or opens a sentence."""
    start, end = views[first].sentence.start, views[last].sentence.end
    spans = _Spans((start + a, start + b)
                   for a, b in lowercased.quote_spans(doc.text[start:end]))
    starts = [views[n].sentence.start for n in range(first, last + 1)]
    out: list[_Found] = []
    for open_at, close_at in spans:
        raw = " ".join(doc.text[open_at + 1:close_at - 1].split())
        inner = raw.rstrip(",;: '\"")
        words = _WORD.findall(inner)
        if not words or len(words) > MAX_WORDS:
            continue
        home = _home(views, first, starts, open_at)
        closing = _closing(views, first, starts, close_at, home)
        # '..." ends a sentence: what follows is the next one, not an attribution.
        after = None if raw.rstrip(" '\"").endswith(".") else \
            _lower_after(views, closing, close_at, spans, lex, lower)
        speaker = after or \
            _lower_before(views, home, open_at, spans, lex, lower)
        opens = _last_before(doc.text, open_at, " '`\"") in {"", ".", "!", "?", ":"}
        complete = opens or raw.rstrip(" '\"").endswith((".", "!", "?", ","))
        quote = Quote(inner, speaker, views[home].doc, views[home].sentence, open_at + 1,
                      close_at - 1)
        out.append(_Found(quote, complete, len(words)))
    return out


def _lower_after(views: Sequence[View], n: int, close_at: int,
                 spans: Sequence[tuple[int, int]], lex: _Lexicon, lower: _Lower) -> str | None:
    """``'...," said alan stern,`` / ``'...," stofan said`` / ``'...," she said``, with the
    verb up to six words on (a subject in lower case can't be told from its title: "nasa
    chief scientist ellen stofan said")."""
    view = views[n]
    tokens = [t for t in view.tokens if t.start >= close_at][:10]
    if not tokens or not re.fullmatch(
            r"[\s,]*", view.raw[close_at - view.sentence.start:
                                tokens[0].start - view.sentence.start]):
        return None
    if lex.speech(tokens[0]):
        run = []
        for t in tokens[1:5]:
            if re.search(r"[,.;:]", view.gap(run[-1] if run else tokens[0], t)):
                break
            run.append(t)
        run = [t for t in run if t.fold not in lex.determiners]
        return lower.person(run) if run else None
    for k in range(1, min(7, len(tokens))):
        if lex.speech(tokens[k]):
            subject = tokens[:k]
            if subject[-1].fold in lex.pronouns:
                return _lower_antecedent(views, n, subject[-1].start, spans, lex, lower) \
                    if k == 1 else None
            return lower.person(subject)
    return None


def _lower_before(views: Sequence[View], n: int, open_at: int,
                  spans: Sequence[tuple[int, int]], lex: _Lexicon, lower: _Lower
                  ) -> str | None:
    """``smith said: '...`` / ``she told the paper: '...``: the words just before the
    speech verb, within its clause, name the speaker."""
    view = views[n]
    before = [t for t in view.tokens if t.end <= open_at and not _inside(t.start, spans)]
    verb = next((k for k in range(len(before) - 1, max(-1, len(before) - 7), -1)
                 if lex.speech(before[k])), None)
    if verb is None or verb == 0:
        return None
    subject = before[:verb]
    if not subject:
        return None
    clause = len(subject) - 1  # the clause the verb's subject is in: back to a stop or comma
    while clause > 0 and not re.search(r"[,;:.]", view.gap(subject[clause - 1],
                                                          subject[clause])):
        clause -= 1
    closing = view.gap(subject[-1], before[verb])
    if re.search(r"[;:.]", closing):
        return None
    if "," in closing:
        # "mr rickard, a retired engineer, said:": the apposition describes the person
        # named just before its comma.
        if 0 < clause and subject[clause].fold in lex.determiners:
            return lower.person(subject[:clause])
        return None
    subject = subject[clause:]
    if not subject:
        return None
    if len(subject) == 1 and subject[0].fold in lex.pronouns:
        return _lower_antecedent(views, n, subject[0].start, spans, lex, lower)
    return lower.person(subject)


def _lower_antecedent(views: Sequence[View], n: int, offset: int,
                      spans: Sequence[tuple[int, int]], lex: _Lexicon, lower: _Lower
                      ) -> str | None:
    """Who "he" or "she" is in lower-cased text: as :func:`_antecedent`, the first person
    recognised in the nearest sentence before that names one outside quotation marks,
    going back past a sentence whose subject is itself a pronoun, three sentences at most,
    and only when that person is the sentence's subject; else no one (the last name in the
    text may be anyone's: "king henry vii")."""
    mentions = lower.names.mentions
    for back in range(n, max(-1, n - 4), -1):
        view = views[back]
        if view.doc != views[n].doc:
            break
        lo, hi = view.sentence.start, offset if back == n else view.sentence.end
        people = [(at, name) for at, name in mentions[bisect_left(mentions, lo, key=lambda m: m[0]):
                                                  bisect_left(mentions, hi, key=lambda m: m[0])]
                  if not _inside(at, spans)]
        pronoun = next((t for t in view.tokens if lo <= t.start < hi and
                        t.fold in lex.pronouns and not _inside(t.start, spans)), None)
        if people and (pronoun is None or people[0][0] < pronoun.start):
            # Only a subject: a name within the sentence's first three words ("since then,
            # mr foyle has ..."), not one further on ("the grandmother told a friend about
            # chan").
            first = [t.start for t in view.tokens[:3]]
            return people[0][1] if people[0][0] in first else None
    return None


#: A straight mark after a sentence's end and before a capital: it opens a quotation.  (The
#: mark first, what precedes it looked behind from after it, as in :data:`_SINGLE`.)
_REOPENS = re.compile(r'"(?<=[.!?] ")(?=[A-Z])')


def _straight_spans(text: str) -> list[tuple[int, int]]:
    """Straight-quote spans of a paragraph whose marks do not pair: a quotation that runs
    over paragraphs is not closed where each paragraph ends, only reopened ("…against
    suspects. "Unless there is…" once the paragraphs are joined).  The first mark that
    pairing would read as closing but that reopens after a full stop is read as both the end
    of one quotation and the start of the next, which pairs the rest."""
    marks = [i for i, c in enumerate(text) if c == '"']
    opening = {m.start() for m in _REOPENS.finditer(text)}
    # The first mark that pairing in turn would read as a closing one, but that is written
    # as an opening one.
    reopen = next((k for k in range(1, len(marks), 2) if marks[k] in opening), None)
    if reopen is not None:
        marks.insert(reopen, marks[reopen])
    return [(a, b + 1) for a, b in zip(marks[::2], marks[1::2], strict=False) if a != b]


def _single_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``_SINGLE.finditer(text)``: from each place it can match
    (:data:`_SINGLE_OPENINGS`) that the last match does not cover, a match there.  Matched
    at that place, the pattern reads the same text, the look-behinds included, as when
    searched for from the start."""
    out: list[tuple[int, int]] = []
    end = 0
    for at in sorted(m.start() for opening in _SINGLE_OPENINGS
                     for m in opening.finditer(text)):
        if at >= end and (found := _SINGLE.match(text, at)) is not None:
            out.append(found.span())
            end = found.end()
    return out


def _is_name(words: list[str], inner: str) -> bool:
    """A quoted name or title ("Cartel de los Soles"), not something said."""
    if re.search(r"[.!?,;:]", inner):
        return False
    # Every word capitalised but a name's particles ("Cartel de los Soles"); "For her to go
    # to Mexico" is speech.
    content = [w for w in words if w.casefold() not in _CUES.connectors]
    return bool(content) and all(w[:1].isupper() for w in content)


def _inside(offset: int, spans: Sequence[tuple[int, int]]) -> bool:
    if isinstance(spans, _Spans) and spans.sorted:
        return spans.covers(offset)
    return any(a <= offset < b for a, b in spans)


class _Spans(tuple[tuple[int, int], ...]):
    """A paragraph's quotation spans, in their order, with what :func:`_inside` needs to
    bisect them: a long paragraph has thousands, and every token before a speech verb is
    tested against them, which scanning them all made quadratic."""

    def __new__(cls, spans: Iterable[tuple[int, int]]) -> _Spans:
        self = super().__new__(cls, spans)
        self.starts = [a for a, _ in self]
        self.sorted = self.starts == sorted(self.starts)
        self.reach = list(accumulate((b for _, b in self), max))  # furthest end so far
        return self

    def covers(self, offset: int) -> bool:
        """``any(a <= offset < b for a, b in self)``: of the spans opening at or before
        ``offset``, the furthest end passes it."""
        i = bisect_right(self.starts, offset)
        return i > 0 and self.reach[i - 1] > offset


def _home(views: Sequence[View], first: int, starts: Sequence[int], offset: int) -> int:
    """The sentence of the paragraph ``views[first:]`` (``starts`` their starts) that holds
    ``offset``, else ``first``; bisected, as sentences do not overlap."""
    k = first + bisect_right(starts, offset) - 1
    return k if k >= first and offset < views[k].sentence.end else first


def _closing(views: Sequence[View], first: int, starts: Sequence[int], offset: int,
             home: int) -> int:
    """The sentence of the paragraph whose text ends at or after ``offset`` and starts before
    it (where a quotation closing there ends), else ``home``."""
    k = first + bisect_left(starts, offset) - 1
    return k if k >= first and offset <= views[k].sentence.end else home


def _last_before(text: str, at: int, skip: str) -> str:
    """``text[:at].rstrip(skip)[-1:]`` without copying the text before ``at``."""
    while at > 0 and text[at - 1] in skip:
        at -= 1
    return text[at - 1] if at else ""


def _speaker_after(views: Sequence[View], n: int, close_at: int, cast: Cast,
                   spans: Sequence[tuple[int, int]], lex: _Lexicon = ENGLISH) -> str | None:
    """``“…,” Trump said`` / ``“…,” said Trump`` / ``“…,” he said``."""
    view = views[n]
    gap_end = close_at
    tokens = [t for t in view.tokens if t.start >= close_at][:10]
    if not tokens:
        return None
    between = view.raw[gap_end - view.sentence.start:tokens[0].start - view.sentence.start]
    if not re.fullmatch(r"[\s,]*", between):
        return None
    if lex.speech(tokens[0]):  # “…,” said Trump / said the minister
        return _subject_after(view, n, tokens[1:], cast, lex)
    # “…,” Trump said / he said / the minister said: the verb within the next four words.
    for k in range(1, min(5, len(tokens))):
        if lex.speech(tokens[k]):
            return _subject_before(views, n, tokens[k].start, cast, spans,
                                   lower_bound=close_at, lex=lex)
    return None


def _subject_after(view: View, n: int, tokens: list[Token], cast: Cast,
                   lex: _Lexicon = ENGLISH) -> str | None:
    """The subject after an inverted verb: ``said Trump``, ``said Defence Minister Jane
    Roe``, ``said executive producer Amanda Ross``, ``said the minister``: the last person
    named before the phrase ends at a comma or full stop."""
    if not tokens:
        return None
    base = view.sentence.start
    reach = tokens[min(len(tokens), 8) - 1].end
    person = body = None
    for m in cast.by_view[n]:
        if m.kind in SPEAKER_KINDS and tokens[0].start <= m.start < reach and \
                not re.search(r"[,.;:]", view.raw[tokens[0].start - base:m.start - base]):
            if m.kind == "person":
                person = m.name
            elif body is None:
                body = m.name
    if person is not None:
        return person
    words = []
    for t in tokens[:4]:
        if t.fold in lex.determiners and not words:
            continue
        words.append(t)
        if t.fold in lex.role_words:  # "said an IAAF spokesman": the spokesman, not the IAAF
            return _role(view, words, cast, n)
    return body


def _speaker_before(views: Sequence[View], n: int, open_at: int, cast: Cast,
                    spans: Sequence[tuple[int, int]], lex: _Lexicon = ENGLISH) -> str | None:
    """``Trump said, “…”`` / ``X was unequivocal: “…”`` / ``added that Maduro “…”``."""
    view = views[n]
    before = [t for t in view.tokens if t.end <= open_at and not _inside(t.start, spans)]
    if not before:
        return None
    gap = view.raw[before[-1].end - view.sentence.start:open_at - view.sentence.start]
    if ":" in gap:  # "Moore told the Times: …" is Moore's, not the Times'
        verb = next((t for t in reversed(before[-6:]) if lex.speech(t)), None)
        return _subject_before(views, n, verb.start if verb else open_at, cast, spans, lex=lex)
    for t in reversed(before[-6:]):
        if lex.speech(t):
            return _subject_before(views, n, t.start, cast, spans, lex=lex)
    return None


def _subject_before(views: Sequence[View], n: int, offset: int, cast: Cast,
                    spans: Sequence[tuple[int, int]], lower_bound: int = -1,
                    lex: _Lexicon = ENGLISH) -> str | None:
    """The subject of a verb at ``offset``: the nearest person, organisation, pronoun or
    role before it ("Paul Regan, chairman of Citizens UK, said" is Paul Regan's)."""
    view = views[n]
    mentions = [m for m in cast.by_view[n] if m.kind in SPEAKER_KINDS]
    tokens = [t for t in view.tokens if lower_bound <= t.start and t.end <= offset
              and not _inside(t.start, spans)]
    held = _before_apposition(view, mentions, tokens, offset)
    if held is not None:
        return held
    for k in range(len(tokens) - 1, -1, -1):
        t = tokens[k]
        named = next((m for m in mentions if m.start <= t.start < m.end), None)
        if named is not None:
            return named.name
        if t.fold in lex.pronouns:
            return _antecedent(views, n, t.start, cast, spans, lex)
        if t.fold in lex.role_words:
            start = k
            while start > 0 and k - start < 3 and tokens[start - 1].fold not in lex.determiners \
                    and not view.gap(tokens[start - 1], tokens[start]).strip() \
                    and not lex.speech(tokens[start - 1]):
                start -= 1
            if start > 0 and view.gap(tokens[start - 1], tokens[start]).strip() == ",":
                holder = next((m for m in mentions if m.kind == "person"
                               and m.start <= tokens[start - 1].start < m.end), None)
                if holder is not None:  # "Paul Regan, chairman of …, said"
                    return holder.name
            return _role(view, tokens[start:k + 1], cast, n)
    return None


def _before_apposition(view: View, mentions: Sequence[Mention], tokens: Sequence[Token],
                       offset: int) -> str | None:
    """"Mark Wolper, son of the original's producer David L. Wolper, added": when a comma
    ends the stretch before the verb, the stretch is an apposition, and the subject is the
    person it describes -- named just before its first comma, the apposition opening with a
    lower-case word -- not the last name inside it."""
    if not tokens or not view.raw[tokens[-1].end - view.sentence.start:
                                  offset - view.sentence.start].strip() == ",":
        return None
    base = view.sentence.start
    for m in mentions:
        if m.kind != "person" or not tokens[0].start <= m.start < tokens[-1].start:
            continue
        after = next((t for t in tokens if t.start >= m.end), None)
        if after is not None and view.raw[m.end - base:after.start - base].strip() in {
                ",", "'s,", "’s,"} and after.text[:1].islower():
            return m.name
        return None  # the first person named is not followed by an apposition
    return None


def _role(view: View, words: Sequence[Token], cast: Cast, n: int) -> str:
    """A role as written ("Venezuela’s defense minister"), or the person who holds it."""
    named = _in_apposition(view, words[-1], cast, n)
    if named is not None:
        return named
    role = words[-1].fold
    titled = cast.titled.get(role, ())
    at = bisect_left(titled, n + 1, key=lambda m: m.view)  # holders named up to sentence n
    holder = next((titled[i] for i in range(at - 1, -1, -1)
                   if titled[i].start < words[-1].start), None)
    if holder is not None and not any(w.possessive for w in words):
        return holder.name
    base = view.sentence.start
    return " ".join(view.raw[words[0].start - base:words[-1].end - base].split())


#: Between a role and the name in apposition to it: the role's complement ("de Economía",
#: "of Defence"), then the comma.
_APPOSITION_GAP = re.compile(r"(?:\s+[^\W\d_][\w’'-]*){0,4}\s*,\s*")


def _in_apposition(view: View, role: Token, cast: Cast, n: int) -> str | None:
    """"dijo el ministro de Economía, Carlos Pérez", "said the defence minister, Jane Roe":
    the person named just after the role and a comma holds it, and is the speaker."""
    base = view.sentence.start
    for m in cast.by_view[n]:
        if m.kind == "person" and m.start > role.end:
            gap = view.raw[role.end - base:m.start - base]
            return m.name if _APPOSITION_GAP.fullmatch(gap) else None
    return None


def _antecedent(views: Sequence[View], n: int, offset: int, cast: Cast,
                spans: Sequence[tuple[int, int]], lex: _Lexicon = ENGLISH) -> str | None:
    """Who "he" or "she" at ``offset`` is: the subject of the nearest sentence before it
    that names a person outside quotation marks (the first person it names, as a sentence's
    subject comes first: "Judd Trump beat Stuart Carrington. '…,' he said" is Trump), going
    further back past a sentence whose subject is itself a pronoun; else the last person
    named before it.  A centering-style preference for subjects (Grosz, Joshi & Weinstein
    1995), kept to three sentences."""
    doc = views[n].doc
    before = [m for m in cast.by_view[n] if m.kind == "person" and m.start < offset
              and not _inside(m.start, spans)]
    if before:
        return before[0].name
    for back in range(n - 1, max(-1, n - 4), -1):
        view = views[back]
        if view.doc != doc:
            break
        quoted = [(m.start(), m.end()) for m in _DOUBLE.finditer(view.raw)]
        base = view.sentence.start
        people = [m for m in cast.by_view[back] if m.kind == "person"
                  and not _inside(m.start - base, quoted)]
        pronoun = next((t for t in view.tokens if t.fold in lex.pronouns
                        and not _inside(t.start - base, quoted)), None)
        if people and (pronoun is None or people[0].start < pronoun.start):
            return people[0].name
        if pronoun is None and people == []:
            continue
    return _last_person(views, n, offset, cast, spans)


def _last_person(views: Sequence[View], n: int, offset: int, cast: Cast,
                 spans: Sequence[tuple[int, int]] = ()) -> str | None:
    """The last person named before ``offset`` in the same document, outside the quotes of
    sentence ``n`` (a name inside a quote is not who is speaking)."""
    named = cast.by_doc.get(views[n].doc, ())
    # Mentions of one document are in text order, so look back from ``offset``.
    for i in range(bisect_left(named, offset, key=lambda m: m.start) - 1, -1, -1):
        m = named[i]
        if m.kind == "person" and (m.view < n or not _inside(m.start, spans)):
            return m.name
    return None


def _between(named: Sequence[Mention], start: int, end: int) -> Sequence[Mention]:
    """The mentions of one document (in text order) that begin after ``start`` and before
    ``end``, found by bisection, so a long text is not scanned once per quotation."""
    lo = bisect_right(named, start, key=lambda m: m.start)
    hi = bisect_left(named, end, key=lambda m: m.start)
    return named[lo:hi]
