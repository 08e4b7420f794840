"""`intimacy-check report` and `intimacy-check compare`: results of saved answer files."""

from __future__ import annotations

import sys
from dataclasses import dataclass
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
    text = "text"
    markdown = "markdown"
    html = "html"
    json = "json"


class Paper(str, Enum):
    a4 = "a4"
    letter = "letter"


EXTENSIONS = {
    ".txt": ReportFormat.text,
    ".text": ReportFormat.text,
    ".md": ReportFormat.markdown,
    ".markdown": ReportFormat.markdown,
    ".html": ReportFormat.html,
    ".htm": ReportFormat.html,
    ".json": ReportFormat.json,
}
TEMPLATED = (ReportFormat.html, ReportFormat.markdown)

Format = Annotated[
    Optional[ReportFormat],  # noqa: UP045
    typer.Option(
        "--format",
        "-f",
        help="Output format [default: terminal, text when piped, or from the -o extension].",
        case_sensitive=False,
        show_default=False,
    ),
]
Output = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option("--output", "-o", help="Write the report to this file ('-' for stdout)."),
]
Force = Annotated[bool, typer.Option("--force", help="Replace an existing output file.")]
Steps = Annotated[int, typer.Option("--steps", min=0, help="How many recommended steps to show.")]
Template = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option("--template", help="Your own Jinja2 template for html or markdown."),
]
PaperOption = Annotated[
    Paper, typer.Option("--paper", help="Page size for printing the html report.")
]
AllowIncomplete = Annotated[
    bool,
    typer.Option("--allow-incomplete", help="Compare even if a partner has not finished the quiz."),
]


@dataclass(frozen=True)
class Destination:
    """Where a report goes and in which format; decided from the options before any work."""

    format: ReportFormat
    path: Path | None  # None for stdout


def choose_destination(
    fmt: ReportFormat | None,
    output: Path | None,
    *,
    template: Path | None,
    stdout_is_terminal: bool,
) -> Destination:
    """Settle the format and the target; raise UsageError for combinations that cannot work."""
    from intimacy_check.errors import UsageError

    path = None if output is None or str(output) == "-" else output
    if fmt is None and path is not None:
        fmt = EXTENSIONS.get(path.suffix.lower())
        if fmt is None:
            raise UsageError(
                f"cannot tell the format from {path.name!r}; add --format "
                "(text, markdown, html or json)"
            )
    if fmt is None:
        fmt = ReportFormat.terminal if stdout_is_terminal else ReportFormat.text
    if fmt is ReportFormat.terminal and path is not None:
        raise UsageError("the terminal format cannot be written to a file; use --format text")
    if template is not None and fmt not in TEMPLATED:
        raise UsageError("--template works with --format html or --format markdown")
    return Destination(format=fmt, path=path)


def prepare_destination(
    fmt: ReportFormat | None,
    output: Path | None,
    *,
    template: Path | None,
    force: bool,
    inputs: list[Path],
) -> Destination:
    """Settle where a report goes, and refuse a target that cannot or must not be written,
    before any answer file is read: never one of the inputs, never an existing file
    without --force."""
    from intimacy_check.answers import check_writable
    from intimacy_check.errors import UsageError

    destination = choose_destination(
        fmt, output, template=template, stdout_is_terminal=sys.stdout.isatty()
    )
    if destination.path is None:
        return destination
    target = destination.path.resolve()
    if any(path.resolve() == target for path in inputs):
        raise UsageError(
            f"{destination.path} is one of the answer files being read; "
            "choose another name for the report"
        )
    check_writable(destination.path, force=force, what="report")
    return destination


def read_sheets(
    paths: list[Path], questionnaire: Questionnaire, *, allow_incomplete: bool
) -> list[AnswerSheet]:
    """Read one or two answer files; a pair must be fit to compare."""
    from intimacy_check.answers import check_matches, read_answer_sheet

    sheets = [read_answer_sheet(path) for path in paths]
    if len(sheets) == 2:
        from intimacy_check.couple import check_pair

        check_pair(
            sheets[0],
            sheets[1],
            sources=(str(paths[0]), str(paths[1])),
            same_file=paths[0].resolve() == paths[1].resolve(),
            allow_incomplete=allow_incomplete,
        )
    for sheet, path in zip(sheets, paths, strict=True):
        check_matches(sheet, questionnaire=questionnaire, source=str(path))
    return sheets


