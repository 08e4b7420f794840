"""The command line: parse, load, decide, render, write, exit. The only module that talks to people.

Imports beyond typer happen inside the commands, so `--help` and `--version` start fast.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, Optional

import typer
from typer.core import TyperGroup

from intimacy_check import __version__

if TYPE_CHECKING:
    from rich.console import Console

    from intimacy_check.answers import AnswerSheet
    from intimacy_check.questionnaire import Questionnaire
    from intimacy_check.quiz import QuizState

PROG = "intimacy-check"
EXIT_INTERRUPTED = 130


class _Group(TyperGroup):
    """Turns the project's errors into one line on stderr and an exit code, in one place."""

    def invoke(self, ctx: Any) -> Any:
        from intimacy_check.errors import IntimacyCheckError

        try:
            return super().invoke(ctx)
        except IntimacyCheckError as error:
            fail(error.message, code=error.exit_code)


def fail(message: str, *, code: int = 1) -> NoReturn:
    """Print one line to stderr and exit."""
    from intimacy_check.render.inert import inert

    sys.stderr.write(f"{PROG}: error: {inert(message)}\n")
    raise typer.Exit(code)


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


DataDir = Annotated[
    Optional[Path],  # noqa: UP007 - typer reads this annotation at run time on Python 3.9 too
    typer.Option(
        "--data-dir",
        envvar="INTIMACY_CHECK_DATA",
        help="Folder with your own signs.yaml, lack_signs.yaml and steps.yaml.",
        show_default=False,
    ),
]


def _console(*, stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False)


def _load(data_dir: Path | None) -> Questionnaire:
    from intimacy_check.questionnaire import load_questionnaire

    return load_questionnaire(data_dir)


def _read_sheet(path: Path, questionnaire: Questionnaire) -> AnswerSheet:
    from intimacy_check.answers import check_matches, read_answer_sheet

    sheet = read_answer_sheet(path)
    check_matches(sheet, questionnaire=questionnaire, source=str(path))
    return sheet


# --- quiz ------------------------------------------------------------------------------


