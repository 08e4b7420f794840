"""Version 2 of the questionnaire, and every version-1 answer file still readable: the
shipped content, the mapping between the versions, and each command across them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from helpers import make_sheet
from typer.testing import CliRunner

from intimacy_check.answers import read_answer_sheet
from intimacy_check.cli import app
from intimacy_check.errors import ContentError
from intimacy_check.progress import changes_between
from intimacy_check.questionnaire import Questionnaire
from intimacy_check.report import build_report
from intimacy_check.versions import Questionnaires, shipped_version

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
EXAMPLES = REPO / "examples"
V1_FILES = HERE / "fixtures" / "v1"
# What each version-1 example scored before version 2 existed, read from the JSON report
# of that version: the same scores, flags and steps must come back now.
BEFORE = json.loads((V1_FILES / "results.json").read_text(encoding="utf-8"))

# Written out rather than read from the data, so that a change to the content is noticed.
V2_PRESENCE = (
    "care-for-needs",
    "trust",
    "feel-listened-to",
    "agree-to-disagree",
    "shared-interests",
    "be-yourself",
    "everyday-affection",
    "sense-when-wrong",
    "show-vulnerable-side",
    "beyond-appearance",
)
V2_ABSENCE = (
    "feeling-apart",
    "feeling-left-out",
    "frequent-complaints",
    "holding-grudges",
    "keeping-hurts-inside",
    "taken-for-granted",
    "opinions-brushed-aside",
    "doubting-their-word",
    "no-heart-to-heart",
    "uneven-sharing",
)
REWORDED = {
    # version-1 id: the version-2 statement in its place, whose meaning is not the same
    "active-listening": "feel-listened-to",
    "beyond-physical": "everyday-affection",
    "less-time-together": "feeling-apart",
    "emotions-unshared": "keeping-hurts-inside",
    "touch-only-in-bed": "taken-for-granted",
    "opinions-not-valued": "opinions-brushed-aside",
    "lack-of-trust": "doubting-their-word",
    "vulnerability": "show-vulnerable-side",
}


def run(*args: str, input: str | None = None):  # noqa: A002 - CliRunner's name
    return CliRunner().invoke(app, list(args), input=input)


def one_line(result) -> str:
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


# --- the shipped content ------------------------------------------------------------------


def test_version_2_is_what_a_new_quiz_asks(edition_v2: Questionnaire) -> None:
    assert (edition_v2.id, edition_v2.version) == ("emotional-intimacy", 2)
    presence, absence = edition_v2.sections
    assert (presence.closer_when_agreed, absence.closer_when_agreed) == (True, False)
    assert tuple(sign.id for sign in presence.signs) == V2_PRESENCE
    assert tuple(sign.id for sign in absence.signs) == V2_ABSENCE


def test_every_step_is_reachable_and_every_sign_keeps_a_safe_step(
    edition_v2: Questionnaire, questionnaire: Questionnaire
) -> None:
    named = {step_id for sign in edition_v2.signs for step_id in sign.steps}
    assert named == {step.id for step in edition_v2.steps}
    marked = {step.id for step in edition_v2.steps if step.needs_safety}
    for sign in edition_v2.signs:
        assert 2 <= len(sign.steps) <= 5, sign.id
        # Advice remains when the marked steps are held back.
        assert set(sign.steps) - marked, f"{sign.id} names only marked steps"
    # Version 1 keeps its steps as they were, so that its files give the same advice; its
    # opening-up statement names only marked ones, and holding them back leaves it none.
    only_marked = [sign.id for sign in questionnaire.signs if not set(sign.steps) - marked]
    assert only_marked == ["vulnerability"]


def test_the_marked_steps_are_those_of_disclosure_touch_and_lowered_defences(
    edition_v2: Questionnaire,
) -> None:
    marked = sorted(step.id for step in edition_v2.steps if step.needs_safety)
    assert marked == [
        "apologize-for-mistakes",
        "apologize-quickly",
        "be-vulnerable",
        "cuddle",
        "flirt",
        "forgive",
        "intimacy-exercises",
        "leave-past-behind",
        "listen-to-understand",
        "positive-approach",
        "safe-zone",
    ]


def test_both_versions_have_a_low_trust_rule_in_the_data(
    edition_v2: Questionnaire, questionnaire: Questionnaire
) -> None:
    assert edition_v2.low_trust == (
        ("trust", frozenset({1, 2})),
        ("doubting-their-word", frozenset({4, 5})),
    )
    assert questionnaire.low_trust == (
        ("trust", frozenset({1, 2})),
        ("lack-of-trust", frozenset({4, 5})),
    )


def test_the_support_text_gives_no_number_or_address(edition_v2: Questionnaire) -> None:
    support = edition_v2.support
    for text in (support.question, support.heading, support.said_yes, support.low_trust):
        assert text and not any(char.isdigit() for char in text)
    assert not any(char.isdigit() for char in support.support)
    assert "http" not in support.support and "www" not in support.support


def test_the_support_text_says_to_call_the_local_emergency_number(
    questionnaire_v2: Questionnaire,
) -> None:
    assert "local emergency number" in questionnaire_v2.support.support


def test_the_lowest_band_suggests_a_counselor(questionnaire_v2: Questionnaire) -> None:
    lowest = questionnaire_v2.bands[-1]
    assert lowest.min == 0 and "counselor" in lowest.description


def test_the_mapping_names_every_version_1_statement_once(
    edition_v2: Questionnaire, questionnaire: Questionnaire
) -> None:
    changes = changes_between(questionnaire, edition_v2)  # the same mapping in every edition
    assert changes is not None and changes.from_version == 1
    v1_ids = [sign.id for sign in questionnaire.signs]
    assert sorted([*changes.kept, *changes.reworded]) == sorted(v1_ids)
    assert set(changes.reworded) == set(REWORDED)
    assert set(changes.kept.values()) <= set(V2_PRESENCE + V2_ABSENCE)
    # A reworded statement's place is taken by a new id, never by a version-1 id.
    assert not set(REWORDED.values()) & set(v1_ids)


def test_a_mapping_that_misses_a_statement_is_refused(
    questionnaire_v2: Questionnaire, questionnaire: Questionnaire
) -> None:
    from dataclasses import replace

    assert questionnaire_v2.changes is not None
    short = replace(questionnaire_v2.changes, reworded=questionnaire_v2.changes.reworded[1:])
    with pytest.raises(ContentError) as caught:
        changes_between(questionnaire, replace(questionnaire_v2, changes=short))
    assert caught.value.message == (
        "emotional-intimacy version 2: version 1's statement 'active-listening' is neither "
        "kept nor reworded"
    )


def test_a_broken_mapping_is_one_message(data_copy: Path) -> None:
    from intimacy_check.questionnaire import load_questionnaire

    changes = data_copy / "changes.yaml"
    changes.write_text(
        changes.read_text(encoding="utf-8").replace("  trust: trust\n", "  trust: no-such\n"),
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as caught:
        load_questionnaire(data_copy)
    assert caught.value.message == (
        f"{changes}: kept: 'no-such' is not a statement of this questionnaire"
    )


# --- version-1 files read as before ---------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["alex.yaml", "alex-september.yaml", "alex-october.yaml", "sam.yaml"]
)
def test_a_version_1_file_gives_the_same_scores_flags_and_steps(name: str) -> None:
    result = run("report", str(V1_FILES / name), "--format", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["questionnaire"] == {"id": "emotional-intimacy", "version": 1}
    [person] = document["respondents"]
    before = BEFORE[name]
    assert (person["index"], person["band"], person["sections"]) == (
        before["index"],
        before["band"],
        before["sections"],
    )
    assert {sign["id"]: sign["flag"] for sign in person["signs"]} == before["flags"]
    assert (document["advice"], [step["id"] for step in document["steps"]]) == (
        before["advice"],
        before["steps"],
    )
    assert document["support"] is None


def test_the_version_1_couple_compares_as_before() -> None:
    result = run("compare", str(V1_FILES / "alex.yaml"), str(V1_FILES / "sam.yaml"), "-f", "json")
    assert result.exit_code == 0, result.stderr
    couple = json.loads(result.stdout)
    before = BEFORE["alex.yaml+sam.yaml"]
    assert couple["couple"]["agreement"] == before["agreement"]
    assert {sign["id"]: sign["category"] for sign in couple["couple"]["signs"]} == (
        before["categories"]
    )
    assert [step["id"] for step in couple["steps"]] == before["steps"]


def test_the_version_1_example_left_in_examples_is_unchanged() -> None:
    shipped = (EXAMPLES / "alex-september.yaml").read_bytes()
    assert shipped == (V1_FILES / "alex-september.yaml").read_bytes()
    assert read_answer_sheet(EXAMPLES / "alex-september.yaml").questionnaire_version == 1
    others = ["alex.yaml", "alex-october.yaml", "sam.yaml"]
    assert [read_answer_sheet(EXAMPLES / n).questionnaire_version for n in others] == [2, 2, 2]


def test_a_summary_reads_both_versions_side_by_side(tmp_path: Path) -> None:
    result = run("summary", str(EXAMPLES), "--format", "json")
    assert result.exit_code == 0, result.stderr
    rows = {Path(row["file"]).name: row for row in json.loads(result.stdout)["rows"]}
    assert (rows["alex-september.yaml"]["index"], rows["alex-september.yaml"]["band"]) == (
        48.8,
        "finding-your-way",
    )
    assert (rows["alex.yaml"]["index"], rows["sam.yaml"]["index"]) == (72.5, 48.8)


# --- compare, quiz and progress across versions ----------------------------------------------


def test_compare_of_two_versions_is_refused_with_a_way_forward() -> None:
    first, second = str(EXAMPLES / "alex-september.yaml"), str(EXAMPLES / "sam.yaml")
    result = run("compare", first, second)
    assert result.exit_code == 1
    assert one_line(result) == (
        f"intimacy-check: error: {first} answers version 1 of the questionnaire and {second} "
        "version 2; the statements changed between versions, so they cannot be compared one by "
        "one. To compare, both of you can take the quiz again: intimacy-check quiz --couple"
    )


def _unfinished_v1(path: Path, answered: int) -> Path:
    ids = [sign.id for sign in shipped_version(1).signs]  # type: ignore[union-attr]
    sheet = make_sheet(dict.fromkeys(ids[:answered], 4), status="in-progress")
    from intimacy_check.answers import format_answer_sheet

    path.write_text(format_answer_sheet(sheet, order=tuple(ids)), encoding="utf-8")
    return path


def test_a_quiz_resumed_from_version_1_goes_on_in_version_1(tmp_path: Path) -> None:
    path = _unfinished_v1(tmp_path / "alex.yaml", answered=5)
    result = run("quiz", "--resume", str(path), input="2\n" * 15)
    assert result.exit_code == 0, result.stderr
    # Statement 6 of version 1 is its own, not version 2's.
    assert "I can be my silly, quirky self around my partner without trying to impress" in (
        " ".join(result.stdout.split())
    )
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert document["questionnaire"] == {"id": "emotional-intimacy", "version": 1}
    assert list(document["answers"]) == [sign.id for sign in shipped_version(1).signs]  # type: ignore[union-attr]
    assert list(document["answers"].values()) == [4] * 5 + [2] * 15


def test_a_partner_joining_a_version_1_quiz_answers_version_1(tmp_path: Path) -> None:
    first = _unfinished_v1(tmp_path / "alex.yaml", answered=20)
    text = first.read_text(encoding="utf-8").replace("status: in-progress", "status: completed")
    first.write_text(
        text.replace("completed_at: null", "completed_at: 2026-01-31T20:27:30+01:00"),
        encoding="utf-8",
    )
    result = run(
        "quiz",
        "--couple",
        "--resume",
        str(first),
        "--name",
        "Sam",
        "--output-dir",
        str(tmp_path),
        input="\n" + "3\n" * 20 + "\n",
    )
    assert result.exit_code == 0, result.stderr
    [second] = list(tmp_path.glob("Sam-*.yaml"))
    sam = read_answer_sheet(second)
    assert sam.questionnaire_version == 1
    assert list(sam.answers) == [sign.id for sign in shipped_version(1).signs]  # type: ignore[union-attr]
    assert "Alex and Sam" in result.stdout


def test_a_counselors_version_1_folder_keeps_working(tmp_path: Path, v1_data_copy: Path) -> None:
    out = tmp_path / "pat.yaml"
    result = run(
        "quiz", "--name", "Pat", "-o", str(out), "--data-dir", str(v1_data_copy), input="3\n" * 20
    )
    assert result.exit_code == 0, result.stderr
    assert read_answer_sheet(out).questionnaire_version == 1
    # And a version-2 file is read with the shipped version 2 beside it.
    report = run(
        "report", str(EXAMPLES / "alex.yaml"), "-f", "json", "--data-dir", str(v1_data_copy)
    )
    assert report.exit_code == 0, report.stderr
    assert json.loads(report.stdout)["questionnaire"]["version"] == 2


def test_progress_across_versions_compares_kept_statements_only() -> None:
    september, november = str(EXAMPLES / "alex-september.yaml"), str(EXAMPLES / "alex.yaml")
    result = run("progress", september, november, "--format", "json")
    assert result.exit_code == 0, result.stderr
    [alex] = json.loads(result.stdout)["respondents"]
    assert [(row["questionnaire_version"], row["index"]) for row in alex["assessments"]] == [
        (1, 48.8),
        (2, 72.5),
    ]
    # 72.5 - 48.75, from the raw scores, rounded for JSON.
    assert alex["change"]["since_first"] == 23.8
    rows = {row["id"]: (row["first"], row["latest"], row["direction"]) for row in alex["signs"]}
    assert list(rows) == [*V2_PRESENCE, *V2_ABSENCE]
    # September rated trust 4 and holding-grudges 5; November 5 and 4: both better.
    assert rows["trust"] == (4, 5, "better")
    assert rows["holding-grudges"] == (5, 4, "better")
    assert rows["feeling-left-out"] == (2, 1, "better")
    for v2_id in REWORDED.values():
        assert rows[v2_id] == (None, rows[v2_id][1], "reworded"), v2_id
    assert sum(direction == "reworded" for *_ratings, direction in rows.values()) == 8


def test_progress_across_versions_says_so_and_shows_reworded_rows() -> None:
    files = [
        str(EXAMPLES / name) for name in ("alex-september.yaml", "alex-october.yaml", "alex.yaml")
    ]
    result = run("progress", *files, "--format", "text")
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert "Some assessments answered an earlier version of the questionnaire." in text
    row = next(line for line in text.splitlines() if line.startswith("Being listened to"))
    assert row.split() == ["Being", "listened", "to", "–", "4", "reworded,", "not", "compared"]
    # One table names each band once, as the newest version does.
    assert "Finding your way back" not in text and "Finding your way closer" in text


def test_progress_html_across_versions_marks_reworded_rows() -> None:
    files = [
        str(EXAMPLES / name) for name in ("alex-september.yaml", "alex-october.yaml", "alex.yaml")
    ]
    result = run("progress", *files, "--format", "html")
    assert result.exit_code == 0, result.stderr
    reworded = (
        '<span class="direction direction-reworded"><span aria-hidden="true">≠</span>'
        " reworded, not compared</span>"
    )
    assert result.stdout.count(reworded) == 8


def test_progress_within_one_version_has_no_version_note() -> None:
    files = [str(V1_FILES / "alex-september.yaml"), str(V1_FILES / "alex.yaml")]
    result = run("progress", *files, "--format", "text")
    assert result.exit_code == 0, result.stderr
    assert "earlier version of the questionnaire" not in result.stdout
    assert "reworded" not in result.stdout


def test_a_questionnaire_this_version_does_not_know_is_named() -> None:
    questionnaires = Questionnaires(shipped_version(2))  # type: ignore[arg-type]
    from dataclasses import replace

    sheet = replace(make_sheet({}, status="in-progress"), questionnaire_version=9)
    from intimacy_check.errors import AnswerFileError

    with pytest.raises(AnswerFileError) as caught:
        questionnaires.for_sheet(sheet, source="a.yaml")
    assert caught.value.message == (
        "a.yaml: was made for questionnaire 'emotional-intimacy' version 9, but the loaded "
        "questionnaire is 'emotional-intimacy' version 2"
    )


def test_scoring_is_the_same_whichever_version_is_loaded_first(
    questionnaire: Questionnaire,
) -> None:
    sheet = read_answer_sheet(V1_FILES / "alex.yaml")
    sheet, found = Questionnaires(shipped_version(2)).for_sheet(sheet, source="alex.yaml")  # type: ignore[arg-type]
    assert found.version == 1
    assert build_report(found, [sheet]).assessments[0].index == 72.5
