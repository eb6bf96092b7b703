"""Rule-based sentence boundaries with character offsets, for English, Spanish, Portuguese,
French, German and Italian.

Approach
--------
A hand-written rule set in the spirit of the Pragmatic Segmenter (Kevin Dias, Ruby,
github.com/diasks2/pragmatic_segmenter) and its Python port pySBD (Nipun Sadvilkar,
github.com/nipunsadvilkar/pySBD), checked against their 48 English "Golden Rules".  No code
was copied from either; the rules are re-derived and implemented as a single left-to-right
pass over *candidate* boundaries instead of their chain of text substitutions.

1. Blank lines (two or more line breaks with only blanks between) always end a sentence, so
   each paragraph ("block") is handled on its own and nothing can run across one.
2. In a block, a compiled regex finds every candidate: a run of ``. ! ? …`` (or a spaced
   ellipsis ``. . .``) with any closing quotes/brackets, followed by white space.  Each one is
   decided by looking only at the token before it and the token after it:
   - a lower-case next word, a comma or more punctuation never starts a sentence;
   - titles (Mr., Dr., Gen., Sen. ...) never end one;
   - other abbreviations (Inc., Co., Jan., No., e.g., U.S., initials such as "E.") end one
     only before a common sentence starter ("He", "The", "But" ...), never before a number;
   - a.m./p.m. end one before a capitalised word unless that would leave a fragment;
   - list markers ("1.", "a.", "1.)") at the start of an item are not ends;
   - ellipses follow the Golden Rules (spaced three-dot ellipses continue, four dots end);
   - a stop inside a quotation that is still open does not end the sentence; the quotation
     is closed by its quote mark, and only looked for within ``_QUOTE_MAX`` characters of the
     same paragraph so an unpaired quote cannot swallow a document.
3. List items start a sentence even without punctuation: bullets, list markers at the start
   of a line, and consecutively numbered inline items ("1) ... 2) ...") in a block that
   starts with a marker.
4. A single line break is white space (hard-wrapped text joins), except before list items
   and after a line the writer ended: a headline or label without final punctuation, or a
   line ending in ";" or ":", whose next word would still have fitted on it, or which is
   longer than any wrapper makes (``_unwrapped_lines``; greedy wrapping only breaks a line
   when the next word does not fit).  A quotation on the line after a colon is a sentence
   of its own ("X dijo:\n«…»"); quotes keep the speaker named before the colon.
4b. A sentence with no stop before it at all: a capitalised article between two lower-case
   words ("... at the palace The incident took place", ``_run_on_starts``); outside English
   and German, a capitalised sentence starter before a lower-case word after ";", after a
   headline whose lede restates it ("Ministro da Saúde anuncia vacina O ministro da Saúde
   ..."), or at the start of a line after a line of its own with no final punctuation, in
   a paragraph that is not hard-wrapped (``_headline_starts``, ``_hard_wrapped``).  "\r\n"
   ends a line as "\n" does.
5. A "sentence" longer than ``_MAX_CHARS`` (text without punctuation, tables, run-ons) is cut
   at its line breaks if it has any, else at the last ``;``, ``:``, ``,`` or space before the
   bound, so downstream code never sees a thousand-word sentence.

Other languages
---------------
The rules are the same for every language; what changes is the word lists they consult
(:class:`_Rules`, built from ``briefer/data/languages/XX.toml`` on first use): titles and
abbreviations ("Lic.", "Gral.", "EE. UU.", "Dr. med.", "l'Avv."), written in either case, and
the language's own sentence starters.  Language-neutral additions: ``¿`` and ``¡`` open a
sentence even after an abbreviation; « », „ “ and » « quotations are kept whole as English
ones are (the mark that opens an English quotation closes a German one); a dialogue dash
before a lower-case speech verb continues the sentence ("—¿Vienes? —preguntó"); two stops
after an abbreviation end the sentence ("EE. UU.. El"); German ordinals before a month or
"Jahrhundert" ("am 12. Juni") are not ends; a line that is only a rule ("_____") is a block
of its own; the ideographic and fullwidth stops (。．！？, halfwidth ｡) need no space
after them, the fullwidth period only before neither a digit nor a lower-case letter.
English news is split as by the English-only rules (``benchmarks/bench_segment_languages.py
--english-against REV`` checks output and speed on 1 MB of CNN/DM).

Why not a library
-----------------
The tool is offline and must not fetch models (NLTK's Punkt needs downloaded data), callers
need character offsets into the original text (for traceable summaries), and pySBD is about
a hundred times slower than this module on news text.  Pure Python plus ``re``; no mutable
module state, so it is safe to call from threads.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import chain

from briefer.spans import strip_span

__all__ = ["split_sentences"]

# A sentence with no accepted boundary is cut once it is longer than this (see step 5).
_MAX_CHARS = 500
# An inline list item ("1) ... 2) ...") is looked for only this far after the previous one.
_ITEM_MAX = 400
# An open quotation suppresses boundaries only if it closes within this many characters.
_QUOTE_MAX = 400
# How far back from a stop the token before it is looked for.  The longest abbreviations and
# initialisms a stop can follow ("Lt.-Col.", "U.S.S.R.", "approx.") are a dozen characters;
# a "token" still unbroken after 40 is a URL, a number or data, and is never an abbreviation.
_TOKEN_LOOKBACK = 40
# A line break is the writer's, not the wrapper's, when the line and the next word fill at
# most this share of the block's width (see ``_unwrapped_lines``).
_HAND_BREAK_SHARE = 0.75
# No wrapper makes lines this long (mail and terminals wrap at 72-80 columns, PDF text at
# about 60-120): a line longer than this was ended by its writer, as a paragraph is.
_WRAP_MAX = 200
# A stop glued between two words ("(£45).The price") is a lost paragraph break only inside a
# token of prose length; past 60 characters either side the token is code, a URL or data.
_GLUED_TOKEN_MAX = 60
# A headline run into its lede (``_headline_starts``) is looked for this far back, its
# restating clause this far ahead: a headline or a lede's first clause is rarely longer.
_HEADLINE_MAX = 200
_LEDE_MAX = 120
# A name that shows a starter is a surname ("Mauro Durante, ...") is looked for this far back:
# about a news story's length, where its people are named in full and then by surname.
_NAME_LOOKBACK = 3000

# Two or more line breaks with only blanks between, or a Unicode paragraph separator.
# A line that is only a rule ("______", "-----", "* * *") is a block of its own too.
_PARAGRAPH = re.compile(r"\n[^\S\n]*\n|\r[^\S\r\n]*\r|\u2029"
                        r"|\n(?P<rule>[^\S\n]*(?:[_=*~#–—-][^\S\n]?){3,}[^\S\n]*)(?=\n|\Z)")

_CLOSERS = "\"'”’»)]}›"
_OPENERS = "\"'“‘«([{‹„¿¡"
_BULLETS = "•●▪◦‣⁃"
_TERMINALS = ".!?…‽"

# A candidate boundary ("t"): terminal punctuation, optional closing quotes and brackets
# ("c"), then white space or the end of the block; the spaced ellipsis is tried first so
# ". . . ." is one token.  "g": a period glued to a capitalised word ("(£45).The price").
# "cjk": the ideographic full stop and the fullwidth and halfwidth forms of . ! ? (CJK text,
# and Latin letters typed in fullwidth), which need no space after them.  The leading
# lookahead lets the engine skip to the next punctuation mark fast; the look-behind and
# possessive quantifiers keep a long run of dots linear instead of quadratic.
_CANDIDATE = re.compile(
    r"(?=[.!?…‽。｡．！？])(?:(?<![.!?…‽])(?P<t>\.(?: \.){2,}+|[.!?…‽]++)(?P<c>[\"'”’»)\]}›“«‹]*+)"
    r"(?=\s|\Z)"
    r"|(?P<g>(?:(?<=[a-zß-ÿ][a-zß-ÿ])|(?<=[)\]”\"’]))\.)(?=[A-ZÀ-Þ][a-zß-ÿ]+\b)"
    r"|(?P<cjk>[。｡．！？]+)(?P<cc>[\"'”’»)\]}›」』]*))"
)
# What follows a candidate: optional dashes ("voila! -- you"), then the next token.
_ORDINAL_RANGE = re.compile(r"\s*[-–]\s*\d{1,2}\.\s")
_NEXT = re.compile(r"\s*(?:[-–—]+\s*)?(\S+)")
_LINE_BREAK = re.compile(r"[\n\r\u2028\x0b\x0c\x85\x1c\x1d\x1e]")
_LETTERS = re.compile(r"[^\W\d_]+")
_LONG_WORD = re.compile(r"[^\W\d_]{4,}")
# A capitalised word (Latin-1 capitals: every supported language's starters) after a word,
# a closing mark or a ";", before another word or a quotation (``_headline_starts``).  The
# space comes first so the engine skips to it fast, and the trailing one is looked ahead for,
# so "Creci O" yields both words.
_CAPITALISED = re.compile(
    r" (?<=[^\W_] |[;»”)\"] )(?P<w>[A-ZÀ-ÖØ-Þ][^\W\d_]*)(?= (?:[^\W\d_]|[«“\"]))")
# The same after a line break: a line with no final punctuation, then a capitalised word
# (``_line_ended``).  A pattern of its own, so each keeps its fast literal first character.
# What ends the line before it is read by the caller: any blanks ("\r", " ", "\t") may
# stand between its last word and the break.
_LINE_CAPITALISED = re.compile(r"\n(?P<w>[A-ZÀ-ÖØ-Þ][^\W\d_]*)(?= (?:[^\W\d_]|[«“\"]))")
_LINE_BLANKS = "\r \t"
# One word of a name and the space after it: a capitalised word, or a lower-case one before a
# capitalised word (a particle if it is a function word: "Banco do Brasil").
_NAME_WORD = re.compile(r"(?:[A-ZÀ-ÖØ-Þ][^\s,;:.!?]*|([^\W\d_]+)(?= [A-ZÀ-ÖØ-Þ])) ")
# A lower-case function word and a capitalised word: particles within a name ("De la Rúa").
_NAME_PARTICLE = re.compile(r"([^\W\d_]+) (?=[A-ZÀ-ÖØ-Þ])")
# A clause's first two words ("La serie"), for ``_lede_restates``.
_WORD_PAIR = re.compile(r"([^\W\d_]+) ([^\W\d_]+)")
# The end of a clause: a comma, a semicolon, a colon or a stop before a space ("3,72%" and
# "117.203" go on).
_CLAUSE_END = re.compile(r"[,;:.!?](?=\s)")
# A number and a space just before a one-letter unit ("10.30 h.", "14 h.", "5 m."): searched
# in the text before the unit's letter, so it must end there.
_UNIT_AFTER = re.compile(r"(?<![^\s(])\d[\d.,:]*\s\Z")
# U.S, e.g, a.m, Ph.D, U.S.A: short letter groups joined by periods.
_INITIALISM = re.compile(r"(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}")
# A stop within a line, and the token before it (``_line_ended``).
_INNER_STOP = re.compile(r"(\S*?)[.!?…]+[\"'”’»)\]]*\s")
_LIST_LABEL = re.compile(r"\d{1,2}|[A-Za-z]|[ivxIVX]{2,4}")

# Quote marks, classified by the regex where the context is unambiguous: an opening single
# quote follows a space or bracket and precedes a letter; a closing one follows a non-space
# and is not followed by a letter or digit (so the apostrophe in "don't" matches neither).
_QUOTE = re.compile(
    r"(?=[\"“”„«»'‘’])(?:(?P<d>[\"“”„«»])"
    r"|(?P<so>(?:^|(?<=[\s(\[{—–]))['‘](?=[^\W\d_]))"
    r"|(?P<sc>(?<=\S)['’](?![^\W_])))"
)
# The marks that close a quotation each opening mark began.
_CLOSES = {"“": "”", "„": "“”", "«": "»", "»": "«"}
_ELISIONS = frozenset(("n", "em", "til", "cause", "tis", "twas", "bout", "round", "cuz"))
_DOMAINS = frozenset(("com", "org", "net", "edu", "gov", "int", "mil", "io", "co", "uk", "us",
                      "de", "fr", "au", "ca", "info", "biz", "ly", "tv", "me"))

# List items: a bullet anywhere after white space, or a marker at the start of a line.
_BULLET = re.compile(r"[•●▪◦‣⁃]")
# What may stand before a list label at a sentence's start ("• 1. The first item").  Matched
# from the sentence's start, it stops at the first other character: a copy of the sentence so
# far would be quadratic in a paragraph of ordinals or initials that never ends one.
_LABEL_LEAD = re.compile(r"[•●▪◦‣⁃*\-+( \t\r\n]*")
_LINE_ITEM = re.compile(
    r"\n[^\S\n]*(?=(?:[-*+•●▪◦‣⁃]|\(?(?:\d{1,2}|[a-z]|[ivx]{2,4})(?:\.\)|[.)])|[A-Z]\))\s)"
)
_MARKER = re.compile(
    r"[•●▪◦‣⁃*+-]?[^\S\n]*\(?(?P<label>\d{1,2}|[a-z])(?P<style>\.\)|\.|\))(?=\s)"
)

# Titles written before a name: never the end of a sentence.
_TITLES = frozenset(
    """Mr Mrs Ms Mx Dr Drs Prof Profs Messrs Mmes Mme Mlle Gen Gens Sen Sens Rep Reps Gov Govs
    Lt Col Capt Cpt Sgt Cpl Pvt Adm Maj Brig Cmdr Cdr Rev Hon Pres Supt Insp Det Fr Rt Atty
    Amb Sra Srta""".split()
)
# Abbreviations that may end a sentence; listed in the case they are written in so that
# words and acronyms ("no", "SEC", "EST") do not match.
_ABBREVIATIONS = frozenset(
    """Inc inc Corp corp Co co Ltd ltd Bros etc Etc vs Vs al ca cf viz approx Approx
    Dept dept Univ Assn Assoc Ave ave Blvd Rd St st Mt mt Ft ft Hwy Jr Sr Esq No Nos Nº N° n°
    Vol vol Vols vols pp Fig Figs fig figs Ch ch Chap Sec Secs Op op cit ibid Ibid Est est
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Tue Tues Thu Thur Thurs Fri
    Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo
    Mont Neb Nev Okla Ore Pa Penn Tenn Tex Va Vt Wash Wis Wyo
    Rs rs Govt govt Gov't Mfg mfg Intl intl Natl natl Pt pt Sq sq Yr yr Yrs yrs Mos
    Hr hrs Min min Tel tel Ext ext Ref ref Misc misc Dist dist Div div Bldg Apt apt""".split()
)
# Words that abbreviate before a number in any case ("flight no. 123", "art. 5", "Para. 2").
_BEFORE_NUMBERS = frozenset("no nos nr vol vols art arts para sec secs ch chap fig figs p pp "
                            "op ref tel ext".split())
_TIMES = frozenset(("a.m", "p.m", "A.M", "P.M"))
# Capitalised words after "p.m." that continue the sentence (days, zones, months).
_TIME_FOLLOWERS = frozenset(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday ET EST EDT CT CST CDT MT MST
    MDT PT PST PDT GMT BST UTC CET CEST AEST AEDT IST JST Eastern Central Mountain Pacific
    Local Jan Feb Mar Apr May Jun Jul Aug Sep Sept Oct Nov Dec January February March April
    June July August September October November December""".split()
)
# Brand names spelled with "!" ("Yahoo! Research").
_EXCLAMATION_WORDS = frozenset(("Yahoo", "Jeopardy", "Yum", "Joomla"))
# Words that typically open an English sentence; after an ambiguous abbreviation they are
# taken as evidence of a boundary ("...in the U.S. He said" vs "the U.S. Government").
_STARTERS = frozenset(
    """A An The This That These Those There Here It Its He She We They You I
    His Her Hers Our Their Your My Me Us Them Him One Some Many Most Much More Few All Both
    Each Every Either Neither No None Nor Not Nothing Nobody Such Other Another Any
    But And Or So Yet Still Also Then Now Thus Hence Therefore However Meanwhile Moreover
    Furthermore Instead Indeed Otherwise Nevertheless Nonetheless Besides Finally Later
    Earlier Today Tomorrow Yesterday Last Next First Second Third Overall Again Even Only
    Just Perhaps Maybe Often Sometimes Never Always Already Recently Currently Previously
    If When While Whilst After Before Although Though As Since Because Once Until Unless
    Whether Where Wherever Whenever What Whatever Which Who Whom Whose Why How
    In On At For With Without By From Of To Into Under Over During Despite Among Between
    Through Throughout Within Along Across Against Around Amid Upon About Above Below
    According Following Including Like Unlike
    Is Are Was Were Be Been Being Am Do Does Did Has Have Had Can Could Will Would Shall
    Should May Might Must Let Please Yes Yeah Oh Well Officials Police Authorities""".split()
)


