"""The pure statistics: mean, SD, Cronbach's alpha, item-rest correlations and the reliable
change index, each against a hand computation shown beside it."""

from __future__ import annotations

import math
from datetime import datetime, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from intimacy_check.questionnaire import load_questionnaire
from intimacy_check.stats import (
    INDEX,
    STABLE_FROM,
    Missing,
    Reason,
    caseload_stats,
    cronbach_alpha,
    is_reliable,
    item_rest,
    mean,
    reliable_change_index,
    sample_sd,
    standard_error_of_difference,
)

# Four people, three statements. By hand:
#   each statement's ratings are 1..4 in some order: mean 2.5, sum of squares 5, variance 5/3
#   the totals are 4, 6, 9, 11: mean 7.5, sum of squares 12.25 + 2.25 + 2.25 + 12.25 = 29,
#   variance 29/3
#   alpha = k/(k-1) * (1 - sum of item variances / total variance)
#         = 3/2 * (1 - (15/3) / (29/3)) = 3/2 * 14/29 = 21/29 = 0.72414
_WHEN = datetime(2026, 5, 4, 18, 30, tzinfo=timezone.utc)
SMALL = [
    [1, 2, 1],
    [2, 1, 3],
    [3, 4, 2],
    [4, 3, 4],
]


def test_alpha_of_the_small_data_set_is_21_29ths() -> None:
    assert cronbach_alpha(SMALL) == pytest.approx(21 / 29)


def test_item_rest_correlation_by_hand() -> None:
    # Statement 1 is 1, 2, 3, 4 (deviations -1.5 -0.5 0.5 1.5, sum of squares 5); the rest of
    # each row is 2+1, 1+3, 4+2, 3+4 = 3, 4, 6, 7 (mean 5; deviations -2 -1 1 2, sum of
    # squares 10); the cross products sum to 3 + 0.5 + 0.5 + 3 = 7; r = 7 / sqrt(5 * 10),
    # 0.98995.
    assert item_rest(SMALL, 0) == pytest.approx(7 / math.sqrt(50))
    assert item_rest(SMALL, 0) == pytest.approx(0.98995, abs=1e-5)


def test_mean_and_sample_sd_by_hand() -> None:
    # 40, 50, 60, 70: mean 55; squares of deviations 225 + 25 + 25 + 225 = 500; 500 / 3.
    assert mean([40.0, 50.0, 60.0, 70.0]) == 55
    assert sample_sd([40.0, 50.0, 60.0, 70.0]) == pytest.approx(math.sqrt(500 / 3))


@pytest.mark.parametrize(
    ("figure", "reason"),
    [
        (mean([]), Reason.TOO_FEW),
        (sample_sd([50.0]), Reason.TOO_FEW),
        (cronbach_alpha([[1, 2, 3]]), Reason.TOO_FEW),  # one person
        (cronbach_alpha([[1], [2], [3]]), Reason.TOO_FEW),  # one statement
        (cronbach_alpha([[2, 2], [2, 2], [2, 2]]), Reason.NO_SPREAD),  # the same for all
        (item_rest([[1, 3, 3], [2, 3, 3], [3, 3, 3]], 1), Reason.NO_SPREAD),
    ],
)
def test_a_figure_that_cannot_be_computed_says_why(figure: object, reason: Reason) -> None:
    assert figure == Missing(reason)


# Jacobson, N. S., & Truax, P. (1991). Clinical significance: A statistical approach to
# defining meaningful change in psychotherapy research. Journal of Consulting and Clinical
# Psychology, 59(1), 12-19, p. 14: RC = (x2 - x1) / S_diff, S_diff = sqrt(2 (SE)^2),
# SE = s1 sqrt(1 - r_xx), and |RC| > 1.96 is unlikely (p < .05) without real change.
# The scores are the 30 Dyadic Adjustment Scale pre- and post-test scores of their Table 2,
# as the JT-RCI package restates them (github.com/AWKruijt/JT-RCI,
# "data/J&T 1991 table2 DAS data.csv"), with the reliability .84 its README uses for them.
# No client's RC value is quoted here: the expected values are worked by hand below.
DAS_PRE = [
    90.5, 74, 97, 73.5, 61, 66.5, 68.5, 86.5, 88.5, 68.5, 98, 80.5, 89.5, 91.5, 83.5,
    60.5, 83, 88, 98.5, 78.5, 99.5, 79.5, 84.5, 92.5, 93, 85, 64, 61, 80, 82.5,
]  # fmt: skip
DAS_RELIABILITY = 0.84


