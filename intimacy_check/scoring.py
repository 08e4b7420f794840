"""Pure scoring: one respondent's scores and flags, and the ranking of steps by need.

No I/O and no formatting here: every function takes frozen models and returns values.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

from intimacy_check.answers import AnswerSheet
from intimacy_check.questionnaire import ABSENCE, PRESENCE, Band, Questionnaire, Sign, Step

MIN_ANSWERED_PER_SECTION = 8


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

    def with_flag(self, flag: Flag) -> tuple[SignResult, ...]:
        return tuple(result for result in self.signs if result.flag is flag)


@dataclass(frozen=True)
class RankedStep:
    """A recommended step: its need, the statements behind it, and each person's share."""

    step: Step
    need: int
    addresses: tuple[str, ...]  # sign ids, in questionnaire order
    needs_by_person: tuple[int, ...]


def sign_score(section: str, rating: int) -> float:
    """0.0 to 1.0, where higher always means more intimacy."""
    return (rating - 1) / 4 if section == PRESENCE else (5 - rating) / 4


def flag_for(section: str, rating: int | None) -> Flag:
    if rating is None:
        return Flag.SKIPPED
    if rating == 3:
        return Flag.NEUTRAL
    if section == PRESENCE:
        return Flag.STRENGTH if rating >= 4 else Flag.GROWTH
    return Flag.STRENGTH if rating <= 2 else Flag.WARNING


def flag_weight(flag: Flag, rating: int | None) -> int:
    """How strongly a flagged statement calls for its steps: 0 for anything not flagged."""
    if rating is None:
        return 0
    if flag is Flag.GROWTH:
        return 3 - rating
    if flag is Flag.WARNING:
        return rating - 3
    return 0


def mean_score(scores: Sequence[float]) -> float:
    return 100 * sum(scores) / len(scores)


# Every (section, rating) pair worked out once, so scoring a caseload does no arithmetic.
_FLAGS = {
    (section, rating): flag_for(section, rating)
    for section in (PRESENCE, ABSENCE)
    for rating in (None, 1, 2, 3, 4, 5)
}
_SCORES = {
    (section, rating): sign_score(section, rating)
    for section in (PRESENCE, ABSENCE)
    for rating in (1, 2, 3, 4, 5)
}


def assess(questionnaire: Questionnaire, sheet: AnswerSheet) -> Assessment:
    """Score one answer sheet against the questionnaire."""
    results: list[SignResult] = []
    sections: dict[str, float | None] = {}
    all_scores: list[float] = []
    answers = sheet.answers
    for section in questionnaire.sections:
        scores = []
        for sign in section.signs:
            rating = answers.get(sign.id)
            results.append(SignResult(sign, rating, _FLAGS[section.id, rating]))
            if rating is not None:
                scores.append(_SCORES[section.id, rating])
        complete = len(scores) >= MIN_ANSWERED_PER_SECTION
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
    questionnaire: Questionnaire, assessments: Sequence[Assessment]
) -> tuple[RankedStep, ...]:
    """Steps with need > 0, highest need first, ties in data order; one or more people."""
    ranked = []
    for step in questionnaire.steps:
        needs = []
        addresses: list[str] = []
        for assessment in assessments:
            need = 0
            for result in assessment.signs:
                weight = flag_weight(result.flag, result.rating)
                if weight and step.id in result.sign.steps:
                    need += weight
                    if result.sign.id not in addresses:
                        addresses.append(result.sign.id)
            needs.append(need)
        if sum(needs) > 0:
            order = [sign.id for sign in questionnaire.signs]
            ranked.append(
                RankedStep(
                    step=step,
                    need=sum(needs),
                    addresses=tuple(sorted(addresses, key=order.index)),
                    needs_by_person=tuple(needs),
                )
            )
    # sorted() is stable, so equal needs keep data order.
    return tuple(sorted(ranked, key=lambda ranked_step: -ranked_step.need))