@app.command()
def quiz(
    name: Annotated[
        Optional[str], typer.Option("--name", help="Your name, as it will appear in reports.")  # noqa: UP007
    ] = None,
    output: Annotated[
        Optional[Path],  # noqa: UP007
        typer.Option("--output", "-o", help="Answer file to write [default: NAME-DATE.yaml]."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing answer file.")] = False,
    resume: Annotated[
        Optional[Path],  # noqa: UP007
        typer.Option("--resume", help="Go on with an unfinished answer file."),
    ] = None,
    data_dir: DataDir = None,
) -> None:
    """Rate 20 statements about your relationship and see which steps fit you best."""
    from intimacy_check import answers
    from intimacy_check.quiz import start

    questionnaire = _load(data_dir)
    console = _console()
    if resume is not None:
        if name is not None or output is not None or force:
            from intimacy_check.errors import UsageError

            raise UsageError("--resume continues an existing file; leave out --name, --output and --force")
        sheet = _read_sheet(resume, questionnaire)
        path = resume
    else:
        name = _ask_name(console) if name is None else _checked_name(name)
        path = output if output is not None else Path(default_file_name(name))
        answers.check_writable(path, force=force)
        sheet = answers.AnswerSheet(
            respondent=name,
            questionnaire_id=questionnaire.id,
            questionnaire_version=questionnaire.version,
            started_at=answers.now(),
        )
    order = tuple(sign.id for sign in questionnaire.signs)
    state = start(order, sheet)
    if sheet.status == answers.COMPLETED:
        console.print(f"{path} is already complete. Here is the summary again.")
    else:
        _save(path, state.sheet, order)
        state = _run_quiz(console, questionnaire, state, path=path)
    _show_summary(console, questionnaire, state.sheet)
    console.print(f"\nYour answers are saved in {_plain(path)}", soft_wrap=True)


def default_file_name(name: str) -> str:
    """`<name>-<YYYY-MM-DD>.yaml`, with the name reduced to characters safe in a file name."""
    from datetime import date

    safe = "".join(char if char.isalnum() or char in "-_" else "-" for char in name)
    safe = "-".join(part for part in safe.split("-") if part) or "answers"
    return f"{safe[:40]}-{date.today().isoformat()}.yaml"


def _checked_name(name: str) -> str:
    from intimacy_check.answers import MAX_NAME_LENGTH
    from intimacy_check.errors import UsageError
    from intimacy_check.render.inert import inert

    cleaned = " ".join(inert(name).split())
    if not cleaned:
        raise UsageError("the name cannot be empty")
    if len(cleaned) > MAX_NAME_LENGTH:
        raise UsageError(f"the name is longer than {MAX_NAME_LENGTH} characters")
    return cleaned


def _ask_name(console: Console, prompt: str = "Your name (any name you like): ") -> str:
    while True:
        try:
            typed = console.input(prompt)
        except EOFError:
            fail("input ended before a name was given; pass one with --name")
        except KeyboardInterrupt:
            console.print()
            raise typer.Exit(EXIT_INTERRUPTED) from None
        try:
            return _checked_name(typed)
        except Exception as error:  # UsageError: ask again rather than stop
            console.print(f"  {getattr(error, 'message', error)}; please try again.")


def _plain(value: object) -> str:
    from rich.markup import escape

    from intimacy_check.render.inert import inert

    return escape(inert(str(value)))


def _save(path: Path, sheet: AnswerSheet, order: tuple[str, ...]) -> None:
    from intimacy_check.answers import format_answer_sheet, write_private

    write_private(path, format_answer_sheet(sheet, order=order))


def _run_quiz(
    console: Console, questionnaire: Questionnaire, state: QuizState, *, path: Path
) -> QuizState:
    """Ask until every statement is answered; save after each answer."""
    from intimacy_check.answers import now
    from intimacy_check.quiz import Action, advance, parse_key
    from intimacy_check.render.terminal import keys_help, quiz_screen

    order = state.order
    console.print(
        f"\n{len(order)} statements. Rate each from 1 to 5 and press Enter.\n"
        "Other keys: b back, s skip, q save and quit, ? help."
    )
    while not state.finished:
        sign = questionnaire.sign(state.current)
        console.print(
            quiz_screen(
                questionnaire,
                sign,
                position=state.position,
                total=len(order),
                current=state.sheet.answers.get(sign.id),
            )
        )
        try:
            typed = console.input("Your rating: ")
        except EOFError:
            _stop(
                console,
                path,
                "input ended before the quiz was finished; your answers so far are saved",
                code=1,
            )
        except KeyboardInterrupt:
            console.print()
            _stop(console, path, "stopped; your answers so far are saved", code=EXIT_INTERRUPTED)
        command = parse_key(typed)
        if command.action is Action.QUIT:
            _stop(console, path, "your answers so far are saved", code=0)
        if command.action is Action.HELP:
            console.print(keys_help())
            continue
        if command.action is Action.INVALID:
            console.print("Please type a number from 1 to 5 (or b, s, q, ? for help).")
            continue
        if command.action is Action.BACK and state.position == 0:
            console.print("This is the first statement.")
            continue
        state = advance(state, command)
        if state.finished:
            state = type(state)(order=order, sheet=state.sheet.completed(now()), position=len(order))
        _save(path, state.sheet, order)
    return state


def _stop(console: Console, path: Path, what: str, *, code: int) -> NoReturn:
    message = f"{what} in {path}. Go on later with: {PROG} quiz --resume {path}"
    if code == 0:
        console.print(_plain(message[0].upper() + message[1:]), soft_wrap=True)
        raise typer.Exit(0)
    fail(message, code=code)


def _show_summary(console: Console, questionnaire: Questionnaire, sheet: AnswerSheet) -> None:
    from intimacy_check.render.terminal import personal_summary
    from intimacy_check.report import build_report

    console.print()
    console.print(personal_summary(build_report(questionnaire, [sheet])))


# --- report ----------------------------------------------------------------------------


class ReportFormat(str, Enum):
    terminal = "terminal"
    json = "json"


@app.command()
def report(
    files: Annotated[
        list[Path], typer.Argument(help="One answer file, or two for a couple.", show_default=False)
    ],
    format: Annotated[
        Optional[ReportFormat],  # noqa: UP007
        typer.Option("--format", "-f", help="Output format.", case_sensitive=False),
    ] = None,
    steps: Annotated[
        int, typer.Option("--steps", min=0, help="How many recommended steps to show.")
    ] = 5,
    data_dir: DataDir = None,
) -> None:
    """Show the results of a saved answer file."""
    from intimacy_check.errors import UsageError
    from intimacy_check.report import build_report

    if len(files) > 2:
        raise UsageError("report takes one answer file, or two for a couple")
    questionnaire = _load(data_dir)
    sheets = [_read_sheet(path, questionnaire) for path in files]
    result = build_report(questionnaire, sheets)
    if format is ReportFormat.json:
        from intimacy_check.render.json_report import render_json

        sys.stdout.write(render_json(result))
        return
    from intimacy_check.render.terminal import personal_summary

    _console().print(personal_summary(result, steps=steps))


# --- signs -----------------------------------------------------------------------------


@app.command()
def signs(data_dir: DataDir = None) -> None:
    """List every statement and every step, without taking the quiz."""
    from intimacy_check.render.terminal import signs_listing

    _console().print(signs_listing(_load(data_dir)))


def main() -> None:
    """Entry point for the `intimacy-check` command."""
    app(prog_name=PROG)
