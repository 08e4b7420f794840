"""The printable HTML report: self-contained, in order, escaped, and safe with any name."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType

import pytest
from html_checks import CONTROL, Elements, assert_self_contained
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import escape
from rendering import draw, example, report_of

from intimacy_check.answers import IN_PROGRESS, AnswerSheet
from intimacy_check.documents.report import ReportDocument
from intimacy_check.questionnaire import Questionnaire

TEMPLATE = Path(__file__).parent.parent / "intimacy_check" / "templates" / "report.html.j2"
SECTION_HEADINGS = (
    "How to read this report",
    "Scores",
    "Your answers, statement by statement",
    "What the answers show",
    "Recommended steps",
    "Notes",
)


@pytest.fixture(scope="module")
def alex() -> AnswerSheet:
    return example("alex.yaml")


@pytest.fixture(scope="module")
def sam() -> AnswerSheet:
    return example("sam.yaml")


def document_of(
    questionnaire: Questionnaire, *sheets: AnswerSheet, steps: int = 5
) -> ReportDocument:
    return report_of(questionnaire, sheets, steps=steps)


def html_of(questionnaire: Questionnaire, *sheets: AnswerSheet, paper: str = "a4") -> str:
    return draw("html", document_of(questionnaire, *sheets), paper=paper)


# --- structure ----------------------------------------------------------------------------


def test_couple_report_is_self_contained_and_has_every_part_in_order(
    questionnaire: Questionnaire, alex: AnswerSheet, sam: AnswerSheet
) -> None:
    html = html_of(questionnaire, alex, sam)
    assert_self_contained(html)
    assert "@page {\n  size: A4; margin: 16mm 14mm;\n" in html
    assert "<svg" in html
    places = [html.index(f"<h2>{heading}</h2>") for heading in SECTION_HEADINGS]
    assert places == sorted(places)
    assert html.index("<h1>") < places[0]
    assert places[-1] < html.index('<footer class="report-footer">')


@pytest.mark.parametrize("paper, size", [("a4", "size: A4;"), ("letter", "size: letter;")])
def test_page_size_follows_the_paper(
    questionnaire: Questionnaire, alex: AnswerSheet, paper: str, size: str
) -> None:
    html = html_of(questionnaire, alex, paper=paper)
    page_rule = re.search(r"@page \{[^}]*\}", html)
    assert page_rule is not None and size in page_rule.group(0)


def test_header_names_dates_and_questionnaire(
    questionnaire: Questionnaire, alex: AnswerSheet, sam: AnswerSheet
) -> None:
    html = html_of(questionnaire, alex, sam)
    header = html[html.index("<header") : html.index("</header>")]
    assert "Alex and Sam" in header
    assert "<dt>Alex</dt><dd>completed 2026-11-20</dd>" in header
    assert "<dt>Sam</dt><dd>completed 2026-11-21</dd>" in header
    assert f"{questionnaire.id}, version {questionnaire.version}" in header
    assert "<title>Emotional intimacy report: Alex and Sam</title>" in html


def test_how_to_read_has_every_paragraph_and_the_band_table(
    questionnaire: Questionnaire, alex: AnswerSheet
) -> None:
    document = document_of(questionnaire, alex)
    html = draw("html", document)
    assert len(document.how_to_read) == 4
    for paragraph in document.how_to_read:
        assert f"<p>{escape(paragraph)}</p>" in html
    for band in questionnaire.bands:
        assert f'<tr><td>{escape(band.label)}</td><td class="from">{band.min}</td></tr>' in html


def test_couple_scores_show_both_indexes_the_agreement_and_the_sentences(
    questionnaire: Questionnaire, alex: AnswerSheet, sam: AnswerSheet
) -> None:
    document = document_of(questionnaire, alex, sam)
    assert document.couple is not None and document.couple.imbalance is not None
    html = draw("html", document)
    scores = html[html.index("<h2>Scores</h2>") : html.index('<section class="statement-table">')]
    assert '<p class="big">72<span class="of"> of 100</span></p>' in scores
    assert '<p class="big">48<span class="of"> of 100</span></p>' in scores
    assert '<p class="big">35%</p>' in scores
    assert (
        '<p class="small">Couple agreement: 35%. 7 of the 20 statements you both rated are a '
        "strength for both of you.</p>"
    ) in scores
    assert "Close, with room to grow" in scores and "Finding your way back" in scores
    sentences = [section.sentence for section in document.couple.sections]
    assert sentences == [
        "Alex rates the signs of closeness somewhat higher than Sam does.",
        "Sam notices the warning signs much more than Alex does.",
    ]
    for sentence in sentences:
        assert f"<li>{escape(sentence)}</li>" in scores
    callout = scores[scores.index('<div class="callout">') :]
    assert len(document.couple.imbalance.sentences) == 2
    for sentence in document.couple.imbalance.sentences:
        assert f"<p>{escape(sentence)}</p>" in callout
    assert "<p>Sam feels that the sharing between you is uneven.</p>" in callout


def test_bars_are_as_wide_as_the_scores(
    questionnaire: Questionnaire, alex: AnswerSheet, sam: AnswerSheet
) -> None:
    elements = Elements(html_of(questionnaire, alex, sam))
    fills = [attrs["width"] for _, attrs in elements.with_class("fill")]
    # Index, then one bar per section; within each measure Alex, then Sam.
    assert fills == ["72.5%", "48.75%", "70.0%", "55.0%", "75.0%", "42.5%"]
    assert len(elements.named("svg")) == 6


def test_an_incomplete_score_has_an_empty_bar_and_says_so(
    questionnaire: Questionnaire, alex: AnswerSheet, sam: AnswerSheet
) -> None:
    started = replace(
        sam,
        status=IN_PROGRESS,
        completed_at=None,
        answers=MappingProxyType(dict(list(sam.answers.items())[:5])),
    )
    html = html_of(questionnaire, alex, started)
    assert_self_contained(html)
    elements = Elements(html)
    assert len(elements.named("svg")) == 6
    assert len(elements.with_class("fill")) == 3  # Alex's bars only
    assert html.count('<td class="bar-value incomplete">incomplete</td>') == 3
    assert '<p class="big incomplete">incomplete</p>' in html
    assert "<dt>Sam</dt><dd>in progress: 5 of 20 answered</dd>" in html
    assert "not finished" not in html
    # The fifteen statements Sam has not reached are not answered yet, never skipped.
    assert html.count('<span class="flag flag-unanswered">not answered yet</span>') == 15
    assert ">skipped</span>" not in html


def test_statement_table_has_every_sign_with_ratings_flags_and_category(
    questionnaire: Questionnaire, alex: AnswerSheet, sam: AnswerSheet
) -> None:
    document = document_of(questionnaire, alex, sam)
    html = draw("html", document)
    rows = {row.id: row for group in document.statement_groups for row in group.rows}
    assert list(rows) == [sign.id for sign in questionnaire.signs]
    for row in rows.values():
        assert f'<span class="sign-title">{escape(row.title)}</span>' in html
        assert f'<span class="sign-statement">{escape(row.statement)}</span>' in html
    for group in document.statement_groups:
        note = f' <span class="caption-note">{escape(group.note)}</span>' if group.note else ""
        assert f"<caption>{escape(group.title)}{note}</caption>" in html
    # Only the section where agreeing means less closeness explains its ratings.
    assert [bool(group.note) for group in document.statement_groups] == [False, True]
    assert html.count('<th scope="col">Together</th>') == len(document.statement_groups)
    trust = rows["trust"]
    assert [cell.label for cell in trust.cells] == ["5 Strongly agree", "4 Agree"]
    assert (
        '<td><span class="rating">5 Strongly agree</span>'
        '<span class="flag flag-strength">strength</span></td>'
    ) in html
    assert '<span class="category category-gap">seen differently</span>' in html
    assert '<span class="flag flag-warning">warning sign</span>' in html
    # A warning sign both rate low is a shared strength, listed under its clear title.
    assert rows["lack-of-trust"].category == "shared-strength"
    assert '<span class="sign-title">You trust each other</span>' in html
    assert "You find it hard to trust each other" not in html


def test_single_report_has_no_couple_parts(questionnaire: Questionnaire, alex: AnswerSheet) -> None:
    document = document_of(questionnaire, alex)
    html = draw("html", document)
    assert_self_contained(html)
    assert "Alex" in html and "72" in html and "Sam" not in html
    assert "couple agreement" not in html.lower()
    assert "Together" not in html
    assert "(from " not in html  # whose answers drive a step is said only for a couple
    assert "both of your answers" not in html
    assert 'class="callout"' not in html
    titles = [row.title for group in document.statement_groups for row in group.rows]
    assert len(titles) == len(questionnaire.signs)
    for title in titles:
        assert f'<span class="sign-title">{escape(title)}</span>' in html


def test_findings_show_each_group_with_who_and_what_to_talk_about(
    questionnaire: Questionnaire, alex: AnswerSheet, sam: AnswerSheet
) -> None:
    document = document_of(questionnaire, alex, sam)
    html = draw("html", document)
    findings = html[html.index("<h2>What the answers show</h2>") : html.index("<h2>Recommended")]
    assert [group.heading for group in document.findings] == [
        "Strengths",
        "Growth areas",
        "Warning signs",
        "Seen differently",
    ]
    for group in document.findings:
        count = f'<span class="count">({len(group.entries)})</span>'
        assert f"{group.heading} {count}" in findings
        for item in group.entries:
            assert f'<span class="finding-title">{escape(item.title)}</span>' in findings
            if item.discuss:
                assert f"To talk about: {escape(item.discuss)}" in findings
    assert '<span class="who">Alex and Sam</span>' in findings
    assert '<span class="who">Sam</span>' in findings
    # Each discussion question once, however many groups list its statement.
    for sign in questionnaire.signs:
        assert findings.count(str(escape(sign.discuss))) <= 1, sign.id


def test_steps_are_numbered_with_what_they_address_and_whose_answers(
    questionnaire: Questionnaire, alex: AnswerSheet, sam: AnswerSheet
) -> None:
    document = document_of(questionnaire, alex, sam)
    html = draw("html", document)
    steps = html[html.index("<h2>Recommended steps</h2>") : html.index("<h2>Notes</h2>")]
    assert len(document.advice.steps) == 5
    places = []
    for step in document.advice.steps:
        number = f'<div class="step-number" aria-hidden="true">{step.number}</div>'
        places.append(steps.index(number))
        assert f"<h3>{escape(step.title)}</h3>" in steps
        assert f"<p>{escape(step.summary)}</p>" in steps
        assert escape(step.try_this) in steps
        assert step.reason.startswith("For: " + "; ".join(step.addresses))
        assert f'<p class="addresses">{escape(step.reason)}</p>' in steps
    assert places == sorted(places)
    assert (
        '<p class="small steps-intro">Of the 20 steps that match your answers, these 5 fit '
        "best. Pick one or two to try.</p>"
    ) in steps
    assert "For: You hold on to grudges (from both of your answers)" in steps
    assert "(from Sam&#39;s answers)" in steps


def test_exercises_are_listed_under_their_step(
    questionnaire: Questionnaire, alex: AnswerSheet
) -> None:
    document = document_of(questionnaire, alex, steps=100)
    html = draw("html", document)
    with_exercises = [step for step in document.advice.steps if step.exercises]
    assert with_exercises, "the example should reach a step with exercises"
    for step in with_exercises:
        for exercise in step.exercises:
            expected = f'<li><span class="label">{escape(exercise.name)}:</span> '
            assert expected + f"{escape(exercise.how)}</li>" in html


def test_notes_lines_and_the_footer_close_the_report(
    questionnaire: Questionnaire, alex: AnswerSheet, sam: AnswerSheet
) -> None:
    document = document_of(questionnaire, alex, sam)
    html = draw("html", document)
    # Eight ruled lines: with more, a single report's footer ran onto a fourth page.
    assert len(Elements(html).with_class("line")) == 8
    footer = html[html.index('<footer class="report-footer">') :]
    assert document.closing.disclaimer.startswith("intimacy-check is an aid to reflection")
    assert f"<p>{escape(document.closing.disclaimer)}</p>" in footer
    assert f'<p class="safety">{escape(document.closing.safety)}</p>' in footer
    assert "please contact local support services or emergency services." in footer


def test_print_rules_keep_rows_and_items_whole() -> None:
    source = TEMPLATE.read_text(encoding="utf-8")
    avoid = re.search(r"\n([^{}\n]+)\{ break-inside: avoid;", source)
    assert avoid is not None
    for selector in ("tr", ".step", ".finding", "figure", ".notes", ".report-footer"):
        assert selector in avoid.group(1).replace(" ", "").split(",")
    assert "thead { display: table-header-group; }" in source


def test_template_never_marks_view_data_safe() -> None:
    source = re.sub(r"\{#.*?#\}", "", TEMPLATE.read_text(encoding="utf-8"), flags=re.S)
    assert not re.search(r"\|\s*safe\b", source)
    assert "autoescape" not in source


# --- hostile names ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, absent, present",
    [
        ("<script>alert(1)</script>", "<script>alert", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("<img src=x onerror=alert(1)>", "<img src=x", "&lt;img src=x onerror=alert(1)&gt;"),
        ("\"quotes\" & 'apos'", "\"quotes\" & 'apos'", "&#34;quotes&#34; &amp; &#39;apos&#39;"),
        ("[link=file:///etc/passwd]x[/link]", "<a ", "[link=file:///etc/passwd]x[/link]"),
        ("| pipe", None, '<td class="bar-name">| pipe</td>'),
        ("\x1b]52;c;aGk=\x07", "\x1b", "]52;c;aGk="),
        ("</style><script>x</script>", "</style><script>", "&lt;/style&gt;&lt;script&gt;"),
        ("-->]]><svg onload=alert(1)>", "<svg onload", "--&gt;]]&gt;&lt;svg onload=alert(1)&gt;"),
    ],
)
def test_hostile_names_are_text(
    questionnaire: Questionnaire,
    alex: AnswerSheet,
    sam: AnswerSheet,
    name: str,
    absent: str | None,
    present: str,
) -> None:
    html = html_of(questionnaire, replace(alex, respondent=name), sam)
    assert absent is None or absent not in html
    assert present in html
    assert "\x1b" not in html and "\x07" not in html
    assert_self_contained(html)
    elements = Elements(html)
    assert elements.named("style") == [{}]
    assert len(elements.named("svg")) == 6


@settings(max_examples=60, deadline=None)
@given(name=st.text())
def test_any_name_leaves_no_script_and_no_control_character(
    questionnaire: Questionnaire, alex: AnswerSheet, sam: AnswerSheet, name: str
) -> None:
    html = html_of(questionnaire, replace(alex, respondent=name), sam)
    assert "<script" not in html.lower()
    assert not CONTROL.search(html)
    assert len(Elements(html).named("svg")) == 6
