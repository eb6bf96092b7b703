"""Brief templates: TOML files that say which sections a brief has and what belongs in each.

A template is looked up by name (``-t news``) in the user's template folder first, then among
the built-ins shipped in ``briefer/templates/``, or read from a path (``-t my/brief.toml``).
``auto`` is not a file: it asks :mod:`briefer.brief.sections` to find the sections in the
text itself.  The user folder is ``templates/`` under the platform's config directory
(platformdirs), or under ``$BRIEFER_CONFIG_DIR`` when that is set, so tests never touch a real
home directory.

The format::

    description = "What the template is for"   # optional
    limit = 3                # items per section unless a section says otherwise
    catch_all = "Other points"   # where sentences that fit no section go; false drops them

    [[section]]
    title = "Reactions"      # required
    topics = ["invasion"]    # words and phrases, matched after stemming
    people = ["María Corina Machado"]  # a person is also found by surname alone
    places = ["Caracas"]     # a country also matches its demonym and, weakly, its cities
    organisations = ["Pentagon"]
    cues = ["warned", "accused"]       # words for a kind of sentence, stemmed like topics
    limit = 2                # optional
    rest = false             # true: this section takes what fits no other (needs no terms)

Template strings are untrusted like any text (a shared template may carry terminal escapes):
titles, descriptions, names and ``catch_all`` are neutralised as they are parsed
(:mod:`briefer.untrusted`), and so is every error message.  A template nested too deeply for
the TOML parser is a :class:`TemplateError` too; a broken file in the user folder is listed
as broken and never stops ``briefer templates``.

Every mistake is a :class:`TemplateError` naming the file and line (tomllib gives the line of
a syntax error; for a wrong key or value the line is found by searching the raw text), so a
user can fix a template without guessing.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefer.errors import TemplateError
from briefer.untrusted import neutralise_name

AUTO = "auto"
DEFAULT_LIMIT = 3
DEFAULT_CATCH_ALL = "Other points"
TERM_KEYS = ("topics", "people", "places", "organisations", "cues")
SECTION_KEYS = ("title", *TERM_KEYS, "limit", "rest")
TOP_KEYS = ("name", "description", "limit", "catch_all", "section")



@dataclass(frozen=True, slots=True)
class SectionSpec:
    """One section of a template: its title and what belongs in it."""

    title: str
    topics: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()
    limit: int | None = None
    rest: bool = False


@dataclass(frozen=True, slots=True)
class Template:
    """A parsed template.  ``sections`` is empty for ``auto``, whose sections come from the
    text; ``catch_all`` is the title of the final section for sentences that fit no other, or
    None to leave them out."""

    name: str
    sections: tuple[SectionSpec, ...]
    description: str = ""
    limit: int = DEFAULT_LIMIT
    catch_all: str | None = DEFAULT_CATCH_ALL
    origin: str = "built-in"  # "built-in", "user" or "path"
    path: Path | None = None

    @property
    def auto(self) -> bool:
        return not self.sections


@dataclass(frozen=True, slots=True)
class TemplateInfo:
    """A template as ``briefer templates`` lists it."""

    name: str
    path: Path | None
    origin: str  # "built-in", "user" or "path"
    description: str = ""
    shadowed: bool = False  # a user template of the same name is used instead


AUTO_TEMPLATE = Template(AUTO, (), "Sections found in the text: its main people, places and "
                                   "organisations, and the sentences around them.")


def config_dir() -> Path:
    """briefer's config folder: ``$BRIEFER_CONFIG_DIR``, else the platform's (platformdirs)."""
    override = os.environ.get("BRIEFER_CONFIG_DIR")
    if override:
        return Path(override)
    from platformdirs import user_config_dir

    return Path(user_config_dir("briefer", appauthor=False))


def user_template_dir() -> Path:
    """Where a user's own templates live: ``<config dir>/templates``."""
    return config_dir() / "templates"


def _builtin_files() -> dict[str, Any]:
    from importlib import resources  # only for a named template: 3 ms of start-up

    folder = resources.files("briefer").joinpath("templates")
    try:
        entries = list(folder.iterdir())
    except (FileNotFoundError, NotADirectoryError):
        return {}
    return {e.name[:-5]: e for e in sorted(entries, key=lambda e: e.name)
            if e.name.endswith(".toml")}


def _user_files() -> dict[str, Path]:
    folder = user_template_dir()
    if not folder.is_dir():
        return {}
    return {p.stem: p for p in sorted(folder.glob("*.toml")) if p.is_file()}


def _looks_like_path(name: str) -> bool:
    return name.endswith(".toml") or "/" in name or os.sep in name or name.startswith(".")


