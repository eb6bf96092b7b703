"""Which language a text is written in, and that language's data for the rest of the flow.

Supported: English, Spanish, Portuguese, French, German and Italian (:data:`SUPPORTED`).

Detection (:func:`detect_language`) looks at the title plus the first ~2 KB of the body
(headlines alone are too short to be reliable, the whole text is more than is needed):

1. **Function words first.**  Short, frequent words that only one of the six languages uses
   ("the", "und", "não", "della", "los", "dans") are counted; when one language has at least
   :data:`VOTE_MIN_HITS` of them and :data:`VOTE_MARGIN` times as many as any other, it is the
   answer.  This is Grefenstette's "short words" identifier (G. Grefenstette, *Comparing two
   language identification schemes*, JADT 1995), and on news prose it is decisive almost
   always.  It matters for speed: loading py3langid's model costs 0.7-1.2 s (a 68 MB
   automaton, LZMA-compressed), more than briefer's whole start-up.
2. **Otherwise py3langid** (Lui & Baldwin's langid.py, BSD; the identifier trafilatura uses):
   a private :class:`py3langid.langid.LanguageIdentifier` built from the package's model
   file and restricted to :data:`SUPPORTED` on that instance only -- py3langid's module-level
   ``set_languages`` would change a global every other user of the library shares.  It is
   loaded on first need and kept (one model per process: a bounded cache of one).
3. A declared language (HTML's ``lang``) is only a hint: it decides when the text itself is
   too short or too mixed for either step to be confident.
4. Text in a script none of the six is written in (Arabic, Chinese, Cyrillic, Greek,
   Hebrew ...) is :data:`UNDETERMINED` ("und", BCP 47's code for it), unless its page declares
   one of the six: calling it English would be a false statement in every footer and JSON
   output.  Such a text is still read, with English rules (:func:`rules_language`), the rules
   every text had before languages were told apart.

Per-language data (:func:`language_data`) lives in one TOML file per language under
``briefer/data/languages/`` and is read only when a text of that language is met, so English
start-up reads none of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

__all__ = [
    "AUTO",
    "LANGUAGE_CHOICES",
    "NAMES",
    "SUPPORTED",
    "UNDETERMINED",
    "LanguageData",
    "detect_language",
    "language_data",
    "resolve_language",
    "rules_language",
    "snowball_name",
]

SUPPORTED: tuple[str, ...] = ("en", "es", "pt", "fr", "de", "it")
AUTO = "auto"
#: The language of a text written in a script none of :data:`SUPPORTED` uses (BCP 47's
#: "undetermined"); it is read with English rules (:func:`rules_language`).
UNDETERMINED = "und"
LANGUAGE_CHOICES: tuple[str, ...] = (AUTO, *SUPPORTED)
NAMES: dict[str, str] = {"en": "English", "es": "Spanish", "pt": "Portuguese",
                         "fr": "French", "de": "German", "it": "Italian"}

#: How much of the body is looked at, after the title.
SAMPLE_CHARS = 2048
#: The function-word vote decides only with at least this many hits for the winner ...
VOTE_MIN_HITS = 8
#: ... and at least this many times the runner-up's hits.
VOTE_MARGIN = 3
#: py3langid's probability under which a declared language (a hint) is preferred.
HINT_BELOW = 0.9

# Frequent function words each used by one of the six languages only (lower case, as
# written).  Words two languages share ("de", "que", "una", "del", "il", "des", "das", "da",
# "mais", "e", "o") are left out on purpose: they cannot tell the languages apart.
_FUNCTION_WORDS: dict[str, str] = {
    "en": "the and of to is that with was for are this have from which were said been has "
          "his their it be by at not they",
    "es": "el los las y fue fueron también según muy cuando hasta ya sus dijo sin años han "
          "hay",
    "pt": "os não em um uma ao pelo pela também são foi foram com muito quando até já seu "
          "ele eles na é",
    "fr": "le les et est une dans pour qui pas sur au aux ce cette sont avec ont été du "
          "elle par ses leur nous vous était",
    "de": "der die und ist nicht den dem ein eine mit sich auf für von zu im auch wird "
          "wurde er sie bei nach aus werden hat sind noch wie oder einen einer",
    "it": "il della dei delle gli nel nella alla anche è più sono che di non per sul dal "
          "dalla degli questo questa essere stato anni",
}
_WORD_LANGUAGE: dict[str, str] = {
    word: code for code, words in _FUNCTION_WORDS.items() for word in words.split()
}
_TOKEN = re.compile(r"[^\W\d_]+")
_HTML_LANG = re.compile(r"[A-Za-z]{2,3}")


def snowball_name(code: str) -> str:
    """The Snowball algorithm name of language ``code`` ("es" -> "spanish"), as the stemmers
    and stop-word lists are keyed; English for anything unknown."""
    return NAMES.get(code, "English").lower()


def code_of(name: str) -> str | None:
    """The code of a Snowball language name or code ("spanish" or "es" -> "es"), or None."""
    key = name.strip().lower()
    if key in NAMES:
        return key
    return next((c for c, n in NAMES.items() if n.lower() == key), None)


def common_language(codes: Iterable[str]) -> str:
    """The one language of several texts, English when they are mixed (or none)."""
    found = set(codes)
    return found.pop() if len(found) == 1 else "en"


def rules_language(code: str) -> str:
    """The language whose rules and data read a text of language ``code``: itself when it is
    one of :data:`SUPPORTED`, else English (an :data:`UNDETERMINED` text: the rules every
    text had before languages were told apart).  Every step that looks up a language's data
    goes through this, so "und" reaches no lookup."""
    return code if code in SUPPORTED else "en"


def resolve_language(choice: str | None, text: str, title: str | None = None,
                     hint: str | None = None) -> str:
    """``choice`` when it names a language, else the language detected in ``text``."""
    if choice and choice.lower() != AUTO:
        code = choice.lower()
        if code not in SUPPORTED:
            raise ValueError(f"unsupported language {choice!r}; choose from "
                             f"{', '.join(LANGUAGE_CHOICES)}")
        return code
    return detect_language(text, title=title, hint=hint)


def detect_language(text: str, title: str | None = None, hint: str | None = None) -> str:
    """The code in :data:`SUPPORTED` of the language ``title`` and ``text`` are written in,
    or :data:`UNDETERMINED`.

    ``hint`` is a declared language ("es", "pt-BR", "de_AT"), used only when the text does
    not say clearly.  Text in another language written in the Latin alphabet gets the
    closest of the six; text in another script (Cyrillic, Greek, Japanese ...), in which none
    of the six is written, gets the declared language or :data:`UNDETERMINED` ("und"),
    rather than whichever of five others a model restricted to the six finds least unlikely
    (Russian was read as Italian) or English, which it is not either.  A text with no letters
    at all is English, as before: nothing in it is read by a language's rules.
    """
    sample = f"{title}\n{text[:SAMPLE_CHARS]}" if title else text[:SAMPLE_CHARS]
    voted = _vote(sample)
    if voted is not None:
        return voted
    declared = _hint_code(hint)
    if not _TOKEN.search(sample):
        return declared or "en"
    if not _latin_script(sample):
        return declared or UNDETERMINED
    code, probability = _identifier().classify(sample)
    if declared is not None and declared != code and probability < HINT_BELOW:
        return declared
    return code


def _latin_script(sample: str) -> bool:
    """True if at least half the letters of ``sample`` are Latin (ASCII or Latin-1..Latin
    Extended-B, which covers all six languages' accents)."""
    letters = latin = 0
    for c in sample:
        if c.isalpha():
            letters += 1
            latin += c < "\u0250"
    return 2 * latin >= letters


def _vote(sample: str) -> str | None:
    """The language whose exclusive function words clearly dominate ``sample``, or None."""
    hits = dict.fromkeys(SUPPORTED, 0)
    for m in _TOKEN.finditer(sample.lower()):
        code = _WORD_LANGUAGE.get(m.group())
        if code is not None:
            hits[code] += 1
    ranked = sorted(hits.items(), key=lambda kv: kv[1], reverse=True)
    (best, top), (_, second) = ranked[0], ranked[1]
    if top >= VOTE_MIN_HITS and top >= VOTE_MARGIN * second:
        return best
    return None


def _hint_code(hint: str | None) -> str | None:
    """"pt-BR" -> "pt"; None for a missing or unsupported declaration."""
    if not hint:
        return None
    m = _HTML_LANG.match(hint.strip())
    code = m.group().lower() if m else ""
    return code if code in SUPPORTED else None


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """py3langid's identifier for the supported languages only, loaded once per process."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(SUPPORTED))  # this instance only; no module state
    return identifier


@dataclass(frozen=True, slots=True)
class LanguageData:
    """What the flow needs to know about one language (see ``briefer/data/languages``).

    Word sets hold words as they are written (case matters where the file says so);
    ``stopwords`` and ``speech_verbs`` are lower case.
    """

    code: str
    name: str
    stopwords: frozenset[str]
    titles: frozenset[str]
    abbreviations: frozenset[str]
    before_numbers: frozenset[str]
    starters: frozenset[str]
    ordinal_followers: frozenset[str]
    #: Articles as written at a sentence's start ("El", "Os"), for the splitter's run-on cue.
    articles: frozenset[str]
    teasers: tuple[str, ...]
    speech_verbs: frozenset[str]
    pronouns: frozenset[str]
    determiners: frozenset[str]
    roles: frozenset[str]
    organisation_words: frozenset[str]
    demonyms: frozenset[str]
    name_particles: frozenset[str]
    cues: dict[str, tuple[str, ...]]
    #: Words opening a place's name ("Plaza"), and words of events and prizes ("Premio").
    place_words: frozenset[str] = frozenset()
    event_words: frozenset[str] = frozenset()
    #: Nouns a letter names a kind of ("Grupo A", "Série B"), for the splitter.
    class_nouns: frozenset[str] = frozenset()
    #: Each demonym's country by its English name ("venezolano": "Venezuela"), for entities.
    demonym_countries: dict[str, str] = field(default_factory=dict)
    #: Articles and determiners, lower case, of a language that capitalises every noun
    #: (German): a lone capitalised word the text writes after one is a noun, not a name.
    noun_articles: frozenset[str] = frozenset()
    #: Possessive determiners ("su", "seu", "son"): a lone organisation word written after
    #: one is a common noun ("su Gobierno"), for entities.
    possessives: frozenset[str] = frozenset()
    #: A government's domains, capitalised after an office and "of" ("el ministro de
    #: Defensa"): part of the office's name, not a name, for entities.
    portfolios: frozenset[str] = frozenset()


@lru_cache(maxsize=len(SUPPORTED))
def language_data(code: str) -> LanguageData:
    """The data of language ``code``, read from its file on first use (one file a language)."""
    import tomllib
    from importlib import resources

    if code not in SUPPORTED:
        raise ValueError(f"unsupported language {code!r}")
    raw = resources.files("briefer").joinpath("data", "languages", f"{code}.toml").read_text(
        encoding="utf-8")
    data = tomllib.loads(raw)

    def words(section: str, key: str) -> frozenset[str]:
        return frozenset(str(data.get(section, {}).get(key, "")).split())

    def phrases(section: str, key: str) -> tuple[str, ...]:
        return tuple(str(p) for p in data.get(section, {}).get(key, ()))

    return LanguageData(
        code=code,
        name=str(data.get("name", NAMES[code])),
        stopwords=frozenset(str(data.get("stopwords", "")).split()),
        titles=words("segment", "titles"),
        abbreviations=words("segment", "abbreviations"),
        before_numbers=words("segment", "before_numbers"),
        starters=words("segment", "starters"),
        ordinal_followers=words("segment", "ordinal_followers"),
        articles=words("segment", "articles"),
        teasers=phrases("clean", "teasers"),
        speech_verbs=words("quotes", "speech_verbs"),
        pronouns=words("quotes", "pronouns"),
        determiners=words("quotes", "determiners"),
        roles=words("entities", "roles"),
        organisation_words=words("entities", "organisation_words"),
        demonyms=words("entities", "demonyms"),
        name_particles=words("entities", "name_particles"),
        cues={str(k): tuple(str(w) for w in v)
              for k, v in data.get("template", {}).get("cues", {}).items()},
        place_words=words("entities", "place_words"),
        event_words=words("entities", "event_words"),
        class_nouns=words("segment", "class_nouns"),
        demonym_countries={str(w): str(country) for country, forms in data.get(
            "entities", {}).get("demonym_countries", {}).items() for w in str(forms).split()},
        noun_articles=words("entities", "noun_articles"),
        possessives=words("entities", "possessives"),
        portfolios=words("entities", "portfolios"),
    )
