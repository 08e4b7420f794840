"""One person's answers in the quiz: their file opened or sealed, each statement asked,
every answer saved, and a stop that says how to go on."""

from __future__ import annotations

import shlex
import shutil
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.text import Text

from intimacy_check import accessibility
from intimacy_check.answers import (
    COMPLETED,
    AnswerSheet,
    format_answer_sheet,
    is_sealed,
    looks_like_fhir,
    now,
    read_answer_bytes,
    write_private,
)
from intimacy_check.commands import EXIT_INTERRUPTED, PROG, fail, read_sheet
from intimacy_check.commands.passphrases import Keyring
from intimacy_check.commands.prompt import read_line
from intimacy_check.documents.comparison import comparison_document
from intimacy_check.documents.personal import personal_document
from intimacy_check.errors import AnswerFileError, SaveError, UsageError
from intimacy_check.formats.quiz_screen import ideal_screen, keys_help, quiz_screen
from intimacy_check.formats.terminal import comparison, personal
from intimacy_check.inert import inert
from intimacy_check.messages import _
from intimacy_check.messages import quiz as quiz_text
from intimacy_check.messages import sealing as sealing_text
from intimacy_check.questionnaire import Questionnaire
from intimacy_check.quiz import Action, advance, parse_key, start
from intimacy_check.report import build_report
from intimacy_check.versions import Questionnaires

if TYPE_CHECKING:
    from intimacy_check.sealing import Seal


def plain(value: object) -> str:
    """Text from a file or the user, safe to pass to rich as markup."""
    return escape(inert(str(value)))


@dataclass
class Turn:
    """One person's part of the quiz: their answer file, and how it opens and saves.

    A sealed file to go on with is read at once but opened only when its owner's turn
    starts, with their passphrase; until then `sheet` is None.
    """

    path: Path
    sheet: AnswerSheet | None = None
    sealed: bool = False
    new: bool = False  # a new file, planned by this run
    written: bool = False  # saved by this run, or there before it as the file to go on with
    content: bytes = b""  # a sealed file's bytes, until it is opened
    seal: Seal | None = None
    questionnaire: Questionnaire | None = None  # the version the sheet answers, once known
    ideal: bool = False  # ask how each statement is wished to be (quiz --ideal)


def resumed(path: Path, questionnaires: Questionnaires, *, seal: bool) -> Turn:
    content = read_answer_bytes(path)
    if is_sealed(content):
        from intimacy_check.sealing import check_openable  # only a sealed quiz loads age

        check_openable(path, content)  # now, not after the other partner's whole turn
        return Turn(path=path, sealed=True, written=True, content=content)
    if seal:
        raise UsageError(_(sealing_text.SEAL_PLAIN_RESUME, path=path, prog=PROG))
    _refuse_fhir(path, content)
    sheet, questionnaire = read_sheet(path, content, questionnaires)
    return Turn(path=path, sheet=sheet, written=True, questionnaire=questionnaire)


def _refuse_fhir(path: Path, content: bytes) -> None:
    """A quiz saves in its own format after every answer: going on with a FHIR response
    would turn the record system's file into another kind of file."""
    if looks_like_fhir(content):
        raise AnswerFileError(_(quiz_text.RESUME_FHIR, path=path, prog=PROG))


def begin(
    screen: Console,
    turn: Turn,
    keyring: Keyring,
    questionnaires: Questionnaires,
    *,
    name: str | None = None,
    first: bool = True,
) -> tuple[AnswerSheet, Questionnaire]:
    """A turn's sheet and the questionnaire it answers, once its owner has opened their
    sealed file, or chosen the passphrase for a new one and its file is saved; `name`
    addresses them in a couple, and `first` says that nobody's answers are saved yet."""
    if turn.sealed and turn.seal is None:
        if turn.new:
            _new_sealed(screen, turn, keyring, name=name, first=first)
        else:
            opened = keyring.open(turn.path, turn.content)
            _refuse_fhir(turn.path, opened.plain)
            turn.sheet, turn.questionnaire = read_sheet(turn.path, opened.plain, questionnaires)
            turn.seal = opened.seal
    # A plain or new turn has its sheet, and the version it answers, from the start.
    assert turn.sheet is not None and turn.questionnaire is not None
    if turn.ideal:
        turn.sheet = turn.sheet.asking_ideal()
    return turn.sheet, turn.questionnaire


