"""`intimacy-check quiz`: one person, or a couple taking turns at one computer."""

from __future__ import annotations

import shlex
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, Optional, TypeVar

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
    is_sealed,
    now,
    read_answer_bytes,
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
from intimacy_check.commands.passphrases import Keyring, PassphraseFiles
from intimacy_check.couple import check_pair
from intimacy_check.documents.comparison import comparison_document
from intimacy_check.documents.personal import personal_document
from intimacy_check.errors import SaveError, UsageError
from intimacy_check.formats.quiz_screen import keys_help, quiz_screen
from intimacy_check.formats.terminal import comparison, personal
from intimacy_check.inert import inert
from intimacy_check.messages import _
from intimacy_check.messages import quiz as quiz_text
from intimacy_check.messages import sealing as sealing_text
from intimacy_check.questionnaire import Questionnaire
from intimacy_check.quiz import Action, advance, parse_key, start
from intimacy_check.report import build_report

if TYPE_CHECKING:
    from intimacy_check.sealing import Seal


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
    seal: Annotated[bool, typer.Option("--seal", help=_(sealing_text.SEAL_HELP))] = False,
    passphrase_file: PassphraseFiles = None,
    data_dir: DataDir = None,
) -> None:
    """Take the quiz: rate each statement and save your answers.

    Afterwards you see your results and the steps that fit you best. With --couple,
    two partners take turns at this computer and then see their comparison.
    """
    names, resumes = name or [], resume or []
    people = 2 if couple else 1
    if len(resumes) == people and (names or output or output_dir or force):
        raise UsageError(_(quiz_text.RESUME_ALONE))
    if len(names) + len(resumes) > people:
        raise UsageError(_(quiz_text.NAME_RESUME_TIMES))
    if output is not None and (couple or output_dir is not None):
        raise UsageError(_(quiz_text.OUTPUT_ONE_FILE))

    with _signals_stop_the_quiz(), ExitStack() as locks:
        questionnaire = load(data_dir)
        screen = console()
        keyring = Keyring(passphrase_file, say=lambda line: _say(screen, line))
        turns = []
        # A link is followed once, here: the answers go to the file it names.
        for path in (answers.resolve_link(given) for given in resumes):
            # Lock before reading, so no other quiz can finish the file in between.
            locks.enter_context(AnswerFileLock(path))
            turns.append(_resumed(path, questionnaire, seal=seal))
        plans = _plan_new(
            screen,
            questionnaire,
            names,
            people,
            output,
            output_dir,
            force,
            taken=len(turns),
            seal=seal,
        )
        for sheet, path in plans:
            locks.enter_context(AnswerFileLock(path))
            turns.append(Turn(path=path, sheet=sheet, sealed=seal, new=True))
        keyring.expect(sum(turn.sealed for turn in turns))
        if couple:
            _couple_quiz(screen, questionnaire, turns, keyring)
            return
        turn = turns[0]
        sheet = _begin(turn, keyring, questionnaire)
        sheet = take_quiz(
            screen, questionnaire, sheet, path=turn.path, seal=turn.seal, go_on=go_on_with(turns)
        )
        _show(screen, questionnaire, [sheet])
        saved = sealing_text.SEALED_IN if turn.sealed else quiz_text.SAVED_IN
        screen.print(f"\n{_(saved, path=plain(turn.path))}")


@dataclass
class Turn:
    """One person's part of the quiz: their answer file, and how it opens and saves.

    A sealed file to go on with is read at once but opened only when its owner's turn
    starts, with their passphrase; until then `sheet` is None.
    """

    path: Path
    sheet: AnswerSheet | None = None
    sealed: bool = False
    new: bool = False  # a new file, not yet on disk for a sealed one
    content: bytes = b""  # a sealed file's bytes, until it is opened
    seal: Seal | None = None


def _resumed(path: Path, questionnaire: Questionnaire, *, seal: bool) -> Turn:
    content = read_answer_bytes(path)
    if is_sealed(content):
        return Turn(path=path, sealed=True, content=content)
    if seal:
        raise UsageError(_(sealing_text.SEAL_PLAIN_RESUME, path=path, prog=PROG))
    return Turn(path=path, sheet=read_sheet(path, content, questionnaire))


def _begin(
    turn: Turn, keyring: Keyring, questionnaire: Questionnaire, *, name: str | None = None
) -> AnswerSheet:
    """A turn's sheet, once its owner has opened their sealed file, or chosen the
    passphrase for a new one; `name` addresses them in a couple."""
    if turn.sealed and turn.seal is None:
        from intimacy_check.sealing import Seal  # only a sealed quiz loads the age library

        if turn.new:
            try:
                turn.seal = Seal(keyring.choose(name=name))
            except KeyboardInterrupt as stop:
                screen_line = _(quiz_text.STOPPED_BEFORE_ANSWERS)
                if name is None:  # alone: nothing is saved before the passphrase is chosen
                    typer.echo("", err=True)
                    fail(screen_line, code=interrupted_code(stop))
                raise
        else:
            opened = keyring.open(turn.path, turn.content)
            turn.sheet = read_sheet(turn.path, opened.plain, questionnaire)
            turn.seal = opened.seal
    assert turn.sheet is not None  # a plain or new turn has its sheet from the start
    return turn.sheet