def render(
    result: Report,
    fmt: ReportFormat,
    *,
    steps: int,
    template: Path | None = None,
    paper: Paper = Paper.a4,
) -> str:
    """The report as text in a file format (not the terminal)."""
    if fmt is ReportFormat.json:
        from intimacy_check.render.json_report import render_json

        return render_json(result)
    from intimacy_check.render.view import Options, report_view

    view = report_view(result, options=Options(steps=steps))
    if fmt is ReportFormat.text:
        from intimacy_check.render.text import render_text

        return render_text(view)
    from intimacy_check.render.templates import render_template

    return render_template(fmt.value, view, template_path=template, paper=paper.value)


def _terminal(result: Report, *, steps: int, compare_view: bool) -> object:
    """`compare` shows the couple's side-by-side view; `report` the counselor's full report."""
    if compare_view:
        from intimacy_check.render.terminal_couple import couple_summary

        return couple_summary(result, steps=steps)
    from intimacy_check.render.terminal_report import terminal_report
    from intimacy_check.render.view import Options, report_view

    return terminal_report(report_view(result, options=Options(steps=steps)))


def _emit(
    result: Report,
    destination: Destination,
    *,
    steps: int,
    template: Path | None,
    paper: Paper,
    compare_view: bool,
) -> None:
    if destination.format is ReportFormat.terminal:
        console().print(_terminal(result, steps=steps, compare_view=compare_view))
        return
    deliver(
        render(result, destination.format, steps=steps, template=template, paper=paper), destination
    )


def deliver(text: str, destination: Destination) -> None:
    """Write a rendered report to stdout, or privately and atomically to its file."""
    if destination.path is None:
        sys.stdout.write(text)
        return
    from intimacy_check.answers import write_private

    write_private(destination.path, text)
    typer.echo(f"Report saved in {destination.path}", err=True)


def _run(
    files: list[Path],
    *,
    fmt: ReportFormat | None,
    output: Path | None,
    force: bool,
    steps: int,
    template: Path | None,
    paper: Paper,
    allow_incomplete: bool,
    data_dir: Path | None,
    compare_view: bool = False,
) -> None:
    from intimacy_check.report import build_report

    destination = prepare_destination(fmt, output, template=template, force=force, inputs=files)
    questionnaire = load(data_dir)
    sheets = read_sheets(files, questionnaire, allow_incomplete=allow_incomplete)
    _emit(
        build_report(questionnaire, sheets),
        destination,
        steps=steps,
        template=template,
        paper=paper,
        compare_view=compare_view,
    )


def report(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="One answer file, or two for a couple.", metavar="FILE [FILE2]", show_default=False
        ),
    ],
    format: Format = None,  # noqa: A002 - the option is called --format
    output: Output = None,
    force: Force = False,
    steps: Steps = 5,
    template: Template = None,
    paper: PaperOption = Paper.a4,
    allow_incomplete: AllowIncomplete = False,
    data_dir: DataDir = None,
) -> None:
    """Show or save a report of one answer file, or of a couple's two."""
    from intimacy_check.errors import UsageError

    if len(files) > 2:
        raise UsageError("report takes one answer file, or two for a couple")
    _run(
        files,
        fmt=format,
        output=output,
        force=force,
        steps=steps,
        template=template,
        paper=paper,
        allow_incomplete=allow_incomplete,
        data_dir=data_dir,
    )


def compare(
    first: Annotated[Path, typer.Argument(help="One partner's answer file.")],
    second: Annotated[Path, typer.Argument(help="The other partner's answer file.")],
    format: Format = None,  # noqa: A002
    output: Output = None,
    force: Force = False,
    steps: Steps = 5,
    template: Template = None,
    paper: PaperOption = Paper.a4,
    allow_incomplete: AllowIncomplete = False,
    data_dir: DataDir = None,
) -> None:
    """Compare two partners' answers side by side.

    Shows shared strengths, shared struggles and the places where you see things
    differently, with questions to talk through and steps to try together.
    """
    _run(
        [first, second],
        compare_view=True,
        fmt=format,
        output=output,
        force=force,
        steps=steps,
        template=template,
        paper=paper,
        allow_incomplete=allow_incomplete,
        data_dir=data_dir,
    )