def load_template(name_or_path: str) -> Template:
    """The template called ``name_or_path`` (user folder, then built-in), or read from a path.

    ``auto`` gives :data:`AUTO_TEMPLATE`.  Raises :class:`TemplateError` when there is no
    such template or it is broken.
    """
    name = name_or_path.strip()
    if name.lower() == AUTO:
        return AUTO_TEMPLATE
    if _looks_like_path(name) or (Path(name).is_file() and not _known(name)):
        path = Path(name).expanduser()
        if not path.is_file():
            raise TemplateError("no such template file", name)
        return parse_template(_read(path, name), name, origin="path", path=path)
    user = _user_files().get(name)
    if user is not None:
        return parse_template(_read(user, str(user)), str(user), origin="user", path=user)
    builtin = _builtin_files().get(name)
    if builtin is not None:
        return parse_template(builtin.read_text(encoding="utf-8"), str(builtin),
                              origin="built-in", path=Path(str(builtin)), name=name)
    import difflib

    known = [AUTO, *sorted(set(_builtin_files()) | set(_user_files()))]
    hint = difflib.get_close_matches(name, known, n=1)
    did_you_mean = f" (did you mean {hint[0]!r}?)" if hint else ""
    raise TemplateError(f"no template named {name!r}{did_you_mean}; choose from "
                        f"{', '.join(known)}, or give a path to a .toml file "
                        f"(your own go in {user_template_dir()})")


def _known(name: str) -> bool:
    return name in _builtin_files() or name in _user_files()


def _read(path: Path, label: str) -> str:
    try:
        data = path.read_bytes()
    except OSError as err:
        raise TemplateError(f"cannot be read ({err.strerror or err})", label) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise TemplateError("is not UTF-8 text", label) from None


def list_templates() -> list[TemplateInfo]:
    """Every template a name can reach: ``auto``, the built-ins, then the user's own."""
    users = _user_files()
    out = [TemplateInfo(AUTO, None, "built-in", AUTO_TEMPLATE.description)]
    for name, entry in _builtin_files().items():
        out.append(TemplateInfo(name, Path(str(entry)), "built-in",
                                _description(entry.read_text(encoding="utf-8")),
                                shadowed=name in users))
    for name, path in users.items():
        try:
            description = parse_template(_read(path, str(path)), str(path), origin="user",
                                         path=path).description
        except TemplateError as err:
            description = f"broken: {err}"
        out.append(TemplateInfo(neutralise_name(name), path, "user", description))
    return out


def _description(text: str) -> str:
    try:
        value = tomllib.loads(text).get("description", "")
    except (tomllib.TOMLDecodeError, RecursionError):
        return ""
    return neutralise_name(value) if isinstance(value, str) else ""


# -- parsing and validation ----------------------------------------------------------------

_TOML_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_HEADER = re.compile(r"^\s*\[\[\s*section\s*\]\]")


class _Lines:
    """The raw text of a template, searched for the line a key or section header sits on."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.headers = [i for i, line in enumerate(self.lines) if _HEADER.match(line)]

    def section_span(self, k: int) -> tuple[int, int]:
        """0-based line range of the ``k``-th ``[[section]]`` (header included)."""
        if k >= len(self.headers):
            return (0, len(self.lines))
        end = self.headers[k + 1] if k + 1 < len(self.headers) else len(self.lines)
        return (self.headers[k], end)

    def key(self, key: str, span: tuple[int, int] | None = None) -> int | None:
        """1-based line of ``key = ...`` (or a ``[key]`` table) within ``span``."""
        start, end = span or (0, self.headers[0] if self.headers else len(self.lines))
        pattern = re.compile(rf"""^\s*(?:(["']?){re.escape(key)}\1\s*=|\[\[?\s*{re.escape(key)}
                                  \s*\]\]?)""", re.X)
        for i in range(start, min(end, len(self.lines))):
            if pattern.match(self.lines[i]):
                return i + 1
        return None

    def header(self, k: int) -> int | None:
        return self.headers[k] + 1 if k < len(self.headers) else None


def parse_template(text: str, label: str, *, origin: str = "path", path: Path | None = None,
                   name: str | None = None) -> Template:
    """Parse and check a template's TOML ``text``; ``label`` names the file in errors."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        message = str(err)
        m = _TOML_AT.search(message)
        if m:
            raise TemplateError(f"column {m.group(2)}: not valid TOML: {message[:m.start()]}",
                                label, int(m.group(1))) from None
        if message.endswith("(at end of document)"):
            last = max(1, len(text.splitlines()))
            raise TemplateError(f"not valid TOML: {message[:-len(' (at end of document)')]} "
                                f"(at the end of the file)", label, last) from None
        raise TemplateError(f"not valid TOML: {message}", label) from None
    except RecursionError:
        raise TemplateError("not valid here: tables or arrays nested too deeply to read",
                            label) from None
    lines = _Lines(text)

    def fail(message: str, line: int | None) -> TemplateError:
        return TemplateError(message, label, line)

    _unknown_keys(data, TOP_KEYS, "", lines, None, fail)
    default_name = name or (path.stem if path is not None else Path(label).stem)
    t_name = _string(data, "name", lines, None, fail, default=default_name)
    description = _string(data, "description", lines, None, fail, default="")
    limit = _limit(data, lines, None, fail, default=DEFAULT_LIMIT)
    catch_all = _catch_all(data, lines, fail)
    raw_sections = data.get("section")
    if raw_sections is None:
        raise fail("a template needs at least one [[section]]", None)
    if not isinstance(raw_sections, list) or not all(isinstance(s, dict) for s in raw_sections):
        raise fail("'section' must be a list of tables: write each as [[section]]",
                   lines.key("section"))
    sections: list[SectionSpec] = []
    seen: dict[str, int] = {}
    for k, raw in enumerate(raw_sections):
        span = lines.section_span(k)
        sections.append(_section(raw, k, span, lines, fail))
        title = sections[-1].title
        if title.casefold() in seen:
            raise fail(f"two sections are titled {title!r}", lines.key("title", span))
        seen[title.casefold()] = k
    rests = [k for k, s in enumerate(sections) if s.rest]
    if len(rests) > 1:
        raise fail("only one section may have rest = true", lines.key("rest", lines.section_span(
            rests[1])))
    if rests and "catch_all" in data and data["catch_all"] is not False:
        raise fail("catch_all and a section with rest = true both take the sentences that fit "
                   "no section; keep one", lines.key("catch_all"))
    if rests:
        catch_all = None
    return Template(t_name, tuple(sections), description, limit, catch_all, origin, path)