def test_the_reliable_change_index_on_jacobson_and_truax_s_table_2() -> None:
    # s1, the pre-test SD: the 30 scores sum to 2447.5 (mean 81.5833); their squared
    # deviations sum to 4055.54, so s1 = sqrt(4055.54 / 29) = 11.8257.
    s1 = sample_sd([float(score) for score in DAS_PRE])
    assert s1 == pytest.approx(11.8257, abs=1e-4)
    # SE = 11.8257 * sqrt(0.16) = 4.7303; S_diff = sqrt(2 * 4.7303^2) = 6.6896.
    s_diff = standard_error_of_difference(s1, DAS_RELIABILITY)  # type: ignore[arg-type]
    assert s_diff == pytest.approx(6.6896, abs=1e-4)
    # Couple 2 went from 74 to 124: RC = 50 / 6.6896 = 7.474, far beyond 1.96.
    second = reliable_change_index(74, 124, sd=s1, alpha=DAS_RELIABILITY)  # type: ignore[arg-type]
    assert second == pytest.approx(7.474, abs=1e-3) and is_reliable(second)
    # Couple 1 went from 90.5 to 97: RC = 6.5 / 6.6896 = 0.972, within noise.
    first = reliable_change_index(90.5, 97, sd=s1, alpha=DAS_RELIABILITY)  # type: ignore[arg-type]
    assert first == pytest.approx(0.972, abs=1e-3) and not is_reliable(first)
    # Couple 29 went from 80 to 60.5: RC = -19.5 / 6.6896 = -2.915, a reliable decline.
    worse = reliable_change_index(80, 60.5, sd=s1, alpha=DAS_RELIABILITY)  # type: ignore[arg-type]
    assert worse == pytest.approx(-2.915, abs=1e-3) and is_reliable(worse)


def test_the_rci_is_the_formula_of_the_issue() -> None:
    # RCI = (x2 - x1) / sqrt(2 * (SD * sqrt(1 - alpha))^2): SD 10, alpha 0.75 give
    # SE = 10 * 0.5 = 5, S_diff = sqrt(50) = 7.0711, and 10 points are 1.4142.
    assert reliable_change_index(50, 60, sd=10, alpha=0.75) == pytest.approx(10 / math.sqrt(50))


@pytest.mark.parametrize(("rci", "reliable"), [(1.96, False), (1.9601, True), (-2.0, True)])
def test_reliable_means_beyond_1_96_either_way(rci: float, reliable: bool) -> None:
    assert is_reliable(rci) is reliable


@given(
    before=st.floats(0, 100),
    after=st.floats(0, 100),
    sd=st.floats(1, 50),
    alpha=st.floats(0, 0.99),
)
def test_the_rci_has_the_sign_of_the_change_and_grows_with_reliability(
    before: float, after: float, sd: float, alpha: float
) -> None:
    rci = reliable_change_index(before, after, sd=sd, alpha=alpha)
    assert math.copysign(1, rci) == math.copysign(1, after - before) or rci == 0
    more_reliable = reliable_change_index(before, after, sd=sd, alpha=min(alpha + 0.005, 0.995))
    assert abs(more_reliable) >= abs(rci)


# --- a caseload ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def questionnaire():
    return load_questionnaire()


