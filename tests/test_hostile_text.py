"""Any text in an answer file stays inert in every renderer: no control characters reach a
terminal or a report, rich markup is never interpreted, and HTML never gets a live tag."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console

from intimacy_check.answers import AnswerSheet, read_answer_sheet
from intimacy_check.caseload import summarize
from intimacy_check.progress import group_progress
from intimacy_check.questionnaire import load_questionnaire
from intimacy_check.render import summary as summary_render
from intimacy_check.render.json_report import render_json
from intimacy_check.render.progress_text import render_progress_text, terminal_progress
from intimacy_check.render.progress_view import progress_view
from intimacy_check.render.templates import render_template
from intimacy_check.render.terminal import personal_summary
from intimacy_check.render.terminal_couple import couple_summary
from intimacy_check.render.terminal_report import terminal_report
from intimacy_check.render.text import render_text
from intimacy_check.render.view import report_view
from intimacy_check.report import build_report

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
QUESTIONNAIRE = load_questionnaire()
ALEX = read_answer_sheet(EXAMPLES / "alex.yaml")
SAM = read_answer_sheet(EXAMPLES / "sam.yaml")
# Line breaks and tabs are layout; everything else below 0x20, DEL and C1 must never appear.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
HOSTILE = st.one_of(
    st.text(min_size=1, max_size=40),
    st.sampled_from(
        [
            "[bold]x[/bold]",
            "[/]",
            "[link=file:///etc/passwd]x[/link]",
            "\x1b[31mred\x1b[0m",
            "\x1b]52;c;aGVsbG8=\x07",
            "\x07bell\rreturn",
            "</script><script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "a | b\n| c",
            "x" * 200,
        ]
    ),
).filter(lambda name: name.strip())


def terminal(renderable: object) -> str:
    """What a colour terminal would receive, escape codes and all."""
    console = Console(file=io.StringIO(), width=80, force_terminal=True, color_system="truecolor")
    console.print(renderable)
    return console.file.getvalue()  # type: ignore[attr-defined]


def without_styles(output: str) -> str:
    """Remove the SGR colour sequences rich itself writes, leaving anything else behind."""
    return re.sub("\x1b\\[[0-9;]*m", "", output)


def named(sheet: AnswerSheet, name: str) -> AnswerSheet:
    return replace(sheet, respondent=name)


def assert_inert(output: str, *, where: str) -> None:
    assert not CONTROL.search(output.replace("\n", "").replace("\t", "")), where


FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(first=HOSTILE, second=HOSTILE)
def test_report_renderers_keep_any_name_inert(first: str, second: str) -> None:
    single = build_report(QUESTIONNAIRE, [named(ALEX, first)])
    couple = build_report(QUESTIONNAIRE, [named(ALEX, first), named(SAM, second + " ")])
    for report in (single, couple):
        view = report_view(report)
        assert_inert(render_text(view), where="text")
        assert_inert(render_json(report), where="json")
        assert_inert(render_template("markdown", view), where="markdown")
        html = render_template("html", view)
        assert_inert(html, where="html")
        assert "<script>alert" not in html and "<img src=x" not in html
        assert_inert(without_styles(terminal(terminal_report(view))), where="terminal report")
    assert_inert(without_styles(terminal(personal_summary(single))), where="summary")
    assert_inert(without_styles(terminal(couple_summary(couple))), where="compare")


@FAST
@given(name=HOSTILE)
def test_progress_renderers_keep_any_name_inert(name: str) -> None:
    people = group_progress(QUESTIONNAIRE, [("a.yaml", named(ALEX, name))])
    view = progress_view(QUESTIONNAIRE, people)
    assert_inert(render_progress_text(view), where="progress text")
    assert_inert(render_template("markdown", view, document="progress"), where="progress md")
    html = render_template("html", view, document="progress")
    assert_inert(html, where="progress html")
    assert "<script>alert" not in html
    assert_inert(without_styles(terminal(terminal_progress(view))), where="progress terminal")


@FAST
@given(name=HOSTILE, file=HOSTILE)
def test_summary_rows_keep_any_text_inert(name: str, file: str) -> None:
    row = summarize(QUESTIONNAIRE, named(ALEX, name), file=file)
    assert_inert(summary_render.csv_row(row), where="csv")
    assert_inert(summary_render.json_row(row), where="json")
    assert_inert(without_styles(terminal(summary_render.terminal_row(row))), where="terminal")


def test_rich_markup_in_a_name_is_shown_literally() -> None:
    report = build_report(QUESTIONNAIRE, [named(ALEX, "[bold red]Eve[/bold red]")])
    shown = without_styles(terminal(personal_summary(report)))
    assert "[bold red]Eve[/bold red]" in shown
