"""The report as one value: everything a renderer needs, decided before any rendering."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from intimacy_check.answers import AnswerSheet
from intimacy_check.questionnaire import Questionnaire
from intimacy_check.safety import Concern, concern_for, held_back
from intimacy_check.scoring import Assessment, RankedStep, assess, rank_steps

if TYPE_CHECKING:
    from intimacy_check.couple import Comparison


@dataclass(frozen=True)
class Report:
    """The scored view of one or two answer sheets."""

    questionnaire: Questionnaire
    assessments: tuple[Assessment, ...]
    steps: tuple[RankedStep, ...]  # every step with need > 0 and not held back, ranked
    couple: Comparison | None = None  # when there are two sheets
    concerns: tuple[Concern, ...] = ()  # each person's, in the order of `assessments`
    held_back: frozenset[str] = frozenset()  # steps offered to nobody here, for safety

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(assessment.name for assessment in self.assessments)


def build_report(
    questionnaire: Questionnaire,
    sheets: Sequence[AnswerSheet],
    *,
    said_afraid: Sequence[bool | None] = (),
) -> Report:
    """Score each sheet and rank the steps for all of them together. `said_afraid` is each
    person's answer to the private safety question, where it was asked in this run."""
    assessments = tuple(assess(questionnaire, sheet) for sheet in sheets)
    answers = [*said_afraid, *[None] * (len(sheets) - len(said_afraid))]
    concerns = tuple(
        concern_for(questionnaire, sheet, said_afraid=answer)
        for sheet, answer in zip(sheets, answers, strict=True)
    )
    leave_out = held_back(questionnaire, concerns)
    couple = None
    if len(assessments) == 2:
        from intimacy_check.couple import compare  # only couples pay for importing it

        couple = compare(questionnaire, *assessments)
    return Report(
        questionnaire=questionnaire,
        assessments=assessments,
        steps=rank_steps(questionnaire, assessments, leave_out=leave_out),
        couple=couple,
        concerns=concerns,
        held_back=leave_out,
    )
