"""Scoring: hand-computed tables for scores, bands, flags and step ranking, plus properties."""

from __future__ import annotations

import pytest
from helpers import Pointing, all_sign_ids, make_sheet, ratings_for, uniform
from hypothesis import given, settings
from hypothesis import strategies as st

from intimacy_check.questionnaire import ABSENCE, PRESENCE
from intimacy_check.scoring import (
    Flag,
    assess,
    flag_for,
    flag_weight,
    rank_steps,
    sign_score,
)

# --- one statement ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("section", "rating", "expected"),
    [
        # presence: (r - 1) / 4
        (PRESENCE, 1, 0.0),
        (PRESENCE, 2, 0.25),
        (PRESENCE, 3, 0.5),
        (PRESENCE, 4, 0.75),
        (PRESENCE, 5, 1.0),
        # absence: (5 - r) / 4
        (ABSENCE, 1, 1.0),
        (ABSENCE, 2, 0.75),
        (ABSENCE, 3, 0.5),
        (ABSENCE, 4, 0.25),
        (ABSENCE, 5, 0.0),
    ],
)
def test_sign_score(section: str, rating: int, expected: float) -> None:
    assert sign_score(Pointing(section), rating) == expected


@pytest.mark.parametrize(
    ("section", "rating", "flag", "weight"),
    [
        (PRESENCE, 1, Flag.GROWTH, 2),  # 3 - 1
        (PRESENCE, 2, Flag.GROWTH, 1),  # 3 - 2
        (PRESENCE, 3, Flag.NEUTRAL, 0),
        (PRESENCE, 4, Flag.STRENGTH, 0),
        (PRESENCE, 5, Flag.STRENGTH, 0),
        (PRESENCE, None, Flag.SKIPPED, 0),
        (ABSENCE, 1, Flag.STRENGTH, 0),
        (ABSENCE, 2, Flag.STRENGTH, 0),
        (ABSENCE, 3, Flag.NEUTRAL, 0),
        (ABSENCE, 4, Flag.WARNING, 1),  # 4 - 3
        (ABSENCE, 5, Flag.WARNING, 2),  # 5 - 3
        (ABSENCE, None, Flag.SKIPPED, 0),
    ],
)
def test_flag_and_weight(section: str, rating: int | None, flag: Flag, weight: int) -> None:
    assert flag_for(Pointing(section), rating) is flag
    assert flag_weight(Pointing(section), rating) == weight


# --- one respondent -----------------------------------------------------------------------


def _without(ratings: dict[str, int | None], *sign_ids: str) -> dict[str, int | None]:
    return {key: value for key, value in ratings.items() if key not in sign_ids}


