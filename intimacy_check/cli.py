"""The command line: parse, load, decide, render, write, exit.

This module and `commands/` are the only code that prompts, prints or exits. Imports
beyond typer happen inside the commands, so `--help` and `--version` start fast.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from intimacy_check import __version__
from intimacy_check.commands import PROG, fail
from intimacy_check.commands import progress as progress_command
from intimacy_check.commands import quiz as quiz_command
from intimacy_check.commands import report as report_command
from intimacy_check.commands import signs as signs_command
from intimacy_check.commands import summary as summary_command


class _Group(TyperGroup):
    """Turns the project's errors into one line on stderr and an exit code, in one place."""

    def invoke(self, ctx: Any) -> Any:
        from intimacy_check.errors import IntimacyCheckError

        try:
            return super().invoke(ctx)
        except IntimacyCheckError as error:
            fail(error.message, code=error.exit_code)
        except OSError as error:  # e.g. a terminal that went away while writing
            fail(f"{error.filename or 'output'}: {error.strerror or error}")


app = typer.Typer(
    cls=_Group,
    name=PROG,
    help="A private self-assessment of emotional intimacy, for one person or a couple. "
    "An aid to reflection and conversation, not a diagnosis.",
    no_args_is_help=True,
    add_completion=False,
    # Locals can hold someone's answers: never print them in a traceback.
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"{PROG} {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_show_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """A private self-assessment of emotional intimacy, for one person or a couple."""


app.command("quiz")(quiz_command.quiz)
app.command("report")(report_command.report)
app.command("compare")(report_command.compare)
app.command("signs")(signs_command.signs)
app.command("summary")(summary_command.summary)
app.command("progress")(progress_command.progress)


def main() -> None:
    """Entry point for the `intimacy-check` command."""
    app(prog_name=PROG)
