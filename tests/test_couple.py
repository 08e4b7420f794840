"""The couple comparison: categories, agreement, sections, imbalance, symmetry, refusals."""

from __future__ import annotations

from datetime import datetime, timezone
from types import MappingProxyType

import pytest
from helpers import Pointing
from hypothesis import given
from hypothesis import strategies as st

from intimacy_check.answers import AnswerSheet
from intimacy_check.couple import (
    Category,
    SectionView,
    categorize,
    check_pair,
    compare,
    compare_section,
)
from intimacy_check.errors import CompareError
from intimacy_check.inert import inert
from intimacy_check.questionnaire import Questionnaire, load_questionnaire
from intimacy_check.scoring import assess, rank_steps

WHEN = datetime(2026, 11, 20, 19, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def shipped() -> Questionnaire:
    return load_questionnaire()


def sheet(
    questionnaire: Questionnaire,
    ratings: list[int | None],
    *,
    name: str = "Alex",
    status: str = "completed",
) -> AnswerSheet:
    ids = [sign.id for sign in questionnaire.signs]
    return AnswerSheet(
        respondent=name,
        questionnaire_id=questionnaire.id,
        questionnaire_version=questionnaire.version,
        started_at=WHEN,
        status=status,
        completed_at=WHEN if status == "completed" else None,
        answers=MappingProxyType(dict(zip(ids, ratings, strict=True))),
    )


@pytest.mark.parametrize(
    ("section", "first", "second", "expected"),
    [
        ("presence", 4, 5, Category.SHARED_STRENGTH),
        ("presence", 5, 5, Category.SHARED_STRENGTH),
        ("presence", 1, 2, Category.SHARED_GROWTH),
        ("presence", 4, 2, Category.GAP),  # positive against negative
        ("presence", 1, 3, Category.GAP),  # two points apart
        ("presence", 3, 5, Category.GAP),  # two points apart, one neutral
        ("presence", 3, 4, Category.MIXED),
        ("presence", 2, 3, Category.MIXED),
        ("presence", 3, 3, Category.MIXED),
        ("presence", None, 4, Category.SKIPPED),
        ("presence", 4, None, Category.SKIPPED),
        ("absence", 1, 2, Category.SHARED_STRENGTH),  # low warning ratings are positive
        ("absence", 4, 5, Category.SHARED_GROWTH),
        ("absence", 2, 4, Category.GAP),
        ("absence", 3, 4, Category.MIXED),
        ("absence", 1, 3, Category.GAP),
    ],
)
def test_categories(
    section: str, first: int | None, second: int | None, expected: Category
) -> None:
    assert categorize(Pointing(section), first, second) is expected
    assert categorize(Pointing(section), second, first) is expected


def test_agreement_counts_only_shared_strengths_among_statements_both_rated(
    shipped: Questionnaire,
) -> None:
    # Presence: 4 shared strengths (4/4), 2 shared growth (1/1), 4 skipped by Sam.
    # Absence: 5 shared strengths (1/2), 5 gaps (1/5). Both rated 16; agreement 9/16.
    alex = sheet(shipped, [4, 4, 4, 4, 1, 1, 4, 4, 4, 4] + [1] * 5 + [1] * 5, name="Alex")
    sam = sheet(shipped, [4, 4, 4, 4, 1, 1, None, None, None, None] + [2] * 5 + [5] * 5, name="Sam")
    result = compare(shipped, assess(shipped, alex), assess(shipped, sam))
    counts = {category: len(result.in_category(category)) for category in Category}
    assert counts == {
        Category.SHARED_STRENGTH: 9,
        Category.SHARED_GROWTH: 2,
        Category.SKIPPED: 4,
        Category.GAP: 5,
        Category.MIXED: 0,
    }
    assert result.agreement == pytest.approx(100 * 9 / 16)


def test_two_people_who_both_rate_everything_low_agree_on_nothing(shipped: Questionnaire) -> None:
    low = [1] * 10 + [5] * 10
    result = compare(
        shipped,
        assess(shipped, sheet(shipped, low, name="A")),
        assess(shipped, sheet(shipped, low, name="B")),
    )
    assert result.agreement == 0
    assert len(result.in_category(Category.SHARED_GROWTH)) == 20


@pytest.mark.parametrize(
    ("first", "second", "view", "closer"),
    [
        (None, 80.0, SectionView.INCOMPLETE, None),
        (90.0, 60.0, SectionView.DIFFERENT, 0),
        (40.0, 65.0, SectionView.DIFFERENT, 1),
        (80.0, 75.0, SectionView.BOTH_STRONG, None),
        (40.0, 45.0, SectionView.BOTH_LOW, None),
        (60.0, 69.5, SectionView.SIMILAR, None),  # 9.5 apart: much the same
        (60.0, 70.0, SectionView.SOMEWHAT_DIFFERENT, 1),  # 10 apart: somewhat higher
        (72.5, 60.0, SectionView.SOMEWHAT_DIFFERENT, 0),
        (50.0, 74.0, SectionView.SOMEWHAT_DIFFERENT, 1),  # 24 apart: just under "much"
        (50.0, 75.0, SectionView.DIFFERENT, 1),  # 25 apart: on the line
    ],
)
def test_section_views(
    first: float | None, second: float | None, view: SectionView, closer: int | None
) -> None:
    result = compare_section("presence", first, second)
    assert (result.view, result.closer) == (view, closer)


def test_examples_show_uneven_sharing_flagged_by_sam(shipped: Questionnaire) -> None:
    from pathlib import Path

    from intimacy_check.answers import read_answer_sheet

    examples = Path(__file__).resolve().parent.parent / "examples"
    alex = assess(shipped, read_answer_sheet(examples / "alex.yaml"))
    sam = assess(shipped, read_answer_sheet(examples / "sam.yaml"))
    result = compare(shipped, alex, sam)
    assert result.imbalance is not None
    assert result.imbalance.flagged_by == (1,)  # Sam rated uneven-sharing 4
    assert result.imbalance.less_open is None


def test_much_lower_sharing_ratings_are_an_imbalance(shipped: Questionnaire) -> None:
    open_ratings = [3] * 8 + [5, 3] + [3] * 4 + [1, 3, 3, 3, 1, 2]
    closed_ratings = [3] * 8 + [1, 3] + [3] * 4 + [5, 3, 3, 3, 5, 2]
    result = compare(
        shipped,
        assess(shipped, sheet(shipped, open_ratings, name="A")),
        assess(shipped, sheet(shipped, closed_ratings, name="B")),
    )
    assert result.imbalance is not None
    assert result.imbalance.less_open == 1
    assert result.imbalance.flagged_by == ()


def test_no_imbalance_when_sharing_is_rated_alike(shipped: Questionnaire) -> None:
    ratings = [4] * 10 + [2] * 10
    result = compare(
        shipped,
        assess(shipped, sheet(shipped, ratings, name="A")),
        assess(shipped, sheet(shipped, ratings, name="B")),
    )
    assert result.imbalance is None


ratings_strategy = st.lists(st.one_of(st.none(), st.integers(1, 5)), min_size=20, max_size=20)


@given(first=ratings_strategy, second=ratings_strategy)
def test_compare_mirrors_when_partners_swap(
    first: list[int | None], second: list[int | None]
) -> None:
    shipped = load_questionnaire()
    a = assess(shipped, sheet(shipped, first, name="A"))
    b = assess(shipped, sheet(shipped, second, name="B"))
    forward, backward = compare(shipped, a, b), compare(shipped, b, a)
    assert forward.agreement == backward.agreement
    for there, back in zip(forward.signs, backward.signs, strict=True):
        assert there.ratings == back.ratings[::-1]
        assert there.category is back.category
    for there, back in zip(forward.sections, backward.sections, strict=True):
        assert there.scores == back.scores[::-1]
        assert there.view is back.view
        assert there.closer == (None if back.closer is None else 1 - back.closer)
    if forward.imbalance is None:
        assert backward.imbalance is None
    else:
        assert backward.imbalance is not None
        assert sorted(forward.imbalance.flagged_by) == sorted(
            1 - person for person in backward.imbalance.flagged_by
        )
    steps_forward = rank_steps(shipped, [a, b])
    steps_backward = rank_steps(shipped, [b, a])
    assert [(s.step.id, s.need, s.needs_by_person) for s in steps_forward] == [
        (s.step.id, s.need, s.needs_by_person[::-1]) for s in steps_backward
    ]


@given(ratings=st.lists(st.integers(1, 5), min_size=20, max_size=20))
def test_identical_completed_answers_have_no_gap(ratings: list[int]) -> None:
    shipped = load_questionnaire()
    result = compare(
        shipped,
        assess(shipped, sheet(shipped, ratings, name="A")),
        assess(shipped, sheet(shipped, ratings, name="B")),
    )
    assert not result.in_category(Category.GAP)
    assert not result.in_category(Category.SKIPPED)


def test_couple_need_is_the_sum_of_both_needs(shipped: Questionnaire) -> None:
    neutral = [3] * 20
    alex_ratings = [1] + [3] * 19  # care-for-needs at 1: growth weight 2
    sam_ratings = [2] + [3] * 19  # care-for-needs at 2: growth weight 1
    a = assess(shipped, sheet(shipped, alex_ratings, name="A"))
    b = assess(shipped, sheet(shipped, sam_ratings, name="B"))
    steps = rank_steps(shipped, [a, b])
    care = shipped.sign("care-for-needs")
    assert [ranked.step.id for ranked in steps] == [
        step.id for step in shipped.steps if step.id in care.steps
    ]
    assert {ranked.need for ranked in steps} == {3}
    assert {ranked.needs_by_person for ranked in steps} == {(2, 1)}
    assert rank_steps(shipped, [assess(shipped, sheet(shipped, neutral))]) == ()


# --- refusals ----------------------------------------------------------------------------


def test_an_unfinished_partner_is_named(shipped: Questionnaire) -> None:
    alex = sheet(shipped, [4] * 20, name="Alex")
    sam = sheet(shipped, [4] * 20, name="Sam", status="in-progress")
    with pytest.raises(CompareError, match=r"^Sam has not finished the quiz yet \(b.yaml\)"):
        check_pair(alex, sam, sources=("a.yaml", "b.yaml"), same_file=False, allow_incomplete=False)
    check_pair(alex, sam, sources=("a.yaml", "b.yaml"), same_file=False, allow_incomplete=True)


def test_the_same_file_twice_is_questioned(shipped: Questionnaire) -> None:
    alex = sheet(shipped, [4] * 20, name="Alex")
    with pytest.raises(CompareError, match="a.yaml was given twice; did you mean"):
        check_pair(alex, alex, sources=("a.yaml", "a.yaml"), same_file=True, allow_incomplete=False)


def test_the_same_name_twice_is_questioned(shipped: Questionnaire) -> None:
    alex = sheet(shipped, [4] * 20, name="Alex")
    other = sheet(shipped, [2] * 20, name="alex")
    with pytest.raises(CompareError, match="answers of 'Alex'; did you mean to compare two"):
        check_pair(
            alex, other, sources=("a.yaml", "b.yaml"), same_file=False, allow_incomplete=False
        )


def test_different_questionnaires_are_named(shipped: Questionnaire) -> None:
    from dataclasses import replace

    alex = replace(sheet(shipped, [4] * 20, name="Alex"), questionnaire_version=1)
    sam = replace(sheet(shipped, [4] * 20, name="Sam"), questionnaire_id="love-languages")
    with pytest.raises(CompareError) as caught:
        check_pair(alex, sam, sources=("a.yaml", "b.yaml"), same_file=False, allow_incomplete=False)
    assert caught.value.message == (
        "a.yaml is for questionnaire 'emotional-intimacy' version 1, but b.yaml is for "
        f"'love-languages' version {shipped.version}; only answers to the same questionnaire "
        "can be compared"
    )


def test_two_versions_of_the_questionnaire_are_not_compared(shipped: Questionnaire) -> None:
    from dataclasses import replace

    alex = replace(sheet(shipped, [4] * 20, name="Alex"), questionnaire_version=1)
    sam = replace(sheet(shipped, [4] * 20, name="Sam"), questionnaire_version=2)
    with pytest.raises(CompareError) as caught:
        check_pair(alex, sam, sources=("a.yaml", "b.yaml"), same_file=False, allow_incomplete=False)
    assert caught.value.message == (
        "a.yaml answers version 1 of the questionnaire and b.yaml version 2; the statements "
        "changed between versions, so they cannot be compared one by one. To compare, both of "
        "you can take the quiz again: intimacy-check quiz --couple"
    )


# --- names equal once cleaned are one person -----------------------------------------------


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Sam", "Sam"),
        ("Sam", "sam"),
        ("Sam", "S\u202eam"),  # a bidi override inside
        ("Sam", " \x1bSam\t"),  # a control character and spaces around it
        ("Sam Lee", "Sam\u2066  Lee"),  # two spaces once the isolate is gone
    ],
    ids=["same", "case", "bidi", "control-and-spaces", "inner-spaces"],
)
def test_names_equal_once_cleaned_are_one_person(
    shipped: Questionnaire, first: str, second: str
) -> None:
    with pytest.raises(CompareError) as caught:
        check_pair(
            sheet(shipped, [3] * 20, name=first),
            sheet(shipped, [3] * 20, name=second),
            sources=("a.yaml", "b.yaml"),
            same_file=False,
            allow_incomplete=False,
        )
    assert caught.value.message == (
        f"both a.yaml and b.yaml are answers of {first!r}; "
        "did you mean to compare two different people?"
    )


def test_names_that_differ_once_cleaned_may_be_compared(shipped: Questionnaire) -> None:
    assert (
        check_pair(
            sheet(shipped, [3] * 20, name="Sam\u202e"),
            sheet(shipped, [3] * 20, name="Samuel"),
            sources=("a.yaml", "b.yaml"),
            same_file=False,
            allow_incomplete=False,
        )
        is None
    )


@pytest.mark.skipif(inert("\u200b") != "", reason="inert does not remove zero-width characters")
def test_a_zero_width_character_does_not_make_another_person(shipped: Questionnaire) -> None:
    with pytest.raises(CompareError, match="are answers of 'Sam'"):
        check_pair(
            sheet(shipped, [3] * 20, name="Sam"),
            sheet(shipped, [3] * 20, name="Sa\u200bm\ufeff"),
            sources=("a.yaml", "b.yaml"),
            same_file=False,
            allow_incomplete=False,
        )
