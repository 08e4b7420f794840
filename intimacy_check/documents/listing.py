"""Every statement and every step, for browsing without taking the quiz."""

from __future__ import annotations

from dataclasses import dataclass

from intimacy_check.documents.parts import Closing, closing
from intimacy_check.inert import inert
from intimacy_check.messages import _
from intimacy_check.messages import reports as m
from intimacy_check.questionnaire import Exercise, Questionnaire


@dataclass(frozen=True, eq=False)
class ListedSign:
    number: int
    id: str
    title: str
    statement: str


@dataclass(frozen=True, eq=False)
class ListedSection:
    title: str
    intro: str
    signs: tuple[ListedSign, ...]


@dataclass(frozen=True, eq=False)
class ListedStep:
    number: int
    title: str
    summary: str
    exercises: tuple[Exercise, ...]


@dataclass(frozen=True, eq=False)
class StepGroup:
    heading: str
    steps: tuple[ListedStep, ...]


@dataclass(frozen=True, eq=False)
class ListingDocument:
    title: str
    sections: tuple[ListedSection, ...]
    step_groups: tuple[StepGroup, ...]
    closing: Closing


STEP_KINDS = (("restore", m.RESTORE_STEPS), ("build", m.BUILD_STEPS))


def listing_document(questionnaire: Questionnaire) -> ListingDocument:
    sections = tuple(
        ListedSection(
            title=inert(section.title),
            intro=inert(section.intro),
            signs=tuple(
                ListedSign(number, sign.id, inert(sign.title), inert(sign.statement))
                for number, sign in enumerate(section.signs, start=1)
            ),
        )
        for section in questionnaire.sections
    )
    groups = tuple(
        StepGroup(
            heading=_(heading),
            steps=tuple(
                ListedStep(
                    number=number,
                    title=inert(step.title),
                    summary=inert(step.summary),
                    exercises=tuple(
                        Exercise(name=inert(item.name), how=inert(item.how))
                        for item in step.exercises
                    ),
                )
                for number, step in enumerate(
                    (step for step in questionnaire.steps if step.kind == kind), start=1
                )
            ),
        )
        for kind, heading in STEP_KINDS
    )
    return ListingDocument(
        title=inert(questionnaire.title), sections=sections, step_groups=groups, closing=closing()
    )