def _new_sealed(
    screen: Console,
    turn: Turn,
    keyring: Keyring,
    *,
    name: str | None,
    first: bool,
) -> None:
    """Choose the passphrase, seal the file's own key with it (the slow part, once), and
    save the file, so that it exists, sealed, before the first statement."""
    from intimacy_check.sealing import Seal, drop_key  # only a sealed quiz loads age

    assert turn.sheet is not None and turn.questionnaire is not None
    try:
        seal = Seal(keyring.choose(name=name))
        screen.print(_(sealing_text.PREPARING))
        seal.prepare(turn.path)
        save(turn.path, turn.sheet, turn.questionnaire, seal)
        long_work_done(screen, _(sealing_text.PREPARED))
    except KeyboardInterrupt as stop:
        drop_key(turn.path)  # the key of a file that was never written
        if not first:
            raise  # the first partner's answers are saved, which the hand-over says
        screen.print()
        calm_stop(_(quiz_text.STOPPED_BEFORE_ANSWERS), code=interrupted_code(stop))
    turn.seal = seal
    turn.written = True


def forget_new(turns: list[Turn]) -> Callable[[], None] | None:
    """What removes the files this run made for `turns`, while none holds an answer; None
    where any of them was there before."""
    if not all(turn.new for turn in turns):
        return None

    def forget() -> None:
        for turn in turns:
            turn.path.unlink(missing_ok=True)
            if turn.sealed:
                from intimacy_check.sealing import drop_key  # only a sealed quiz loads age

                drop_key(turn.path)

    return forget


def go_on_with(turns: list[Turn]) -> str:
    """The command that goes on with this quiz: each file on disk by --resume, a new
    sealed one not written yet (it is written when its owner's turn starts) by its name."""
    words = [PROG, "quiz"] + (["--couple"] if len(turns) == 2 else [])
    waiting = [turn for turn in turns if turn.new and turn.sealed and not turn.written]
    for turn in turns:
        if turn not in waiting:
            words += ["--resume", str(turn.path)]
    for turn in waiting:
        assert turn.sheet is not None
        words += ["--name", turn.sheet.respondent]
    if waiting:
        if any(turn.ideal or (turn.sheet and turn.sheet.ideal is not None) for turn in turns):
            words.append("--ideal")  # a resumed file says so itself; a new one not yet
        if waiting[0].path.parent != Path("."):
            words += ["--output-dir", str(waiting[0].path.parent)]
        words.append("--seal")
        if any(turn.path.exists() for turn in waiting):
            words.append("--force")  # the old file this run was to replace is still there
    return shlex.join(words)


