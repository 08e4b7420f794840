"""`intimacy-check progress`: what changed across a respondent's dated assessments."""

from __future__ import annotations

import sys
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from intimacy_check import formats
from intimacy_check.answers import (
    COMPLETED,
    AnswerSheet,
    check_matches,
    is_sealed,
    parse_answer_bytes,
    read_answer_bytes,
)
from intimacy_check.commands import PROG, DataDir, each_response, fail, load
from intimacy_check.commands.passphrases import Keyring, PassphraseFiles
from intimacy_check.commands.report import (
    Force,
    Format,
    Output,
    Paper,
    PaperOption,
    PdfEngineOption,
    Template,
    emit,
    prepare_destination,
)
from intimacy_check.documents.progress import progress_document
from intimacy_check.errors import IntimacyCheckError
from intimacy_check.inert import inert
from intimacy_check.messages import _
from intimacy_check.messages import commands as text
from intimacy_check.messages import quiz as quiz_text
from intimacy_check.messages import stats as stats_text
from intimacy_check.progress import group_progress
from intimacy_check.questionnaire import Questionnaire
from intimacy_check.versions import Questionnaires

if TYPE_CHECKING:
    from intimacy_check.norms import Norms


def _note(message: str) -> None:
    sys.stderr.write(_(text.NOTE_LINE, prog=PROG, message=inert(message)) + "\n")


def _error(message: str) -> None:
    sys.stderr.write(_(quiz_text.ERROR_LINE, prog=PROG, message=inert(message)) + "\n")


def _contents(paths: list[Path], failures: list[str]) -> list[tuple[Path, bytes]]:
    """Each file's bytes, once; a file given twice is noted, one that fails is an error."""
    contents = []
    seen: set[Path] = set()
    for path in paths:
        if path.resolve() in seen:
            _note(_(text.GIVEN_TWICE, path=path))
            continue
        seen.add(path.resolve())
        try:
            contents.append((path, read_answer_bytes(path)))
        except IntimacyCheckError as error:
            failures.append(str(path))
            _error(error.message)
    return contents


def usable_sheets(
    paths: list[Path], questionnaires: Questionnaires, failures: list[str], keyring: Keyring
) -> list[tuple[str, AnswerSheet, Questionnaire]]:
    """Completed sheets, each with the questionnaire version it answered, sealed ones
    opened in the order given; a sheet of another questionnaire is left out with a note,
    and a file that cannot be opened is an error."""
    contents = _contents(paths, failures)
    keyring.expect(sum(is_sealed(content) for _path, content in contents))
    usable = []
    for path, content in contents:
        try:
            if is_sealed(content):
                content = keyring.open(path, content).plain
            # A progress export read back, as a FHIR Bundle, is each of its assessments.
            named = each_response(path, content)
        except IntimacyCheckError as error:
            failures.append(str(path))
            _error(error.message)
            continue
        for source, answers in named:
            found = _usable(source, answers, questionnaires, failures)
            if found is not None:
                usable.append(found)
    return usable


def _usable(
    source: str, content: bytes, questionnaires: Questionnaires, failures: list[str]
) -> tuple[str, AnswerSheet, Questionnaire] | None:
    """One file's (or one response's) sheet and questionnaire, or None with its line said."""
    try:
        sheet = parse_answer_bytes(content, source=source)
    except IntimacyCheckError as error:
        failures.append(source)
        _error(error.message)
        return None
    if sheet.status != COMPLETED:
        _note(_(text.NOT_FINISHED_LEFT_OUT, path=source, status=sheet.status))
        return None
    questionnaire = questionnaires.find((sheet.questionnaire_id, sheet.questionnaire_version))
    if questionnaire is None:
        key = (sheet.questionnaire_id, sheet.questionnaire_version)
        _note(_(text.OTHER_QUESTIONNAIRE_LEFT_OUT, path=source, **_not_known(key, questionnaires)))
        return None
    try:
        sheet = check_matches(sheet, questionnaire=questionnaire, source=source)
    except IntimacyCheckError as error:
        failures.append(source)
        _error(error.message)
        return None
    return source, sheet, questionnaire


def read_norms_for(path: Path, questionnaires: Questionnaires) -> Norms:
    """A norms file, checked to be of a questionnaire version this intimacy-check knows,
    with the index and every section of it; NormsError in one line otherwise."""
    from intimacy_check.norms import NormsError, check_norms, read_norms

    norms = read_norms(path)
    found = questionnaires.find((norms.questionnaire_id, norms.questionnaire_version))
    if found is None:
        key = (norms.questionnaire_id, norms.questionnaire_version)
        raise NormsError(
            _(stats_text.NORMS_OTHER_QUESTIONNAIRE, source=path, **_not_known(key, questionnaires))
        )
    check_norms(norms, found)
    return norms


def _not_known(key: tuple[str, int], questionnaires: Questionnaires) -> dict[str, object]:
    """What a message says of a questionnaire version this intimacy-check does not know,
    beside the one it has."""
    current = questionnaires.current
    return {
        "id": repr(key[0]),
        "version": key[1],
        "expected_id": repr(current.id),
        "expected_version": current.version,
    }


def progress(
    files: Annotated[
        list[Path],
        typer.Argument(
            help=_(text.PROGRESS_FILES_HELP),
            metavar="FILE...",
            readable=False,  # each unreadable file is its own error line; the rest go on
        ),
    ],
    format: Format = None,  # noqa: A002 - the option is called --format
    output: Output = None,
    force: Force = False,
    template: Template = None,
    paper: PaperOption = Paper.a4,
    pdf_engine: PdfEngineOption = None,
    passphrase_file: PassphraseFiles = None,
    norms: Annotated[
        Optional[Path],  # noqa: UP045 - Typer reads the annotation
        typer.Option(
            "--norms",
            help=_(stats_text.NORMS_HELP),
            metavar="FILE",
            readable=False,  # a norms file that cannot be read is one line of ours
        ),
    ] = None,
    data_dir: DataDir = None,
) -> None:
    """Show what changed between dated assessments.

    For each person: scores over time, the trend, and which growth areas and warning
    signs resolved or appeared.
    """
    destination = prepare_destination(
        format,
        output,
        template=template,
        force=force,
        inputs=files,
        document=formats.PROGRESS,
        engine=pdf_engine.value if pdf_engine else None,
    )
    keyring = Keyring(passphrase_file)
    failures: list[str] = []
    questionnaires = load(data_dir)
    figures = None if norms is None else read_norms_for(norms, questionnaires)
    sheets = usable_sheets(files, questionnaires, failures, keyring)
    if not sheets:
        fail(_(text.NOTHING_TO_FOLLOW))
    people = group_progress(sheets)
    newest = max((answered for _file, _sheet, answered in sheets), key=attrgetter("version"))
    document = progress_document(newest, people, norms=figures)
    emit(document, destination, template=template, paper=paper)
    if failures:
        raise typer.Exit(1)