class _Rules:
    """The word lists one language's boundaries are decided with (see ``_decide``).

    A plain slotted class rather than a dataclass: ``import briefer.segment`` alone is what a
    caller who only splits text pays at start-up, and ``dataclasses`` costs more to import
    than this whole module.
    """

    __slots__ = ("titles", "abbreviations", "before_numbers", "starters", "ordinal_followers",
                 "elision", "run_on", "run_on_after_words", "stopwords", "openers",
                 "class_nouns")

    def __init__(self, titles: frozenset[str], abbreviations: frozenset[str],
                 before_numbers: frozenset[str], starters: frozenset[str],
                 ordinal_followers: frozenset[str] = frozenset(), elision: bool = False,
                 articles: frozenset[str] = frozenset(), stopwords: frozenset[str] = frozenset(),
                 run_on_after_words: bool = False, openers: frozenset[str] | None = None,
                 class_nouns: frozenset[str] = frozenset()) -> None:
        self.titles = titles
        self.abbreviations = abbreviations
        self.before_numbers = before_numbers
        self.starters = starters
        # Words after "12." that make the number an ordinal ("12. Juni", German), not an end.
        self.ordinal_followers = ordinal_followers
        # Strip an elided article before a title ("l'Ing.", "dell'Avv.": French, Italian).
        self.elision = elision
        # A capitalised article run on after a lower-case word ("... em greve Os policiais"),
        # looked for as " Os " with str.find (see ``_run_on_starts``): half the time of a
        # regex, ~2.5 ms a MB of English.
        self.run_on = tuple(f" {a} " for a in sorted(articles))
        # Whether the article may follow a lower-case word, not only a ";": only where titles
        # of works are written in title case (English "the film The Dark Knight"); Spanish,
        # Portuguese, French, Italian and German news write them in sentence case ("la serie
        # La casa de papel", "il film La grande bellezza", "der Film Das weiße Band").
        self.run_on_after_words = run_on_after_words
        # Function words, which after such an article show it is a name's letter ("grupo A com").
        self.stopwords = stopwords
        # Capitalised sentence starters, read after a word or a ";" (``_headline_starts``), or
        # None where capitals are no evidence of a start (English has its own cue; German
        # capitalises nouns and the polite "Sie").
        self.openers = openers
        # Nouns a capital letter after them names a kind of ("Group A", "Grupo B"): the
        # letter is a word then, no initial (``_decide``).
        self.class_nouns = class_nouns


