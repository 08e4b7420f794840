"""Advice that keeps people safe: who may not be safe with their partner, and which steps
are then held back. Pure.

Steps that ask for disclosure, touch or lowered defences are marked `needs_safety` in the
content. They are never recommended to a person who said, at the private question after
their quiz, that they feel afraid or pressured, nor where their stored answers show very
low trust (the rule `safety: low_trust:` in signs.yaml). The answer to the question is
never stored: it lives in memory for the one run in which it was given.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum

from intimacy_check.answers import AnswerSheet
from intimacy_check.questionnaire import Questionnaire


class Concern(str, Enum):
    """Why one person's advice holds back the marked steps, if it does."""

    NONE = "none"
    SAID_AFRAID = "said-afraid"  # their answer to the private question, this run only
    LOW_TRUST = "low-trust"  # their stored answers


def shows_low_trust(questionnaire: Questionnaire, sheet: AnswerSheet) -> bool:
    """Every statement the rule names is rated within its set (a skipped one is not)."""
    rule = questionnaire.low_trust
    return bool(rule) and all(sheet.answers.get(sign_id) in ratings for sign_id, ratings in rule)


def concern_for(
    questionnaire: Questionnaire, sheet: AnswerSheet, *, said_afraid: bool | None = None
) -> Concern:
    """A yes to the question comes first; without one (no, skipped, or not asked), stored
    answers that show very low trust still hold the marked steps back."""
    if said_afraid:
        return Concern.SAID_AFRAID
    if shows_low_trust(questionnaire, sheet):
        return Concern.LOW_TRUST
    return Concern.NONE


def held_back(questionnaire: Questionnaire, concerns: Sequence[Concern]) -> frozenset[str]:
    """The steps nobody in this report is offered: every marked step, if anyone's advice
    calls for care, so that a couple's joint steps leave them out too."""
    if all(concern is Concern.NONE for concern in concerns):
        return frozenset()
    return frozenset(step.id for step in questionnaire.steps if step.needs_safety)