def go_on_with(turns: list[Turn]) -> str:
    """The command that goes on with this quiz: each file on disk by --resume, a new
    sealed one (written only when its owner's turn starts) by its name again."""
    words = [PROG, "quiz"] + (["--couple"] if len(turns) == 2 else [])
    waiting = [turn for turn in turns if turn.new and turn.sealed and turn.seal is None]
    for turn in turns:
        if turn not in waiting:
            words += ["--resume", str(turn.path)]
    for turn in waiting:
        assert turn.sheet is not None
        words += ["--name", turn.sheet.respondent]
    if waiting:
        if waiting[0].path.parent != Path("."):
            words += ["--output-dir", str(waiting[0].path.parent)]
        words.append("--seal")
    return shlex.join(words)


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
    *,
    taken: int = 0,
    seal: bool = False,
) -> list[tuple[AnswerSheet, Path]]:
    """New answer sheets and their paths, checked before anyone answers a statement;
    `taken` people go on with files of their own."""
    prompts = [_(quiz_text.NAME_PROMPT)]
    if people == 2:
        prompts = [_(quiz_text.FIRST_PARTNER_PROMPT), _(quiz_text.SECOND_PARTNER_PROMPT)]
    chosen = [checked_name(given) for given in names]
    while taken + len(chosen) < people:
        chosen.append(ask_name(screen, prompts[taken + len(chosen)]))
    if len(chosen) == 2 and chosen[0].casefold() == chosen[1].casefold():
        raise UsageError(_(quiz_text.NAMES_THE_SAME))
    folder = output_dir or Path(".")
    plans = []
    for person in chosen:
        path = output if output is not None else folder / default_file_name(person, sealed=seal)
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


def default_file_name(name: str, *, sealed: bool = False) -> str:
    """`<name>-<YYYY-MM-DD>.yaml` (`.yaml.age` sealed), with the name reduced to characters
    safe in a file name."""
    safe = "".join(char if char.isalnum() or char in "-_" else "-" for char in name)
    safe = "-".join(part for part in safe.split("-") if part) or "answers"
    return f"{safe[:40]}-{date.today().isoformat()}.yaml" + (".age" if sealed else "")


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


def save(
    path: Path, sheet: AnswerSheet, questionnaire: Questionnaire, seal: Seal | None = None
) -> None:
    order = tuple(sign.id for sign in questionnaire.signs)
    text = format_answer_sheet(sheet, order=order)
    if seal is None:
        write_private(path, text)
    else:
        seal.save(path, text, finished=sheet.status == COMPLETED)


def take_quiz(
    screen: Console,
    questionnaire: Questionnaire,
    sheet: AnswerSheet,
    *,
    path: Path,
    go_on: str,
    seal: Seal | None = None,
    private: bool = False,
) -> AnswerSheet:
    """Ask every statement not answered yet, saving after each answer; return the sheet.
    `go_on` is the command that resumes the quiz; `private` clears the screen the moment
    the last answer is saved, so that a partner sees none of it."""
    if sheet.status == COMPLETED:
        screen.print(_(quiz_text.ALREADY_COMPLETE, path=plain(path)), soft_wrap=True)
        return sheet
    try:
        if seal is not None and not seal.ready:
            screen.print(_(sealing_text.PREPARING))  # its key is sealed once: a moment
        save(path, sheet, questionnaire, seal)
        sheet = _ask_statements(screen, questionnaire, sheet, path=path, go_on=go_on, seal=seal)
        if private:
            _hide_answers(screen)
        if seal is not None:
            screen.print(_(sealing_text.SEALING))
        sheet = sheet.completed(now())
        save_or_ask(screen, path, sheet, questionnaire, seal)
        return sheet
    except KeyboardInterrupt as stop:  # Ctrl-C, SIGTERM or SIGHUP at any moment of the quiz
        try:
            screen.print()
        except OSError:  # a terminal that hung up
            pass
        _stop(screen, path, quiz_text.INTERRUPTED_SAVED, code=interrupted_code(stop), go_on=go_on)


def save_or_ask(
    screen: Console,
    path: Path,
    sheet: AnswerSheet,
    questionnaire: Questionnaire,
    seal: Seal | None = None,
) -> None:
    """Save; if that fails (a full disk, say), keep the answers in memory and offer a retry."""
    while True:
        try:
            save(path, sheet, questionnaire, seal)
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
    screen: Console,
    questionnaire: Questionnaire,
    sheet: AnswerSheet,
    *,
    path: Path,
    go_on: str,
    seal: Seal | None,
) -> AnswerSheet:
    """The statements not answered yet, each answer saved; the sheet with all of them."""
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
        save_or_ask(screen, path, state.sheet, questionnaire, seal)
    return state.sheet


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