# Nouns a capital letter names a kind or a member of, in every language's news ("Group A",
# "Plan B", "Formula E"); each language adds its own.  Capitalised only: with the letter they
# are a name, while a lower-case one may be followed by a name's initial ("o grupo A. Silva
# & Silva registou", UD Portuguese).
_CLASS_NOUNS = frozenset(
    """Group Groups Plan Class Category Type Grade Division League Series Section Pool Tier
    Level Stage Phase Part Exhibit Appendix Annex Schedule Option Model Formula Vitamin
    Hepatitis Gate Terminal Block Wing Zone Area Row Lot Unit Platform Pier Runway Court Ward
    Room Route Line Track Box Channel Team""".split()
)
# English's capitalised articles for ``_run_on_starts``: not "A", which is also a letter
# ("vitamin A deficiency", "Plan A was").
_ARTICLES = frozenset(("The", "An"))
_ENGLISH = _Rules(_TITLES, _ABBREVIATIONS, _BEFORE_NUMBERS, _STARTERS, articles=_ARTICLES,
                  run_on_after_words=True, class_nouns=_CLASS_NOUNS)


@lru_cache(maxsize=8)
def _rules(language: str) -> _Rules:
    """English's rules, or another language's: its own words added to English titles and
    abbreviations (news in any language cites "Inc.", "Dr.", "Corp."), its own sentence
    starters instead of English ones.  Read from ``briefer/data/languages`` on first use."""
    if language == "en":
        return _ENGLISH
    from briefer.language import language_data

    data = language_data(language)

    def cased(words: frozenset[str]) -> frozenset[str]:
        # Written "Lic." or "lic.", "Gral." or "gral.": abbreviations come in both cases.
        return words | {w.lower() for w in words} | {w[:1].upper() + w[1:] for w in words}

    return _Rules(
        titles=_TITLES | cased(data.titles),
        abbreviations=_ABBREVIATIONS | cased(data.abbreviations),
        before_numbers=_BEFORE_NUMBERS | {w.lower() for w in data.before_numbers},
        starters=data.starters | {w.upper() for w in data.starters},
        ordinal_followers=data.ordinal_followers,
        elision=language in ("fr", "it"),
        articles=data.articles,
        stopwords=data.stopwords,
        openers=None if language == "de" else _openers(data.starters),
        class_nouns=_CLASS_NOUNS | data.class_nouns,
    )


