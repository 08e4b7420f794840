"""The commands of the CLI, one module each, and what they share.

`cli.py` imports a command's module only when that command runs, so these imports are paid
by a running command and never by `--help` or `--version`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from intimacy_check.answers import (
    AnswerSheet,
    is_sealed,
    looks_like_fhir,
    parse_answer_bytes,
    read_answer_bytes,
)
from intimacy_check.commands.passphrases import Keyring
from intimacy_check.exits import EXIT_INTERRUPTED, PROG, fail
from intimacy_check.messages import _
from intimacy_check.messages import quiz as quiz_text
from intimacy_check.questionnaire import Questionnaire, load_questionnaire
from intimacy_check.versions import Questionnaires

if TYPE_CHECKING:
    from rich.console import Console

__all__ = [
    "EXIT_INTERRUPTED",
    "PROG",
    "DataDir",
    "console",
    "fail",
    "load",
    "open_answer_files",
    "read_sheet",
]

DataDir = Annotated[
    Optional[Path],  # noqa: UP045 - typer reads this annotation at run time
    typer.Option(
        "--data-dir",
        envvar="INTIMACY_CHECK_DATA",
        help=_(quiz_text.DATA_DIR_HELP),
        show_default=False,
        readable=False,  # the loader names the file it cannot read, with exit code 1
    ),
]


def console() -> Console:
    from rich.console import Console  # a report written as text or JSON never loads rich

    from intimacy_check import accessibility

    # In accessible mode no colour at all, so that none can carry meaning on its own.
    return Console(highlight=False, no_color=accessibility.on())


def load(data_dir: Path | None) -> Questionnaires:
    """The loaded questionnaire, and the shipped earlier versions answer files may need."""
    from intimacy_check import language

    return Questionnaires(load_questionnaire(data_dir, language=language.current()))


def read_sheet(
    path: Path, content: bytes, questionnaires: Questionnaires
) -> tuple[AnswerSheet, Questionnaire]:
    """Parse an answer file's plain bytes; the sheet, and the questionnaire it answers."""
    sheet = parse_answer_bytes(content, source=str(path))
    return questionnaires.for_sheet(sheet, source=str(path))


def each_response(path: Path, content: bytes) -> list[tuple[str, bytes]]:
    """A file's answers by name: the file itself, or each response of a FHIR Bundle that
    holds several (a couple's or a progress export, read back)."""
    if looks_like_fhir(content):
        from intimacy_check.fhir import split_bundle

        split = split_bundle(content, source=str(path))
        if split is not None:
            return split
    return [(str(path), content)]


def open_answer_files(paths: list[Path], keyring: Keyring) -> list[bytes]:
    """Each file's plain bytes, sealed ones opened in the order given. Nothing is parsed
    here, so nothing of one file is shown, not even in an error, before the last is open."""
    contents = [read_answer_bytes(path) for path in paths]
    read = list(zip(paths, contents, strict=True))
    sealed = [(path, content) for path, content in read if is_sealed(content)]
    keyring.expect(len(sealed))
    for path, content in sealed:  # all of them, before the first passphrase is asked for
        keyring.check_openable(path, content)
    return [
        keyring.open(path, content).plain if is_sealed(content) else content
        for path, content in read
    ]
