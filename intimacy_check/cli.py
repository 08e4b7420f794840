"""The command line: parse, load, decide, render, write, exit.

This module and `commands/` are the only code that prompts, prints or exits. A command's
module is imported, and its options built, only when that command runs, so `--help` and
`--version` start about as fast as an empty Typer app.
"""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from intimacy_check import __version__
from intimacy_check.commands import PROG, fail

# name: (module in intimacy_check.commands, function, the one line shown by --help).
# test_cli_help checks that each line matches the first line of the function's docstring.
COMMANDS = {
    "quiz": ("quiz", "quiz", "Take the quiz: rate 20 statements and save your answers."),
    "report": (
        "report",
        "report",
        "Show or save a report of one answer file, or of a couple's two.",
    ),
    "compare": ("report", "compare", "Compare two partners' answers side by side."),
    "signs": (
        "signs",
        "signs",
        "List every statement and every step, without taking the quiz.",
    ),
    "summary": ("summary", "summary", "One row per answer file, for a counselor's caseload."),
    "progress": ("progress", "progress", "Show what changed between dated assessments."),
}


class _Group(TyperGroup):
    """Loads each command when it is used, and turns the project's errors into one line
    on stderr and an exit code, in one place."""

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, name: str) -> Any:
        if name not in COMMANDS:
            return None
        import importlib

        module_name, function_name, _ = COMMANDS[name]
        module = importlib.import_module(f"intimacy_check.commands.{module_name}")
        single = typer.Typer(add_completion=False, rich_markup_mode=None)
        single.command(name)(getattr(module, function_name))
        return typer.main.get_command(single)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        # The short help comes from the table, so listing commands imports none of them.
        rows = [(name, short_help) for name, (_, _, short_help) in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

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


def main() -> None:
    """Entry point for the `intimacy-check` command; usage errors become one line too."""
    try:
        code = app(prog_name=PROG, standalone_mode=False)
    except typer.Abort:
        sys.stderr.write(f"{PROG}: error: stopped\n")
        sys.exit(1)
    except Exception as error:
        # Click's usage errors, whichever click Typer brings: they carry these two.
        if not (hasattr(error, "format_message") and hasattr(error, "exit_code")):
            raise
        if type(error).__name__ == "NoArgsIsHelpError":
            error.show()  # type: ignore[attr-defined]
            sys.exit(error.exit_code)
        from intimacy_check.render.inert import inert

        context = getattr(error, "ctx", None)
        hint = f" (see '{context.command_path} --help')" if context is not None else ""
        message = inert(error.format_message()).rstrip(".")
        sys.stderr.write(f"{PROG}: error: {message}{hint}\n")
        sys.exit(error.exit_code)
    sys.exit(code if isinstance(code, int) else 0)