class Signalled(KeyboardInterrupt):
    """SIGTERM or SIGHUP, stopping the quiz as Ctrl-C does, with the shell's exit code."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.exit_code = 128 + signum


def interrupted_code(stop: KeyboardInterrupt) -> int:
    """The exit code for Ctrl-C (130) or a stopping signal (128 + its number)."""
    return stop.exit_code if isinstance(stop, Signalled) else EXIT_INTERRUPTED


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
    forget: Callable[[], None] | None = None,
) -> tuple[AnswerSheet, bool | None]:
    """Ask every statement not answered yet, saving after each answer, then, at a terminal,
    the private safety question; return the sheet and that answer (None: not asked, or
    skipped), which is kept in memory only. `go_on` is the command that resumes the quiz;
    `private` clears the screen once the last answer is saved, so that a partner sees none
    of it; `forget` removes the new files of this run if input ends before the first answer."""
    if sheet.status == COMPLETED:
        if seal is not None and not seal.ready:  # sealed with its passphrase: no key is needed
            from intimacy_check.sealing import drop_key

            drop_key(path)  # one left by a quiz killed as it sealed the finished file
        screen.print(_(quiz_text.ALREADY_COMPLETE, path=plain(path)), soft_wrap=True)
        return sheet, None
    noted = False  # the safety note is on the screen
    try:
        if seal is not None and not seal.ready:
            screen.print(_(sealing_text.PREPARING))  # its key is sealed once: a moment
        save(path, sheet, questionnaire, seal)
        sheet = _ask_statements(
            screen, questionnaire, sheet, path=path, go_on=go_on, seal=seal, forget=forget
        )
        said_afraid = ask_safety(screen, questionnaire) if sys.stdin.isatty() else None
        if private:
            if said_afraid:  # seen by this partner alone, before the screen is cleared
                noted = True
                show_safety_note(screen, questionnaire)
                try:
                    read_line(screen, _(quiz_text.SAFETY_READ_PROMPT))
                except EOFError:  # nothing more to read: the screen is cleared all the same
                    screen.print()
            hide_answers(screen)
            noted = False
        if seal is not None:
            screen.print(_(sealing_text.SEALING))
        sheet = sheet.completed(now())
        save_or_ask(screen, path, sheet, questionnaire, seal)
        if seal is not None:
            long_work_done(screen, _(sealing_text.SEALED))
        return sheet, said_afraid
    except KeyboardInterrupt as stop:  # Ctrl-C, SIGTERM or SIGHUP at any moment of the quiz
        try:
            if noted:  # a partner stopped at their safety note: it is not left on the screen
                hide_answers(screen)
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
            choice = read_line(screen, _(quiz_text.RETRY_PROMPT))
        except EOFError:
            choice = "q"
        except KeyboardInterrupt as stop:
            screen.print()
            calm_stop(_(quiz_text.STOPPED_UNSAVED, path=path), code=interrupted_code(stop))
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
    forget: Callable[[], None] | None,
) -> AnswerSheet:
    """The statements not answered yet, each answer saved; the sheet with all of them."""
    state = start(tuple(sign.id for sign in questionnaire.signs), sheet)
    if state.finished:  # every statement answered, as when a quiz stopped at the last question
        return state.sheet
    if state.answered:
        welcome = _(
            quiz_text.WELCOME_BACK,
            name=plain(sheet.respondent),
            answered=state.answered,
            total=len(state.order),
            next=state.position + 1,
        )
        screen.print(f"\n{welcome}")
    intro = quiz_text.STATEMENTS_INTRO_IDEAL if state.asks_ideal else quiz_text.STATEMENTS_INTRO
    screen.print(f"\n{_(intro, count=len(state.order))}\n{_(quiz_text.OTHER_KEYS)}")
    introduced: set[str] = set()  # sections whose introduction was shown in this run
    while not state.finished:
        sign = questionnaire.sign(state.current)
        if state.ideal:
            rating = state.sheet.answers[sign.id]
            assert rating is not None  # asked only after a rating
            shown = ideal_screen(
                questionnaire,
                sign,
                rating=rating,
                earlier=state.earlier,
                answered=state.can_keep(),
            )
        else:
            shown = quiz_screen(
                questionnaire,
                sign,
                position=state.position,
                total=len(state.order),
                current=state.earlier,
                answered=state.can_keep(),
                intro=sign.section not in introduced,
            )
            introduced.add(sign.section)
        screen.print(shown)
        typed = _read_line(
            screen,
            _(quiz_text.IDEAL_PROMPT if state.ideal else quiz_text.RATING_PROMPT),
            path=path,
            go_on=go_on,
            forget=forget if not state.sheet.answers else None,
        )
        command = parse_key(typed)
        if command.action is Action.QUIT:
            _stop(screen, path, quiz_text.QUIT_SAVED, code=0, go_on=go_on)
        if command.action is Action.HELP:
            screen.print(keys_help(ideal=state.ideal))
            continue
        if command.action is Action.INVALID or (
            command.action is Action.KEEP and not state.can_keep()
        ):
            screen.print(_(quiz_text.NOT_A_KEY))
            continue
        if command.action is Action.BACK and state.at_start:
            screen.print(_(quiz_text.FIRST_STATEMENT))
            continue
        state = advance(state, command)
        save_or_ask(screen, path, state.sheet, questionnaire, seal)
        if command.action is Action.SKIP:
            screen.print(_(quiz_text.SKIPPED))
    return state.sheet


def ask_safety(screen: Console, questionnaire: Questionnaire) -> bool | None:
    """The private question, in the content's words: True for yes, False for no, None when
    skipped or when input ends. The answer is never saved, and never leaves this run."""
    screen.print()
    say_whole_words(screen, plain(_(quiz_text.SAFETY_INTRO)))
    say_whole_words(screen, plain(questionnaire.support.question))
    while True:
        try:
            typed = read_line(screen, _(quiz_text.SAFETY_PROMPT)).strip().casefold()
        except EOFError:
            screen.print()
            return None
        if typed in ("", "s"):
            return None
        if typed in ("y", "n"):
            return typed == "y"
        screen.print(_(quiz_text.SAFETY_NOT_A_KEY))


def show_safety_note(screen: Console, questionnaire: Questionnaire) -> None:
    """The note for someone who said yes, as it opens their results."""
    from intimacy_check.documents.parts import safety_note
    from intimacy_check.safety import Concern

    note = safety_note(questionnaire, Concern.SAID_AFRAID)
    assert note is not None
    screen.print()
    for line in (note.heading, note.note, note.support):
        say_whole_words(screen, plain(line))
        screen.print()


def _read_line(
    screen: Console,
    prompt: str,
    *,
    path: Path,
    go_on: str,
    forget: Callable[[], None] | None,
) -> str:
    """One line of input; end of input stops the quiz with the file saved (Ctrl-C is
    caught by `take_quiz`, wherever it lands). Before the first answer, `forget` removes
    the files this run made, so that trying again is not refused as "already exists"."""
    try:
        return read_line(screen, prompt)
    except EOFError:
        screen.print()  # the message on a line of its own, not after the prompt
        if forget is not None:
            forget()
            fail(_(quiz_text.INPUT_ENDED_BEFORE_ANSWERS), code=1)
        _stop(screen, path, quiz_text.INPUT_ENDED_SAVED, code=1, go_on=go_on)


def _stop(screen: Console, path: Path, saved: str, *, code: int, go_on: str) -> NoReturn:
    """Stop the quiz, saying where the answers are (`saved`, a catalogue entry) and how to
    go on: q on the screen, Ctrl-C or a signal calmly on stderr, the end of input as an
    error (a script should know)."""
    message = _(saved, path=path, command=go_on)
    if code == 0:
        say_whole_words(screen, plain(message))
        raise typer.Exit(0)
    if code != 1:
        calm_stop(message, code=code)
    try:
        fail(message, code=code)
    except OSError:  # a terminal that hung up: the answers are saved all the same
        raise typer.Exit(code) from None


def calm_stop(message: str, *, code: int) -> NoReturn:
    """Ctrl-C is not an error: a calm sentence on stderr, wrapped between words at a
    terminal's width (one line elsewhere, for a log), and the shell's exit code."""
    text = inert(message)
    if sys.stderr.isatty():
        width = shutil.get_terminal_size().columns
        text = textwrap.fill(text, width=width, break_long_words=False, break_on_hyphens=False)
    try:
        sys.stderr.write(text + "\n")
        sys.stderr.flush()
    except OSError:  # a terminal that hung up: the answers are saved all the same
        pass
    raise typer.Exit(code)


def hide_answers(screen: Console) -> None:
    """Clear the screen and the terminal's scrollback, so that nothing of one partner's
    answers is left for the other to see, not even by scrolling back."""
    if not screen.is_terminal:
        return
    if accessibility.on():  # the one clear in accessible mode, said before it happens
        screen.print(_(quiz_text.CLEARING_FOR_PRIVACY))
    if screen.is_dumb_terminal:  # which cannot clear (TERM=dumb): push it all off the screen
        screen.file.write("\n" * screen.height)
    screen.clear()
    screen.file.write("\x1b[3J")  # the scrollback, where the terminal keeps one
    screen.file.flush()


def long_work_done(screen: Console, line: str) -> None:
    """In accessible mode, long work ends with a line of its own, as it began."""
    if accessibility.on():
        screen.print(line)


def say_whole_words(screen: Console, text: str) -> None:
    """Wrapped at the screen's width between words only: a path longer than a line stays
    whole, for copying, and the terminal folds it."""
    lines = textwrap.fill(text, width=screen.width, break_long_words=False, break_on_hyphens=False)
    screen.print(lines, soft_wrap=True)


def say(screen: Console, line: str) -> None:
    screen.print(plain(line))


def show(
    screen: Console,
    questionnaire: Questionnaire,
    sheets: list[AnswerSheet],
    *,
    said_afraid: list[bool | None],
) -> None:
    """The results, from memory: one person's summary, or a couple's comparison, whose
    joint steps leave out the marked ones if either partner said yes, without saying why."""
    report = build_report(questionnaire, sheets, said_afraid=said_afraid)
    screen.print()
    if accessibility.on():  # the whole report as plain lists, for a screen reader
        from intimacy_check.documents.report import report_document
        from intimacy_check.formats.accessible import report as plain_lists

        screen.print(Text(plain_lists(report_document(report, steps=5))), end="")
        return
    if report.couple is not None:
        screen.print(comparison(comparison_document(report)))
    else:
        screen.print(personal(personal_document(report)))
