"""`intimacy-check quiz`: one person, or a couple taking turns at one computer."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, NoReturn, Optional

import typer
from rich.console import Console
from rich.markup import escape

from intimacy_check import answers
from intimacy_check.answers import (
    COMPLETED,
    MAX_NAME_LENGTH,
    AnswerFileLock,
    AnswerSheet,
    format_answer_sheet,
    now,
    write_private,
)
from intimacy_check.commands import (
    EXIT_INTERRUPTED,
    PROG,
    DataDir,
    console,
    fail,
    load,
    read_sheet,
)
from intimacy_check.couple import check_pair
from intimacy_check.documents.comparison import comparison_document
from intimacy_check.documents.personal import personal_document
from intimacy_check.errors import SaveError, UsageError
from intimacy_check.formats.quiz_screen import keys_help, quiz_screen
from intimacy_check.formats.terminal import comparison, personal
from intimacy_check.inert import inert
from intimacy_check.messages import _
from intimacy_check.messages import quiz as quiz_text
from intimacy_check.questionnaire import Questionnaire
from intimacy_check.quiz import Action, advance, parse_key, start
from intimacy_check.report import build_report


def plain(value: object) -> str:
    """Text from a file or the user, safe to pass to rich as markup."""
    return escape(inert(str(value)))


def quiz(
    name: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            "--name",
            help=_(quiz_text.NAME_HELP),
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--output", "-o", help=_(quiz_text.OUTPUT_HELP)),
    ] = None,
    output_dir: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--output-dir", help=_(quiz_text.OUTPUT_DIR_HELP)),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help=_(quiz_text.FORCE_HELP))] = False,
    resume: Annotated[
        Optional[list[Path]],  # noqa: UP045
        # readable=False: an unreadable file is the loader's one-line data error (exit 1).
        typer.Option(
            "--resume",
            help=_(quiz_text.RESUME_HELP),
            show_default=False,
            readable=False,
        ),
    ] = None,
    couple: Annotated[bool, typer.Option("--couple", help=_(quiz_text.COUPLE_HELP))] = False,
    data_dir: DataDir = None,
) -> None:
    """Take the quiz: rate each statement and save your answers.

    Afterwards you see your results and the steps that fit you best. With --couple,
    two partners take turns at this computer and then see their comparison.
    """
    names, resumes = name or [], resume or []
    people = 2 if couple else 1
    if len(names) > people or len(resumes) > people:
        raise UsageError(_(quiz_text.NAME_RESUME_TIMES))
    if resumes and (names or output or output_dir or force):
        raise UsageError(_(quiz_text.RESUME_ALONE))
    if output is not None and (couple or output_dir is not None):
        raise UsageError(_(quiz_text.OUTPUT_ONE_FILE))
    if couple and len(resumes) == 1:
        raise UsageError(_(quiz_text.COUPLE_RESUME_TWICE))

    with _signals_stop_the_quiz(), ExitStack() as locks:
        questionnaire = load(data_dir)
        screen = console()
        if resumes:
            # A link is followed once, here: the answers go to the file it names.
            paths = [answers.resolve_link(path) for path in resumes]
            # Lock before reading, so no other quiz can finish the file in between.
            for path in paths:
                locks.enter_context(AnswerFileLock(path))
            plans = [(read_sheet(path, questionnaire), path) for path in paths]
        else:
            plans = _plan_new(screen, questionnaire, names, people, output, output_dir, force)
            for _sheet, path in plans:
                locks.enter_context(AnswerFileLock(path))
        if couple:
            _couple_quiz(screen, questionnaire, plans)
        else:
            sheet, path = plans[0]
            sheet = take_quiz(screen, questionnaire, sheet, path=path)
            _show(screen, questionnaire, [sheet])
            screen.print(f"\n{_(quiz_text.SAVED_IN, path=plain(path))}", soft_wrap=True)


class Signalled(KeyboardInterrupt):
    """SIGTERM or SIGHUP, stopping the quiz as Ctrl-C does, with the shell's exit code."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.exit_code = 128 + signum


