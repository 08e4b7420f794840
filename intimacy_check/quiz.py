"""The quiz as a small state machine: what a key press means and where the quiz goes next.

The CLI owns the prompt and the screen; this module only decides.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum
from types import MappingProxyType

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


# At the second question of a statement, b and s act on that question.
KEYS_HELP_IDEAL = tuple(
    (key, {"b": quiz_text.KEY_BACK_TO_RATING, "s": quiz_text.KEY_SKIP_WISH}.get(key, meaning))
    for key, meaning in KEYS_HELP
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
    """Where the quiz is: the statements in order, the answers so far, and the current one.

    With wished-for ratings (`sheet.ideal` is not None), each statement is two questions:
    its rating, then, once it is rated, how it is wished to be (`ideal` is True then).
    """

    order: tuple[str, ...]
    sheet: AnswerSheet
    position: int
    ideal: bool = False  # the current question is how the statement is wished to be

    @property
    def asks_ideal(self) -> bool:
        return self.sheet.ideal is not None

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

    @property
    def at_start(self) -> bool:
        """Whether there is nothing to go back to."""
        return self.position == 0 and not self.ideal

    @property
    def earlier(self) -> int | None:
        """The earlier answer to the current question, if it has one."""
        ratings = (self.sheet.ideal or {}) if self.ideal else self.sheet.answers
        return ratings.get(self.current)

    def can_keep(self) -> bool:
        """Whether the current question has an earlier answer (or skip) to keep."""
        if self.ideal:
            return self.current in (self.sheet.ideal or {})
        return self.current in self.sheet.answers

    def _after_rating(self, sheet: AnswerSheet) -> QuizState:
        """The next question once the current statement is rated, kept or skipped: how it
        is wished to be, where that is asked and the statement has a rating, or the next."""
        if not self.ideal and self.asks_ideal and sheet.answers.get(self.current) is not None:
            return replace(self, sheet=sheet, ideal=True)
        following = replace(self, sheet=sheet, position=self.position + 1, ideal=False)
        if following.finished or sheet.ideal is None:
            return following
        # A statement rated in an earlier run, before the quiz asked how each should be
        # (--ideal on resuming), is asked only that: its rating is there already.
        upcoming = following.current
        if sheet.answers.get(upcoming) is not None and upcoming not in sheet.ideal:
            return replace(following, ideal=True)
        return following


def start(order: tuple[str, ...], sheet: AnswerSheet) -> QuizState:
    """Begin, or resume at the first question not answered yet: a statement not reached,
    or, when wished-for ratings are asked, a rated statement not asked how it is wished."""
    wished = sheet.ideal
    for position, sign_id in enumerate(order):
        if sign_id not in sheet.answers:
            return QuizState(order=order, sheet=sheet, position=position)
        if wished is not None and sheet.answers[sign_id] is not None and sign_id not in wished:
            return QuizState(order=order, sheet=sheet, position=position, ideal=True)
    return QuizState(order=order, sheet=sheet, position=len(order))


def advance(state: QuizState, command: Command) -> QuizState:
    """The state after a rate, skip, keep or back command; other commands leave it as it is."""
    if command.action is Action.BACK:
        if state.ideal:  # back to the rating of the same statement
            return replace(state, ideal=False)
        if state.position == 0:
            return state
        previous = replace(state, position=state.position - 1, ideal=False)
        if state.asks_ideal and state.sheet.answers.get(previous.current) is not None:
            return replace(previous, ideal=True)  # its wished-for rating, asked last
        return previous
    if command.action is Action.KEEP:
        return state._after_rating(state.sheet) if state.can_keep() else state
    if command.action not in (Action.RATE, Action.SKIP):
        return state
    rating = command.rating if command.action is Action.RATE else None
    if state.ideal:
        return state._after_rating(state.sheet.with_ideal(state.current, rating))
    sheet = state.sheet.with_answer(state.current, rating)
    if rating is None and sheet.ideal and state.current in sheet.ideal:
        # A skipped statement has no wished-for rating either: it was asked after a rating.
        sheet = replace(
            sheet,
            ideal=MappingProxyType(
                {key: value for key, value in sheet.ideal.items() if key != state.current}
            ),
        )
    return state._after_rating(sheet)