def _openers(starters: frozenset[str]) -> frozenset[str]:
    """A language's capitalised sentence starters, not their all-caps forms."""
    return frozenset(w for w in starters if w[:1].isupper() and (len(w) == 1 or not w.isupper()))


def split_sentences(text: str, language: str = "en") -> list[tuple[int, int]]:
    """(start, end) character spans of the sentences of `text`, in order, stripped of
    surrounding whitespace.  ``language`` (a code of :data:`briefer.language.SUPPORTED`)
    chooses the abbreviations, titles and sentence starters the boundaries are judged by."""
    spans: list[tuple[int, int]] = []
    if not text:
        return spans
    rules = _rules(language)
    pos = 0
    for m in _PARAGRAPH.finditer(text):
        _split_block(text, pos, m.start(), spans, rules)
        if m.group("rule") is not None:
            _emit(text, m.start("rule"), m.end("rule"), spans)
        pos = m.end()
    _split_block(text, pos, len(text), spans, rules)
    return spans


def _split_block(text: str, start: int, end: int, out: list[tuple[int, int]],
                 rules: _Rules = _ENGLISH) -> None:
    """Append the sentences of the paragraph ``text[start:end]`` to ``out``."""
    start, end = strip_span(text, start, end)
    if start >= end:
        return
    quotes = _quote_spans(text, start, end)
    items = _item_starts(text, start, end)
    quoted = _Quoted(quotes)
    run_on = _run_on_starts(text, start, end, rules, quoted) if rules.run_on else []
    if rules.openers is not None:
        run_on += _headline_starts(text, start, end, rules, quoted)
    if run_on:
        items = sorted(set(items).union(run_on))
    n_quotes = len(quotes)
    n_items = len(items)
    qi = ii = 0
    inside_until = -1  # furthest closing quote of the quotations opened so far
    cuts: list[int] = []
    sent_start = start
    for m in _CANDIDATE.finditer(text, start, end):
        p = m.start()
        while ii < n_items and items[ii] <= p:
            if items[ii] > sent_start:
                cuts.append(items[ii])
                sent_start = items[ii]
            ii += 1
        q = m.end()
        if q >= end:
            break
        while qi < n_quotes and quotes[qi][0] < p:
            if quotes[qi][1] > inside_until:
                inside_until = quotes[qi][1]
            qi += 1
        if inside_until >= q:
            continue
        if m.group("cjk") is not None:
            cut: int | None = q if _wide_stop_ends(text, m, end) else None
        elif m.group("g") is not None:
            cut = q if _glued_boundary(text, p, start, end, rules) else None
        else:
            cut = _decide(text, m, sent_start, end, rules)
        if cut is not None and cut > sent_start:
            cuts.append(cut)
            sent_start = cut
    while ii < n_items:
        if items[ii] > sent_start:
            cuts.append(items[ii])
            sent_start = items[ii]
        ii += 1
    cuts.append(end)
    a = start
    for b in cuts:
        _emit(text, a, b, out)
        a = b


def _decide(text: str, m: re.Match[str], sent_start: int, end: int, rules: _Rules = _ENGLISH
            ) -> int | None:
    """Where the sentence ends at candidate ``m`` (usually ``m.end()``), or None if it does not."""
    q = m.end()
    nm = _NEXT.match(text, q, end)
    if nm is None:  # only white space follows: the block end will close the sentence
        return None
    nxt = nm.group(1)
    first = nxt[0]
    core = nxt.lstrip(_OPENERS)
    lead = core[:1]
    if lead.islower() or first in _TERMINALS or first in ",;:%&/|=<>~@#*^+-–—":
        return None
    term = m.group("t")
    closers = m.group("c")
    p = m.start()
    if first == "(" and (closers or term != "."):
        return None  # ("...stairways [...]" (Smith 55).) a citation or aside continues
    # The token just before the punctuation, without opening quotes, brackets or bullets.
    tok = ""
    if p > sent_start and not text[p - 1].isspace():
        lo = max(sent_start, p - _TOKEN_LOOKBACK)
        words = text[lo:p].split()
        # A token reaching back past the look-back (URL, digits) is no abbreviation: leave "".
        if words and (len(words) > 1 or lo == sent_start or text[lo - 1].isspace()):
            tok = words[-1].lstrip(_OPENERS + _BULLETS + "*-–—")
    if "!" in term or "?" in term or "‽" in term:
        if tok in _EXCLAMATION_WORDS and term == "!":
            return q if _starter(core, rules) else None
        return q
    if "…" in term or term.count(".") >= 3:
        dots = term.count(".") + 3 * term.count("…")
        if " " in term:  # spaced ellipsis
            if dots < 4:
                return None  # ". . ." marks an omission inside the sentence
            if tok and lead.isupper() and not closers:
                return p + 1  # "compounds. . . . The": the stop ends it, ". . ." opens the next
        return q
    # A plain period (or two).
    if not tok:
        return q
    if _LIST_LABEL.fullmatch(tok) and _LABEL_LEAD.match(text, sent_start, p - len(tok)).end() \
            == p - len(tok):
        return None  # "1. The first item", "a. The first item"
    if rules.elision and ("'" in tok or "’" in tok) and tok not in rules.abbreviations:
        tok = tok.replace("’", "'").rsplit("'", 1)[1]  # "l'Ing." -> "Ing"
    if tok[-1:] in "ºª" and tok[:1].isdigit() and "-" in text[q:nm.start(1)].replace(
            "–", "-").replace("—", "-"):
        return None  # "Parágrafo 3º. -- Nos contratos", "Art. 1º. - Fica": a label's text
    if tok in rules.titles or (tok.isupper() and tok.capitalize() in rules.titles):
        return None  # "Mr. Smith", and in an all-caps headline "MR. SMITH"
    if first.isdigit() and tok.lower() in rules.before_numbers:
        return None
    if rules.ordinal_followers and tok.isdigit() and len(tok) <= 2:
        wm = _LETTERS.match(core)
        if wm is not None and wm.group() in rules.ordinal_followers:
            return None  # "am 12. Juni", "im 3. Jahrhundert"
        if _ORDINAL_RANGE.match(text, q, end):
            return None  # "im 1.–3. Jahrhundert"
    if tok == "m" and text[p - 4:p - 1] in ("a. ", "p. "):
        tok = "p.m"  # the spaced "a. m.", "p. m." that Spanish style books ask for
    if tok in _TIMES:
        if not lead.isupper() or first.isdigit() or first == "(":
            return None
        wm = _LETTERS.match(core)
        if wm is not None and wm.group() in _TIME_FOLLOWERS:
            return None
        return q if len(text[sent_start:p].split()) > 3 else None
    if _abbreviates(tok, rules):
        if tok.islower() and len(tok) == 1:
            if not tok.isascii():
                # An accented one is a word ("o que ele é. Chegando", "Così è."), no
                # initial: it ends a sentence before any capital, as a word does.
                return q
            if not _UNIT_AFTER.search(text, max(sent_start, p - 20), p - 1):
                return None  # "p. 55", "contain v. If": single lower-case letters abbreviate
            # A unit after a number ("a las 10.30 h. Luego", "às 14 h. Depois") ends one
            # before a sentence starter, as an abbreviation does.
        if term == "..":
            return q  # "... los EE. UU.. El": the abbreviation's stop, then the sentence's
        if first.isdigit() or first == "(":
            return None  # "No. 5", "Jan. 12", "Inc. (the Company)"
        if (len(tok) == 1 and core[1:2] == "." and core[:1].isalpha()
                and not _names_a_class(text, sent_start, p - 1, rules)):
            # A run of initials goes on: "Vale S. A. anunció", "Telefónica, S. A.", "J. A.
            # Pérez". After a longer abbreviation a one-letter starter may still open one
            # ("born in the U.S. A. Smith was there"), and after a letter naming a kind,
            # which is no initial ("He won Group A. A. Smith was second").
            return None
        return q if first in "¿¡" or _starter(core, rules) else None
    return q


