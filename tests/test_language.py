"""A second language: which one a run speaks, the Spanish catalogue and content, every
output in Spanish, and partners who answered in different languages."""

from __future__ import annotations

import gettext
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from typer.testing import CliRunner

from intimacy_check import language, messages
from intimacy_check.cli import app
from intimacy_check.messages import commands, errors, patterns, quiz, reports, sealing, stats

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "examples"
ALEX, SAM = str(EXAMPLES / "alex.yaml"), str(EXAMPLES / "sam.yaml")
LOCALE = ROOT / "intimacy_check" / "locale"
SPANISH_PO = LOCALE / "es" / "LC_MESSAGES" / "intimacy_check.po"
SPANISH_MO = LOCALE / "es" / "LC_MESSAGES" / "intimacy_check.mo"


def run(*args: str, input: str | None = None, env: dict[str, str] | None = None):  # noqa: A002
    return CliRunner(env=env).invoke(app, list(args), input=input)


# --- choosing the language -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("option", "environ", "chosen"),
    [
        (None, {}, "en"),
        ("es", {}, "es"),
        ("ES", {}, "es"),
        ("en", {"INTIMACY_CHECK_LANG": "es", "LANG": "es_ES.UTF-8"}, "en"),  # --lang first
        (None, {"INTIMACY_CHECK_LANG": "es", "LANG": "en_US.UTF-8"}, "es"),  # then ours
        (None, {"INTIMACY_CHECK_LANG": "", "LANG": "es_MX.UTF-8"}, "es"),  # empty is unset
        (None, {"LANGUAGE": "fr:es", "LANG": "en_GB.UTF-8"}, "es"),  # the first we have
        (None, {"LANGUAGE": "fr", "LANG": "es_ES.UTF-8"}, "en"),  # the first set decides
        (None, {"LC_ALL": "es_AR.UTF-8", "LANG": "en_US.UTF-8"}, "es"),
        (None, {"LC_ALL": "C", "LANG": "es_ES.UTF-8"}, "en"),  # C means untranslated
        (None, {"LC_MESSAGES": "es_CO", "LANG": "en_US"}, "es"),
        (None, {"LANG": "fr_FR.UTF-8"}, "en"),  # a locale we lack is not an error
    ],
)
def test_the_first_that_is_set_decides(option, environ, chosen) -> None:
    assert language.choose(option, environ) == chosen


