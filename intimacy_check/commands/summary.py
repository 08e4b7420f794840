"""`intimacy-check summary`: one row per answer file, for a counselor's whole caseload."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from intimacy_check.commands import DataDir, console, fail, load

if TYPE_CHECKING:
    from intimacy_check.caseload import SummaryRow
    from intimacy_check.questionnaire import Questionnaire

PROGRESS_AFTER = 1.0  # seconds: quick runs never flash a progress bar


class SummaryFormat(str, Enum):
    terminal = "terminal"
    csv = "csv"
    json = "json"


class SortKey(str, Enum):
    INDEX = "index"
    NAME = "name"
    DATE = "date"
    PATH = "path"


def find_answer_files(paths: list[Path]) -> Iterator[Path]:
    """Files as given, and *.yaml / *.yml under folders, each folder in name order."""
    import os

    for path in paths:
        if not path.is_dir():
            yield path
            continue
        for folder, subfolders, names in os.walk(path):
            subfolders.sort()
            for name in sorted(names):
                if name.endswith((".yaml", ".yml")) and not name.startswith("."):
                    yield Path(folder) / name


def _rows(
    files: Iterator[Path], questionnaire: Questionnaire, failures: list[str]
) -> Iterator[SummaryRow]:
    """Summarize file by file; a file that fails is noted on stderr and skipped."""
    from intimacy_check.answers import check_matches, read_answer_sheet
    from intimacy_check.caseload import summarize
    from intimacy_check.errors import IntimacyCheckError
    from intimacy_check.render.inert import inert

    for path in files:
        try:
            sheet = read_answer_sheet(path)
            check_matches(sheet, questionnaire=questionnaire, source=str(path))
        except IntimacyCheckError as error:
            failures.append(str(path))
            sys.stderr.write(f"intimacy-check: error: {inert(error.message)}\n")
            continue
        yield summarize(questionnaire, sheet, file=str(path))


def _with_progress(rows: Iterator[SummaryRow]) -> Iterator[SummaryRow]:
    """Show a progress bar on stderr, but only for a terminal and a run longer than a second."""
    if not sys.stderr.isatty():
        yield from rows
        return
    started = time.monotonic()
    progress: Any = None
    try:
        for done, row in enumerate(rows, start=1):
            if progress is None and time.monotonic() - started > PROGRESS_AFTER:
                from rich.console import Console
                from rich.progress import Progress

                progress = Progress(console=Console(stderr=True), transient=True)
                progress.start()
                # No total: counting the files first would mean walking every folder twice.
                task = progress.add_task("Reading answer files", total=None)
            if progress is not None:
                progress.update(task, completed=done)
            yield row
    finally:
        if progress is not None:
            progress.stop()


def summary(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Answer files, or folders to search for *.yaml and *.yml.", metavar="PATH..."
        ),
    ],
    format: Annotated[  # noqa: A002 - the option is called --format
        SummaryFormat, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)
    ] = SummaryFormat.terminal,
    sort: Annotated[
        SortKey,
        typer.Option(
            "--sort", help="Row order: index (most in need first), name, date, or path (as found)."
        ),
    ] = SortKey.INDEX,
    data_dir: DataDir = None,
) -> None:
    """One row per answer file, for a counselor's caseload.

    Each row shows the respondent, status, completed date, index, band and the most
    pressing growth area or warning sign.
    """
    from intimacy_check.caseload import sort_rows, streams

    questionnaire = load(data_dir)
    failures: list[str] = []
    found = _counted(find_answer_files(paths))
    rows: Iterator[SummaryRow] = _with_progress(_rows(found, questionnaire, failures))
    if not streams(sort.value):
        rows = iter(sort_rows(rows, key=sort.value))
    _write(rows, format)
    if found.count == 0:
        shown = " ".join(str(path) for path in paths)
        fail(f"{shown}: no answer files (*.yaml, *.yml) found")
    if failures:
        raise typer.Exit(1)


class _counted(Iterator[Path]):  # noqa: N801 - used like a function
    """Passes paths through and counts them."""

    def __init__(self, paths: Iterator[Path]) -> None:
        self.paths = paths
        self.count = 0

    def __next__(self) -> Path:
        path = next(self.paths)
        self.count += 1
        return path


def _write(rows: Iterator[SummaryRow], fmt: SummaryFormat) -> None:
    """Write rows as they arrive, flushing so a pipe sees them before the last file is read."""
    from intimacy_check.render import summary as render

    out = sys.stdout
    if fmt is SummaryFormat.csv:
        out.write(render.csv_header())
        for row in rows:
            out.write(render.csv_row(row))
            out.flush()
    elif fmt is SummaryFormat.json:
        out.write("[")
        for number, row in enumerate(rows):
            out.write(("," if number else "") + "\n  " + render.json_row(row))
            out.flush()
        out.write("\n]\n")
    else:
        screen = console()
        screen.print(render.terminal_header())
        for row in rows:
            screen.print(render.terminal_row(row))