def _names_a_class(text: str, sent_start: int, at: int, rules: _Rules) -> bool:
    """Whether the word before the letter at ``at`` (after ``sent_start``) is a noun the
    letter names a kind or a member of, written capitalised ("Group A", "Série B")."""
    j = at - 1
    if j <= sent_start or text[j] != " ":
        return False
    i = j
    while i > sent_start and text[i - 1].isalpha():
        i -= 1
    return text[i:j] in rules.class_nouns


def _abbreviates(tok: str, rules: _Rules) -> bool:
    """Whether a stop after ``tok`` may be an abbreviation's (judged by :func:`_decide`): a
    listed abbreviation, a letter or an initialism ("U.S", "EE.UU")."""
    return (tok in rules.abbreviations
            or (len(tok) == 1 and tok.isalpha())
            or (len(tok) <= 10 and "." in tok and _INITIALISM.fullmatch(tok) is not None))


def _wide_stop_ends(text: str, m: re.Match[str], end: int) -> bool:
    """True if the ideographic or fullwidth stop ``m`` ends a sentence.

    The ideographic full stop always does.  The fullwidth period (U+FF0E) is also the
    decimal point and the dot of domains in fullwidth text ("１．５", "ｅｘａｍｐｌｅ．ｃｏｍ"), so
    it ends a sentence only when the next word starts with neither a digit nor a lower-case
    letter; the fullwidth ! and ? end one unless a lower-case word follows, as in English.
    """
    if m.group("cjk")[-1] == "。":
        return True
    nm = _NEXT.match(text, m.end(), end)
    if nm is None:
        return True
    core = nm.group(1).lstrip(_OPENERS + "「『（［")
    lead = core[:1]
    if lead.islower():
        return False
    return not (lead.isdigit() and m.group("cjk")[-1] in "．｡")


def _glued_boundary(text: str, p: int, start: int, end: int, rules: _Rules = _ENGLISH
                    ) -> bool:
    """True if the period at ``p``, with no space after it, still ends a sentence.

    Scraped text loses the space between paragraphs ("...(£45).The price cut"); but a token
    that looks like a domain, e-mail, path or a chain of abbreviations is left alone.
    """
    a = p
    while a > start and not text[a - 1].isspace():
        a -= 1
        if p - a > _GLUED_TOKEN_MAX:
            return False  # a long unbroken token is code or data, not prose
    b = p + 1
    while b < end and not text[b].isspace():
        b += 1
        if b - p > _GLUED_TOKEN_MAX:
            return False
    token = text[a:b]
    if token.count(".") != 1 or any(c in token for c in "@/\\:_=") or "www" in token.lower():
        return False
    after = _LETTERS.match(text, p + 1, end)
    if after is None or after.group().lower() in _DOMAINS:
        return False
    word = _LETTERS.findall(text[a:p])
    return not word or (word[-1] not in rules.titles and word[-1] not in rules.abbreviations)


def _starter(core: str, rules: _Rules = _ENGLISH) -> bool:
    """True if ``core`` (the next token, without opening quotes) opens with a sentence starter."""
    wm = _LETTERS.match(core)
    return wm is not None and wm.group() in rules.starters


