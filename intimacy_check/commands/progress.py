"""`intimacy-check progress`: what changed across a respondent's dated assessments."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from intimacy_check.commands import DataDir, console, fail, load
from intimacy_check.commands.report import (
    Force,
    Format,
    Output,
    Paper,
    PaperOption,
    ReportFormat,
    Template,
    deliver,
    prepare_destination,
)

if TYPE_CHECKING:
    from intimacy_check.answers import AnswerSheet
    from intimacy_check.questionnaire import Questionnaire


def _note(message: str) -> None:
    from intimacy_check.render.inert import inert

    sys.stderr.write(f"intimacy-check: note: {inert(message)}\n")


def usable_sheets(
    paths: list[Path], questionnaire: Questionnaire, failures: list[str]
) -> list[tuple[str, AnswerSheet]]:
    """Completed sheets for the loaded questionnaire; others are left out with a note."""
    from intimacy_check.answers import COMPLETED, check_matches, read_answer_sheet
    from intimacy_check.errors import IntimacyCheckError
    from intimacy_check.render.inert import inert

    usable = []
    seen: set[Path] = set()
    for path in paths:
        if path.resolve() in seen:
            _note(f"{path} was given more than once; it is counted once")
            continue
        seen.add(path.resolve())
        try:
            sheet = read_answer_sheet(path)
        except IntimacyCheckError as error:
            failures.append(str(path))
            sys.stderr.write(f"intimacy-check: error: {inert(error.message)}\n")
            continue
        if sheet.status != COMPLETED:
            _note(f"{path} is not finished yet ({sheet.status}); left out")
            continue
        if (sheet.questionnaire_id, sheet.questionnaire_version) != (
            questionnaire.id,
            questionnaire.version,
        ):
            _note(
                f"{path} is for questionnaire {sheet.questionnaire_id!r} version "
                f"{sheet.questionnaire_version}, not {questionnaire.id!r} version "
                f"{questionnaire.version}; left out"
            )
            continue
        try:
            check_matches(sheet, questionnaire=questionnaire, source=str(path))
        except IntimacyCheckError as error:
            failures.append(str(path))
            sys.stderr.write(f"intimacy-check: error: {inert(error.message)}\n")
            continue
        usable.append((str(path), sheet))
    return usable


def progress(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="Answer files of one or more people, taken at different times.",
            metavar="FILE...",
        ),
    ],
    format: Format = None,  # noqa: A002 - the option is called --format
    output: Output = None,
    force: Force = False,
    template: Template = None,
    paper: PaperOption = Paper.a4,
    data_dir: DataDir = None,
) -> None:
    """Show what changed between dated assessments.

    For each person: scores over time, the trend, and which growth areas and warning
    signs resolved or appeared.
    """
    from intimacy_check.progress import group_progress

    destination = prepare_destination(format, output, template=template, force=force, inputs=files)
    questionnaire = load(data_dir)
    failures: list[str] = []
    sheets = usable_sheets(files, questionnaire, failures)
    if not sheets:
        fail("none of the files is a completed assessment to compare over time")
    people = group_progress(questionnaire, sheets)
    if destination.format is ReportFormat.terminal:
        from intimacy_check.render.progress_text import terminal_progress
        from intimacy_check.render.progress_view import progress_view

        console().print(terminal_progress(progress_view(questionnaire, people)))
    else:
        deliver(_render(questionnaire, people, destination.format, template, paper), destination)
    if failures:
        raise typer.Exit(1)


def _render(
    questionnaire: Questionnaire,
    people: tuple,  # type: ignore[type-arg]
    fmt: ReportFormat,
    template: Path | None,
    paper: Paper,
) -> str:
    if fmt is ReportFormat.json:
        import json

        from intimacy_check.render.progress_view import progress_json

        return json.dumps(progress_json(questionnaire, people), indent=2, ensure_ascii=True) + "\n"
    from intimacy_check.render.progress_view import progress_view

    view = progress_view(questionnaire, people)
    if fmt is ReportFormat.text:
        from intimacy_check.render.progress_text import render_progress_text

        return render_progress_text(view)
    from intimacy_check.render.templates import render_template

    return render_template(
        fmt.value, view, template_path=template, paper=paper.value, document="progress"
    )
