"""The command line: parse, load, decide, render, write, exit.

This module and `commands/` are the only code that prompts, prints or exits. A command's
module is imported, and its options built, only when that command runs, so `--help` and
`--version` start about as fast as an empty Typer app.
"""

from __future__ import annotations

import os
import re
import signal
import sys
from typing import Any, Optional


def _stopped_while_starting(_signum: int, _frame: object) -> None:
    """Ctrl-C before the command line is ready: one line and exit 130, not a traceback
    from the middle of an import."""
    from intimacy_check.messages import _
    from intimacy_check.messages import quiz as quiz_text

    message = _(quiz_text.ERROR_LINE, prog=_PROG, message=_(quiz_text.STOPPED))
    sys.stderr.write(message + "\n")
    raise SystemExit(_EXIT_INTERRUPTED)  # leaves the import as an exit, which prints nothing


# exits.PROG and exits.EXIT_INTERRUPTED, needed before exits (and typer) is imported.
_PROG = "intimacy-check"
_EXIT_INTERRUPTED = 130
_before_start = signal.getsignal(signal.SIGINT)
if _before_start is signal.default_int_handler:
    try:
        signal.signal(signal.SIGINT, _stopped_while_starting)
    except ValueError:  # imported outside the main thread, as a library
        _before_start = None

import importlib  # noqa: E402 - after the handler above, which covers these imports too
from typing import Annotated  # noqa: E402

import typer  # noqa: E402
from typer.core import TyperGroup  # noqa: E402

from intimacy_check import __version__, accessibility, language  # noqa: E402
from intimacy_check.errors import IntimacyCheckError, UsageError  # noqa: E402
from intimacy_check.exits import EXIT_INTERRUPTED, PROG, fail  # noqa: E402
from intimacy_check.inert import inert  # noqa: E402
from intimacy_check.messages import _  # noqa: E402
from intimacy_check.messages import quiz as quiz_text  # noqa: E402
from intimacy_check.messages import sealing as sealing_text  # noqa: E402


def _language_option(argv: list[str]) -> tuple[str | None, list[str]]:
    """The value of --lang wherever it is on the command line, and the rest of it."""
    found, rest = None, []
    arguments = iter(argv)
    for argument in arguments:
        if argument == language.OPTION:
            found = next(arguments, "")
        elif argument.startswith(language.OPTION + "="):
            found = argument.partition("=")[2]
        else:
            rest.append(argument)
    return found, rest


def _speak(option: str | None) -> None:
    """Put the run's language to use; a language named that we do not have is a usage
    error, in one line, that lists those we do."""
    try:
        language.use(language.choose(option, os.environ))
    except language.UnknownLanguage as unknown:
        from intimacy_check.messages import reports

        available = _(reports.LAST_SEPARATOR).join(language.AVAILABLE)
        asked = repr(unknown.asked)
        if unknown.source == language.OPTION:
            message = _(quiz_text.UNKNOWN_LANGUAGE, language=asked, available=available)
        else:
            message = _(
                quiz_text.UNKNOWN_LANGUAGE_IN_ENV,
                variable=unknown.source,
                language=asked,
                available=available,
            )
        raise typer.BadParameter(message) from None


# The help texts below are made as this module is imported: in the run's language, where
# the command line and the environment already say which. main() checks the choice.
try:
    language.use(language.choose(_language_option(sys.argv[1:])[0], os.environ))
except language.UnknownLanguage:
    pass

# name: (module in intimacy_check.commands, function, the --help line's catalogue entry,
# the rest of its --help). test_cli_help checks that both match the function's docstring,
# which Typer would show in English: the catalogue's is in the run's language.
COMMANDS = {
    "quiz": ("quiz", "quiz", quiz_text.QUIZ_SHORT_HELP, quiz_text.QUIZ_MORE_HELP),
    "report": ("report", "report", quiz_text.REPORT_SHORT_HELP, None),
    "compare": ("compare", "compare", quiz_text.COMPARE_SHORT_HELP, quiz_text.COMPARE_MORE_HELP),
    "signs": ("signs", "signs", quiz_text.SIGNS_SHORT_HELP, None),
    "summary": ("summary", "summary", quiz_text.SUMMARY_SHORT_HELP, quiz_text.SUMMARY_MORE_HELP),
    "progress": (
        "progress",
        "progress",
        quiz_text.PROGRESS_SHORT_HELP,
        quiz_text.PROGRESS_MORE_HELP,
    ),
    "seal": ("seal", "seal", sealing_text.SEAL_SHORT_HELP, sealing_text.SEAL_MORE_HELP),
    "unseal": ("seal", "unseal", sealing_text.UNSEAL_SHORT_HELP, sealing_text.UNSEAL_MORE_HELP),
}


