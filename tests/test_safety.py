"""Advice that keeps people safe: who may not be safe, which steps are held back, and the
note that opens their results; with hand-computed cases. The quiz's private question at a
terminal is driven in test_safety_pty.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import make_sheet, ratings_for
from typer.testing import CliRunner

from intimacy_check.cli import app
from intimacy_check.documents.comparison import comparison_document
from intimacy_check.documents.personal import personal_document
from intimacy_check.documents.report import report_document
from intimacy_check.formats import BY_NAME, render
from intimacy_check.questionnaire import Questionnaire
from intimacy_check.report import build_report
from intimacy_check.safety import Concern, concern_for, held_back, shows_low_trust

V1_FILES = Path(__file__).resolve().parent / "fixtures" / "v1"

# The case the issue was written from: trust rated 1 and "I don't feel I can rely on my
# partner" rated 5, with the other statements as Alex answered them (version 1).
ALEX_V1 = {
    **ratings_for(
        [4, 1, 4, 3, 4, 5, 2, 4, 3, 4],
        [2, 1, 2, 4, 2, 1, 2, 5, 2, 3],
    )
}


def marked(questionnaire: Questionnaire) -> set[str]:
    return {step.id for step in questionnaire.steps if step.needs_safety}


def low_trust_file(path: Path) -> Path:
    """Alex's version-1 answers with trust at 1 and "I can't rely on my partner" at 5."""
    text = (V1_FILES / "alex.yaml").read_text(encoding="utf-8")
    text = text.replace("  trust: 5\n", "  trust: 1\n")
    path.write_text(text.replace("  lack-of-trust: 1\n", "  lack-of-trust: 5\n"), encoding="utf-8")
    return path


def run(*args: str, input: str | None = None):  # noqa: A002 - CliRunner's name
    return CliRunner().invoke(app, list(args), input=input)


# --- who may not be safe --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("trust", "lack_of_trust", "low"),
    [
        (1, 5, True),
        (2, 4, True),
        (1, 4, True),
        (3, 5, False),  # trust in between is not very low
        (2, 3, False),
        (1, None, False),  # a skipped statement does not meet the rule
        (None, 5, False),
        (5, 1, False),
    ],
)
def test_very_low_trust_needs_both_trust_statements(
    questionnaire: Questionnaire, trust: int | None, lack_of_trust: int | None, low: bool
) -> None:
    sheet = make_sheet({**ALEX_V1, "trust": trust, "lack-of-trust": lack_of_trust})
    assert shows_low_trust(questionnaire, sheet) is low
    expected = Concern.LOW_TRUST if low else Concern.NONE
    assert concern_for(questionnaire, sheet) is expected


@pytest.mark.parametrize("said_afraid", [None, False])
def test_no_answer_or_a_no_still_leaves_the_stored_rule(
    questionnaire: Questionnaire, said_afraid: bool | None
) -> None:
    sheet = make_sheet(ALEX_V1)
    assert concern_for(questionnaire, sheet, said_afraid=said_afraid) is Concern.LOW_TRUST


def test_a_yes_comes_first(questionnaire: Questionnaire) -> None:
    trusting = make_sheet({**ALEX_V1, "trust": 5, "lack-of-trust": 1})
    assert concern_for(questionnaire, trusting, said_afraid=True) is Concern.SAID_AFRAID
    assert concern_for(questionnaire, trusting, said_afraid=False) is Concern.NONE


def test_a_folder_without_the_rule_never_holds_back_from_stored_answers(
    questionnaire: Questionnaire,
) -> None:
    from dataclasses import replace

    without = replace(questionnaire, low_trust=())
    assert shows_low_trust(without, make_sheet(ALEX_V1)) is False


def test_held_back_is_every_marked_step_when_anyone_is_concerned(
    questionnaire: Questionnaire,
) -> None:
    assert held_back(questionnaire, [Concern.NONE, Concern.NONE]) == frozenset()
    assert held_back(questionnaire, [Concern.NONE, Concern.SAID_AFRAID]) == marked(questionnaire)
    assert held_back(questionnaire, [Concern.LOW_TRUST]) == marked(questionnaire)


# --- the issue's case, from files -------------------------------------------------------------