def _section(raw: dict[str, Any], k: int, span: tuple[int, int], lines: _Lines,
             fail: Any) -> SectionSpec:
    where = f"section {k + 1}"
    _unknown_keys(raw, SECTION_KEYS, f"{where}: ", lines, span, fail)
    if "title" not in raw:
        raise fail(f"{where} has no title", lines.header(k))
    title = _string(raw, "title", lines, span, fail, default="")
    if not title.strip():
        raise fail(f"{where} has an empty title", lines.key("title", span))
    where = f"section {title!r}"
    terms: dict[str, tuple[str, ...]] = {}
    for key in TERM_KEYS:
        value = raw.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail(f"{where}: {key} must be a list of strings", lines.key(key, span))
        for v in value:
            if not re.search(r"[^\W\d_]", v):
                raise fail(f"{where}: {key} entry {v!r} has no words to match",
                           lines.key(key, span))
        terms[key] = tuple(v.strip() for v in value)
    rest = raw.get("rest", False)
    if not isinstance(rest, bool):
        raise fail(f"{where}: rest must be true or false", lines.key("rest", span))
    limit = _limit(raw, lines, span, fail, default=None)
    if not rest and not any(terms.values()):
        raise fail(f"{where} has nothing to match: give it topics, people, places, "
                   f"organisations or cues (or rest = true)", lines.header(k))
    return SectionSpec(title.strip(), limit=limit, rest=rest, **terms)


def _unknown_keys(data: dict[str, Any], allowed: tuple[str, ...], where: str, lines: _Lines,
                  span: tuple[int, int] | None, fail: Any) -> None:
    for key in data:
        if key not in allowed:
            import difflib  # only for a broken template

            hint = difflib.get_close_matches(key, allowed, n=1)
            extra = f" (did you mean {hint[0]!r}?)" if hint else ""
            raise fail(f"{where}unknown key {key!r}{extra}; known keys: {', '.join(allowed)}",
                       lines.key(key, span))


def _string(data: dict[str, Any], key: str, lines: _Lines, span: tuple[int, int] | None,
            fail: Any, *, default: str) -> str:
    value = data.get(key, default)
    if not isinstance(value, str):
        raise fail(f"{key} must be a string", lines.key(key, span))
    return neutralise_name(value)


def _limit(data: dict[str, Any], lines: _Lines, span: tuple[int, int] | None, fail: Any, *,
           default: int | None) -> int | None:
    if "limit" not in data:
        return default
    value = data["limit"]
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise fail("limit must be a whole number of at least 1", lines.key("limit", span))
    return value


def _catch_all(data: dict[str, Any], lines: _Lines, fail: Any) -> str | None:
    value = data.get("catch_all", True)
    if value is True:
        return DEFAULT_CATCH_ALL
    if value is False:
        return None
    if not isinstance(value, str) or not value.strip():
        raise fail("catch_all must be a section title or false", lines.key("catch_all"))
    return neutralise_name(value.strip())