class _Group(TyperGroup):
    """Loads each command when it is used, and turns the project's errors into one line
    on stderr and an exit code, in one place."""

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name = args[0] if args else ""
        if name and name not in COMMANDS and not name.startswith("-"):
            import difflib  # only for a command that does not exist: start-up never pays

            closest = difflib.get_close_matches(name, COMMANDS, n=1)
            if closest:
                ctx.fail(
                    _(quiz_text.NO_SUCH_COMMAND_LIKE, name=repr(name), closest=repr(closest[0]))
                )
            ctx.fail(_(quiz_text.NO_SUCH_COMMAND, name=repr(name)))
        return super().resolve_command(ctx, args)

    def get_command(self, ctx: Any, name: str) -> Any:
        if name not in COMMANDS:
            return None

        module_name, function_name, short_help, more_help = COMMANDS[name]
        module = importlib.import_module(f"intimacy_check.commands.{module_name}")
        single = typer.Typer(add_completion=False, rich_markup_mode=None)
        shown = _(short_help) + ("" if more_help is None else "\n\n" + _(more_help))
        single.command(name, help=shown)(getattr(module, function_name))
        return typer.main.get_command(single)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        # The short help comes from the table, so listing commands imports none of them.
        rows = [
            (name, _(short_help))
            for name, (_module, _function, short_help, _more) in COMMANDS.items()
        ]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except UsageError as error:  # as Click's own usage errors: where to find help
            command = f"{PROG} {ctx.invoked_subcommand}" if ctx.invoked_subcommand else PROG
            fail(_(quiz_text.USAGE_ERROR_HINT, message=error.message, command=command), code=2)
        except IntimacyCheckError as error:
            fail(error.message, code=error.exit_code)
        except KeyboardInterrupt as stop:  # one not caught by the command: say so, in one line
            sys.stderr.write("\n")
            fail(_(quiz_text.STOPPED), code=getattr(stop, "exit_code", EXIT_INTERRUPTED))
        except OSError as error:  # e.g. a terminal that went away while writing
            fail(
                _(
                    quiz_text.OS_ERROR,
                    file=error.filename or _(quiz_text.OUTPUT),
                    problem=error.strerror or error,
                )
            )


app = typer.Typer(
    cls=_Group,
    name=PROG,
    help=_(quiz_text.APP_HELP),
    no_args_is_help=True,
    add_completion=False,
    # Locals can hold someone's answers: never print them in a traceback.
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
)


def _be_accessible(value: bool) -> None:
    if value:
        accessibility.ask()


def _choose_language(value: str | None) -> None:
    _speak(value)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(_(quiz_text.VERSION_LINE, prog=PROG, version=__version__))
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_show_version, is_eager=True, help=_(quiz_text.VERSION_HELP)
        ),
    ] = False,
    accessible: Annotated[
        bool,
        typer.Option(
            accessibility.OPTION,
            callback=_be_accessible,
            is_eager=True,
            help=_(quiz_text.ACCESSIBLE_HELP),
        ),
    ] = False,
    lang: Annotated[
        Optional[str],  # noqa: UP045 - Typer reads the annotation
        typer.Option(
            language.OPTION,
            callback=_choose_language,
            is_eager=True,  # before the command's module, and its help, is loaded
            metavar="LANG",
            help=_(quiz_text.LANG_HELP),
        ),
    ] = None,
) -> None:
    """A private self-assessment of emotional intimacy, for one person or a couple."""


# Typer's pydantic wording, for the options of ours that it checks.
_PYDANTIC_PREFIX = "Value error, "
_AT_LEAST = re.compile(r"Input should be greater than or equal to (\d+)")
_NOT_WHOLE = re.compile(r"Input should be a valid integer[^(]*")


def _plain_words(error: Exception, message: str) -> str:
    """Click's and Typer's messages, in the project's plain sentences where it has one."""
    command = getattr(getattr(getattr(error, "ctx", None), "command", None), "name", None)
    if type(error).__name__ == "MissingParameter" and command == "compare":
        return _(quiz_text.COMPARE_NEEDS_TWO, prog=PROG)
    message = message.replace(_PYDANTIC_PREFIX, "")
    message = _AT_LEAST.sub(
        lambda found: _(quiz_text.WHOLE_NUMBER_AT_LEAST, minimum=found.group(1)), message
    )
    return _NOT_WHOLE.sub(_(quiz_text.WHOLE_NUMBER), message)


def main() -> None:
    """Entry point for the `intimacy-check` command; usage errors become one line too."""
    # --accessible works in any place on the command line, not only before the command.
    if accessibility.OPTION in sys.argv[1:]:
        accessibility.ask()
        sys.argv = [sys.argv[0], *(arg for arg in sys.argv[1:] if arg != accessibility.OPTION)]
    # So does --lang: it is moved to the front, where the root option reads it.
    chosen, rest = _language_option(sys.argv[1:])
    if chosen is not None:
        sys.argv = [sys.argv[0], language.OPTION, chosen, *rest]
    try:
        code = app(prog_name=PROG, standalone_mode=False)
    except KeyboardInterrupt:
        sys.stderr.write(_(quiz_text.ERROR_LINE, prog=PROG, message=_(quiz_text.STOPPED)) + "\n")
        sys.exit(EXIT_INTERRUPTED)
    except typer.Abort:
        sys.stderr.write(_(quiz_text.ERROR_LINE, prog=PROG, message=_(quiz_text.STOPPED)) + "\n")
        sys.exit(1)
    except Exception as error:
        # Click's usage errors, whichever click Typer brings: they carry these two.
        if not (hasattr(error, "format_message") and hasattr(error, "exit_code")):
            raise
        if type(error).__name__ == "NoArgsIsHelpError":
            error.show()  # type: ignore[attr-defined]
            sys.exit(error.exit_code)
        context = getattr(error, "ctx", None)
        message = inert(error.format_message()).rstrip(".")
        try:
            message = _plain_words(error, message)
        except Exception:  # noqa: BLE001 - a rewording must never turn an error into a traceback
            pass
        if context is not None:
            message = _(quiz_text.USAGE_ERROR_HINT, message=message, command=context.command_path)
        sys.stderr.write(_(quiz_text.ERROR_LINE, prog=PROG, message=message) + "\n")
        sys.exit(error.exit_code)
    sys.exit(code if isinstance(code, int) else 0)


# Imported: from here on Ctrl-C is a KeyboardInterrupt, which the commands and main() handle.
if signal.getsignal(signal.SIGINT) is _stopped_while_starting and _before_start is not None:
    signal.signal(signal.SIGINT, _before_start)
