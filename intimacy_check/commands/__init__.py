"""The commands of the CLI, one module each. Only typer is imported at module level."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, Optional

import typer

from intimacy_check.messages import _
from intimacy_check.messages import quiz as quiz_text

if TYPE_CHECKING:
    from rich.console import Console

    from intimacy_check.answers import AnswerSheet
    from intimacy_check.questionnaire import Questionnaire

PROG = "intimacy-check"
EXIT_INTERRUPTED = 130

DataDir = Annotated[
    Optional[Path],  # noqa: UP045 - typer reads this annotation at run time
    typer.Option(
        "--data-dir",
        envvar="INTIMACY_CHECK_DATA",
        help=_(quiz_text.DATA_DIR_HELP),
        show_default=False,
    ),
]


def fail(message: str, *, code: int = 1) -> NoReturn:
    """Print one line to stderr and exit."""
    from intimacy_check.inert import inert

    typer.echo(_(quiz_text.ERROR_LINE, prog=PROG, message=inert(message)), err=True)
    raise typer.Exit(code)


def console() -> Console:
    from rich.console import Console

    return Console(highlight=False)


def plain(value: object) -> str:
    """Text from a file or the user, safe to pass to rich as markup."""
    from rich.markup import escape

    from intimacy_check.inert import inert

    return escape(inert(str(value)))


def load(data_dir: Path | None) -> Questionnaire:
    from intimacy_check.questionnaire import load_questionnaire

    return load_questionnaire(data_dir)


def read_sheet(path: Path, questionnaire: Questionnaire) -> AnswerSheet:
    """Read an answer file and check that it answers the loaded questionnaire."""
    from intimacy_check.answers import check_matches, read_answer_sheet

    sheet = read_answer_sheet(path)
    check_matches(sheet, questionnaire=questionnaire, source=str(path))
    return sheet