T = TypeVar("T")


def _hand_over(screen: Console, paths: list[Path], *, go_on: str, then: Callable[[], T]) -> T:
    """Between turns: `then` waits for Enter, or asks the next partner's passphrase. The
    answers so far are saved, so a stop here says where, and how to go on (`go_on`: the
    couple resume, or the comparison)."""
    try:
        return then()
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
    screen: Console,
    questionnaire: Questionnaire,
    turns: list[Turn],
    keyring: Keyring,
) -> None:
    """Each partner answers in turn, opening or sealing their own file when the turn
    starts; the screen is cleared in between; then the comparison, from memory."""
    first, second = turns
    # Both plain files exist from the start (the second with no answers yet), so that a
    # quiz stopped during the first turn can go on as a couple with both of them. A new
    # sealed file waits for its owner's passphrase, and so for their turn.
    for turn in turns:
        if turn.new and not turn.sealed and not turn.path.exists():
            assert turn.sheet is not None
            save(turn.path, turn.sheet, questionnaire)
    if first.sheet is None:  # a sealed file to go on with: its owner opens it first
        _begin(first, keyring, questionnaire)
    first_sheet = first.sheet
    assert first_sheet is not None
    if second.sheet is not None:
        _check_pair(first, second)
    if first_sheet.status != COMPLETED:
        screen.print("\n" + _intro(first_sheet, second.sheet))
    first_sheet = _begin(first, keyring, questionnaire, name=first_sheet.respondent)
    first_sheet = take_quiz(
        screen,
        questionnaire,
        first_sheet,
        path=first.path,
        seal=first.seal,
        go_on=go_on_with(turns),
        private=True,
    )
    screen.print(_(quiz_text.THANK_YOU, name=plain(first_sheet.respondent)))
    if second.sheet is None:
        screen.print(_(quiz_text.HAND_OVER_PARTNER))
        ready = _(quiz_text.READY_PROMPT_PARTNER)
    else:
        screen.print(_(quiz_text.HAND_OVER, name=plain(second.sheet.respondent)))
        ready = _(quiz_text.READY_PROMPT, name=plain(second.sheet.respondent))
    _hand_over(screen, [first.path], go_on=go_on_with(turns), then=lambda: screen.input(ready))
    second_sheet = _hand_over(
        screen,
        [first.path],
        go_on=go_on_with(turns),
        then=lambda: _begin(second, keyring, questionnaire, name=_name(second)),
    )
    if second.content:
        _check_pair(first, second)  # opened only now
    second_sheet = take_quiz(
        screen,
        questionnaire,
        second_sheet,
        path=second.path,
        seal=second.seal,
        go_on=go_on_with(turns),
        private=True,
    )
    screen.print(_(quiz_text.THANK_YOU_BOTH))
    both = [first.path, second.path]
    _hand_over(
        screen,
        both,
        go_on=shlex.join([PROG, "compare", *map(str, both)]),
        then=lambda: screen.input(_(quiz_text.COMPARISON_PROMPT)),
    )
    _show(screen, questionnaire, [first_sheet, second_sheet])
    sealed = first.sealed or second.sealed
    saved = sealing_text.BOTH_SEALED_IN if sealed else quiz_text.BOTH_SAVED_IN
    # Wrapped at spaces, so a path stays whole on its line for copying.
    screen.print(f"\n{_(saved, first=plain(first.path), second=plain(second.path))}")


def _say(screen: Console, line: str) -> None:
    screen.print(plain(line))


def _intro(first: AnswerSheet, second: AnswerSheet | None) -> str:
    if second is None:  # a sealed file, opened only when its owner's turn starts
        return _(quiz_text.FIRST_ANSWERS_FIRST_PARTNER, first=plain(first.respondent))
    return _(
        quiz_text.FIRST_ANSWERS_FIRST,
        first=plain(first.respondent),
        second=plain(second.respondent),
    )


def _name(turn: Turn) -> str | None:
    return turn.sheet.respondent if turn.sheet is not None else None


def _check_pair(first: Turn, second: Turn) -> None:
    assert first.sheet is not None and second.sheet is not None
    check_pair(
        first.sheet,
        second.sheet,
        sources=(str(first.path), str(second.path)),
        same_file=first.path.resolve() == second.path.resolve(),
        allow_incomplete=True,
    )


def _show(screen: Console, questionnaire: Questionnaire, sheets: list[AnswerSheet]) -> None:
    report = build_report(questionnaire, sheets)
    screen.print()
    if report.couple is not None:
        screen.print(comparison(comparison_document(report)))
    else:
        screen.print(personal(personal_document(report)))