CASES = {
    # every statement scores 1: 100 * 10/10 in each section, 100 * 20/20 overall
    "best": (ratings_for([5] * 10, [1] * 10), 100.0, 100.0, 100.0, "deeply-connected"),
    # every statement scores 0.5
    "all-3": (uniform(3), 50.0, 50.0, 50.0, "finding-your-way"),
    # every statement scores 0
    "worst": (ratings_for([1] * 10, [5] * 10), 0.0, 0.0, 0.0, "needs-care"),
    # presence scores 1 each, absence 0 each: index 100 * 10/20
    "agree-with-everything": (uniform(5), 100.0, 0.0, 50.0, "finding-your-way"),
    # presence (r-1)/4: 1+.75+.75+.5+.5+.25+1+.75+0+.5 = 6.0  -> 60
    # absence (5-r)/4:  1+.75+.75+.5+.25+1+.75+0+.5+1 = 6.5  -> 65
    # index 100 * (6.0 + 6.5) / 20 = 62.5
    "mix": (
        ratings_for([5, 4, 4, 3, 3, 2, 5, 4, 1, 3], [1, 2, 2, 3, 4, 1, 2, 5, 3, 1]),
        60.0,
        65.0,
        62.5,
        "close-with-room-to-grow",
    ),
    # presence: 8 answered, 6 * 1 + 2 * 0 = 6 -> 100 * 6/8 = 75
    # absence: 10 * 1 = 10 -> 100; index 100 * 16/18 = 88.88...
    "eight-answered": (
        ratings_for([5, 5, 5, 5, 5, 5, 1, 1, None, None], [1] * 10),
        75.0,
        100.0,
        1600 / 18,
        "deeply-connected",
    ),
    # presence: only 7 answered -> no section score, so no index and no band
    "seven-answered": (
        ratings_for([5, 5, 5, 5, 5, 5, 5, None, None, None], [1] * 10),
        None,
        100.0,
        None,
        None,
    ),
    # both sections at 7 answered
    "seven-and-seven": (
        ratings_for([4] * 7 + [None] * 3, [2] * 7 + [None] * 3),
        None,
        None,
        None,
        None,
    ),
    # 100 * (10 + 6) / 20 = 80 exactly: the lowest index of the top band
    "index-80": (
        ratings_for([5] * 10, [1, 1, 1, 1, 1, 1, 5, 5, 5, 5]),
        100.0,
        60.0,
        80.0,
        "deeply-connected",
    ),
    # presence 9 answered, all 1 -> 100; absence 9 answered: 5*1 + .25 + 3*0 = 5.25 -> 58.33...
    # index 100 * (9 + 5.25) / 18 = 79.166...: just below the top band
    "index-79": (
        ratings_for([5] * 9 + [None], [1, 1, 1, 1, 1, 4, 5, 5, 5, None]),
        100.0,
        525 / 9,
        1425 / 18,
        "close-with-room-to-grow",
    ),
    # presence 10 * .5 = 5; absence 7 * 1 + 3 * 0 = 7; index 100 * 12/20 = 60
    "index-60": (
        ratings_for([3] * 10, [1] * 7 + [5] * 3),
        50.0,
        70.0,
        60.0,
        "close-with-room-to-grow",
    ),
    # care-for-needs skipped (None) and trust never reached (no key) count alike:
    # presence 8 answered: 8 * .5 = 4 -> 50; absence 4 * 1 + 6 * .5 = 7 -> 70
    # index 100 * 11/18 = 61.1...
    "skips-and-unreached": (
        _without(ratings_for([None] + [3] * 9, [1] * 4 + [3] * 6), "trust"),
        50.0,
        70.0,
        1100 / 18,
        "close-with-room-to-grow",
    ),
}


@pytest.mark.parametrize(
    ("ratings", "presence", "absence", "index", "band"), CASES.values(), ids=CASES.keys()
)
def test_assess_scores(questionnaire, ratings, presence, absence, index, band) -> None:
    result = assess(questionnaire, make_sheet(ratings))
    assert result.sections[PRESENCE] == pytest.approx(presence)
    assert result.sections[ABSENCE] == pytest.approx(absence)
    assert result.index == pytest.approx(index)
    assert (result.band.id if result.band else None) == band


@pytest.mark.parametrize(
    ("index", "band"),
    [
        (100, "deeply-connected"),
        (80, "deeply-connected"),
        (79.99, "close-with-room-to-grow"),
        (60, "close-with-room-to-grow"),
        (59.99, "finding-your-way"),
        (40, "finding-your-way"),
        (39.99, "needs-care"),
        (0, "needs-care"),
    ],
)
def test_band_edges(questionnaire, index: float, band: str) -> None:
    assert questionnaire.band_for(index).id == band


def test_no_band_without_index(questionnaire) -> None:
    assert questionnaire.band_for(None) is None


def test_assess_flags_each_statement(questionnaire) -> None:
    ratings = ratings_for([5, 4, 3, 2, 1, None, 3, 3, 3, 3], [1, 2, 3, 4, 5, None, 3, 3, 3, 3])
    result = assess(questionnaire, make_sheet(ratings))
    assert [item.sign.id for item in result.signs] == list(all_sign_ids())
    assert [item.flag for item in result.signs[:6]] == [
        Flag.STRENGTH,
        Flag.STRENGTH,
        Flag.NEUTRAL,
        Flag.GROWTH,
        Flag.GROWTH,
        Flag.SKIPPED,
    ]
    assert [item.flag for item in result.signs[10:16]] == [
        Flag.STRENGTH,
        Flag.STRENGTH,
        Flag.NEUTRAL,
        Flag.WARNING,
        Flag.WARNING,
        Flag.SKIPPED,
    ]
    assert [item.sign.id for item in result.with_flag(Flag.WARNING)] == [
        "holding-grudges",
        "emotions-unshared",
    ]


