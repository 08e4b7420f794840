"""The report as one value: everything a renderer needs, decided before any rendering."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from intimacy_check.answers import AnswerSheet
from intimacy_check.questionnaire import Questionnaire
from intimacy_check.scoring import Assessment, RankedStep, assess, rank_steps

if TYPE_CHECKING:
    from intimacy_check.couple import Comparison


@dataclass(frozen=True)
class Report:
    """The scored view of one or two answer sheets."""

    questionnaire: Questionnaire
    assessments: tuple[Assessment, ...]
    steps: tuple[RankedStep, ...]  # every step with need > 0, ranked
    couple: Comparison | None = None  # when there are two sheets

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(assessment.name for assessment in self.assessments)


def build_report(questionnaire: Questionnaire, sheets: Sequence[AnswerSheet]) -> Report:
    """Score each sheet and rank the steps for all of them together."""
    assessments = tuple(assess(questionnaire, sheet) for sheet in sheets)
    couple = None
    if len(assessments) == 2:
        from intimacy_check.couple import compare  # only couples pay for importing it

        couple = compare(questionnaire, *assessments)
    return Report(
        questionnaire=questionnaire,
        assessments=assessments,
        steps=rank_steps(questionnaire, assessments),
        couple=couple,
    )