def _quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(open, close) positions of the quotations in the block that close within the bound.

    Straight double quotes are classified by their neighbours; an opening quote without a
    close is forgotten at the next opening quote of its kind or at the end of the block, and
    a pair further apart than ``_QUOTE_MAX`` is ignored, so a stray quote protects nothing.
    """
    spans: list[tuple[int, int]] = []
    d_open = s_open = -1
    for m in _QUOTE.finditer(text, start, end):
        i = m.start()
        ch = text[i]
        if m.group("d") is not None:
            if d_open >= 0 and ch in _CLOSES.get(text[d_open], ""):
                opening = False  # German „…“ and »…«: the mark that opens English closes
            elif ch in "“„«" or (ch == "»" and text[i + 1:i + 2].isalnum()):
                opening = True
            elif ch in "”»":
                opening = False
            else:
                before = text[i - 1] if i > start else " "
                after = text[i + 1] if i + 1 < end else " "
                if after.isspace() or (after in _CLOSERS + ".,;:!?-–—" and not before.isspace()):
                    opening = False
                elif after in ".,;:!?" and not text[i + 2:i + 3].strip():
                    opening = False  # ' / [...] ".' : no quotation opens on a full stop
                elif before.isspace() or before in _OPENERS + "-–—/:":
                    opening = True
                else:
                    opening = d_open < 0
            if opening:
                d_open = i
            elif d_open >= 0:
                if i - d_open <= _QUOTE_MAX:
                    spans.append((d_open, i))
                d_open = -1
        elif m.group("so") is not None:
            word = _LETTERS.match(text, i + 1, end)
            if word is None or word.group().lower() not in _ELISIONS:
                s_open = i
        elif s_open >= 0:
            if i - s_open <= _QUOTE_MAX:
                spans.append((s_open, i))
            s_open = -1
    spans.sort()
    return spans


class _Quoted:
    """Whether a position lies inside one of a block's quotations, in O(log n): the spans
    (sorted by their opening mark, possibly nested) with, for each, the furthest close of
    those opened so far.  A scan of every span for every position was quadratic in a long
    paragraph full of quotations and capitals."""

    __slots__ = ("opens", "reach")

    def __init__(self, quotes: list[tuple[int, int]]) -> None:
        self.opens = [a for a, _ in quotes]
        self.reach: list[int] = []
        furthest = -1
        for _, b in quotes:
            furthest = max(furthest, b)
            self.reach.append(furthest)

    def __call__(self, at: int) -> bool:
        k = bisect_right(self.opens, at)
        return k > 0 and self.reach[k - 1] > at


def _run_on_starts(text: str, start: int, end: int, rules: _Rules, quoted: _Quoted
                   ) -> list[int]:
    """Sentence starts with no stop before them: a capitalised article ("The", "El", "Os",
    "Der") between a lower-case word (or a ";") and a lower-case word, outside quotations.

    Text that lost its layout runs a caption or headline into the next sentence ("... at
    the palace The incident took place", "... entram em greve Os policiais federais").  In
    running prose an article is written with a capital only at a sentence's start or as the
    first word of a name or title, and a name's next word is capitalised too ("in The Hague",
    "de El Salvador", "leu O Globo"); so an article with a capital after a lower-case word of
    three letters or more (not an initial, not part of a name) or after a semicolon (which a
    lower-case word follows unless the writer began a new sentence), and before a lower-case
    word that is not a function word ("grupo A com" is a group's letter), opens a sentence.
    Titles of works written in sentence case ("la serie La casa de papel", "a vitamina A
    ajuda") would be cut, so outside English (whose titles are in title case) only the ";"
    case applies.  Read from the errors on UD's Portuguese news; checked on English CNN/DM
    and BBC news and pySBD's cases, which it was not drawn from
    (``bench_segment_languages.py``).
    """
    starts = []
    for needle in rules.run_on:
        i = text.find(needle, start, end)
        while i >= 0:
            at, after = i + 1, i + len(needle)
            i = text.find(needle, after - 1, end)
            if at - 2 < start or not text[after:after + 1].islower():
                continue
            if text[at - 2] != ";":  # "...; Las alas fueron": a capital after ";" starts anew
                if not rules.run_on_after_words:
                    continue
                j = at - 1
                while j > start and text[j - 1].isalpha():
                    j -= 1
                word = text[j:at - 1]
                if len(word) < 3 or not word.islower() or (j > start and
                                                           not text[j - 1].isspace()):
                    continue
            nxt = _LETTERS.match(text, after, end)
            if nxt is None or nxt.group() in rules.stopwords:
                continue
            if quoted(at):
                continue
            starts.append(at)
    return starts


def _headline_starts(text: str, start: int, end: int, rules: _Rules, quoted: _Quoted
                     ) -> list[int]:
    """Sentence starts with no stop before them, outside English and German: a capitalised
    sentence starter ("No", "Com", "Os", "Desde", "Al") before a lower-case word (or a
    quotation), outside quotations, either after a ";" or after a headline whose lede
    restates it.

    Capitals are weak evidence in Romance-language news, which writes titles of works in
    sentence case ("estrena este viernes La casa de papel"), so a capitalised starter after a
    word opens a sentence only with a second, independent sign: a headline, caption or kicker
    run into its text (the data set's one-space join, a feed's summary, a page that lost its
    layout) is followed by a lede that restates it, as news is written ("Ministro da Saúde
    anuncia vacina O ministro da Saúde, João Pereira, anunciou ...", "Incendio en una fábrica
    de Valencia Un incendio en una nave ..."): a content word of the run since the last stop
    (``_HEADLINE_MAX`` characters at most) comes back in the next clause (up to the first
    , ; : or stop, ``_LEDE_MAX`` at most; words compared by their first five letters, a
    truncation stemmer).  A work's title is followed by the rest of its sentence, which
    rarely names again what the verb before it did.  And the word before must not be a
    function word (no headline ends in "de" or "en": "de La casa de papel" is a title); after
    a lower-case word a one-letter starter may be a letter naming a kind ("vitamina A"), and
    the word before it is then left out of the comparison ("a vitamina A ajuda a absorver a
    vitamina D").  After a ";" a capitalised starter before a lower-case word starts anew
    ("...; Desde el 26 de septiembre"), as :func:`_run_on_starts` already reads an article
    there.  Neither cue fires before a function word and a capital, the particles of a name
    ("...; De la Rúa, en contra").  A starter before a capitalised word opens a lede that
    names someone first ("Polícia prende chefe do tráfico em Santos A Polícia Civil prendeu
    ontem em Santos ..."): then the name's own words are skipped (``_name_end``) and the
    clause after it must restate the headline, so a name alone ("visitó ayer La Casa de
    Madrid") never does; after a ";" it is a name, not a start.  Nor does a starter the
    story has already written as a surname ("Mauro Durante, ..." then "pôr Durante na
    presidência", ``_ends_a_name``).  Read from the DEV half of
    UD's errors (``bench_segment_languages.py --halves``); every window is bounded, so the
    work is linear in the text (``tests/unit/test_segment_scaling.py``).
    """
    openers = rules.openers
    assert openers is not None
    starts = []
    stopwords = rules.stopwords
    wrapped: bool | None = None  # whether the block is hard-wrapped: read on first need
    for m in chain(_CAPITALISED.finditer(text, start, end),
                   _LINE_CAPITALISED.finditer(text, start, end)):
        opener = m.group("w")
        if opener not in openers:
            continue
        at = m.start("w")
        after = m.end() + 1
        name = text[after].isupper()  # "A Polícia Federal prendeu", "La Casa Blanca"
        if not (name or text[after].islower() or text[after] in "«“\""):
            continue
        if quoted(at):
            continue
        nxt = _NAME_PARTICLE.match(text, after, end)
        if nxt is not None and nxt.group(1) in stopwords:
            continue  # a name's particles ("De la Rúa", "Dos los Santos")
        # The space or line break before the starter: "\r\n" is read as "\n", and so is
        # " \n" (the faces' neutralise() writes "\r\n" so) and any blanks that end a line.
        sep = at - 1
        if text[sep] == "\n":
            while sep > start and text[sep - 1] in _LINE_BLANKS:
                sep -= 1
            if sep == start or not (text[sep - 1].isalnum() or text[sep - 1] in ";»”)\""):
                continue  # a line that ends in a word, a ";" or a closing mark
        if text[sep - 1] == ";":
            if not name:
                starts.append(at)
            continue
        j = sep
        while j > start and text[j - 1].isalpha():
            j -= 1
        word = text[j:sep]
        if word.lower() in stopwords:
            continue
        # A letter after a lower-case word may name a kind ("vitamina A ... vitamina D"):
        # then the word before it is the one repeated, so it is not compared.
        letter = len(opener) == 1 and word.islower()
        hi = min(end, at + _LEDE_MAX)
        # Before a name, the name's own words are no restatement: the clause after it is.
        lede = _name_end(text, after, hi, stopwords) if name else at
        if text[at - 1] == "\n" and wrapped is None:
            wrapped = _hard_wrapped(text, start, end)
        if not ((not wrapped and _line_ended(text, start, sep, at, opener, word, name, rules))
                or _lede_restates(text, max(start, at - _HEADLINE_MAX), j if letter else at,
                                  lede, hi, stopwords)):
            continue
        if len(opener) > 1 and _ends_a_name(text, max(start, at - _NAME_LOOKBACK), at, opener):
            continue  # "Mauro Durante, ..." then "ajudasse a pôr Durante na presidência"
        starts.append(at)
    return starts


def _line_ended(text: str, start: int, sep: int, at: int, opener: str, word: str,
                name: bool, rules: _Rules) -> bool:
    """Whether ``opener`` (a starter before a lower-case word, after the separator at ``sep``)
    opens a line that follows one with no final punctuation which stands on its own: a
    page's headline, kicker or caption, then the lede ("Última hora: dimite el ministro de
    Sanidad\nLa dimisión llega ...").  Where text was hard-wrapped, a starter after the break
    mid-sentence is written in lower case ("el", "o"), except in a work's title ("estrenan\nLa
    casa de papel"), so the caller asks this only of a block that is not hard-wrapped
    (:func:`_hard_wrapped`).  Nor is a letter after ``word``, the line's last word, when it
    is a class noun ("Série\nA"; after any other word it is the article "A"), nor a line whose
    last sentence began after a stop within it ("Hubo lluvia. Netflix estrena\nLa casa de
    papel"): a headline is a line of its own, from its first word."""
    if text[at - 1] != "\n" or name:
        return False
    if len(opener) == 1 and (word in rules.class_nouns or word.capitalize() in rules.class_nouns):
        return False  # "à Série\nA depois", "a vitamina\nA ajuda": a letter naming a kind
    a = max(text.rfind("\n", start, sep), text.rfind("\r", start, sep), start - 1) + 1
    for m in _INNER_STOP.finditer(text, a, sep):
        tok = m.group(1).lstrip(_OPENERS)
        if not (tok in rules.titles or _abbreviates(tok, rules)):
            return False
    return True


def _ends_a_name(text: str, start: int, end: int, word: str) -> bool:
    """Whether ``text[start:end]`` writes the starter ``word`` as the last word of a name:
    after a capitalised word and before a comma, a stop, a colon, a semicolon or a bracket
    ("Mauro Durante,").

    News names a person in full first and by surname after ("Mauro Durante, ... pôr Durante
    na presidência"); a surname that is also a starter ("Durante", "Sobre", "Para") is then
    no lede's first word.  Looked for only once a cue has fired, in a bounded window."""
    for mark in ",.;:)":
        needle = f" {word}{mark}"
        i = text.find(needle, start, end)
        while i >= 0:
            j = i
            while j > start and text[j - 1].isalpha():
                j -= 1
            if j < i and text[j].isupper():
                return True
            i = text.find(needle, i + 1, end)
    return False


def _name_end(text: str, at: int, hi: int, stopwords: frozenset[str]) -> int:
    """Where the name starting at ``at`` ends (before ``hi``): its capitalised words and the
    particles between them ("Polícia Federal", "Banco do Brasil", "Casa de Papel")."""
    while at < hi:
        m = _NAME_WORD.match(text, at, hi)
        if m is None or (m.group(1) is not None and m.group(1) not in stopwords):
            return at
        at = m.end()
    return hi


def _lede_restates(text: str, lo: int, upto: int, at: int, hi: int,
                   stopwords: frozenset[str]) -> bool:
    """Whether the clause from ``at`` (before ``hi``) repeats a content word of the run from
    the last stop before ``upto`` (after ``lo``): see :func:`_headline_starts`.  The run
    ends at ``upto`` at the latest, and the clause's words are read from ``at`` on.

    A headline drops the article its lede writes ("Incendio en una fábrica ... Un incendio",
    "Ministro anuncia ... O ministro"); a run that already has the clause's first two words
    ("los fans de la serie esperan La serie de Netflix") is prose naming a work that repeats
    its noun, so that noun is no restatement (review R10)."""
    clause = _CLAUSE_END.search(text, at, hi)
    after = _content_stems(text[at:hi if clause is None else clause.start()], stopwords)
    if not after:
        return False
    stop = max(text.rfind(". ", lo, upto), text.rfind("? ", lo, upto),
               text.rfind("! ", lo, upto))
    run = text[max(lo, stop + 1):upto].lower()
    common = after & _content_stems(run, stopwords)
    if len(common) != 1:
        return bool(common)
    pair = _WORD_PAIR.match(text, at, hi)
    return (pair is None or not common <= _content_stems(pair.group(2), stopwords)
            or not _has_words(run, pair.group().lower()))


def _has_words(run: str, words: str) -> bool:
    """Whether ``words`` occurs in ``run`` as whole words (no letter either side)."""
    i = run.find(words)
    while i >= 0:
        j = i + len(words)
        if not (i and run[i - 1].isalpha()) and not run[j:j + 1].isalpha():
            return True
        i = run.find(words, i + 1)
    return False


def _content_stems(run: str, stopwords: frozenset[str]) -> set[str]:
    """The first five letters of each word of four letters or more that is no function word."""
    return {w[:5] for w in _LONG_WORD.findall(run.lower()) if w not in stopwords}


def _item_starts(text: str, start: int, end: int) -> list[int]:
    """Positions where a sentence starts without any punctuation before it: list items, and
    lines that follow a line ended by hand (:func:`_unwrapped_lines`)."""
    starts: set[int] = set()
    for m in _BULLET.finditer(text, start, end):
        if m.start() == start or text[m.start() - 1].isspace():
            starts.add(m.start())
    if text.find("\n", start, end) >= 0:
        starts.update(_unwrapped_lines(text, start, end))
        lines = [m.end() for m in _LINE_ITEM.finditer(text, start, end)]
        opens_with_item = _MARKER.match(text, start, end) is not None
        for pos in lines:
            j = pos - 1
            while j > start and text[j].isspace():
                j -= 1
            if len(lines) >= 2 or opens_with_item or text[j] == ":" or text[pos] in _BULLETS:
                starts.add(pos)
    for pos in [start, *sorted(starts)]:
        _numbered_items(text, pos, end, starts)
    starts.discard(start)
    return sorted(starts)


def _unwrapped_lines(text: str, start: int, end: int) -> list[int]:
    """Starts of the lines that follow a line without final punctuation which was ended by
    hand, not by hard wrapping: a headline, a caption or a label on its own line before the
    text ("Rússia veta documento sobre a Bósnia\nMoscou exige ...").

    Greedy wrapping (what editors, mail clients and ``fmt`` do) breaks a line only when the
    next word would not fit, so a wrapped line plus the next line's first word is longer than
    the width.  When it would still fit, the break was the writer's.  The width is the longest
    line of the block that holds more than one word (a line of one long token, a URL, can
    overflow any width), and the line must fit well within it (``_HAND_BREAK_SHARE``): text
    laid out in a proportional font (PDF, word processors) wraps by ink, not by characters,
    and a line of capitals or wide letters holds a fifth fewer.  Only a line ending in a
    letter, a digit, a closing mark, ";" or ":", before a line opening with a capital, is
    considered (after ":" too when a quotation opens the next line, "X dijo:\n«…»": the
    quotation is a sentence of its own, and :mod:`briefer.brief.quotes` gives it the speaker
    of the reporting clause before the colon); a comma or a hyphen at the end of a line, or
    a lower-case word after it, continues the sentence.  A line longer than any wrapper
    makes (``_WRAP_MAX``) counts as ended by its writer.
    """
    lines, width = _block_lines(text, start, end)
    starts = []
    for (a1, b1), (a2, b2) in zip(lines, lines[1:], strict=False):
        if a1 >= b1 or a2 >= b2:
            continue
        last = text[b1 - 1]
        if not (last.isalnum() or last in _CLOSERS or last in ";:"):
            continue
        # The first word, with the marks that open it; French sets a space after "«"
        # ("« Nous"), so a mark standing alone is read with the word after it.
        head = a2 + len(text[a2:b2]) - len(text[a2:b2].lstrip(_OPENERS + " \u00a0\u202f"))
        if not text[head:head + 1].isupper():
            continue
        if not _may_be_wrapped(text, a1, b1, a2, b2, head, width):
            starts.append(a2)
    return starts


def _block_lines(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], int]:
    """The block's lines (stripped spans; "\r\n" ends a line as "\n" does) and its width:
    the longest line that holds more than one word (a line of one long token, a URL, can
    overflow any width)."""
    lines: list[tuple[int, int]] = []
    a = start
    while a < end:
        b = text.find("\n", a, end)
        if b < 0:
            b = end
        lines.append(strip_span(text, a, b))
        a = b + 1
    width = max((b - a for a, b in lines if " " in text[a:b]), default=0)
    return lines, width


def _may_be_wrapped(text: str, a1: int, b1: int, a2: int, b2: int, head: int, width: int
                    ) -> bool:
    """Whether a wrapper may have broken the line ``text[a1:b1]`` before ``text[a2:b2]`` in
    a block ``width`` wide: the next line's first word (from ``a2``, its letters from
    ``head``) would not have fitted well within the width (see :func:`_unwrapped_lines`),
    and the line is no longer than any wrapper makes."""
    word_end = text.find(" ", head, b2)
    word = b2 - a2 if word_end < 0 else word_end - a2
    return (b1 - a1) <= _WRAP_MAX and (b1 - a1) + 1 + word > _HAND_BREAK_SHARE * width


def _hard_wrapped(text: str, start: int, end: int) -> bool:
    """Whether the block ``text[start:end]`` reads as hard-wrapped prose: two lines or more
    before its last end near the block's width, where greedy wrapping breaks (the next word
    would not have fitted, :func:`_may_be_wrapped`), they are at least half of them, and a
    third of the lines after them or more go on in lower case.  Mail, ``fmt``, terminals
    and PDF text wrap a paragraph into lines of about one length whatever their words, and
    break mid-sentence, where most words are lower-case; headlines, captions and labels on
    lines of their own are as long as their words, and each opens with a capital, so a
    block of them (a list of headlines of one length too), or a headline above an unwrapped
    lede, does not read as wrapped."""
    lines, width = _block_lines(text, start, end)
    near = lower = 0
    for (a1, b1), (a2, b2) in zip(lines, lines[1:], strict=False):
        if a1 < b1 and a2 < b2 and _may_be_wrapped(text, a1, b1, a2, b2, a2, width):
            near += 1
            lower += text[a2].islower()
    return near >= 2 and 2 * near >= len(lines) - 1 and 3 * lower >= near


def _numbered_items(text: str, pos: int, end: int, starts: set[int]) -> None:
    """Add the items "2." "3." ... of an inline list whose first marker is at ``pos``."""
    m = _MARKER.match(text, pos, end)
    if m is None:
        return
    label, style = m.group("label"), m.group("style")
    at = m.end()
    while True:
        if label.isdigit():
            label = str(int(label) + 1)
        elif label in "zZ":
            return
        else:
            label = chr(ord(label) + 1)
        needle = label + style
        # Inline items are short: look for the next one only in the next few hundred chars.
        i = text.find(" " + needle + " ", at, min(end, at + _ITEM_MAX))
        if i < 0:
            return
        starts.add(i - 1 if i > pos and text[i - 1] in _BULLETS else i + 1)
        at = i + len(needle) + 1


def _emit(text: str, a: int, b: int, out: list[tuple[int, int]]) -> None:
    """Strip ``text[a:b]`` and append it, cut into pieces if it is over-long: at its line
    breaks first, then each piece near the bound (:func:`_cut_long`, which also strips)."""
    a, b = strip_span(text, a, b)
    if b - a <= _MAX_CHARS:  # nearly every sentence: no call to _cut_long
        if a < b:
            out.append((a, b))
        return
    for lm in _LINE_BREAK.finditer(text, a, b):
        _cut_long(text, a, lm.start(), out)
        a = lm.end()
    _cut_long(text, a, b, out)


def _cut_long(text: str, a: int, b: int, out: list[tuple[int, int]]) -> None:
    """Append ``text[a:b]`` stripped, cut at ; : , or a space so no piece exceeds the bound."""
    while True:
        a, b = strip_span(text, a, b)
        if a >= b:
            return
        if b - a <= _MAX_CHARS:
            out.append((a, b))
            return
        lo, hi = a + _MAX_CHARS // 2, a + _MAX_CHARS
        cut = -1
        for mark in (";", ":", ","):
            k = text.rfind(mark, lo, hi)
            while k >= 0 and not text[k + 1].isspace():
                k = text.rfind(mark, lo, k)
            if k >= 0:
                cut = k + 1
                break
        if cut < 0:
            for k in range(hi, lo, -1):
                if text[k].isspace():
                    cut = k
                    break
            else:
                cut = hi
        out.append((a, cut))
        a = cut
        # The piece just appended may end in white space: strip it in place.
        out[-1] = strip_span(text, *out[-1])