# --- ranking steps ------------------------------------------------------------------------


def _ranking(questionnaire, *rating_sets):
    assessments = [assess(questionnaire, make_sheet(ratings)) for ratings in rating_sets]
    return [
        (ranked.step.id, ranked.need, ranked.addresses, ranked.needs_by_person)
        for ranked in rank_steps(questionnaire, assessments)
    ]


def test_rank_steps_one_growth_statement(questionnaire) -> None:
    # trust rated 1 is growth with weight 3 - 1 = 2 for each of its four steps;
    # all needs tie, so the steps keep data order (restore steps before build steps).
    ratings = {**uniform(3), "trust": 1}
    assert _ranking(questionnaire, ratings) == [
        ("change-behavior", 2, ("trust",), (2,)),
        ("apologize-for-mistakes", 2, ("trust",), (2,)),
        ("be-vulnerable", 2, ("trust",), (2,)),
        ("safe-zone", 2, ("trust",), (2,)),
    ]


def test_rank_steps_sums_weights_and_orders_by_need(questionnaire) -> None:
    # trust 1 (growth 2): safe-zone, apologize-for-mistakes, change-behavior, be-vulnerable
    # vulnerability 2 (growth 1): be-vulnerable, safe-zone, listen-to-understand, intimacy-exercises
    # lack-of-trust 5 (warning 2): assess-situation, change-behavior, apologize-for-mistakes,
    #                              accept-change, go-slow
    ratings = {**uniform(3), "trust": 1, "vulnerability": 2, "lack-of-trust": 5}
    assert _ranking(questionnaire, ratings) == [
        ("change-behavior", 4, ("trust", "lack-of-trust"), (4,)),  # 2 + 2
        ("apologize-for-mistakes", 4, ("trust", "lack-of-trust"), (4,)),  # 2 + 2
        ("be-vulnerable", 3, ("trust", "vulnerability"), (3,)),  # 2 + 1
        ("safe-zone", 3, ("trust", "vulnerability"), (3,)),  # 2 + 1
        ("assess-situation", 2, ("lack-of-trust",), (2,)),
        ("accept-change", 2, ("lack-of-trust",), (2,)),
        ("go-slow", 2, ("lack-of-trust",), (2,)),
        ("intimacy-exercises", 1, ("vulnerability",), (1,)),
        ("listen-to-understand", 1, ("vulnerability",), (1,)),
    ]


@pytest.mark.parametrize(
    "ratings",
    [
        uniform(3),
        ratings_for([5] * 10, [1] * 10),
        ratings_for([4] * 10, [2] * 10),
        uniform(None),
    ],
    ids=["neutral", "strengths", "mild-strengths", "all-skipped"],
)
def test_rank_steps_nothing_flagged(questionnaire, ratings) -> None:
    assert _ranking(questionnaire, ratings) == []


def test_rank_steps_two_people(questionnaire) -> None:
    # Alex: trust 1 (growth 2). Sam: lack-of-trust 4 (warning 4 - 3 = 1).
    alex = {**uniform(3), "trust": 1}
    sam = {**uniform(3), "lack-of-trust": 4}
    assert _ranking(questionnaire, alex, sam) == [
        ("change-behavior", 3, ("trust", "lack-of-trust"), (2, 1)),
        ("apologize-for-mistakes", 3, ("trust", "lack-of-trust"), (2, 1)),
        ("be-vulnerable", 2, ("trust",), (2, 0)),
        ("safe-zone", 2, ("trust",), (2, 0)),
        ("assess-situation", 1, ("lack-of-trust",), (0, 1)),
        ("accept-change", 1, ("lack-of-trust",), (0, 1)),
        ("go-slow", 1, ("lack-of-trust",), (0, 1)),
    ]