def test_the_issues_case_no_longer_offers_a_marked_step(questionnaire: Questionnaire) -> None:
    from dataclasses import replace

    from helpers import uniform

    sheet = make_sheet({**uniform(3), "trust": 1, "lack-of-trust": 5})
    # Without the rule, trust at 1 (weight 2) and "I can't rely on my partner" at 5
    # (weight 2) rank steps that ask for disclosure and apology.
    unguarded = build_report(replace(questionnaire, low_trust=()), [sheet])
    assert [(ranked.step.id, ranked.need) for ranked in unguarded.steps] == [
        ("change-behavior", 4),
        ("apologize-for-mistakes", 4),
        ("assess-situation", 2),
        ("accept-change", 2),
        ("go-slow", 2),
        ("be-vulnerable", 2),
        ("safe-zone", 2),
    ]
    report = build_report(questionnaire, [sheet])
    assert report.concerns == (Concern.LOW_TRUST,)
    assert [(ranked.step.id, ranked.need) for ranked in report.steps] == [
        ("change-behavior", 4),
        ("assess-situation", 2),
        ("accept-change", 2),
        ("go-slow", 2),
    ]
    advice = report_document(report, steps=5).advice
    assert advice.intro == "These 4 steps fit your answers. Pick one or two to try."


def test_gentle_starts_hold_back_marked_steps_too(questionnaire: Questionnaire) -> None:
    from helpers import uniform

    # Nothing flagged, but below the top band: the lowest statements are gentle starts.
    sheet = make_sheet({**uniform(3), "vulnerability": 3, "uneven-sharing": 3})
    offered = build_report(questionnaire, [sheet])
    assert report_document(offered, steps=30).advice.kind == "gentle-start"
    assert {step.id for step in report_document(offered, steps=30).advice.ranked} & marked(
        questionnaire
    )
    report = build_report(questionnaire, [sheet], said_afraid=[True])
    advice = report_document(report, steps=30).advice
    assert advice.kind == "gentle-start"
    assert advice.steps and not {step.id for step in advice.ranked} & marked(questionnaire)


def test_the_report_of_a_file_opens_with_the_support_text(tmp_path: Path) -> None:
    path = low_trust_file(tmp_path / "alex.yaml")
    shown = run("report", str(path), "--format", "text")
    assert shown.exit_code == 0, shown.stderr
    lines = shown.stdout.splitlines()
    assert lines[:4] == [
        "Emotional intimacy report: Alex",
        "=" * 100,
        "",
        "YOUR SAFETY COMES FIRST",
    ]
    flat = " ".join(shown.stdout.split())
    assert (
        flat.index("Some of these answers suggest that trust feels very low")
        < flat.index("call your local emergency number")
        < flat.index("- Alex: completed")
    )
    as_json = json.loads(run("report", str(path), "-f", "json").stdout)
    assert as_json["support"]["reason"] == "low-trust"
    assert as_json["support"]["heading"] == "Your safety comes first"
    assert not {step["id"] for step in as_json["steps"]} & {"be-vulnerable", "cuddle", "forgive"}


@pytest.mark.parametrize("fmt", ["markdown", "html", "terminal"])
def test_every_format_leads_with_the_note(questionnaire: Questionnaire, fmt: str) -> None:
    document = report_document(build_report(questionnaire, [make_sheet(ALEX_V1)]), steps=5)
    assert document.safety is not None
    drawn = render(BY_NAME[fmt], document)
    if not isinstance(drawn, str):
        from rich.console import Console

        console = Console(width=100, no_color=True, record=True, file=open("/dev/null", "w"))
        console.print(drawn)
        drawn = console.export_text()
    flat = " ".join(drawn.split())
    heading = flat.index("Your safety comes first")
    assert heading < flat.index("local emergency number") < flat.index("Intimacy index")


def test_a_trusting_report_has_no_note(questionnaire: Questionnaire) -> None:
    report = build_report(questionnaire, [make_sheet({**ALEX_V1, "trust": 5, "lack-of-trust": 1})])
    assert report_document(report, steps=5).safety is None
    assert report.held_back == frozenset()


# --- after a yes, in this run only ------------------------------------------------------------


def test_a_yes_opens_the_personal_summary_with_the_note(questionnaire: Questionnaire) -> None:
    sheet = make_sheet({**ALEX_V1, "trust": 5, "lack-of-trust": 1})
    report = build_report(questionnaire, [sheet], said_afraid=[True])
    document = personal_document(report)
    assert document.safety is not None
    assert (document.safety.reason, document.safety.heading) == (
        "said-afraid",
        "Your safety comes first",
    )
    assert document.safety.note == questionnaire.support.said_yes
    assert document.safety.support == questionnaire.support.support
    assert not {step.id for step in document.advice.steps} & marked(questionnaire)


