"""Pure scoring: one respondent's scores and flags, and the ranking of steps by need.

No I/O and no formatting here: every function takes frozen models and returns values.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Protocol

from intimacy_check.answers import AnswerSheet
from intimacy_check.questionnaire import Band, Questionnaire, Sign, Step

GENTLE_STARTS = 3  # statements offered as places to start when nothing is flagged
STEP_POINTS = 25  # one step of the rating scale, on the 0-100 score
# The smallest gap between how a statement is and how it is wished to be that the reports
# treat as worth talking about: two steps of the scale. One step is the smallest gap a
# rating can show, and like PAIR's gaps under 5 points (one step on one item there) it
# is read as too small to mean much alone. docs/scoring-and-content.md says more.
WORTH_TALKING_ABOUT = 2 * STEP_POINTS


if TYPE_CHECKING:

    class Pointing(Protocol):
        """A sign or a section: whichever way its section points, from the content."""

        @property
        def closer_when_agreed(self) -> bool: ...


class Flag(str, Enum):
    STRENGTH = "strength"
    GROWTH = "growth"
    WARNING = "warning"
    NEUTRAL = "neutral"
    SKIPPED = "skipped"


@dataclass(frozen=True, slots=True)
class SignResult:
    sign: Sign
    rating: int | None
    flag: Flag
    ideal: int | None = None  # how it is wished to be, where that was asked and answered
    gap: float | None = None  # ideal minus current score, in points; None without both


@dataclass(frozen=True, slots=True)
class Assessment:
    """One respondent's scored answers. Scores run 0-100; None means incomplete."""

    sheet: AnswerSheet
    signs: tuple[SignResult, ...]
    sections: Mapping[str, float | None]
    index: float | None
    band: Band | None

    @property
    def name(self) -> str:
        return self.sheet.respondent

    @property
    def has_ideal(self) -> bool:
        """Whether any statement has a wished-for rating beside its rating."""
        return any(result.gap is not None for result in self.signs)

    def with_flag(self, flag: Flag) -> tuple[SignResult, ...]:
        return tuple(result for result in self.signs if result.flag is flag)


@dataclass(frozen=True)
class RankedStep:
    """A recommended step: its need, the statements behind it, and each person's share."""

    step: Step
    need: int
    addresses: tuple[str, ...]  # sign ids, in questionnaire order
    needs_by_person: tuple[int, ...]


def sign_score(sign: Pointing, rating: int) -> float:
    """0.0 to 1.0, where higher always means more intimacy.

    The one place where a section's direction turns a rating into closeness: flags, couple
    categories and progress all start from this score.
    """
    return (rating - 1) / 4 if sign.closer_when_agreed else (5 - rating) / 4


def flag_for(sign: Pointing, rating: int | None) -> Flag:
    if rating is None:
        return Flag.SKIPPED
    score = sign_score(sign, rating)
    if score == 0.5:
        return Flag.NEUTRAL
    if score > 0.5:
        return Flag.STRENGTH
    return Flag.GROWTH if sign.closer_when_agreed else Flag.WARNING


def flag_weight(sign: Pointing, rating: int | None) -> int:
    """How strongly a rating calls for its sign's steps: 2, 1, or 0 for anything not flagged."""
    if rating is None:
        return 0
    return max(0, round(2 - 4 * sign_score(sign, rating)))


def gap_points(sign: Pointing, rating: int, ideal: int) -> float:
    """How far the wished-for rating lies from the rating, in points of the 0-100 score:
    positive where more closeness is wished for, negative where less."""
    return 100 * (sign_score(sign, ideal) - sign_score(sign, rating))


def worth_talking_about(gap: float | None) -> bool:
    """Whether a gap is large enough for the reports to list it as a wished-for change."""
    return gap is not None and abs(gap) >= WORTH_TALKING_ABOUT


def mean_score(scores: Sequence[float]) -> float:
    return 100 * sum(scores) / len(scores)


class _Direction:
    def __init__(self, closer: bool) -> None:
        self.closer_when_agreed = closer


# Every (direction, rating) pair worked out once, so scoring a caseload does no arithmetic.
_FLAGS = {
    (closer, rating): flag_for(_Direction(closer), rating)
    for closer in (True, False)
    for rating in (None, 1, 2, 3, 4, 5)
}
_SCORES = {
    (closer, rating): sign_score(_Direction(closer), rating)
    for closer in (True, False)
    for rating in (1, 2, 3, 4, 5)
}


