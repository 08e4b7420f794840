"""The quiz state machine, driven by scripted key presses with no terminal."""

from __future__ import annotations

from collections.abc import Iterable

import pytest
from helpers import all_sign_ids, make_sheet

from intimacy_check.answers import IN_PROGRESS
from intimacy_check.quiz import Action, Command, QuizState, advance, parse_key, start

ORDER = all_sign_ids()


@pytest.mark.parametrize(
    ("typed", "command"),
    [
        ("1", Command(Action.RATE, 1)),
        ("2", Command(Action.RATE, 2)),
        ("3", Command(Action.RATE, 3)),
        ("4", Command(Action.RATE, 4)),
        ("5", Command(Action.RATE, 5)),
        (" 4 ", Command(Action.RATE, 4)),
        ("4\n", Command(Action.RATE, 4)),
        ("b", Command(Action.BACK)),
        ("B", Command(Action.BACK)),
        ("s", Command(Action.SKIP)),
        ("S ", Command(Action.SKIP)),
        ("q", Command(Action.QUIT)),
        ("?", Command(Action.HELP)),
        ("", Command(Action.KEEP)),
        ("   ", Command(Action.KEEP)),
        ("x", Command(Action.INVALID)),
        ("0", Command(Action.INVALID)),
        ("6", Command(Action.INVALID)),
        ("45", Command(Action.INVALID)),
        ("4.0", Command(Action.INVALID)),
        ("back", Command(Action.INVALID)),
        ("\uff14", Command(Action.INVALID)),  # a full-width 4
    ],
)
def test_parse_key(typed: str, command: Command) -> None:
    assert parse_key(typed) == command


def _fresh() -> QuizState:
    return start(ORDER, make_sheet({}, status=IN_PROGRESS))


def _run(state: QuizState, keys: Iterable[str]) -> QuizState:
    for key in keys:
        state = advance(state, parse_key(key))
    return state


def test_start_at_the_first_statement() -> None:
    state = _fresh()
    assert state.position == 0
    assert state.current == "care-for-needs"
    assert not state.finished


def test_start_resumes_at_the_first_unanswered() -> None:
    # A skipped statement (None) has been reached, so it does not count as unanswered.
    sheet = make_sheet(
        {"care-for-needs": 4, "trust": None, "agree-to-disagree": 2}, status=IN_PROGRESS
    )
    state = start(ORDER, sheet)
    assert state.position == 2
    assert state.current == "active-listening"


def test_start_with_everything_answered_is_finished() -> None:
    state = start(ORDER, make_sheet(dict.fromkeys(ORDER, 3)))
    assert state.position == 20
    assert state.finished


def test_rate_records_and_moves_on() -> None:
    state = _run(_fresh(), ["4"])
    assert dict(state.sheet.answers) == {"care-for-needs": 4}
    assert state.position == 1
    assert state.current == "trust"


def test_skip_records_none_and_moves_on() -> None:
    state = _run(_fresh(), ["s"])
    assert dict(state.sheet.answers) == {"care-for-needs": None}
    assert state.position == 1


def test_back_keeps_answers() -> None:
    state = _run(_fresh(), ["5", "2", "b"])
    assert state.position == 1
    assert state.current == "trust"
    assert dict(state.sheet.answers) == {"care-for-needs": 5, "trust": 2}


def test_back_at_the_start_stays_at_the_start() -> None:
    state = _run(_fresh(), ["b", "b"])
    assert state.position == 0
    assert dict(state.sheet.answers) == {}


def test_rating_again_after_back_replaces_the_answer() -> None:
    state = _run(_fresh(), ["5", "2", "b", "b", "1"])
    assert dict(state.sheet.answers) == {"care-for-needs": 1, "trust": 2}
    assert state.position == 1


@pytest.mark.parametrize("key", ["q", "?", "x", "", "7"])
def test_other_keys_leave_the_state_unchanged(key: str) -> None:
    before = _run(_fresh(), ["3"])
    assert advance(before, parse_key(key)) == before


def test_advance_does_not_change_the_old_state() -> None:
    before = _fresh()
    advance(before, parse_key("4"))
    assert dict(before.sheet.answers) == {}
    assert before.position == 0


def test_full_scripted_run() -> None:
    keys = ["5", "4", "3", "2", "1"] * 4
    state = _run(_fresh(), keys)
    assert state.finished
    assert state.position == 20
    assert list(state.sheet.answers) == list(ORDER)
    assert list(state.sheet.answers.values()) == [5, 4, 3, 2, 1] * 4


def test_scripted_run_with_skips_backs_and_noise() -> None:
    keys = ["4", "s", "?", "b", "3", "x", "2"] + ["3"] * 17 + ["q"]
    state = _run(_fresh(), keys)
    assert state.finished
    answers = dict(state.sheet.answers)
    assert answers["care-for-needs"] == 4
    assert answers["trust"] == 3  # skipped, then gone back to and rated
    assert answers["active-listening"] == 2
    assert len(answers) == 20
    assert None not in answers.values()


def test_resume_and_finish() -> None:
    first = _run(_fresh(), ["4"] * 7 + ["q"])
    assert first.position == 7
    resumed = start(ORDER, first.sheet)
    assert resumed.current == ORDER[7]
    done = _run(resumed, ["2"] * 13)
    assert done.finished
    assert [done.sheet.answers[sign_id] for sign_id in ORDER] == [4] * 7 + [2] * 13
