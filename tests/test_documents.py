"""The documents decide what every output says: each meaning fix is checked here, on the
document, and then across every format that shows it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import make_sheet, ratings_for, uniform

from intimacy_check import formats
from intimacy_check.answers import IN_PROGRESS, read_answer_sheet
from intimacy_check.documents.comparison import comparison_document
from intimacy_check.documents.personal import personal_document
from intimacy_check.documents.report import report_document
from intimacy_check.questionnaire import Questionnaire
from intimacy_check.report import build_report

# The examples as version 1 shipped them: examples/ now holds version 2.
V1_EXAMPLES = Path(__file__).parent / "fixtures" / "v1"
DISCLAIMER = "It is not a clinical assessment or a diagnosis"
SAFETY = "please contact local support services or emergency services."


def couple_report(questionnaire: Questionnaire):  # type: ignore[no-untyped-def]
    sheets = [read_answer_sheet(V1_EXAMPLES / name) for name in ("alex.yaml", "sam.yaml")]
    return build_report(questionnaire, sheets)


def render_all(document: object) -> dict[str, str]:
    """The document in every file format that shows it, and in the terminal at 80 columns."""
    from rich.console import Console

    shown = {}
    for fmt in formats.formats_for(type(document).__name__):
        if fmt.binary:
            continue  # the PDF is the HTML printed; test_pdf reads it back
        drawn = formats.render(fmt, document)
        if fmt.terminal:
            console = Console(width=80, record=True, color_system=None, file=open("/dev/null", "w"))  # noqa: SIM115
            for part in drawn if not hasattr(drawn, "__rich_console__") else [drawn]:
                console.print(part)
            shown[fmt.name] = console.export_text()
        else:
            shown[fmt.name] = drawn if isinstance(drawn, str) else "".join(drawn)
    return shown


def flat(text: str) -> str:
    return " ".join(text.split())


# --- titles read right for their flag ---------------------------------------------------------


def test_a_warning_sign_rated_low_is_listed_under_its_clear_title(questionnaire) -> None:
    document = report_document(couple_report(questionnaire), steps=5)
    rows = {row.id: row for group in document.statement_groups for row in group.rows}
    assert rows["lack-of-trust"].category == "shared-strength"
    assert rows["lack-of-trust"].title == "You trust each other"
    assert rows["holding-grudges"].category == "shared-growth"
    assert rows["holding-grudges"].title == "You hold on to grudges"
    html = render_all(document)["html"]
    assert "You find it hard to trust each other" not in html


def test_a_shared_growth_area_is_listed_under_its_growth_title(questionnaire) -> None:
    both = ratings_for([4] * 10, [2] * 10) | {"beyond-physical": 2}  # rated 2 by both
    report = build_report(questionnaire, [make_sheet(both, name=name) for name in "AB"])
    document = comparison_document(report)
    rows = [row for group in document.statement_groups for row in group.rows]
    row = next(row for row in rows if row.id == "beyond-physical")
    assert (row.category, row.title) == ("shared-growth", "Closeness beyond the bedroom")
    terminal = render_all(document)["terminal"]
    assert "Your closeness goes beyond sex" not in terminal
    assert "Closeness beyond the bedroom  (shared growth)" in terminal


# --- advice never contradicts itself ----------------------------------------------------------


def test_all_threes_offer_gentle_starts_with_their_steps(questionnaire) -> None:
    report = build_report(questionnaire, [make_sheet(uniform(3), name="Three")])
    assert report.steps == ()  # nothing is flagged
    document = personal_document(report)
    assert document.person.band == "Finding your way back"
    assert document.advice.kind == "gentle-start"
    assert document.advice.steps, "a band that invites steps gets steps"
    assert "calls for a particular step" not in document.advice.intro
    assert "gentle places to start" in document.advice.intro
    # All twenty score the same, so the first three in questionnaire order are named.
    for sign in questionnaire.signs[:3]:
        assert sign.topic in document.advice.intro
    assert questionnaire.signs[3].topic not in document.advice.intro
    for name, shown in render_all(report_document(report, steps=5)).items():
        assert "calls for a particular step" not in shown
        if name == "json":
            assert '"advice": "gentle-start"' in shown
        elif name == "fhir":
            assert '"advice"' not in shown  # a record system gets answers and scores only
        else:
            assert "gentle places to start" in flat(shown), name


def test_only_full_marks_say_that_no_step_is_needed(questionnaire) -> None:
    best = ratings_for([5] * 10, [1] * 10)
    document = personal_document(build_report(questionnaire, [make_sheet(best)]))
    assert (document.advice.kind, document.advice.steps) == ("none", ())
    assert document.person.band == "Deeply connected"
    assert "None of the answers calls for a particular step" in document.advice.intro


# --- a couple's steps -------------------------------------------------------------------------


def test_every_shared_growth_area_gets_a_step_and_both_are_named(questionnaire) -> None:
    document = report_document(couple_report(questionnaire), steps=5)
    assert len(document.advice.steps) == 5
    covered = {sign for step in document.advice.steps for sign in step.address_ids}
    assert "holding-grudges" in covered
    grudge_step = next(s for s in document.advice.steps if "holding-grudges" in s.address_ids)
    assert grudge_step.driven_by == ("Alex", "Sam")
    assert grudge_step.reason.endswith("(from both of your answers)")
    assert [s.number for s in document.advice.steps] == [1, 2, 3, 4, 5]


def test_steps_one_still_covers_the_shared_growth_area(questionnaire) -> None:
    document = report_document(couple_report(questionnaire), steps=1)
    assert [step.address_ids for step in document.advice.steps][0] == ("holding-grudges",)


# --- graded wording ---------------------------------------------------------------------------


def test_section_sentences_are_graded(questionnaire) -> None:
    couple = report_document(couple_report(questionnaire), steps=5).couple
    assert couple is not None
    sentences = {section.id: section.sentence for section in couple.sections}
    # Alex 70 and Sam 55: 15 points apart.
    assert (
        sentences["presence"] == "Alex rates the signs of closeness somewhat higher than Sam does."
    )
    assert sentences["absence"] == "Sam notices the warning signs much more than Alex does."


def test_agreement_always_stands_with_its_sentence(questionnaire) -> None:
    document = report_document(couple_report(questionnaire), steps=5)
    assert document.couple is not None
    sentence = document.couple.agreement_sentence
    assert sentence == (
        "Couple agreement: 35%. 7 of the 20 statements you both rated are a strength for both "
        "of you."
    )
    for name, shown in render_all(document).items():
        if name != "fhir":  # answers and scores only: the agreement is the couple's view
            assert flat(sentence) in flat(shown.replace("\\", "")), name


# --- each question once -----------------------------------------------------------------------


def test_each_discussion_question_appears_once_per_document(questionnaire) -> None:
    report = couple_report(questionnaire)
    for name, shown in render_all(report_document(report, steps=5)).items():
        for sign in questionnaire.signs:
            question = sign.discuss.replace("'", "&#39;") if name == "html" else sign.discuss
            assert flat(shown).count(question) <= 1, (name, sign.id)
    comparison = render_all(comparison_document(report))["terminal"]
    for sign in questionnaire.signs:
        assert flat(comparison).count(sign.discuss) <= 1


# --- unfinished files -------------------------------------------------------------------------


def test_an_unfinished_file_reads_as_in_progress(questionnaire) -> None:
    six = dict(list(uniform(4).items())[:5]) | {"vulnerability": None}  # 5 rated, 1 skipped
    report = build_report(questionnaire, [make_sheet(six, status=IN_PROGRESS)])
    document = report_document(report, steps=5)
    person = document.people[0]
    assert person.status_line == "in progress: 5 of 20 answered"
    assert person.index.label == "incomplete"
    assert person.missing_index == (
        "No index yet: each section needs at least 8 of its 10 statements rated."
    )
    cells = {row.id: row.cells[0] for group in document.statement_groups for row in group.rows}
    assert (cells["vulnerability"].label, cells["vulnerability"].flag_label) == ("–", "skipped")
    assert cells["lack-of-trust"].flag_label == "not answered yet"
    for name, shown in render_all(document).items():
        assert "not finished" not in shown, name
        if name == "fhir":
            assert '"status": "in-progress"' in shown
        elif name != "json":  # JSON holds the status and the count as values
            assert "in progress: 5 of 20 answered" in shown, name


def test_a_file_with_no_answers_has_nothing_skipped(questionnaire) -> None:
    report = build_report(questionnaire, [make_sheet({}, status=IN_PROGRESS)])
    document = report_document(report, steps=5)
    flags = {row.cells[0].flag for group in document.statement_groups for row in group.rows}
    assert flags == {"unanswered"}
    assert document.people[0].status_line == "in progress: 0 of 20 answered"


# --- every document ends with the disclaimer and the safety line ------------------------------


def test_every_document_in_every_format_ends_with_the_closing_lines(questionnaire) -> None:
    from intimacy_check.documents.listing import listing_document

    report = couple_report(questionnaire)
    documents = [
        report_document(report, steps=5),
        personal_document(build_report(questionnaire, [report.assessments[0].sheet])),
        comparison_document(report),
        listing_document(questionnaire),
    ]
    for document in documents:
        for name, shown in render_all(document).items():
            if name == "fhir":  # a record system shows them with the questionnaire
                description = json.loads(shown)["entry"][0]["resource"]["description"]
                assert DISCLAIMER in flat(description) and SAFETY in flat(description)
                continue
            tail = flat(shown)[-600:]
            assert DISCLAIMER in tail and SAFETY in tail, (type(document).__name__, name)


@pytest.mark.parametrize(("document", "version"), [("report", 3), ("progress", 3)])
def test_json_carries_a_schema_and_the_closing_lines(
    questionnaire, document: str, version: int
) -> None:
    import json

    from intimacy_check.documents.progress import progress_document
    from intimacy_check.progress import group_progress

    if document == "report":
        built: object = report_document(couple_report(questionnaire), steps=5)
    else:
        sheets = [
            (str(path), read_answer_sheet(path)) for path in sorted(V1_EXAMPLES.glob("alex*.yaml"))
        ]
        dated = [(file, sheet, questionnaire) for file, sheet in sheets]
        built = progress_document(questionnaire, group_progress(dated))
    value = json.loads(formats.render(formats.BY_NAME["json"], built))
    assert value["schema"] == {"name": f"intimacy-check/{document}", "version": version}
    assert DISCLAIMER in value["disclaimer"] and value["safety"].endswith(SAFETY)