def assess(questionnaire: Questionnaire, sheet: AnswerSheet) -> Assessment:
    """Score one answer sheet against the questionnaire."""
    results: list[SignResult] = []
    sections: dict[str, float | None] = {}
    all_scores: list[float] = []
    answers = sheet.answers
    wished = sheet.ideal
    for section in questionnaire.sections:
        scores = []
        closer = section.closer_when_agreed
        for sign in section.signs:
            rating = answers.get(sign.id)
            # The usual case first, and every file without `ideal`: one test, no lookup.
            if wished is None or rating is None or (ideal := wished.get(sign.id)) is None:
                results.append(SignResult(sign, rating, _FLAGS[closer, rating]))
            else:
                gap = 100 * (_SCORES[closer, ideal] - _SCORES[closer, rating])
                results.append(SignResult(sign, rating, _FLAGS[closer, rating], ideal, gap))
            if rating is not None:
                scores.append(_SCORES[closer, rating])
        complete = len(scores) >= questionnaire.min_answered
        sections[section.id] = mean_score(scores) if complete else None
        all_scores.extend(scores)
    complete = all(score is not None for score in sections.values())
    index = mean_score(all_scores) if complete else None
    return Assessment(
        sheet=sheet,
        signs=tuple(results),
        sections=sections,
        index=index,
        band=questionnaire.band_for(index),
    )


def rank_steps(
    questionnaire: Questionnaire,
    assessments: Sequence[Assessment],
    *,
    weights: Sequence[Mapping[str, int]] | None = None,
    leave_out: Collection[str] = (),
) -> tuple[RankedStep, ...]:
    """Steps with need > 0, highest need first, ties in data order; one or more people.

    A step's need is the sum of the weights of the statements it addresses, by default
    each flagged statement's `flag_weight`. Steps in `leave_out` are never ranked.
    """
    if weights is None:
        weights = [concern_weights(assessment) for assessment in assessments]
    order = {sign.id: number for number, sign in enumerate(questionnaire.signs)}
    ranked = []
    for step in questionnaire.steps:
        if step.id in leave_out:
            continue
        needs = []
        addresses: set[str] = set()
        for person in weights:
            need = 0
            for sign_id, weight in person.items():
                if weight and step.id in questionnaire.sign(sign_id).steps:
                    need += weight
                    addresses.add(sign_id)
            needs.append(need)
        if sum(needs) > 0:
            ranked.append(
                RankedStep(
                    step=step,
                    need=sum(needs),
                    addresses=tuple(sorted(addresses, key=order.__getitem__)),
                    needs_by_person=tuple(needs),
                )
            )
    # sorted() is stable, so equal needs keep data order.
    return tuple(sorted(ranked, key=lambda ranked_step: -ranked_step.need))


def concern_weights(assessment: Assessment) -> dict[str, int]:
    """Each statement's weight, by sign id: with wished-for ratings, `wish_weight`, and
    otherwise each flagged statement's `flag_weight`."""
    return {
        result.sign.id: weight
        for result in assessment.signs
        if (
            weight := wish_weight(result)
            if result.gap is not None
            else flag_weight(result.sign, result.rating)
        )
    }


def wish_weight(result: SignResult) -> int:
    """How strongly a wished-for change calls for its sign's steps: the gap in steps of the
    scale where more closeness is wished for and the gap is worth talking about, else 0.

    Where the person said how they wish a statement to be, that wish ranks the steps,
    not the flag: a low rating they are content with calls for nothing.
    """
    if result.gap is None or result.gap < WORTH_TALKING_ABOUT:
        return 0
    return round(result.gap / STEP_POINTS)


def gentle_starts(assessment: Assessment, *, count: int = GENTLE_STARTS) -> tuple[SignResult, ...]:
    """The lowest-scoring rated statements, ties in questionnaire order, below full marks:
    statements in the middle of the scale before strengths.

    Offered when nothing is flagged but there is room to grow, so that advice never
    says "no step needed" beside a band that invites steps.
    """
    rated = [
        (sign_score(result.sign, result.rating), position, result)
        for position, result in enumerate(assessment.signs)
        if result.rating is not None and sign_score(result.sign, result.rating) < 1
    ]
    return tuple(item[2] for item in sorted(rated, key=lambda item: item[:2])[:count])


def choose_steps(
    ranked: Sequence[RankedStep], *, limit: int, must_cover: Sequence[str] = ()
) -> tuple[RankedStep, ...]:
    """The `limit` steps to show, in rank order, so that every sign in `must_cover` is
    addressed by at least one of them when the limit allows."""
    chosen: list[RankedStep] = []
    for sign_id in must_cover:
        if len(chosen) >= limit:
            break
        if any(sign_id in step.addresses for step in chosen):
            continue
        best = next((step for step in ranked if sign_id in step.addresses), None)
        if best is not None:
            chosen.append(best)
    for step in ranked:
        if len(chosen) >= limit:
            break
        if step not in chosen:
            chosen.append(step)
    position = {id(step): number for number, step in enumerate(ranked)}
    return tuple(sorted(chosen, key=lambda step: position[id(step)]))
