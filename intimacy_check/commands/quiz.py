"""`intimacy-check quiz`: one person, or a couple taking turns at one computer."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from intimacy_check import answers, language
from intimacy_check.answers import (
    MAX_NAME_LENGTH,
    AnswerFileLock,
    AnswerSheet,
)
from intimacy_check.commands import (
    DataDir,
    console,
    fail,
    load,
)
from intimacy_check.commands.answering import (
    Signalled,
    Turn,
    begin,
    calm_stop,
    forget_new,
    go_on_with,
    interrupted_code,
    plain,
    resumed,
    say,
    say_whole_words,
    show,
    take_quiz,
)
from intimacy_check.commands.couple_quiz import couple_quiz
from intimacy_check.commands.passphrases import Keyring, PassphraseFiles
from intimacy_check.commands.prompt import read_line, signals_wake_the_prompt
from intimacy_check.errors import UsageError
from intimacy_check.inert import inert
from intimacy_check.messages import _
from intimacy_check.messages import quiz as quiz_text
from intimacy_check.messages import sealing as sealing_text
from intimacy_check.questionnaire import Questionnaire


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
    ideal: Annotated[bool, typer.Option("--ideal", help=_(quiz_text.IDEAL_HELP))] = False,
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

    with _signals_stop_the_quiz(), signals_wake_the_prompt(), ExitStack() as locks:
        questionnaires = load(data_dir)
        screen = console()
        keyring = Keyring(passphrase_file, say=lambda line: say(screen, line))
        turns = []
        # A link is followed once, here: the answers go to the file it names.
        for path in (answers.resolve_link(given) for given in resumes):
            # Lock before reading, so no other quiz can finish the file in between.
            locks.enter_context(AnswerFileLock(path))
            turns.append(resumed(path, questionnaires, seal=seal))
        # Before anyone types a name: one passphrase for each sealed file or new person.
        newcomers = people - len(turns)
        needed = sum(turn.sealed for turn in turns) + (newcomers if seal else 0)
        keyring.expect(needed, all_now=True)
        # A quiz goes on in the version it began with, and a new partner answers the
        # version the other partner's file goes on with, so that the two can be compared.
        known = [turn.questionnaire for turn in turns if turn.questionnaire is not None]
        questionnaire = known[0] if known else questionnaires.current
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
            turns.append(
                Turn(path=path, sheet=sheet, sealed=seal, new=True, questionnaire=questionnaire)
            )
        # A partner who joins a quiz with wished-for ratings is asked them too.
        ideal = ideal or any(turn.sheet and turn.sheet.ideal is not None for turn in turns)
        for turn in turns:
            turn.ideal = ideal
        if couple:
            couple_quiz(screen, questionnaires, turns, keyring)
            return
        turn = turns[0]
        sheet, questionnaire = begin(screen, turn, keyring, questionnaires)
        sheet, said_afraid = take_quiz(
            screen,
            questionnaire,
            sheet,
            path=turn.path,
            seal=turn.seal,
            go_on=go_on_with(turns),
            forget=forget_new(turns),
        )
        show(screen, questionnaire, [sheet], said_afraid=[said_afraid])
        saved = sealing_text.SEALED_IN if turn.sealed else quiz_text.SAVED_IN
        screen.print()
        say_whole_words(screen, _(saved, path=plain(turn.path)))


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
            language=language.current(),
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
            typed = read_line(screen, prompt)
        except EOFError:
            fail(_(quiz_text.NO_NAME_GIVEN))
        except KeyboardInterrupt as stop:
            screen.print()
            calm_stop(_(quiz_text.STOPPED_BEFORE_ANSWERS), code=interrupted_code(stop))
        try:
            return checked_name(typed)
        except UsageError as error:  # ask again rather than stop
            screen.print(f"  {_(quiz_text.TRY_AGAIN, problem=plain(error.message))}")
