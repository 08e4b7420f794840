"""The content loader: the shipped data, the source article, and one exact message per breakage."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import ABSENCE_IDS, PRESENCE_IDS

from intimacy_check.errors import ContentError
from intimacy_check.questionnaire import (
    DATA_ENV,
    LACK_SIGNS_FILE,
    SIGNS_FILE,
    STEPS_FILE,
    default_data_dir,
    load_questionnaire,
    resolve_data_dir,
)

ARTICLE = Path(__file__).resolve().parents[2] / "shared/content/emotional-intimacy-article.txt"
SHIPPED_DATA = Path(__file__).parent.parent / "data"

# --- the shipped content ------------------------------------------------------------------


def test_shipped_signs(questionnaire) -> None:
    assert questionnaire.id == "emotional-intimacy"
    assert questionnaire.version == 1
    assert [section.id for section in questionnaire.sections] == ["presence", "absence"]
    assert tuple(sign.id for sign in questionnaire.sections[0].signs) == PRESENCE_IDS
    assert tuple(sign.id for sign in questionnaire.sections[1].signs) == ABSENCE_IDS
    assert len(questionnaire.signs) == 20


def test_shipped_steps(questionnaire) -> None:
    kinds = [step.kind for step in questionnaire.steps]
    assert len(kinds) == 30
    assert kinds == ["restore"] * 10 + ["build"] * 20
    named = {step_id for sign in questionnaire.signs for step_id in sign.steps}
    unnamed = [s.id for s in questionnaire.steps if s.kind == "restore" and s.id not in named]
    assert unnamed == []


def test_shipped_exercises(questionnaire) -> None:
    with_exercises = {
        step.id: len(step.exercises) for step in questionnaire.steps if step.exercises
    }
    assert with_exercises == {"intimacy-exercises": 6}
    assert questionnaire.step("intimacy-exercises").exercises[0].name == (
        "Hug like there's no tomorrow"
    )


def test_shipped_absence_signs_have_a_clear_title(questionnaire) -> None:
    absence, presence = questionnaire.sections[1], questionnaire.sections[0]
    assert all(sign.clear_title for sign in absence.signs)
    assert all(sign.clear_title is None for sign in presence.signs)
    assert all(sign.strength_title == sign.clear_title for sign in absence.signs)
    assert all(sign.strength_title == sign.title for sign in presence.signs)


def test_shipped_scale_and_bands(questionnaire) -> None:
    assert questionnaire.scale == (
        "Strongly disagree",
        "Disagree",
        "In between",
        "Agree",
        "Strongly agree",
    )
    assert [(band.id, band.min) for band in questionnaire.bands] == [
        ("deeply-connected", 80),
        ("close-with-room-to-grow", 60),
        ("finding-your-way", 40),
        ("needs-care", 0),
    ]


def _words(text: str) -> list[str]:
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    return re.findall(r"[a-z0-9']+", text)


def test_content_does_not_copy_the_article() -> None:
    if not ARTICLE.is_file():
        pytest.skip(f"the source article is not at {ARTICLE}")
    run = 7
    article = _words(ARTICLE.read_text(encoding="utf-8"))
    phrases = {tuple(article[i : i + run]) for i in range(len(article) - run + 1)}
    copied = []
    for path in sorted(SHIPPED_DATA.rglob("*.yaml")):  # every version, and support.yaml
        words = _words(path.read_text(encoding="utf-8"))
        copied += [
            f"{path.relative_to(SHIPPED_DATA)}: {' '.join(words[i : i + run])}"
            for i in range(len(words) - run + 1)
            if tuple(words[i : i + run]) in phrases
        ]
    assert copied == []


# --- broken content -----------------------------------------------------------------------


def _edit(folder: Path, name: str, change: Callable[[Any], object]) -> Path:
    """Load one content file, let `change` modify the document in place, and write it back."""
    path = folder / name
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(document)
    path.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def _refused(folder: Path, message: str) -> ContentError:
    with pytest.raises(ContentError, match=f"^{re.escape(message)}$") as caught:
        load_questionnaire(folder)
    return caught.value


def _sign(document: Any, sign_id: str) -> dict[str, Any]:
    return next(sign for sign in document["signs"] if sign["id"] == sign_id)


def test_duplicate_sign_id_within_a_file(data_copy: Path) -> None:
    def twice(document):
        _sign(document, "trust")["id"] = "care-for-needs"

    signs = _edit(data_copy, SIGNS_FILE, twice)
    lack = data_copy / LACK_SIGNS_FILE
    error = _refused(data_copy, f"{signs} and {lack}: the id 'care-for-needs' is used twice")
    assert SIGNS_FILE in error.message


def test_duplicate_sign_id_across_files(data_copy: Path) -> None:
    def twice(document):
        _sign(document, "doubting-their-word")["id"] = "trust"

    lack = _edit(data_copy, LACK_SIGNS_FILE, twice)
    signs = data_copy / SIGNS_FILE
    error = _refused(data_copy, f"{signs} and {lack}: the id 'trust' is used twice")
    assert LACK_SIGNS_FILE in error.message


def test_sign_names_an_unknown_step(data_copy: Path) -> None:
    def unknown(document):
        _sign(document, "trust")["steps"] = ["safe-zone", "hold-hands-daily"]

    path = _edit(data_copy, SIGNS_FILE, unknown)
    error = _refused(
        data_copy,
        f"{path}: sign 'trust' names the step 'hold-hands-daily', which steps.yaml does not define",
    )
    assert str(path) in error.message


@pytest.mark.parametrize("name", [SIGNS_FILE, LACK_SIGNS_FILE])
def test_nine_signs(data_copy: Path, name: str) -> None:
    path = _edit(data_copy, name, lambda document: document["signs"].pop())
    error = _refused(data_copy, f"{path}: must hold exactly 10 signs, not 9")
    assert name in error.message


@pytest.mark.parametrize("name", [SIGNS_FILE, LACK_SIGNS_FILE])
def test_eleven_signs(data_copy: Path, name: str) -> None:
    def eleven(document):
        document["signs"].append({**copy.deepcopy(document["signs"][0]), "id": "one-more-sign"})

    path = _edit(data_copy, name, eleven)
    error = _refused(data_copy, f"{path}: must hold exactly 10 signs, not 11")
    assert name in error.message


def test_missing_statement(data_copy: Path) -> None:
    path = _edit(data_copy, SIGNS_FILE, lambda document: _sign(document, "trust").pop("statement"))
    error = _refused(data_copy, f"{path}: sign 2 (trust): 'statement' is missing")
    assert str(path) in error.message


def test_empty_statement(data_copy: Path) -> None:
    def empty(document):
        _sign(document, "trust")["statement"] = "   "

    path = _edit(data_copy, SIGNS_FILE, empty)
    error = _refused(data_copy, f"{path}: sign 2 (trust): 'statement' must be non-empty text")
    assert str(path) in error.message


def test_absence_sign_without_clear_title(data_copy: Path) -> None:
    def untitled(document):
        _sign(document, "holding-grudges").pop("clear_title")

    path = _edit(data_copy, LACK_SIGNS_FILE, untitled)
    error = _refused(data_copy, f"{path}: sign 4 (holding-grudges): 'clear_title' is missing")
    assert str(path) in error.message


def test_unknown_key_in_a_sign(data_copy: Path) -> None:
    def colour(document):
        _sign(document, "trust")["colour"] = "blue"

    path = _edit(data_copy, SIGNS_FILE, colour)
    error = _refused(data_copy, f"{path}: sign 2 (trust): unknown key 'colour'")
    assert str(path) in error.message


def test_presence_sign_with_clear_title_is_an_unknown_key(data_copy: Path) -> None:
    def titled(document):
        _sign(document, "trust")["clear_title"] = "We trust"

    path = _edit(data_copy, SIGNS_FILE, titled)
    error = _refused(data_copy, f"{path}: sign 2 (trust): unknown key 'clear_title'")
    assert str(path) in error.message


def test_unknown_top_level_key_in_steps(data_copy: Path) -> None:
    path = _edit(data_copy, STEPS_FILE, lambda document: document.update(extra=[]))
    error = _refused(data_copy, f"{path}: unknown key 'extra'")
    assert str(path) in error.message


def test_sign_with_too_few_steps(data_copy: Path) -> None:
    def one(document):
        _sign(document, "trust")["steps"] = ["safe-zone"]

    path = _edit(data_copy, SIGNS_FILE, one)
    error = _refused(data_copy, f"{path}: sign 2 (trust): 'steps' must name 2 to 5 steps, not 1")
    assert str(path) in error.message


def test_nine_restore_steps(data_copy: Path) -> None:
    path = _edit(data_copy, STEPS_FILE, lambda document: document["restore"].pop())
    error = _refused(data_copy, f"{path}: 'restore' must hold exactly 10 steps, not 9")
    assert str(path) in error.message


def test_restore_step_named_by_no_sign(data_copy: Path) -> None:
    # plan-surprise is named only by feeling-apart.
    def forget(document):
        _sign(document, "feeling-apart")["steps"].remove("plan-surprise")

    _edit(data_copy, LACK_SIGNS_FILE, forget)
    with pytest.raises(ContentError) as caught:
        load_questionnaire(data_copy)
    message = caught.value.message
    assert (
        "restore step 'plan-surprise' is not named by any sign; "
        "list it in the 'steps' of at least one sign"
    ) in message
    # Like every other content message, it should say which file holds the problem.
    assert str(data_copy / STEPS_FILE) in message


def test_two_sections_with_one_id(data_copy: Path) -> None:
    def presence(document):
        document["section"]["id"] = "presence"

    _edit(data_copy, LACK_SIGNS_FILE, presence)
    _refused(data_copy, f"{data_copy}: sections: the id 'presence' is used twice")


@pytest.mark.parametrize("value", [None, "more", True])
def test_a_section_says_which_way_it_points(data_copy: Path, value: object) -> None:
    def point(document):
        document["section"]["agree_means"] = value

    path = _edit(data_copy, LACK_SIGNS_FILE, point)
    _refused(
        data_copy,
        f"{path}: section: 'agree_means' must be 'more-closeness' or 'less-closeness'",
    )


def test_which_way_a_section_points_is_data(data_copy: Path) -> None:
    """Turning the warning signs around turns their flags and scores around."""

    def flip(document):
        document["section"]["agree_means"] = "more-closeness"
        for sign in document["signs"]:
            sign["growth_title"] = sign.pop("clear_title")

    _edit(data_copy, LACK_SIGNS_FILE, flip)
    flipped = load_questionnaire(data_copy)
    assert [section.closer_when_agreed for section in flipped.sections] == [True, True]
    assert all(sign.growth_title and not sign.clear_title for sign in flipped.sections[1].signs)


@pytest.mark.parametrize(
    "scale",
    [
        {1: "a", 2: "b", 3: "c", 4: "d"},
        {0: "z", 1: "a", 2: "b", 3: "c", 4: "d"},
        {"1": "a", 2: "b", 3: "c", 4: "d", 5: "e"},
        ["a", "b", "c", "d", "e"],
    ],
    ids=["four-labels", "from-zero", "text-key", "a-list"],
)
def test_bad_scale(data_copy: Path, scale: Any) -> None:
    path = _edit(data_copy, SIGNS_FILE, lambda document: document.update(scale=scale))
    error = _refused(
        data_copy, f"{path}: scale: must label each rating 1, 2, 3, 4 and 5 exactly once"
    )
    assert str(path) in error.message


def test_empty_scale_label(data_copy: Path) -> None:
    def blank(document):
        document["scale"][3] = ""

    path = _edit(data_copy, SIGNS_FILE, blank)
    error = _refused(data_copy, f"{path}: scale: 3 must be non-empty text")
    assert str(path) in error.message


@pytest.mark.parametrize(
    "minimums",
    [(60, 80, 40, 0), (80, 60, 40, 10), (80, 60, 60, 0), (0, 40, 60, 80)],
    ids=["not-descending", "not-ending-at-0", "repeated", "ascending"],
)
def test_bands_out_of_order(data_copy: Path, minimums: tuple[int, ...]) -> None:
    def reorder(document):
        for band, minimum in zip(document["bands"], minimums, strict=True):
            band["min"] = minimum

    path = _edit(data_copy, SIGNS_FILE, reorder)
    error = _refused(
        data_copy, f"{path}: bands must run from the highest 'min' down to a last band with min 0"
    )
    assert str(path) in error.message


def test_band_above_100(data_copy: Path) -> None:
    def high(document):
        document["bands"][0]["min"] = 101

    path = _edit(data_copy, SIGNS_FILE, high)
    error = _refused(data_copy, f"{path}: a band's 'min' cannot be above 100")
    assert str(path) in error.message


def test_band_min_as_text(data_copy: Path) -> None:
    def text(document):
        document["bands"][1]["min"] = "60"

    path = _edit(data_copy, SIGNS_FILE, text)
    error = _refused(data_copy, f"{path}: band 2: 'min' must be a whole number")
    assert str(path) in error.message


def test_yaml_syntax_error(data_copy: Path) -> None:
    path = data_copy / STEPS_FILE
    path.write_text("restore:\n  - id: [assess-situation\nbuild: []\n", encoding="utf-8")
    with pytest.raises(
        ContentError,
        match="^" + re.escape(f"{path}: line ") + r"\d+, column \d+: is not valid YAML: ",
    ) as caught:
        load_questionnaire(data_copy)
    assert str(path) in caught.value.message


def test_duplicate_key_in_content(data_copy: Path) -> None:
    path = data_copy / SIGNS_FILE
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("  version: 2\n", "  version: 2\n  version: 3\n"), encoding="utf-8"
    )
    error = _refused(data_copy, f"{path}: line 10, column 3: has the key 'version' twice")
    assert str(path) in error.message


@pytest.mark.parametrize("name", [SIGNS_FILE, LACK_SIGNS_FILE, STEPS_FILE])
@pytest.mark.parametrize("text", ["", "# only a comment\n"], ids=["empty", "comment-only"])
def test_empty_file(data_copy: Path, name: str, text: str) -> None:
    path = data_copy / name
    path.write_text(text, encoding="utf-8")
    error = _refused(data_copy, f"{path}: is empty or missing")
    assert str(path) in error.message


@pytest.mark.parametrize("name", [SIGNS_FILE, LACK_SIGNS_FILE, STEPS_FILE])
def test_file_that_is_a_list(data_copy: Path, name: str) -> None:
    path = data_copy / name
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    path.write_text(yaml.safe_dump([document], sort_keys=False), encoding="utf-8")
    error = _refused(data_copy, f"{path}: must be a mapping of keys to values")
    assert str(path) in error.message


def test_missing_content_file(data_copy: Path) -> None:
    path = data_copy / STEPS_FILE
    path.unlink()
    error = _refused(data_copy, f"{path}: no such file")
    assert str(path) in error.message


# --- finding the content ------------------------------------------------------------------


def _retitle(folder: Path, title: str) -> None:
    def change(document):
        document["questionnaire"]["title"] = title

    _edit(folder, SIGNS_FILE, change)


def test_environment_variable_names_the_folder(data_copy: Path, monkeypatch) -> None:
    _retitle(data_copy, "From the environment")
    monkeypatch.setenv(DATA_ENV, str(data_copy))
    assert resolve_data_dir(None) == data_copy
    assert load_questionnaire().title == "From the environment"


def test_option_wins_over_environment(data_copy: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(DATA_ENV, str(tmp_path / "elsewhere"))
    assert resolve_data_dir(data_copy) == data_copy


def test_environment_names_a_missing_folder(tmp_path: Path, monkeypatch) -> None:
    missing = tmp_path / "no-such-folder"
    monkeypatch.setenv(DATA_ENV, str(missing))
    with pytest.raises(
        ContentError,
        match="^" + re.escape(f"{missing}: the content folder does not exist or is not a folder"),
    ):
        load_questionnaire()


def test_option_names_a_file(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv(DATA_ENV, raising=False)
    path = tmp_path / "signs.yaml"
    path.write_text("a: 1\n", encoding="utf-8")
    with pytest.raises(
        ContentError,
        match="^" + re.escape(f"{path}: the content folder does not exist or is not a folder"),
    ):
        resolve_data_dir(path)


@pytest.mark.parametrize("value", [None, ""], ids=["unset", "empty"])
def test_without_option_or_environment_the_shipped_data_is_used(monkeypatch, value) -> None:
    if value is None:
        monkeypatch.delenv(DATA_ENV, raising=False)
    else:
        monkeypatch.setenv(DATA_ENV, value)
    assert resolve_data_dir(None) == default_data_dir()
    assert default_data_dir().resolve() == SHIPPED_DATA.resolve()
