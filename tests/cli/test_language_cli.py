"""``--language`` on every command, and the language in JSON and footers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefer.cli import cli

SPANISH = (
    "Acuerdo sobre el salario mínimo\n\n"
    "El Gobierno anunció el lunes que subirá el salario mínimo el próximo año, tras semanas "
    "de protestas de los sindicatos y los estudiantes en la capital. El ministro dijo que la "
    "medida ya fue aprobada. Los empresarios advirtieron que habrá despidos si no hay ayudas. "
    "La oposición criticó que el aumento llega tarde y que no compensa la inflación.\n"
)


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    path = tmp_path / "noticia.txt"
    path.write_text(SPANISH, encoding="utf-8")
    return path


def invoke(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("command", ["summarize", "sentences", "brief"])
def test_json_names_the_detected_language_and_the_option_overrides_it(
        command: str, article: Path) -> None:
    assert json.loads(invoke(command, str(article), "-f", "json"))["language"] == "es"
    forced = json.loads(invoke(command, str(article), "-f", "json", "--language", "pt"))
    assert forced["language"] == "pt"


def test_brief_json_gives_each_source_its_language(article: Path, tmp_path: Path) -> None:
    english = tmp_path / "story.txt"
    english.write_text("The minister said on Monday that the wage would rise next year. "
                       "The unions said it was too little and that they would go on with "
                       "their protests in the capital.\n", encoding="utf-8")
    data = json.loads(invoke("brief", str(article), str(english), "-f", "json"))
    assert [s["language"] for s in data["sources"]] == ["es", "en"]
    assert data["language"] == "mul"


def test_footers_show_the_language(article: Path) -> None:
    assert "· es ·" in invoke("summarize", str(article), "-f", "markdown").splitlines()[-1]
    assert invoke("brief", str(article), "-f", "text").rstrip().endswith("· es")


def test_batch_records_carry_their_language(tmp_path: Path) -> None:
    data = tmp_path / "in.jsonl"
    data.write_text(json.dumps({"id": 1, "text": SPANISH}) + "\n", encoding="utf-8")
    out = [json.loads(line) for line in invoke("batch", str(data), "-j", "1").splitlines()
           if line.startswith("{")]
    assert out[0]["language"] == "es"


@pytest.mark.parametrize("command", ["summarize", "sentences", "brief", "batch", "tui"])
def test_every_command_offers_the_language_choices(command: str) -> None:
    out = invoke(command, "--help")
    assert "--language [auto|en|es|pt|fr|de|it]" in out


def test_an_unknown_language_is_a_usage_error(article: Path) -> None:
    result = CliRunner().invoke(cli, ["summarize", str(article), "--language", "xx"])
    assert result.exit_code == 2
    assert "'xx' is not one of" in result.output


# Written for these tests: the same news in two scripts none of the six languages uses.
OTHER_SCRIPTS = {
    "ru": "Правительство объявило в понедельник, что минимальная зарплата вырастет в "
          "следующем году. Профсоюзы приветствовали это решение. «Это победа рабочих», — "
          "сказал Иван Петров, лидер профсоюза. Оппозиция раскритиковала план.\n",
    "zh": "政府周一宣布，明年将提高最低工资。工会对这一决定表示欢迎。反对派批评了这项计划。"
          "财政部长表示，预算能够承受。\n",
}


@pytest.mark.parametrize("script", sorted(OTHER_SCRIPTS))
@pytest.mark.parametrize("command", ["summarize", "sentences", "brief", "entities"])
def test_a_text_in_another_script_is_read_and_said_to_be_undetermined(
        command: str, script: str, tmp_path: Path) -> None:
    # Not "en": the footer and JSON would state a language the text is not written in.
    path = tmp_path / f"{script}.txt"
    path.write_text(OTHER_SCRIPTS[script], encoding="utf-8")
    data = json.loads(invoke(command, str(path), "-f", "json"))
    assert data["language"] == "und"
    if command in ("summarize", "brief"):  # and the footer says so
        assert "· und" in invoke(command, str(path), "-f", "markdown").rstrip().splitlines()[-1]
    if command == "brief":
        assert data["sources"][0]["language"] == "und"
        assert data["sentences_in"] == 4