@pytest.mark.parametrize(("option", "environ"), [("fr", {}), (None, {"INTIMACY_CHECK_LANG": "de"})])
def test_a_language_asked_for_by_name_must_exist(option, environ) -> None:
    with pytest.raises(language.UnknownLanguage):
        language.choose(option, environ)


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The installed command line, as a person runs it (main() places --lang anywhere)."""
    return subprocess.run(
        [sys.executable, "-m", "intimacy_check", *args],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", **(env or {})},
        timeout=60,
    )


def test_an_unknown_language_is_one_usage_line_that_lists_those_there_are() -> None:
    result = cli("report", ALEX, "--lang", "fr")
    assert result.returncode == 2
    assert result.stderr == (
        "intimacy-check: error: Invalid value for '--lang': there is no language 'fr'; "
        "the languages available are en and es (see 'intimacy-check --help')\n"
    )
    result = cli("signs", env={"INTIMACY_CHECK_LANG": "de"})
    assert result.returncode == 2
    assert "INTIMACY_CHECK_LANG asks for the language 'de', which intimacy-check does not" in (
        result.stderr
    )


@pytest.mark.parametrize(
    "args",
    [
        ["--lang", "es", "report", ALEX, "-f", "text"],
        ["report", ALEX, "--lang", "es", "-f", "text"],
        ["report", ALEX, "-f", "text", "--lang=es"],
    ],
    ids=["before", "after", "equals"],
)
def test_lang_works_anywhere_on_the_command_line(args: list[str]) -> None:
    result = cli(*args)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Informe de intimidad emocional: Alex\n")


def test_the_environment_and_the_locale_choose_when_lang_is_not_given() -> None:
    assert cli("report", ALEX, "-f", "text", env={"INTIMACY_CHECK_LANG": "es"}).stdout.startswith(
        "Informe"
    )
    assert cli("report", ALEX, "-f", "text", env={"LANG": "es_ES.UTF-8"}).stdout.startswith(
        "Informe"
    )
    assert cli("report", ALEX, "-f", "text", env={"LANG": "de_DE.UTF-8"}).stdout.startswith(
        "Emotional intimacy report"
    )


def test_the_help_is_in_the_language_of_the_run() -> None:
    shown = cli("--lang", "es", "report", "--help").stdout
    assert "Muestra o guarda un informe" in shown or "informe" in shown.lower()
    assert "Show or save a report" not in shown
    assert "El idioma de todas las preguntas" in cli("--help", "--lang", "es").stdout


# --- the catalogue ---------------------------------------------------------------------------


def catalogue_entries() -> list[str]:
    return [
        value
        for module in (reports, errors, quiz, commands, sealing, patterns, stats)
        for name, value in vars(module).items()
        if name.isupper() and isinstance(value, str)
    ]


def test_the_template_holds_every_entry_of_the_catalogue_and_nothing_else() -> None:
    extracted = {
        message
        for _file, _line, message, _comments, _context in extract_from_dir(
            ROOT / "intimacy_check" / "messages", keywords={"N_": None}
        )
    }
    assert extracted == set(catalogue_entries())
    with (LOCALE / "intimacy_check.pot").open("rb") as template:
        assert {m.id for m in read_po(template) if m.id} == extracted, (
            "the .pot is out of date: see 'The translation catalogues' in the README"
        )


def test_every_entry_is_translated_with_the_same_placeholders() -> None:
    with SPANISH_PO.open("rb") as po:
        catalog = read_po(po)
    translated = {m.id: m.string for m in catalog if m.id}
    assert set(translated) == set(catalogue_entries())
    for english, spanish in translated.items():
        assert spanish, f"not translated: {english!r}"
        assert not catalog[english].fuzzy, english
        fields = re.compile(r"{(\w*)[^}]*}")
        assert sorted(fields.findall(english)) == sorted(fields.findall(spanish)), english
    assert translated[reports.LANGUAGE] == "es"


def test_the_compiled_catalogue_is_up_to_date_with_its_po_file() -> None:
    with SPANISH_PO.open("rb") as po, SPANISH_MO.open("rb") as mo:
        source, compiled = read_po(po), read_mo(mo)
    expected = {m.id: m.string for m in source if m.id}
    found = {m.id: m.string for m in compiled if m.id}
    assert found == expected, "run: pybabel compile -d intimacy_check/locale -D intimacy_check"


def test_every_entry_fills_in_in_spanish() -> None:
    translations = gettext.translation(
        language.DOMAIN, localedir=language.LOCALE_DIR, languages=["es"]
    )
    for english in catalogue_entries():
        names = re.findall(r"{(\w+)", english)
        translations.gettext(english).format(**dict.fromkeys(names, 1))  # raises if broken


# --- every output in Spanish -----------------------------------------------------------------

# Fragments of English catalogue sentences: the words between placeholders, at least three
# words long, so that names, ids, numbers and words both languages share do not count.
_FIELD = re.compile(r"{[^}]*}")


def english_fragments() -> set[str]:
    with SPANISH_PO.open("rb") as po:
        spanish = {m.id: m.string for m in read_po(po) if m.id}
    found = set()
    for english in catalogue_entries():
        for piece in _FIELD.split(english):
            piece = " ".join(piece.split()).strip(" .,;:()'\"")
            words = re.findall(r"[A-Za-z]{2,}", piece)
            if len(words) >= 3 and piece not in spanish[english]:
                found.add(piece)
    return found


def flat(text: str) -> str:
    return " ".join(text.split())


OUTPUTS = [
    ("report", [ALEX], ["-f", "text"]),
    ("report", [ALEX], ["-f", "markdown"]),
    ("report", [ALEX], ["-f", "html"]),
    ("report", [ALEX], ["-f", "json"]),
    ("report", [ALEX, SAM], ["-f", "text"]),
    ("report", [ALEX, SAM], ["-f", "markdown"]),
    ("report", [ALEX, SAM], ["-f", "html"]),
    ("report", [ALEX, SAM], ["-f", "json"]),
    ("report", [ALEX, SAM], ["-f", "fhir"]),
    ("compare", [ALEX, SAM], ["-f", "text"]),
    (
        "progress",
        [str(EXAMPLES / "alex-september.yaml"), str(EXAMPLES / "alex-october.yaml"), ALEX],
        ["-f", "text"],
    ),
    (
        "progress",
        [str(EXAMPLES / "alex-september.yaml"), str(EXAMPLES / "alex-october.yaml"), ALEX],
        ["-f", "html"],
    ),
    ("summary", [str(EXAMPLES)], ["-f", "json"]),
    ("signs", [], []),
]


@pytest.mark.parametrize(
    ("command", "files", "options"),
    OUTPUTS,
    ids=[f"{c}-{len(f)}-{o[1] if o else 'terminal'}" for c, f, o in OUTPUTS],
)
def test_every_output_in_spanish_holds_no_english_sentence(command, files, options) -> None:
    result = run("--lang", "es", command, *files, *options)
    assert result.exit_code == 0, result.stderr
    shown = flat(result.stdout.replace("\\n", " "))
    if options[1:] in (["json"], ["fhir"]):
        shown = flat(json.dumps(json.loads(result.stdout), ensure_ascii=False))
    english = [fragment for fragment in english_fragments() if fragment in shown]
    assert english == []
    # The short words between names and dates, which templates once wrote out themselves.
    assert "Alex and Sam" not in shown and " to 2026-" not in shown
    assert "intimacy-check" in shown or command == "signs"


def test_the_terminal_report_and_the_results_of_a_quiz_are_in_spanish(tmp_path: Path) -> None:
    out = tmp_path / "alex.yaml"
    result = run(
        "--lang", "es", "quiz", "--name", "Alex", "-o", str(out), input="4\n" * 10 + "2\n" * 10
    )
    assert result.exit_code == 0, result.stderr
    shown = flat(result.stdout)
    assert "Confío plenamente en mi pareja" in shown or "pareja" in shown
    assert "Tus resultados, Alex" in shown
    assert [fragment for fragment in english_fragments() if fragment in shown] == []
    saved = out.read_text(encoding="utf-8")
    assert "\nlanguage: es\n" in saved and "\nversion: 2\n" in saved


def test_the_spanish_html_says_its_language() -> None:
    html = run("--lang", "es", "report", ALEX, "-f", "html").stdout
    assert '<html lang="es">' in html


# --- partners in different languages ---------------------------------------------------------


def in_spanish(path: str, tmp_path: Path) -> Path:
    """The same answers, as a Spanish quiz would have saved them."""
    text = (
        Path(path)
        .read_text(encoding="utf-8")
        .replace("status: completed\n", "status: completed\nlanguage: es\n")
    )
    spanish = tmp_path / Path(path).name
    spanish.write_text(text, encoding="utf-8")
    return spanish


def couple(result) -> dict:
    value = json.loads(result.stdout)
    return {"couple": value["couple"], "steps": value["steps"], "advice": value["advice"]}


@pytest.mark.parametrize("spanish_one", ["first", "second"])
def test_a_couple_who_answered_in_two_languages_compare_as_in_one(
    tmp_path: Path, spanish_one: str
) -> None:
    first, second = (
        (str(in_spanish(ALEX, tmp_path)), SAM)
        if spanish_one == "first"
        else (ALEX, str(in_spanish(SAM, tmp_path)))
    )
    english = run("compare", ALEX, SAM, "-f", "json")
    mixed = run("compare", first, second, "-f", "json")
    assert mixed.exit_code == 0, mixed.stderr
    assert couple(mixed) == couple(english)
    assert json.loads(mixed.stdout)["couple"]["agreement"] == 35.0
    # Printed in Spanish too, whatever the files were answered in.
    spanish = run("--lang", "es", "compare", first, second, "-f", "json")
    assert [c["category"] for c in couple(spanish)["couple"]["signs"]] == [
        c["category"] for c in couple(english)["couple"]["signs"]
    ]


def test_progress_follows_one_person_across_languages(tmp_path: Path) -> None:
    october = in_spanish(str(EXAMPLES / "alex-october.yaml"), tmp_path)
    files = [str(EXAMPLES / "alex-september.yaml"), str(october), ALEX]
    english = run("progress", *files, "-f", "text")
    assert english.exit_code == 0, english.stderr
    plain = run(
        "progress",
        str(EXAMPLES / "alex-september.yaml"),
        str(EXAMPLES / "alex-october.yaml"),
        ALEX,
        "-f",
        "text",
    )
    assert english.stdout == plain.stdout.replace(str(EXAMPLES / "alex-october.yaml"), str(october))
    assert "Progreso" in run("--lang", "es", "progress", *files, "-f", "text").stdout


def test_a_file_without_a_language_is_english_and_one_with_a_bad_code_is_refused(
    tmp_path: Path,
) -> None:
    from intimacy_check.answers import read_answer_sheet

    assert read_answer_sheet(Path(ALEX)).language == "en"
    assert read_answer_sheet(in_spanish(ALEX, tmp_path)).language == "es"
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        Path(ALEX)
        .read_text(encoding="utf-8")
        .replace("status: completed\n", "status: completed\nlanguage: Spanish\n")
    )
    result = run("report", str(bad))
    assert result.exit_code == 1
    assert result.stderr == (
        f"intimacy-check: error: {bad}: 'language' must be a language code such as en or es, "
        "not 'Spanish'\n"
    )


def test_the_language_of_a_response_travels_in_fhir(tmp_path: Path) -> None:
    exported = tmp_path / "alex.fhir.json"
    assert run("report", str(in_spanish(ALEX, tmp_path)), "-o", str(exported)).exit_code == 0
    bundle = json.loads(exported.read_text())
    response = next(
        e["resource"]
        for e in bundle["entry"]
        if e["resource"]["resourceType"] == "QuestionnaireResponse"
    )
    assert response["language"] == "es"


def test_after_a_spanish_run_the_next_speaks_english_again() -> None:
    assert run("--lang", "es", "signs").exit_code == 0
    assert messages._(reports.REPORT_TITLE) == "Informe de intimidad emocional"
    # Each run chooses afresh: without --lang, the environment says English.
    assert run("report", ALEX, "-f", "text").stdout.startswith("Emotional intimacy report")


@pytest.mark.parametrize("width", [80, 60, 40])
def test_a_long_scale_breaks_only_between_ratings(width: int) -> None:
    from rich.console import Console

    from intimacy_check.formats.quiz_screen import quiz_screen
    from intimacy_check.questionnaire import load_questionnaire

    spanish = load_questionnaire(ROOT / "data", language="es")
    console = Console(width=width, record=True, color_system=None)
    console.print(quiz_screen(spanish, spanish.signs[0], position=0, total=20, current=None))
    lines = console.export_text().splitlines()
    scale = [line for line in lines if re.match(r"^\d ", line)]
    assert scale and not any(line.startswith("·") for line in lines)
    shown = " · ".join(scale)
    for rating, label in enumerate(spanish.scale, start=1):
        assert f"{rating} {label}" in shown  # never split inside a rating