def test_a_couple_where_one_said_yes_gets_joint_steps_without_the_marked_ones(
    questionnaire: Questionnaire,
) -> None:
    alex = make_sheet({**ALEX_V1, "trust": 5, "lack-of-trust": 1}, name="Alex")
    sam = make_sheet({**ALEX_V1, "trust": 4, "lack-of-trust": 2, "vulnerability": 1}, name="Sam")
    open_report = build_report(questionnaire, [alex, sam])
    assert {r.step.id for r in open_report.steps} & marked(questionnaire)
    report = build_report(questionnaire, [alex, sam], said_afraid=[None, True])
    assert report.concerns == (Concern.NONE, Concern.SAID_AFRAID)
    assert not {ranked.step.id for ranked in report.steps} & marked(questionnaire)
    # Nothing says why: neither the couple's report nor their comparison has a note.
    assert report_document(report, steps=5).safety is None
    texts = [questionnaire.support.heading, questionnaire.support.said_yes[:40]]
    texts += [questionnaire.support.support[:40], questionnaire.support.low_trust[:40]]
    for fmt in ("text", "markdown", "html", "json"):
        drawn = render(BY_NAME[fmt], report_document(report, steps=5))
        assert isinstance(drawn, str)
        flat = " ".join(drawn.split())
        assert not [text for text in texts if " ".join(text.split()) in flat], fmt
    assert "safety" not in vars(comparison_document(report))


def test_a_couple_from_files_holds_back_silently_for_one_partners_low_trust(
    questionnaire: Questionnaire,
) -> None:
    alex = make_sheet(ALEX_V1, name="Alex")  # very low trust
    sam = make_sheet({**ALEX_V1, "trust": 4, "lack-of-trust": 2}, name="Sam")
    report = build_report(questionnaire, [alex, sam])
    assert report.concerns == (Concern.LOW_TRUST, Concern.NONE)
    assert not {ranked.step.id for ranked in report.steps} & marked(questionnaire)
    document = report_document(report, steps=5)
    assert document.safety is None
    assert questionnaire.support.heading not in render(BY_NAME["text"], document)


# --- the question never meets a pipe -------------------------------------------------------


def test_piped_input_never_sees_the_question(tmp_path: Path, questionnaire_v2) -> None:
    out = tmp_path / "a.yaml"
    result = run("quiz", "--name", "Alex", "-o", str(out), input="1\n" * 20)
    assert result.exit_code == 0, result.stderr
    assert questionnaire_v2.support.question[:30] not in result.stdout
    assert "Enter to skip" not in result.stdout
    # All 1s: trust at 1, but doubting-their-word at 1 too, so no note and no hold-back.
    assert "Your safety comes first" not in result.stdout


def test_a_piped_quiz_with_very_low_trust_still_leads_with_support(tmp_path: Path) -> None:
    out = tmp_path / "a.yaml"
    ratings = ["1"] * 17 + ["5"] + ["1"] * 2  # trust 1, doubting-their-word 5
    result = run("quiz", "--name", "Alex", "-o", str(out), input="\n".join(ratings) + "\n")
    assert result.exit_code == 0, result.stderr
    flat = " ".join(result.stdout.split())
    assert flat.index("Your results, Alex") < flat.index("Your safety comes first")
    assert flat.index("Some of these answers suggest") < flat.index("Intimacy index")


def test_a_counselors_support_text_is_only_text(tmp_path: Path, data_copy: Path) -> None:
    support = data_copy / "support.yaml"
    support.write_text(
        support.read_text(encoding="utf-8").replace(
            "heading: Your safety comes first\n", 'heading: "[bold red]Help[/] \\e[31mnow"\n'
        ),
        encoding="utf-8",
    )
    path = low_trust_file(tmp_path / "low.yaml")
    # A version-1 file with a version-2 folder: the shipped version 1 shares the shipped
    # support text, so the folder is made version 1 here.
    for name in ("signs.yaml", "lack_signs.yaml"):
        (data_copy / name).write_bytes((V1_FILES.parents[2] / "data" / "v1" / name).read_bytes())
    (data_copy / "changes.yaml").unlink()
    shown = run("report", str(path), "-f", "terminal", "--data-dir", str(data_copy))
    assert shown.exit_code == 0, shown.stderr
    # The markup is shown as typed, and the escape character is removed from its sequence.
    assert "[bold red]Help[/] [31mnow" in shown.stdout
    assert "\x1b" not in shown.stdout
