"""`intimacy-check report` and `intimacy-check compare`: results of saved answer files."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from intimacy_check.commands import DataDir, console, load

if TYPE_CHECKING:
    from intimacy_check.answers import AnswerSheet
    from intimacy_check.questionnaire import Questionnaire
    from intimacy_check.report import Report


class ReportFormat(str, Enum):
    terminal = "terminal"
    json = "json"


Files = Annotated[
    list[Path], typer.Argument(help="One answer file, or two for a couple.", show_default=False)
]
Format = Annotated[
    Optional[ReportFormat],  # noqa: UP045
    typer.Option("--format", "-f", help="Output format.", case_sensitive=False),
]
Steps = Annotated[int, typer.Option("--steps", min=0, help="How many recommended steps to show.")]
AllowIncomplete = Annotated[
    bool,
    typer.Option("--allow-incomplete", help="Compare even if a partner has not finished the quiz."),
]


def read_sheets(
    paths: list[Path], questionnaire: Questionnaire, *, allow_incomplete: bool
) -> list[AnswerSheet]:
    """Read one or two answer files; a pair must be fit to compare."""
    from intimacy_check.answers import check_matches, read_answer_sheet
    from intimacy_check.couple import check_pair

    sheets = [read_answer_sheet(path) for path in paths]
    if len(sheets) == 2:
        check_pair(
            sheets[0],
            sheets[1],
            sources=(str(paths[0]), str(paths[1])),
            same_file=paths[0].resolve() == paths[1].resolve(),
            allow_incomplete=allow_incomplete,
        )
    for sheet, path in zip(sheets, paths):
        check_matches(sheet, questionnaire=questionnaire, source=str(path))
    return sheets


def _render(result: Report, fmt: ReportFormat | None, *, steps: int) -> None:
    if fmt is ReportFormat.json:
        from intimacy_check.render.json_report import render_json

        sys.stdout.write(render_json(result))
        return
    from intimacy_check.render.terminal import personal_summary
    from intimacy_check.render.terminal_couple import couple_summary

    summary = couple_summary if result.couple else personal_summary
    console().print(summary(result, steps=steps))


def report(
    files: Files,
    format: Format = None,  # noqa: A002 - the option is called --format
    steps: Steps = 5,
    allow_incomplete: AllowIncomplete = False,
    data_dir: DataDir = None,
) -> None:
    """Show the results of one saved answer file, or of a couple's two."""
    from intimacy_check.errors import UsageError
    from intimacy_check.report import build_report

    if len(files) > 2:
        raise UsageError("report takes one answer file, or two for a couple")
    questionnaire = load(data_dir)
    sheets = read_sheets(files, questionnaire, allow_incomplete=allow_incomplete)
    _render(build_report(questionnaire, sheets), format, steps=steps)


def compare(
    first: Annotated[Path, typer.Argument(help="One partner's answer file.")],
    second: Annotated[Path, typer.Argument(help="The other partner's answer file.")],
    format: Format = None,  # noqa: A002
    steps: Steps = 5,
    allow_incomplete: AllowIncomplete = False,
    data_dir: DataDir = None,
) -> None:
    """Compare two partners' answers: shared strengths, shared struggles and gaps."""
    from intimacy_check.report import build_report

    questionnaire = load(data_dir)
    sheets = read_sheets([first, second], questionnaire, allow_incomplete=allow_incomplete)
    _render(build_report(questionnaire, sheets), format, steps=steps)
