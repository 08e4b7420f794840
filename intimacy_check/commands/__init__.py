"""The commands of the CLI, one module each, and what they share.

`cli.py` imports a command's module only when that command runs, so these imports are paid
by a running command and never by `--help` or `--version`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from intimacy_check.answers import AnswerSheet, check_matches, read_answer_sheet
from intimacy_check.exits import EXIT_INTERRUPTED, PROG, fail
from intimacy_check.messages import _
from intimacy_check.messages import quiz as quiz_text
from intimacy_check.questionnaire import Questionnaire, load_questionnaire

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["EXIT_INTERRUPTED", "PROG", "DataDir", "console", "fail", "load", "read_sheet"]

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

    return Console(highlight=False)


def load(data_dir: Path | None) -> Questionnaire:
    return load_questionnaire(data_dir)


def read_sheet(path: Path, questionnaire: Questionnaire) -> AnswerSheet:
    """Read an answer file and check that it answers the loaded questionnaire."""
    sheet = read_answer_sheet(path)
    check_matches(sheet, questionnaire=questionnaire, source=str(path))
    return sheet
