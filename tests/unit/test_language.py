"""Language detection and per-language data (briefer.language)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from briefer import api, language
from briefer.language import (
    SUPPORTED,
    UNDETERMINED,
    detect_language,
    language_data,
    resolve_language,
    rules_language,
)

ROOT = Path(__file__).resolve().parents[2]

# Short news paragraphs written for these tests, one per language.
NEWS = {
    "en": "The government said on Monday that it would raise the minimum wage next year, "
          "after weeks of protests by unions and students in the capital.",
    "es": "El Gobierno anunció el lunes que subirá el salario mínimo el próximo año, tras "
          "semanas de protestas de los sindicatos y los estudiantes en la capital. El "
          "ministro dijo que la medida ya fue aprobada y que también habrá ayudas.",
    "pt": "O governo anunciou na segunda-feira que vai aumentar o salário mínimo no próximo "
          "ano, depois de semanas de protestos dos sindicatos e dos estudantes na capital. O "
          "ministro disse que a medida já foi aprovada e que não haverá atrasos.",
    "fr": "Le gouvernement a annoncé lundi qu'il augmentera le salaire minimum l'an prochain, "
          "après des semaines de manifestations des syndicats et des étudiants dans la "
          "capitale. Le ministre a précisé que la mesure est déjà votée.",
    "de": "Die Regierung hat am Montag angekündigt, den Mindestlohn im nächsten Jahr zu "
          "erhöhen, nach wochenlangen Protesten der Gewerkschaften und der Studenten in der "
          "Hauptstadt. Der Minister sagte, die Maßnahme sei bereits beschlossen.",
    "it": "Il governo ha annunciato lunedì che aumenterà il salario minimo il prossimo anno, "
          "dopo settimane di proteste dei sindacati e degli studenti nella capitale. Il "
          "ministro ha detto che la misura è già stata approvata.",
}


def run_child(code: str) -> str:
    """What ``code`` prints in a fresh interpreter (module state as a user's process has it)."""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


@pytest.mark.parametrize("code", SUPPORTED)
def test_each_language_is_detected_from_news_prose(code: str) -> None:
    assert detect_language(NEWS[code]) == code


@pytest.mark.parametrize("code", SUPPORTED)
def test_py3langid_decides_a_headline_too_short_for_the_function_word_vote(code: str) -> None:
    headlines = {"en": "Minimum wage rise announced", "es": "Anuncian subida del salario mínimo",
                 "pt": "Governo anuncia aumento do salário mínimo",
                 "fr": "Le gouvernement annonce une hausse du salaire minimum",
                 "de": "Regierung kündigt höheren Mindestlohn an",
                 "it": "Il governo annuncia l'aumento del salario minimo"}
    assert language._vote(headlines[code]) is None  # too few function words to vote
    assert detect_language(headlines[code]) == code


def test_function_words_belong_to_one_language_each() -> None:
    seen: dict[str, str] = {}
    for code, words in language._FUNCTION_WORDS.items():
        for word in words.split():
            assert word not in seen, f"{word!r} is listed for {seen.get(word)} and {code}"
            seen[word] = code


def test_a_declared_language_is_a_hint_the_text_overrides() -> None:
    # An English template left lang="en" on a Spanish page: the text wins.
    assert detect_language(NEWS["es"], hint="en") == "es"
    assert detect_language(NEWS["pt"], hint="es-ES") == "pt"
    # With no words to go on, the declaration decides; an unsupported one is ignored.
    assert detect_language("2026 · 12 · 01", hint="pt-BR") == "pt"
    assert detect_language("2026 · 12 · 01", hint="ja") == "en"


def test_only_the_title_and_the_start_of_the_text_are_read() -> None:
    german = (NEWS["de"] + " ") * 10
    assert len(german) > language.SAMPLE_CHARS
    assert detect_language(german + NEWS["en"] * 40) == "de"
    assert detect_language((NEWS["en"] + " ") * 12 + NEWS["de"] * 40) == "en"
    # The title counts too: a German headline over a short mixed paragraph.
    assert detect_language("Okay.", title=NEWS["de"]) == "de"


def test_resolve_language_takes_a_named_language_as_given_and_refuses_others() -> None:
    assert resolve_language("it", NEWS["en"]) == "it"
    assert resolve_language("auto", NEWS["fr"]) == "fr"
    assert resolve_language("ES", NEWS["en"]) == "es"
    with pytest.raises(ValueError, match="unsupported language 'xx'"):
        resolve_language("xx", NEWS["en"])


def test_the_identifier_is_private_and_leaves_py3langid_module_state_alone() -> None:
    code = (
        "from briefer.language import detect_language\n"
        "import py3langid.langid as L\n"
        "assert detect_language('Governo anuncia aumento do salário mínimo') == 'pt'\n"
        "assert L.IDENTIFIER is None, 'the module-level identifier was created'\n"
        "print(L.classify('これは日本語の文です')[0])\n"
    )
    assert run_child(code) == "ja"  # the library's own identifier still knows every language


def test_english_news_never_loads_the_model_or_a_language_file() -> None:
    seed = ROOT / "seeds" / "venezuela-mexico.txt"
    code = (
        "import sys\n"
        "from briefer import api, language\n"
        f"doc = api.read({str(seed)!r})\n"
        "assert doc.language == 'en'\n"
        "assert 'py3langid' not in sys.modules\n"
        "assert language.language_data.cache_info().currsize == 0\n"
        "print('ok')\n"
    )
    assert run_child(code) == "ok"


def test_documents_carry_their_language() -> None:
    assert api.split(NEWS["es"]).language == "es"
    assert api.split(NEWS["es"], language="pt").language == "pt"
    assert api.split("Nothing here.\n\n" + NEWS["it"]).language == "it"


@pytest.mark.parametrize("code", SUPPORTED)
def test_every_language_has_its_data_file(code: str) -> None:
    data = language_data(code)
    assert data.code == code and data.name == language.NAMES[code]


def test_an_unknown_language_has_no_data() -> None:
    with pytest.raises(ValueError):
        language_data("xx")


@pytest.mark.parametrize("text", [
    "Кулинарные блоги стали популярны в последние годы: авторы делятся рецептами и "
    "фотографиями блюд, а читатели спрашивают совета.",
    "Το υπουργείο ανακοίνωσε χθες ότι ο κατώτατος μισθός θα αυξηθεί τον επόμενο χρόνο.",
    "先日、不正に改造した携帯電話を販売したとして、商標法違反の疑いで男性が逮捕されました。",
])
def test_a_text_in_another_script_is_undetermined_or_its_declared_language(text: str) -> None:
    # None of the six languages is written in Cyrillic, Greek or Japanese: no nearest of them
    # (py3langid restricted to the six reads these as German, Italian and Portuguese), and
    # not English either, which every footer and JSON output would then state.
    assert detect_language(text) == UNDETERMINED == "und"
    assert detect_language(text, hint="pt-BR") == "pt"
    assert rules_language(detect_language(text)) == "en"  # read with English rules


def test_a_text_with_no_letters_is_still_english() -> None:
    assert detect_language("1234 5678 — 90 %") == "en"