def test_rank_steps_lists_a_statement_once_for_two_people(questionnaire) -> None:
    # both rate trust 1 and 2: needs (3-1) and (3-2), one address
    alex = {**uniform(3), "trust": 1}
    sam = {**uniform(3), "trust": 2}
    ranking = _ranking(questionnaire, alex, sam)
    assert ranking[0] == ("change-behavior", 3, ("trust",), (2, 1))
    assert {entry[2] for entry in ranking} == {("trust",)}


# --- properties ---------------------------------------------------------------------------

RATING = st.sampled_from([1, 2, 3, 4, 5])
MAYBE_RATING = st.one_of(st.none(), RATING)
ANY_RATINGS = st.lists(MAYBE_RATING, min_size=20, max_size=20)


@st.composite
def complete_ratings(draw) -> list[int | None]:
    """Ratings with at least 8 answered in each section, so every score exists."""
    sections = []
    for _ in range(2):
        answered = draw(st.lists(RATING, min_size=8, max_size=10))
        skipped = [None] * (10 - len(answered))
        sections.append(draw(st.permutations(answered + skipped)))
    return sections[0] + sections[1]


def _sheet(values):
    return make_sheet(dict(zip(all_sign_ids(), values, strict=True)))


@settings(deadline=None)
@given(values=ANY_RATINGS)
def test_scores_stay_within_bounds(questionnaire, values) -> None:
    result = assess(questionnaire, _sheet(values))
    for section, part in ((PRESENCE, values[:10]), (ABSENCE, values[10:])):
        answered = sum(value is not None for value in part)
        score = result.sections[section]
        assert (score is None) == (answered < 8)
        assert score is None or 0 <= score <= 100
    complete = None not in result.sections.values()
    assert (result.index is not None) == complete
    if complete:
        low, high = sorted(result.sections.values())
        assert low - 1e-9 <= result.index <= high + 1e-9
        assert 0 <= result.index <= 100


@settings(deadline=None)
@given(values=complete_ratings(), data=st.data())
def test_improving_one_answer_never_lowers_the_index(questionnaire, values, data) -> None:
    improvable = [
        position
        for position, value in enumerate(values)
        if value is not None and (value < 5 if position < 10 else value > 1)
    ]
    if not improvable:
        return
    position = data.draw(st.sampled_from(improvable))
    better = list(values)
    better[position] += 1 if position < 10 else -1
    before = assess(questionnaire, _sheet(values)).index
    after = assess(questionnaire, _sheet(better)).index
    assert after > before


@settings(deadline=None)
@given(people=st.lists(ANY_RATINGS, min_size=1, max_size=2))
def test_rank_steps_needs_positive_and_descending(questionnaire, people) -> None:
    assessments = [assess(questionnaire, _sheet(values)) for values in people]
    ranked = rank_steps(questionnaire, assessments)
    needs = [step.need for step in ranked]
    assert all(need > 0 for need in needs)
    assert needs == sorted(needs, reverse=True)
    data_order = [step.id for step in questionnaire.steps]
    for first, second in zip(ranked, ranked[1:], strict=False):
        if first.need == second.need:
            assert data_order.index(first.step.id) < data_order.index(second.step.id)
    for step in ranked:
        assert len(step.needs_by_person) == len(people)
        assert step.need == sum(step.needs_by_person)


@settings(deadline=None)
@given(first=ANY_RATINGS, second=ANY_RATINGS)
def test_rank_steps_is_symmetric_in_the_two_people(questionnaire, first, second) -> None:
    one = assess(questionnaire, _sheet(first))
    two = assess(questionnaire, _sheet(second))
    forward = rank_steps(questionnaire, [one, two])
    backward = rank_steps(questionnaire, [two, one])
    assert [(s.step.id, s.need, s.addresses) for s in forward] == [
        (s.step.id, s.need, s.addresses) for s in backward
    ]
    assert [s.needs_by_person for s in forward] == [s.needs_by_person[::-1] for s in backward]