def ratings_for(questionnaire, presence, absence) -> dict[str, int | None]:
    """Ratings of the loaded questionnaire by sign id, one list per section in quiz order."""
    first, second = questionnaire.sections
    return {
        **dict(zip((sign.id for sign in first.signs), presence, strict=True)),
        **dict(zip((sign.id for sign in second.signs), absence, strict=True)),
    }


def test_caseload_figures_are_over_closeness_scores(questionnaire) -> None:
    """Three files: every statement rated 5, 3 and 1 on the presence side, and the reverse on
    the absence side, so that each file is all closeness (100), the middle (50) or none (0)."""
    files = [
        ratings_for(questionnaire, [5] * 10, [1] * 10),
        ratings_for(questionnaire, [3] * 10, [3] * 10),
        ratings_for(questionnaire, [1] * 10, [5] * 10),
    ]
    figures = caseload_stats(questionnaire, files)
    index = figures.scale(INDEX)
    # Scores 100, 50, 0: mean 50, SD sqrt((2500 + 0 + 2500) / 2) = 50.
    assert (index.n, index.mean, index.sd) == (3, 50, 50)
    # Every statement moves with every other one, whichever way it is worded: alpha is 1,
    # and so is each item-rest correlation, the reversed "lacking" statements too.
    assert index.alpha == pytest.approx(1)
    assert all(item.correlation == pytest.approx(1) for item in index.items)
    assert [scale.id for scale in figures.scales] == [INDEX, "presence", "absence"]
    assert figures.unstable and STABLE_FROM == 30


def test_a_skipped_statement_keeps_the_score_but_leaves_the_file_out_of_alpha(
    questionnaire,
) -> None:
    presence = [5, 4, 5, 4, 5, 4, 5, 4, 5, None]
    files = [
        ratings_for(questionnaire, presence, [1] * 10),
        ratings_for(questionnaire, [2] * 10, [4] * 10),
        ratings_for(questionnaire, [3, 4] * 5, [2, 3] * 5),
    ]
    figures = caseload_stats(questionnaire, files)
    presence_figures = figures.scale("presence")
    assert presence_figures.n == 3 and presence_figures.complete == 2
    assert figures.scale("absence").complete == 3
    # The first file's presence score is over its nine answers: ratings 5 4 5 4 5 4 5 4 5
    # score 100 75 100 75 100 75 100 75 100, 800 / 9 = 88.89; the second's 2s are 25 each;
    # the third's 3 4 3 4 ... are 50 75 ..., 62.5. Their mean is 176.39 / 3 = 58.80.
    assert presence_figures.mean == pytest.approx((800 / 9 + 25 + 62.5) / 3)


def test_the_index_and_sections_are_the_ones_a_report_shows(questionnaire) -> None:
    from intimacy_check.answers import COMPLETED, AnswerSheet
    from intimacy_check.scoring import assess

    answers = ratings_for(questionnaire, [5, 4, 3, 2, 1] * 2, [1, 2, 2, 3, 3] * 2)
    figures = caseload_stats(questionnaire, [answers, answers])
    sheet = AnswerSheet(
        "Kim", questionnaire.id, questionnaire.version, _WHEN, COMPLETED, _WHEN, answers
    )
    assert figures.scale(INDEX).mean == pytest.approx(assess(questionnaire, sheet).index)
    assert figures.scale(INDEX).sd == 0 and figures.scale(INDEX).alpha == Missing(Reason.NO_SPREAD)


@given(
    st.lists(
        st.lists(st.sampled_from([0.0, 25.0, 50.0, 75.0, 100.0]), min_size=3, max_size=3),
        min_size=2,
        max_size=12,
    )
)
def test_alpha_is_at_most_one_and_a_correlation_within_minus_one_and_one(rows) -> None:
    alpha = cronbach_alpha(rows)
    assert alpha == Missing(Reason.NO_SPREAD) or alpha <= 1 + 1e-9
    for position in range(3):
        r = item_rest(rows, position)
        assert r == Missing(Reason.NO_SPREAD) or -1 - 1e-9 <= r <= 1 + 1e-9
