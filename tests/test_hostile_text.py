"""Any text in an answer file stays inert in every renderer: no control characters reach a
terminal or a report, rich markup is never interpreted, and HTML never gets a live tag."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rendering import every_document, example
from rich.console import Console

from intimacy_check import formats
from intimacy_check.answers import AnswerSheet
from intimacy_check.caseload import summarize
from intimacy_check.documents.caseload import caseload_document
from intimacy_check.documents.personal import personal_document
from intimacy_check.documents.progress import progress_document
from intimacy_check.progress import group_progress
from intimacy_check.report import build_report
from intimacy_check.versions import shipped_version

QUESTIONNAIRE = shipped_version(1)  # the version the examples from `rendering` answer
ALEX = example("alex.yaml")
SAM = example("sam.yaml")
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


def terminal(drawn: Any) -> str:
    """What a colour terminal would receive, escape codes and all."""
    console = Console(file=io.StringIO(), width=80, force_terminal=True, color_system="truecolor")
    for part in [drawn] if hasattr(drawn, "__rich_console__") else drawn:
        console.print(part)
    return console.file.getvalue()  # type: ignore[attr-defined]


def without_styles(output: str) -> str:
    """Remove the SGR colour sequences rich itself writes, leaving anything else behind."""
    return re.sub("\x1b\\[[0-9;]*m", "", output)


def shown_in_every_format(document: object) -> dict[str, str]:
    """The document in each format that claims it; the terminal as a colour terminal gets it."""
    shown = {}
    for fmt in formats.formats_for(type(document).__name__):
        if fmt.binary:
            continue  # the PDF is the HTML printed; test_pdf prints a hostile name
        drawn = formats.render(fmt, document)
        if fmt.terminal:
            shown[fmt.name] = without_styles(terminal(drawn))
        else:
            shown[fmt.name] = drawn if isinstance(drawn, str) else "".join(drawn)
    return shown


def named(sheet: AnswerSheet, name: str) -> AnswerSheet:
    return replace(sheet, respondent=name)


def assert_inert(output: str, *, where: str) -> None:
    assert not CONTROL.search(output.replace("\n", "").replace("\t", "")), where


FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(first=HOSTILE, second=HOSTILE)
def test_every_document_in_every_format_keeps_any_name_inert(first: str, second: str) -> None:
    kinds = set()
    for sheets in ([named(ALEX, first)], [named(ALEX, first), named(SAM, second + " ")]):
        for document in every_document(QUESTIONNAIRE, sheets):
            for fmt, output in shown_in_every_format(document).items():
                where = f"{type(document).__name__} as {fmt}"
                kinds.add(where)
                assert_inert(output, where=where)
                if fmt in ("html", "markdown"):
                    assert "<script>alert" not in output and "<img src=x" not in output, where
    # Every document kind, each in every format that claims it, was drawn.
    assert len(kinds) == sum(len(fmt.documents) for fmt in formats.FORMATS if not fmt.binary)


@FAST
@given(name=HOSTILE)
def test_progress_renderers_keep_any_name_inert(name: str) -> None:
    people = group_progress([("a.yaml", named(ALEX, name), QUESTIONNAIRE)])
    shown = shown_in_every_format(progress_document(QUESTIONNAIRE, people))
    assert set(shown) == {"terminal", "text", "markdown", "html", "json", "fhir"}
    for fmt, output in shown.items():
        assert_inert(output, where=f"progress {fmt}")
    assert "<script>alert" not in shown["html"]


@FAST
@given(name=HOSTILE, file=HOSTILE)
def test_summary_rows_keep_any_text_inert(name: str, file: str) -> None:
    row = summarize(QUESTIONNAIRE, named(ALEX, name), file=file)
    shown = shown_in_every_format(caseload_document([row]))
    assert set(shown) == {"terminal", "json", "csv"}
    for fmt, output in shown.items():
        assert_inert(output, where=f"summary {fmt}")


def test_rich_markup_in_a_name_is_shown_literally() -> None:
    report = build_report(QUESTIONNAIRE, [named(ALEX, "[bold red]Eve[/bold red]")])
    shown = without_styles(
        terminal(formats.render(formats.BY_NAME["terminal"], personal_document(report)))
    )
    assert "Your results, [bold red]Eve[/bold red]" in shown
