"""`intimacy-check report` and `intimacy-check compare`: results of saved answer files."""

from __future__ import annotations

import stat
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from intimacy_check import formats
from intimacy_check.answers import (
    AnswerSheet,
    check_writable,
    parse_answer_bytes,
    write_private,
)
from intimacy_check.commands import DataDir, console, each_response, load, open_answer_files
from intimacy_check.commands.passphrases import Keyring, PassphraseFiles
from intimacy_check.documents.report import report_document
from intimacy_check.errors import UsageError
from intimacy_check.messages import _
from intimacy_check.messages import commands as text
from intimacy_check.questionnaire import Questionnaire
from intimacy_check.report import build_report
from intimacy_check.versions import Questionnaires

if TYPE_CHECKING:
    from intimacy_check.patterns import PatternNote
    from intimacy_check.report import Report

    FormatName = str
else:
    # Typer reads the choices from an Enum; its members are the registry's format names.
    FormatName = Enum(
        "FormatName", {name: name for name in formats.choices(formats.REPORT)}, type=str
    )


class Paper(str, Enum):
    a4 = "a4"
    letter = "letter"


class PdfEngine(str, Enum):
    weasyprint = "weasyprint"
    chromium = "chromium"


Format = Annotated[
    Optional[FormatName],  # noqa: UP045
    typer.Option(
        "--format",
        "-f",
        help=_(text.FORMAT_HELP),
        case_sensitive=False,
        show_default=False,
    ),
]
Output = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option("--output", "-o", help=_(text.OUTPUT_HELP)),
]
Force = Annotated[bool, typer.Option("--force", help=_(text.FORCE_HELP))]
Steps = Annotated[int, typer.Option("--steps", min=0, help=_(text.STEPS_HELP))]
Template = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option("--template", help=_(text.TEMPLATE_HELP), readable=False),
]
PaperOption = Annotated[Paper, typer.Option("--paper", help=_(text.PAPER_HELP))]
PdfEngineOption = Annotated[
    Optional[PdfEngine],  # noqa: UP045
    typer.Option("--pdf-engine", help=_(text.PDF_ENGINE_HELP), show_default=False),
]
AllowIncomplete = Annotated[
    bool,
    typer.Option("--allow-incomplete", help=_(text.ALLOW_INCOMPLETE_HELP)),
]


@dataclass(frozen=True)
class Destination:
    """Where an output goes and in which format; decided from the options before any work."""

    format: formats.Format
    path: Path | None  # None for stdout
    engine: str | None = None  # for a PDF: the engine asked for, then the one found


def choose_destination(
    fmt: str | None,
    output: Path | None,
    *,
    template: Path | None,
    stdout_is_terminal: bool,
    document: str = formats.REPORT,
    engine: str | None = None,
) -> Destination:
    """Settle the format and the target; raise UsageError for combinations that cannot work."""
    path = None if output is None or str(output) == "-" else output
    if fmt is not None:
        chosen = formats.BY_NAME[fmt]
    elif path is not None and _is_device(path):
        chosen = formats.BY_NAME["text"]  # /dev/null, a printer: a device has no extension
    elif path is not None:
        chosen = formats.from_extension(path, document)
    else:
        chosen = formats.BY_NAME["terminal" if stdout_is_terminal else "text"]
    if chosen.terminal and path is not None:
        raise UsageError(_(text.TERMINAL_NOT_TO_FILE))
    chosen = formats.for_the_screen(chosen)
    if template is not None and not chosen.templated:
        templated = [
            _(text.TEMPLATE_FORMAT, name=item.name)
            for item in formats.formats_for(document)
            if item.templated
        ]
        raise UsageError(_(text.TEMPLATE_NEEDS, formats=_(text.OR).join(templated)))
    if engine is not None and not chosen.binary:
        raise UsageError(_(text.PDF_ENGINE_NEEDS_PDF))
    if chosen.binary and path is None and stdout_is_terminal:
        raise UsageError(_(text.PDF_NOT_TO_TERMINAL))
    return Destination(format=chosen, path=path, engine=engine)


def _is_device(path: Path) -> bool:
    try:
        return stat.S_ISCHR(path.stat().st_mode)
    except OSError:
        return False


def prepare_destination(
    fmt: str | None,
    output: Path | None,
    *,
    template: Path | None,
    force: bool,
    inputs: list[Path],
    document: str = formats.REPORT,
    engine: str | None = None,
) -> Destination:
    """Settle where an output goes, and refuse a target that cannot or must not be written,
    before any answer file is read: never one of the inputs, never an existing file
    without --force."""
    destination = choose_destination(
        fmt,
        output,
        template=template,
        stdout_is_terminal=sys.stdout.isatty(),
        document=document,
        engine=engine,
    )
    if destination.format.binary:
        from intimacy_check.formats.pdf import find_engine  # only a PDF looks for an engine

        destination = replace(destination, engine=find_engine(destination.engine))
    if destination.path is None:
        return destination
    target = destination.path.resolve()
    if any(path.resolve() == target for path in inputs):
        raise UsageError(_(text.OUTPUT_IS_INPUT, path=destination.path))
    check_writable(destination.path, force=force, what="report")
    return destination


