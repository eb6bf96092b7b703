"""Templates: lookup by name and path, the user folder, and errors that name file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefer.brief import TemplateError, list_templates, load_template
from briefer.brief.template import DEFAULT_CATCH_ALL, parse_template, user_template_dir

ROOT = Path(__file__).resolve().parents[2]
SEED_TEMPLATE = ROOT / "seeds" / "venezuela-mexico.toml"

GOOD = """\
description = "A test template"
limit = 2

[[section]]
title = "Places"
places = ["Mexico"]

[[section]]
title = "Words"
topics = ["strike"]
cues = ["warned"]
"""


def write(tmp_path: Path, text: str, name: str = "t.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_seed_template_has_the_three_sections_in_order() -> None:
    template = load_template(str(SEED_TEMPLATE))
    assert [s.title for s in template.sections] == ["Venezuela", "Mexico", "Reactions"]
    assert template.origin == "path"
    assert template.name == "venezuela-mexico"


def test_builtin_news_by_name_and_auto() -> None:
    news = load_template("news")
    assert news.origin == "built-in" and news.sections
    assert load_template("auto").auto
    assert load_template("AUTO").auto


def test_path_template_parses_keys(tmp_path: Path) -> None:
    template = load_template(str(write(tmp_path, GOOD)))
    assert template.limit == 2
    assert template.description == "A test template"
    assert template.catch_all == DEFAULT_CATCH_ALL
    assert template.sections[1].cues == ("warned",)


def test_list_shows_builtins_and_user_templates_with_origin(tmp_path: Path) -> None:
    folder = user_template_dir()
    assert str(folder).startswith(str(Path(__import__("os").environ["BRIEFER_CONFIG_DIR"])))
    folder.mkdir(parents=True)
    write(folder, GOOD, "mine.toml")
    write(folder, GOOD, "news.toml")  # shadows the built-in
    infos = {(i.name, i.origin): i for i in list_templates()}
    assert ("auto", "built-in") in infos
    assert infos[("news", "built-in")].shadowed
    assert infos[("mine", "user")].path == folder / "mine.toml"
    assert load_template("news").origin == "user"
    assert load_template("mine").description == "A test template"


def test_a_broken_user_template_is_listed_not_fatal() -> None:
    folder = user_template_dir()
    folder.mkdir(parents=True)
    write(folder, "limit = \n", "broken.toml")
    info = next(i for i in list_templates() if i.name == "broken")
    assert info.description.startswith("broken:")


def test_unknown_name_suggests_and_lists() -> None:
    with pytest.raises(TemplateError) as err:
        load_template("nwes")
    message = str(err.value)
    assert "'nwes'" in message and "did you mean 'news'" in message and "auto" in message


def test_missing_file_names_it(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.toml")
    with pytest.raises(TemplateError, match="nope.toml: no such template file"):
        load_template(missing)


def test_template_error_is_a_value_error() -> None:
    assert issubclass(TemplateError, ValueError)


def _error(text: str, tmp_path: Path) -> str:
    path = write(tmp_path, text)
    with pytest.raises(TemplateError) as err:
        load_template(str(path))
    message = str(err.value)
    assert message.startswith(str(path))
    return message[len(str(path)):]


def test_bad_toml_reports_line_and_column(tmp_path: Path) -> None:
    message = _error('description = "x"\n\n[[section]]\ntitle = A\ntopics = ["a"]\n', tmp_path)
    assert message.startswith(":4: column 9: not valid TOML: Invalid value")
    unfinished = _error('description = "x"\n\n[[section]]\ntitle = "A"\ntopics = ["a",\n',
                        tmp_path)
    assert unfinished.startswith(":5: not valid TOML")


def test_a_line_break_in_a_template_path_cannot_forge_a_line(tmp_path: Path) -> None:
    """The path is labelled as every other source is (``neutralise_name``)."""
    path = tmp_path / "a\nbriefer: done.toml"
    path.write_text("Invalid statement\n", encoding="utf-8")
    for given in (path, tmp_path / "b\nbriefer: done.toml"):  # broken, then missing
        with pytest.raises(TemplateError) as err:
            load_template(str(given))
        assert "\n" not in str(err.value)
        assert str(err.value).startswith(str(given).replace("\n", "?") + ":")


def test_unknown_top_level_key_names_its_line(tmp_path: Path) -> None:
    assert _error('description = "x"\ncatchall = false\n' + GOOD.split("\n", 1)[1],
                  tmp_path).startswith(":2: unknown key 'catchall' (did you mean 'catch_all'?)")


def test_unknown_key_in_a_section_names_its_line(tmp_path: Path) -> None:
    text = GOOD + '\n[[section]]\ntitle = "Third"\ntopic = ["x"]\n'
    message = _error(text, tmp_path)
    line = text.splitlines().index('topic = ["x"]') + 1
    assert message.startswith(f":{line}: section 3: unknown key 'topic'")
    assert "did you mean 'topics'" in message


def test_section_with_nothing_to_match_names_its_header(tmp_path: Path) -> None:
    text = GOOD + '\n[[section]]\ntitle = "Empty"\nlimit = 1\n'
    message = _error(text, tmp_path)
    line = text.splitlines().index('title = "Empty"')  # the [[section]] line, 1-based
    assert message.startswith(f":{line}: section 'Empty' has nothing to match")


def test_wrong_types_name_their_lines(tmp_path: Path) -> None:
    assert _error(GOOD.replace("limit = 2", "limit = 0"), tmp_path).startswith(":2: limit")
    assert "topics must be a list of strings" in _error(
        GOOD.replace('topics = ["strike"]', "topics = [1, 2]"), tmp_path)
    assert "has no title" in _error("[[section]]\ntopics = ['a']\n", tmp_path)
    assert "at least one [[section]]" in _error('description = "x"\n', tmp_path)
    assert "two sections are titled" in _error(GOOD.replace('"Words"', '"Places"'), tmp_path)
    assert "has no words" in _error(GOOD.replace('"strike"', '"2024"'), tmp_path)


def test_rest_section_and_catch_all(tmp_path: Path) -> None:
    rest = parse_template('[[section]]\ntitle = "All"\nrest = true\n', "x.toml")
    assert rest.sections[0].rest and rest.catch_all is None
    off = parse_template(GOOD + "", "x.toml")
    assert off.catch_all == DEFAULT_CATCH_ALL
    dropped = parse_template("catch_all = false\n" + GOOD, "x.toml")
    assert dropped.catch_all is None
    named = parse_template('catch_all = "Also"\n' + GOOD, "x.toml")
    assert named.catch_all == "Also"
    both = 'catch_all = "Also"\n[[section]]\ntitle = "All"\nrest = true\n'
    with pytest.raises(TemplateError, match="x.toml:1: catch_all and a section"):
        parse_template(both, "x.toml")


def test_not_utf8_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "latin.toml"
    path.write_bytes('title = "caf\xe9"\n'.encode("latin-1"))
    with pytest.raises(TemplateError, match="not UTF-8"):
        load_template(str(path))
