"""`intimacy-check summary`: one row per answer file, for a counselor's whole caseload."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator, Mapping
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer
from rich.console import Console
from rich.progress import Progress

from intimacy_check import accessibility, formats
from intimacy_check.answers import (
    COMPLETED,
    AnswerSheet,
    SealedFile,
    check_writable,
    read_answer_sheet,
    write_private,
)
from intimacy_check.caseload import SummaryRow, sealed_row, sort_rows, streams, summarize
from intimacy_check.commands import PROG, DataDir, fail, load
from intimacy_check.commands.report import Destination, Force, Paper, emit
from intimacy_check.documents.caseload import caseload_document
from intimacy_check.errors import IntimacyCheckError, UsageError
from intimacy_check.inert import inert
from intimacy_check.messages import _
from intimacy_check.messages import commands as text
from intimacy_check.messages import quiz as quiz_text
from intimacy_check.messages import stats as stats_text
from intimacy_check.questionnaire import Questionnaire
from intimacy_check.versions import Questionnaires

if TYPE_CHECKING:
    from intimacy_check.documents.stats import StatsBlock

PROGRESS_AFTER = 1.0  # seconds: quick runs never flash a progress bar
ITEM_FORMATS = ("csv", "json")  # --items is data for a spreadsheet or a program
# In a folder; a file given by name is read whatever it is called. A FHIR response is read
# from a folder when it is named as `--format fhir` names it: other JSON, such as saved
# reports, is no answer file.
ANSWER_FILE_ENDINGS = (".yaml", ".yml", ".fhir.json", ".yaml.age", ".yml.age", ".fhir.json.age")


if TYPE_CHECKING:
    SummaryFormat = str
else:
    SummaryFormat = Enum(
        "SummaryFormat", {name: name for name in formats.choices(formats.CASELOAD)}, type=str
    )


class SortKey(str, Enum):
    INDEX = "index"
    NAME = "name"
    DATE = "date"
    PATH = "path"


def _error(message: str) -> None:
    sys.stderr.write(_(quiz_text.ERROR_LINE, prog=PROG, message=inert(message)) + "\n")


def _listing(folder: Path) -> tuple[list[str], list[str]]:
    """A folder's answer files and subfolders, by name, each in name order.

    Only names are kept, not the directory entries, so a folder of ten thousand files
    costs no more memory than their names.
    """
    files, subfolders = [], []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                subfolders.append(entry.name)
            elif entry.name.endswith(ANSWER_FILE_ENDINGS) and not entry.name.startswith("."):
                files.append(entry.name)
    return sorted(files), sorted(subfolders)


def find_answer_files(paths: list[Path], failures: list[str]) -> Iterator[Path]:
    """Files as given, and answer files (*.yaml, *.fhir.json) under folders, each folder in
    name order.

    Folders are walked with a stack, not by recursion, so no depth of nesting can stop
    the run; a folder that cannot be read is reported and counted as a failure.
    """
    for path in paths:
        if not path.is_dir():
            yield path
            continue
        stack = [path]
        while stack:
            folder = stack.pop()
            try:
                files, subfolders = _listing(folder)
            except OSError as error:
                failures.append(str(folder))
                problem = error.strerror or str(error)
                _error(_(text.FOLDER_UNREADABLE, folder=folder, problem=problem.lower()))
                continue
            for name in files:
                yield folder / name
            stack.extend(folder / name for name in reversed(subfolders))  # first is next


class Completed:
    """The answers of completed files of the loaded questionnaire, for --stats, and how many
    completed files answered another questionnaire or version."""

    def __init__(self, current: Questionnaire) -> None:
        self.key = (current.id, current.version)
        self.answers: list[Mapping[str, int | None]] = []
        self.left_out = 0
        self.sealed = 0  # opened by nobody here, so neither counted nor left out as others

    def add(self, sheet: AnswerSheet) -> None:
        if sheet.status != COMPLETED:
            return
        if (sheet.questionnaire_id, sheet.questionnaire_version) == self.key:
            self.answers.append(sheet.answers)
        else:
            self.left_out += 1


def _rows(
    files: Iterator[Path],
    questionnaires: Questionnaires,
    failures: list[str],
    *,
    items: tuple[str, ...] = (),
    completed: Completed | None = None,
) -> Iterator[SummaryRow]:
    """Summarize file by file; a file that fails is noted on stderr and skipped. A sealed
    file is listed as sealed: a caseload never asks for a passphrase."""
    for path in files:
        try:
            sheet = read_answer_sheet(path)
            sheet, questionnaire = questionnaires.for_sheet(sheet, source=str(path))
            row = summarize(questionnaire, sheet, file=str(path), items=items)
            if completed is not None:
                completed.add(sheet)
        except SealedFile:
            row = sealed_row(file=str(path))
            if completed is not None:
                completed.sealed += 1
        except IntimacyCheckError as error:
            failures.append(str(path))
            _error(error.message)
            continue
        except (OSError, ValueError, RecursionError, MemoryError) as error:
            # Whatever else goes wrong with one file is that file's line: a caseload goes on.
            failures.append(str(path))
            _error(_(text.FILE_UNREADABLE, path=path, problem=f"{type(error).__name__}: {error}"))
            continue
        yield row


def _with_progress(rows: Iterator[SummaryRow]) -> Iterator[SummaryRow]:
    """Show a progress bar on stderr, but only for a terminal and a run longer than a second;
    in accessible mode, a line at the start and one at the end instead."""
    if not sys.stderr.isatty():
        yield from rows
        return
    if accessibility.on():
        sys.stderr.write(_(text.READING_FILES_START) + "\n")
        done = 0
        for done, row in enumerate(rows, start=1):  # noqa: B007 - counted for the last line
            yield row
        sys.stderr.write(_(text.READ_FILES, count=done) + "\n")
        return
    started = time.monotonic()
    progress: Any = None
    try:
        for done, row in enumerate(rows, start=1):
            if progress is None and time.monotonic() - started > PROGRESS_AFTER:
                progress = Progress(console=Console(stderr=True), transient=True)
                progress.start()
                # No total: counting the files first would mean walking every folder twice.
                task = progress.add_task(_(text.READING_FILES), total=None)
            if progress is not None:
                progress.update(task, completed=done)
            yield row
    finally:
        if progress is not None:
            progress.stop()


def summary(
    paths: Annotated[
        list[Path],
        typer.Argument(help=_(text.SUMMARY_PATHS_HELP), metavar="PATH...", readable=False),
    ],
    format: Annotated[  # noqa: A002 - the option is called --format
        SummaryFormat,
        typer.Option("--format", "-f", help=_(text.SUMMARY_FORMAT_HELP), case_sensitive=False),
    ] = SummaryFormat("terminal"),  # noqa: B008 - an Enum member, made once
    sort: Annotated[
        SortKey,
        typer.Option("--sort", help=_(text.SORT_HELP)),
    ] = SortKey.INDEX,
    items: Annotated[bool, typer.Option("--items", help=_(text.ITEMS_HELP))] = False,
    stats: Annotated[bool, typer.Option("--stats", help=_(stats_text.STATS_HELP))] = False,
    stats_out: Annotated[
        Optional[Path],  # noqa: UP045 - Typer reads the annotation
        typer.Option("--stats-out", help=_(stats_text.STATS_OUT_HELP), metavar="FILE"),
    ] = None,
    force: Force = False,
    data_dir: DataDir = None,
) -> None:
    """One row per answer file, for a counselor's caseload.

    Each row shows the respondent, status, completed date, index, band and the most
    pressing growth area or warning sign.
    """
    if items and format not in ITEM_FORMATS:
        raise UsageError(_(text.ITEMS_FORMATS))
    stats = stats or stats_out is not None
    if stats and items and format == "csv":  # two tables, and a CSV file holds one
        raise UsageError(_(stats_text.STATS_ITEMS_CSV))
    if stats_out is not None:
        _check_stats_out(stats_out, paths, force=force)
    questionnaires = load(data_dir)
    failures: list[str] = []
    found = _counted(find_answer_files(paths, failures))
    columns = questionnaires.statement_ids() if items else ()
    completed = Completed(questionnaires.current) if stats else None
    rows = _with_progress(
        _rows(found, questionnaires, failures, items=columns, completed=completed)
    )
    if not streams(sort.value):
        rows = iter(sort_rows(rows, key=sort.value))
    elif completed is not None:  # the figures need every file read before the first is shown
        rows = iter(list(rows))
    block = None if completed is None else _figures(questionnaires.current, completed)
    destination = Destination(format=formats.for_the_screen(formats.BY_NAME[format]), path=None)
    document = caseload_document(rows, items=columns, stats=block)
    emit(document, destination, template=None, paper=Paper.a4)
    if found.count == 0:
        shown = " ".join(str(path) for path in paths)
        fail(_(text.NO_ANSWER_FILES, paths=shown))
    if stats_out is not None and block is not None:
        _save_norms(stats_out, block)
    if failures:
        raise typer.Exit(1)


def _check_stats_out(path: Path, inputs: list[Path], *, force: bool) -> None:
    """Refuse a norms file that could not be saved, or that would stand among the answer
    files being read: written over one, or read as a broken one by the next summary."""
    if str(path) == "-":
        raise UsageError(_(stats_text.STATS_OUT_DASH))
    target = path.resolve()
    for given in inputs:
        place = given.resolve()
        if target == place or (place.is_dir() and target.is_relative_to(place)):
            raise UsageError(_(stats_text.STATS_OUT_AMONG_INPUTS, path=path, input=given))
    check_writable(path, force=force, what="norms", option="--stats-out")


def _figures(questionnaire: Questionnaire, completed: Completed) -> StatsBlock:
    from intimacy_check.documents.stats import stats_block
    from intimacy_check.stats import caseload_stats

    figures = caseload_stats(
        questionnaire, completed.answers, left_out=completed.left_out, sealed=completed.sealed
    )
    return stats_block(questionnaire, figures)


def _save_norms(path: Path, block: StatsBlock) -> None:
    from intimacy_check.norms import format_norms

    figures = block.figures
    if figures.n == 0 and figures.sealed:
        fail(_(stats_text.STATS_NO_FILES_SEALED, count=figures.sealed))
    if figures.n == 0:
        fail(
            _(
                stats_text.STATS_NO_FILES,
                id=figures.questionnaire_id,
                version=figures.questionnaire_version,
            )
        )
    write_private(path, format_norms(figures))
    sys.stderr.write(
        _(text.NOTE_LINE, prog=PROG, message=_(stats_text.NORMS_SAVED, path=path)) + "\n"
    )


class _counted(Iterator[Path]):  # noqa: N801 - used like a function
    """Passes paths through and counts them."""

    def __init__(self, paths: Iterator[Path]) -> None:
        self.paths = paths
        self.count = 0

    def __next__(self) -> Path:
        path = next(self.paths)
        self.count += 1
        return path
