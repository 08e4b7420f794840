"""The quiz as a small state machine: what a key press means and where the quiz goes next.

The CLI owns the prompt and the screen; this module only decides.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum

from intimacy_check.answers import AnswerSheet
from intimacy_check.messages import quiz as quiz_text


class Action(Enum):
    RATE = "rate"
    KEEP = "keep"  # a bare Enter: the earlier answer stays, where there is one
    BACK = "back"
    SKIP = "skip"
    QUIT = "quit"
    HELP = "help"
    INVALID = "invalid"


@dataclass(frozen=True)
class Command:
    action: Action
    rating: int | None = None


# Each key's meaning is a catalogue entry, translated where the help is shown.
KEYS_HELP = (
    ("1-5", quiz_text.KEY_RATE),
    ("Enter", quiz_text.KEY_KEEP),
    ("b", quiz_text.KEY_BACK),
    ("s", quiz_text.KEY_SKIP),
    ("q", quiz_text.KEY_QUIT),
    ("?", quiz_text.KEY_HELP),
)


def parse_key(text: str) -> Command:
    """Interpret one line typed (or piped) at the quiz prompt."""
    key = text.strip().lower()
    if key in {"1", "2", "3", "4", "5"}:
        return Command(Action.RATE, int(key))
    if not key:
        return Command(Action.KEEP)
    return Command(
        {"b": Action.BACK, "s": Action.SKIP, "q": Action.QUIT, "?": Action.HELP}.get(
            key, Action.INVALID
        )
    )


@dataclass(frozen=True)
class QuizState:
    """Where the quiz is: the statements in order, the answers so far, and the current one."""

    order: tuple[str, ...]
    sheet: AnswerSheet
    position: int

    @property
    def finished(self) -> bool:
        return self.position >= len(self.order)

    @property
    def current(self) -> str:
        return self.order[self.position]

    @property
    def answered(self) -> int:
        """How many statements have an answer or a skip."""
        return sum(sign_id in self.sheet.answers for sign_id in self.order)

    def can_keep(self) -> bool:
        """Whether the current statement has an earlier answer (or skip) to keep."""
        return self.current in self.sheet.answers


def start(order: tuple[str, ...], sheet: AnswerSheet) -> QuizState:
    """Begin, or resume at the first statement not reached yet."""
    position = next(
        (number for number, sign_id in enumerate(order) if sign_id not in sheet.answers),
        len(order),
    )
    return QuizState(order=order, sheet=sheet, position=position)


def advance(state: QuizState, command: Command) -> QuizState:
    """The state after a rate, skip, keep or back command; other commands leave it as it is."""
    if command.action is Action.BACK:
        return replace(state, position=max(state.position - 1, 0))
    if command.action is Action.KEEP:
        return replace(state, position=state.position + 1) if state.can_keep() else state
    if command.action is Action.RATE:
        sheet = state.sheet.with_answer(state.current, command.rating)
    elif command.action is Action.SKIP:
        sheet = state.sheet.with_answer(state.current, None)
    else:
        return state
    return replace(state, sheet=sheet, position=state.position + 1)
