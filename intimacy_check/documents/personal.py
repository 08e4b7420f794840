"""The summary a person sees after the quiz: their scores, what their answers show, and
the steps that fit them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from intimacy_check.documents.advice import advice
from intimacy_check.documents.parts import (
    Advice,
    Closing,
    FindingGroup,
    Person,
    SafetyNote,
    closing,
    person,
    safety_note,
    wishes_of,
)
from intimacy_check.documents.report import findings
from intimacy_check.messages import _
from intimacy_check.messages import reports as m
from intimacy_check.report import Report

if TYPE_CHECKING:
    from intimacy_check.documents.wishes import Wishes


@dataclass(frozen=True, eq=False)
class PersonalDocument:
    """The summary a person sees after the quiz."""

    heading: str
    safety: SafetyNote | None  # first of all, for someone who may not be safe
    person: Person
    findings: tuple[FindingGroup, ...]
    wishes: Wishes | None  # where the quiz asked how each statement is wished to be
    advice: Advice
    closing: Closing


def personal_document(report: Report, *, steps: int = 5) -> PersonalDocument:
    questionnaire = report.questionnaire
    shown = person(questionnaire, report.assessments[0])
    return PersonalDocument(
        heading=_(m.YOUR_RESULTS, name=shown.name),
        safety=safety_note(questionnaire, report.concerns[0]),
        person=shown,
        findings=findings(report, discuss=False),
        wishes=wishes_of(questionnaire, report.assessments, own=True),
        advice=advice(report, limit=steps),
        closing=closing(),
    )