def interrupted_code(stop: KeyboardInterrupt) -> int:
    """The exit code for Ctrl-C (130) or a stopping signal (128 + its number)."""
    return stop.exit_code if isinstance(stop, Signalled) else EXIT_INTERRUPTED


@contextmanager
def _signals_stop_the_quiz() -> Iterator[None]:
    """SIGTERM and SIGHUP raise Signalled, so the quiz stops the way Ctrl-C stops it: the
    answers saved, the lock removed, one line. A second signal while stopping is ignored."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers, as in a test runner's worker
        return
    received: list[int] = []

    def stop(signum: int, _frame: object) -> None:
        if not received:
            received.append(signum)
            raise Signalled(signum)

    stopping = (signal.SIGTERM, signal.SIGHUP)
    previous = {signum: signal.signal(signum, stop) for signum in stopping}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _plan_new(
    screen: Console,
    questionnaire: Questionnaire,
    names: list[str],
    people: int,
    output: Path | None,
    output_dir: Path | None,
    force: bool,
) -> list[tuple[AnswerSheet, Path]]:
    """New answer sheets and their paths, checked before anyone answers a statement."""
    prompts = [_(quiz_text.NAME_PROMPT)]
    if people == 2:
        prompts = [_(quiz_text.FIRST_PARTNER_PROMPT), _(quiz_text.SECOND_PARTNER_PROMPT)]
    chosen = [checked_name(given) for given in names]
    while len(chosen) < people:
        chosen.append(ask_name(screen, prompts[len(chosen)]))
    if people == 2 and chosen[0].casefold() == chosen[1].casefold():
        raise UsageError(_(quiz_text.NAMES_THE_SAME))
    folder = output_dir or Path(".")
    plans = []
    for person in chosen:
        path = output if output is not None else folder / default_file_name(person)
        answers.check_writable(path, force=force)
        path = answers.resolve_link(path)  # with --force, write to the file a link names
        sheet = AnswerSheet(
            respondent=person,
            questionnaire_id=questionnaire.id,
            questionnaire_version=questionnaire.version,
            started_at=answers.now(),
        )
        plans.append((sheet, path))
    return plans


def default_file_name(name: str) -> str:
    """`<name>-<YYYY-MM-DD>.yaml`, with the name reduced to characters safe in a file name."""
    safe = "".join(char if char.isalnum() or char in "-_" else "-" for char in name)
    safe = "-".join(part for part in safe.split("-") if part) or "answers"
    return f"{safe[:40]}-{date.today().isoformat()}.yaml"


def checked_name(name: str) -> str:
    cleaned = " ".join(inert(name).split())
    if not cleaned:
        problem = quiz_text.NAME_INVISIBLE if name.strip() else quiz_text.NAME_EMPTY
        raise UsageError(_(problem))
    if len(cleaned) > MAX_NAME_LENGTH:
        raise UsageError(_(quiz_text.NAME_TOO_LONG, limit=MAX_NAME_LENGTH))
    return cleaned


def ask_name(screen: Console, prompt: str) -> str:
    while True:
        try:
            typed = screen.input(prompt)
        except EOFError:
            fail(_(quiz_text.NO_NAME_GIVEN))
        except KeyboardInterrupt as stop:
            screen.print()
            fail(_(quiz_text.STOPPED_BEFORE_ANSWERS), code=interrupted_code(stop))
        try:
            return checked_name(typed)
        except UsageError as error:  # ask again rather than stop
            screen.print(f"  {_(quiz_text.TRY_AGAIN, problem=plain(error.message))}")


def save(path: Path, sheet: AnswerSheet, questionnaire: Questionnaire) -> None:
    order = tuple(sign.id for sign in questionnaire.signs)
    write_private(path, format_answer_sheet(sheet, order=order))


def resume_command(paths: tuple[Path, ...]) -> str:
    """How to go on: with one file, or as a couple with both, so the comparison follows."""
    if len(paths) == 2:
        return f"{PROG} quiz --couple --resume {paths[0]} --resume {paths[1]}"
    return f"{PROG} quiz --resume {paths[0]}"


def take_quiz(
    screen: Console,
    questionnaire: Questionnaire,
    sheet: AnswerSheet,
    *,
    path: Path,
    resume: tuple[Path, ...] = (),
) -> AnswerSheet:
    """Ask every statement not answered yet, saving after each answer; return the sheet.
    `resume` names the files to go on with (both partners' in a couple quiz)."""
    go_on = resume_command(resume or (path,))

    if sheet.status == COMPLETED:
        screen.print(_(quiz_text.ALREADY_COMPLETE, path=plain(path)), soft_wrap=True)
        return sheet
    try:
        save(path, sheet, questionnaire)
        return _ask_statements(screen, questionnaire, sheet, path=path, go_on=go_on)
    except KeyboardInterrupt as stop:  # Ctrl-C, SIGTERM or SIGHUP at any moment of the quiz
        try:
            screen.print()
        except OSError:  # a terminal that hung up
            pass
        _stop(screen, path, quiz_text.INTERRUPTED_SAVED, code=interrupted_code(stop), go_on=go_on)


def save_or_ask(
    screen: Console, path: Path, sheet: AnswerSheet, questionnaire: Questionnaire
) -> None:
    """Save; if that fails (a full disk, say), keep the answers in memory and offer a retry."""
    while True:
        try:
            save(path, sheet, questionnaire)
            return
        except SaveError as error:
            screen.print(_(quiz_text.COULD_NOT_SAVE, problem=plain(error.message)), soft_wrap=True)
        try:
            choice = screen.input(_(quiz_text.RETRY_PROMPT))
        except EOFError:
            choice = "q"
        except KeyboardInterrupt as stop:
            screen.print()
            fail(_(quiz_text.STOPPED_UNSAVED, path=path), code=interrupted_code(stop))
        if choice.strip().lower() == "q":
            fail(_(quiz_text.STOPPED_UNSAVED, path=path), code=1)


def _ask_statements(
    screen: Console, questionnaire: Questionnaire, sheet: AnswerSheet, *, path: Path, go_on: str
) -> AnswerSheet:
    state = start(tuple(sign.id for sign in questionnaire.signs), sheet)
    screen.print(
        f"\n{_(quiz_text.STATEMENTS_INTRO, count=len(state.order))}\n{_(quiz_text.OTHER_KEYS)}"
    )
    introduced: set[str] = set()  # sections whose introduction was shown in this run
    while not state.finished:
        sign = questionnaire.sign(state.current)
        screen.print(
            quiz_screen(
                questionnaire,
                sign,
                position=state.position,
                total=len(state.order),
                current=state.sheet.answers.get(sign.id),
                intro=sign.section not in introduced,
            )
        )
        introduced.add(sign.section)
        typed = _read_line(screen, _(quiz_text.RATING_PROMPT), path=path, go_on=go_on)
        command = parse_key(typed)
        if command.action is Action.QUIT:
            _stop(screen, path, quiz_text.QUIT_SAVED, code=0, go_on=go_on)
        if command.action is Action.HELP:
            screen.print(keys_help())
            continue
        if command.action is Action.INVALID:
            screen.print(_(quiz_text.NOT_A_KEY))
            continue
        if command.action is Action.BACK and state.position == 0:
            screen.print(_(quiz_text.FIRST_STATEMENT))
            continue
        state = advance(state, command)
        save_or_ask(screen, path, state.sheet, questionnaire)
    sheet = state.sheet.completed(now())
    save_or_ask(screen, path, sheet, questionnaire)
    return sheet


def _read_line(screen: Console, prompt: str, *, path: Path, go_on: str) -> str:
    """One line of input; end of input stops the quiz with the file saved (Ctrl-C is
    caught by `take_quiz`, wherever it lands)."""
    try:
        return screen.input(prompt)
    except EOFError:
        _stop(screen, path, quiz_text.INPUT_ENDED_SAVED, code=1, go_on=go_on)


def _stop(screen: Console, path: Path, saved: str, *, code: int, go_on: str) -> NoReturn:
    """Stop the quiz, saying where the answers are (`saved`, a catalogue entry) and how to go on."""
    message = _(saved, path=path, command=go_on)
    if code == 0:
        screen.print(plain(message), soft_wrap=True)
        raise typer.Exit(0)
    try:
        fail(message, code=code)
    except OSError:  # a terminal that hung up: the answers are saved all the same
        raise typer.Exit(code) from None


def _wait_for_enter(screen: Console, prompt: str, *, paths: list[Path], go_on: str) -> None:
    """Wait at a hand-over screen; the answers are already saved, so say where and how
    to go on (`go_on`: the couple resume, or the comparison)."""
    try:
        screen.input(prompt)
    except (EOFError, KeyboardInterrupt) as stop:
        files = " ".join(str(path) for path in paths)
        if isinstance(stop, KeyboardInterrupt):
            screen.print()
        fail(
            _(quiz_text.STOPPED_AT_HAND_OVER, files=files, command=go_on),
            code=interrupted_code(stop) if isinstance(stop, KeyboardInterrupt) else 1,
        )


def _hide_answers(screen: Console) -> None:
    """Clear the screen and the terminal's scrollback, so that nothing of one partner's
    answers is left for the other to see, not even by scrolling back."""
    if not screen.is_terminal:
        return
    screen.clear()
    screen.file.write("\x1b[3J")  # the scrollback, where the terminal keeps one
    screen.file.flush()


def _couple_quiz(
    screen: Console, questionnaire: Questionnaire, plans: list[tuple[AnswerSheet, Path]]
) -> None:
    """Each partner answers in turn; the screen is cleared in between; then the comparison."""
    (first, first_path), (second, second_path) = plans
    check_pair(
        first,
        second,
        sources=(str(first_path), str(second_path)),
        same_file=first_path.resolve() == second_path.resolve(),
        allow_incomplete=True,
    )
    # Both files exist from the start (the second with no answers yet), so that a quiz
    # stopped during the first turn can go on as a couple with both of them.
    for sheet, path in plans:
        if not path.exists():
            save(path, sheet, questionnaire)
    screen.print(
        "\n"
        + _(
            quiz_text.FIRST_ANSWERS_FIRST,
            first=plain(first.respondent),
            second=plain(second.respondent),
        )
    )
    both = (first_path, second_path)
    first = take_quiz(screen, questionnaire, first, path=first_path, resume=both)
    # The moment the last answer is saved, before anything else is printed.
    _hide_answers(screen)
    screen.print(
        f"{_(quiz_text.THANK_YOU, name=plain(first.respondent))}\n"
        f"{_(quiz_text.HAND_OVER, name=plain(second.respondent))}"
    )
    _wait_for_enter(
        screen,
        _(quiz_text.READY_PROMPT, name=plain(second.respondent)),
        paths=[first_path],
        go_on=resume_command(both),
    )
    second = take_quiz(screen, questionnaire, second, path=second_path, resume=both)
    _hide_answers(screen)  # nor the second partner's, before they are ready to compare
    screen.print(_(quiz_text.THANK_YOU_BOTH))
    files = " ".join(str(path) for path in both)
    _wait_for_enter(
        screen,
        _(quiz_text.COMPARISON_PROMPT),
        paths=list(both),
        go_on=f"{PROG} compare {files}",
    )
    _show(screen, questionnaire, [first, second])
    screen.print(
        f"\n{_(quiz_text.BOTH_SAVED_IN, first=plain(first_path), second=plain(second_path))}",
        soft_wrap=True,
    )


def _show(screen: Console, questionnaire: Questionnaire, sheets: list[AnswerSheet]) -> None:
    report = build_report(questionnaire, sheets)
    screen.print()
    if report.couple is not None:
        screen.print(comparison(comparison_document(report)))
    else:
        screen.print(personal(personal_document(report)))