def read_sheets(
    paths: list[Path],
    questionnaires: Questionnaires,
    *,
    allow_incomplete: bool,
    keyring: Keyring,
) -> tuple[list[AnswerSheet], Questionnaire]:
    """Read one or two answer files, opening sealed ones, and the questionnaire they answer;
    a pair must be fit to compare. A couple's sealed files are both open before either is
    read."""
    if len(paths) == 2 and paths[0].resolve() == paths[1].resolve():
        from intimacy_check.couple import same_file_twice

        raise same_file_twice(str(paths[0]))  # before anyone types a passphrase twice
    contents = open_answer_files(paths, keyring)
    # A FHIR Bundle of a couple, read back, is both of them.
    named = [
        each
        for path, content in zip(paths, contents, strict=True)
        for each in each_response(path, content)
    ]
    if len(named) > 2:
        raise UsageError(_(text.REPORT_FILE_COUNT))
    sources = [source for source, _content in named]
    sheets = [parse_answer_bytes(content, source=source) for source, content in named]
    if len(sheets) == 2:
        from intimacy_check.couple import check_pair  # a single file never loads the couple code

        check_pair(
            sheets[0],
            sheets[1],
            sources=(sources[0], sources[1]),
            same_file=False,  # two paths to one file were refused above
            allow_incomplete=allow_incomplete,
        )
    answered = [
        questionnaires.for_sheet(sheet, source=source)
        for sheet, source in zip(sheets, sources, strict=True)
    ]
    # A pair answers one questionnaire: check_pair saw to that.
    return [sheet for sheet, _questionnaire in answered], answered[0][1]


def emit(
    document: object, destination: Destination, *, template: Path | None, paper: Paper
) -> None:
    """Lay the document out in its format and write it: to the console, stdout or a file."""
    drawn = formats.render(
        destination.format,
        document,
        template=template,
        paper=paper.value,
        engine=destination.engine,
    )
    if destination.format.terminal:
        screen = console()
        for part in [drawn] if not isinstance(drawn, Iterator) else drawn:
            screen.print(part)
    elif isinstance(drawn, (str, bytes)):
        deliver(drawn, destination)
    else:
        for chunk in drawn:  # a stream: a pipe sees each row before the last file is read
            sys.stdout.write(chunk)
            sys.stdout.flush()


def deliver(rendered: str | bytes, destination: Destination) -> None:
    """Write a rendered report to stdout, or privately and atomically to its file."""
    if destination.path is None and isinstance(rendered, bytes):
        sys.stdout.flush()
        sys.stdout.buffer.write(rendered)  # a pipe: choose_destination refused a terminal
        sys.stdout.buffer.flush()
        return
    if destination.path is None:
        assert isinstance(rendered, str)  # bytes went to the buffer above
        sys.stdout.write(rendered)
        return

    write_private(destination.path, rendered)
    typer.echo(_(text.REPORT_SAVED, path=destination.path), err=True)


def run(
    files: list[Path],
    *,
    fmt: str | None,
    output: Path | None,
    force: bool,
    steps: int,
    template: Path | None,
    paper: Paper,
    allow_incomplete: bool,
    data_dir: Path | None,
    passphrase_files: list[Path] | None = None,
    side_by_side: Callable[..., object] | None = None,
    pdf_engine: PdfEngine | None = None,
) -> None:
    """Read, score, build the document and write it. In a terminal, `side_by_side` builds
    the document instead of the counselor's report (`compare` passes the couple view)."""
    destination = prepare_destination(
        fmt,
        output,
        template=template,
        force=force,
        inputs=files,
        engine=pdf_engine.value if pdf_engine else None,
    )
    keyring = Keyring(passphrase_files)
    sheets, questionnaire = read_sheets(
        files, load(data_dir), allow_incomplete=allow_incomplete, keyring=keyring
    )
    scored = build_report(questionnaire, sheets)
    if side_by_side is not None and destination.format.terminal:
        document = side_by_side(scored, steps=steps)
    else:
        patterns = _patterns(scored, data_dir) if side_by_side is None else ()
        document = report_document(scored, steps=steps, patterns=patterns)
    emit(document, destination, template=template, paper=paper)


def _patterns(scored: Report, data_dir: Path | None) -> tuple[PatternNote, ...]:
    """One person's notes on how the answers were given; a couple's report has none, and
    reads no thresholds."""
    if len(scored.assessments) != 1:
        return ()
    from intimacy_check.patterns import response_patterns
    from intimacy_check.thresholds import load_thresholds

    return response_patterns(
        scored.questionnaire, scored.assessments[0], thresholds=load_thresholds(data_dir)
    )


def report(
    files: Annotated[
        list[Path],
        # readable=False: an unreadable file is the loader's one-line data error (exit 1),
        # not Typer's usage error (exit 2).
        typer.Argument(
            help=_(text.REPORT_FILES_HELP),
            metavar="FILE [FILE2]",
            show_default=False,
            readable=False,
        ),
    ],
    format: Format = None,  # noqa: A002 - the option is called --format
    output: Output = None,
    force: Force = False,
    steps: Steps = 5,
    template: Template = None,
    paper: PaperOption = Paper.a4,
    pdf_engine: PdfEngineOption = None,
    allow_incomplete: AllowIncomplete = False,
    passphrase_file: PassphraseFiles = None,
    data_dir: DataDir = None,
) -> None:
    """Show or save a report of one answer file, or of a couple's two."""
    if len(files) > 2:
        raise UsageError(_(text.REPORT_FILE_COUNT))
    run(
        files,
        fmt=format,
        output=output,
        force=force,
        steps=steps,
        template=template,
        paper=paper,
        pdf_engine=pdf_engine,
        allow_incomplete=allow_incomplete,
        data_dir=data_dir,
        passphrase_files=passphrase_file,
    )
