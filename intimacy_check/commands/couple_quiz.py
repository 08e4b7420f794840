"""A couple at one computer: each partner answers in turn, in private, then both see
their comparison."""

from __future__ import annotations

import shlex
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

from rich.console import Console

from intimacy_check.answers import COMPLETED, AnswerSheet
from intimacy_check.commands import PROG, fail
from intimacy_check.commands.answering import (
    Turn,
    begin,
    calm_stop,
    forget_new,
    go_on_with,
    interrupted_code,
    plain,
    save,
    say_whole_words,
    show,
    take_quiz,
)
from intimacy_check.commands.passphrases import Keyring
from intimacy_check.commands.prompt import read_line
from intimacy_check.couple import check_pair
from intimacy_check.errors import PassphraseError
from intimacy_check.messages import _
from intimacy_check.messages import quiz as quiz_text
from intimacy_check.messages import sealing as sealing_text
from intimacy_check.versions import Questionnaires

T = TypeVar("T")


def _hand_over(screen: Console, paths: list[Path], *, go_on: str, then: Callable[[], T]) -> T:
    """Between turns: `then` waits for Enter, or asks the next partner's passphrase. The
    answers so far are saved, so a stop here says where, and how to go on (`go_on`: the
    couple resume, or the comparison)."""
    try:
        return then()
    except PassphraseError as error:  # none typed, or a sealed file that would not open
        files = " ".join(str(path) for path in paths)
        fail(
            _(sealing_text.PROBLEM_AT_HAND_OVER, problem=error.message, files=files, command=go_on)
        )
    except KeyboardInterrupt as stop:
        screen.print()
        files = " ".join(str(path) for path in paths)
        stopped = _(quiz_text.STOPPED_CALMLY_AT_HAND_OVER, files=files, command=go_on)
        calm_stop(stopped, code=interrupted_code(stop))
    except EOFError:
        screen.print()
        files = " ".join(str(path) for path in paths)
        fail(_(quiz_text.STOPPED_AT_HAND_OVER, files=files, command=go_on), code=1)


def couple_quiz(
    screen: Console,
    questionnaires: Questionnaires,
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
            _save_new(turn)
    if first.sheet is None:  # a sealed file to go on with: its owner opens it first
        begin(screen, first, keyring, questionnaires)
        _same_version(first, second)
    first_sheet = first.sheet
    assert first_sheet is not None
    if second.sheet is not None:
        _check_pair(first, second)
    if first_sheet.status != COMPLETED:
        screen.print("\n" + _intro(first_sheet, second.sheet))
    first_sheet, questionnaire = begin(
        screen, first, keyring, questionnaires, name=first_sheet.respondent
    )
    first_sheet, first_said = take_quiz(
        screen,
        questionnaire,
        first_sheet,
        path=first.path,
        seal=first.seal,
        go_on=go_on_with(turns),
        private=True,
        forget=forget_new(turns),
    )
    screen.print(_(quiz_text.THANK_YOU, name=plain(first_sheet.respondent)))
    if second.sheet is None:
        screen.print(_(quiz_text.HAND_OVER_PARTNER))
        ready = _(quiz_text.READY_PROMPT_PARTNER)
    else:
        screen.print(_(quiz_text.HAND_OVER, name=plain(second.sheet.respondent)))
        ready = _(quiz_text.READY_PROMPT, name=plain(second.sheet.respondent))
    _hand_over(screen, [first.path], go_on=go_on_with(turns), then=lambda: read_line(screen, ready))
    second_sheet = _hand_over(
        screen,
        [first.path],
        go_on=go_on_with(turns),
        then=lambda: begin(
            screen, second, keyring, questionnaires, name=_name(second), first=False
        ),
    )[0]
    if second.content:
        _check_pair(first, second)  # opened only now
    second_sheet, second_said = take_quiz(
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
        then=lambda: read_line(screen, _(quiz_text.COMPARISON_PROMPT)),
    )
    show(screen, questionnaire, [first_sheet, second_sheet], said_afraid=[first_said, second_said])
    sealed = first.sealed or second.sealed
    saved = sealing_text.BOTH_SEALED_IN if sealed else quiz_text.BOTH_SAVED_IN
    screen.print()
    say_whole_words(screen, _(saved, first=plain(first.path), second=plain(second.path)))


def _save_new(turn: Turn) -> None:
    assert turn.sheet is not None and turn.questionnaire is not None
    save(turn.path, turn.sheet, turn.questionnaire)
    turn.written = True


def _same_version(first: Turn, second: Turn) -> None:
    """A new partner answers the version of the file the first goes on with, known only
    once that sealed file is open, so that the two can be compared."""
    assert first.sheet is not None and first.questionnaire is not None
    if not second.new or second.questionnaire is first.questionnaire:
        return
    assert second.sheet is not None  # a new turn has its sheet from the start
    second.sheet = replace(
        second.sheet,
        questionnaire_id=first.sheet.questionnaire_id,
        questionnaire_version=first.sheet.questionnaire_version,
    )
    second.questionnaire = first.questionnaire
    if second.written:  # a plain file, written at the start with no answers yet
        _save_new(second)


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
