"""The pieces the output documents are made of, and the decisions they share.

Every piece is frozen and typed. A value and its label are separate fields: renderers
show labels and draw values, and never parse one out of the other. Documents are built
once and read once, never compared, hashed or printed as wholes, so these classes leave
out the generated `__eq__`, `__hash__` and `__repr__`: each generated method is compiled
when the module loads, and that showed in the start-up benchmark.
Text from files is made inert here (no control characters) but not escaped; each format
escapes it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from intimacy_check.answers import COMPLETED
from intimacy_check.inert import inert
from intimacy_check.messages import _
from intimacy_check.messages import reports as m

# Bands and exercises are the core's own frozen values, with their text made inert.
from intimacy_check.questionnaire import Band, Exercise, Questionnaire, Section, Sign
from intimacy_check.safety import Concern
from intimacy_check.scoring import Assessment, Flag, RankedStep

if TYPE_CHECKING:
    from intimacy_check.documents.wishes import Wishes

UNANSWERED = "unanswered"  # a flag id for statements not reached yet


@dataclass(frozen=True, eq=False)
class SafetyNote:
    """What opens the results of someone who may not be safe with their partner: a warm
    note, then where to find help. Its text is content, which a counselor can replace."""

    reason: str  # a Concern value: "said-afraid" or "low-trust"
    heading: str
    note: str
    support: str


@dataclass(frozen=True, eq=False, repr=False)
class Score:
    """A 0-100 score (None when incomplete) and how it is shown."""

    value: float | None
    label: str


@dataclass(frozen=True, eq=False, repr=False)
class SectionScore:
    id: str
    label: str
    score: Score


@dataclass(frozen=True, eq=False, repr=False)
class Person:
    name: str
    status: str  # "completed" or "in-progress"
    status_line: str  # "completed 2026-11-20", or "in progress: 6 of 20 answered"
    started_at: str  # ISO 8601
    completed_at: str | None
    completed_on: str | None  # the date alone
    answered: int
    total: int
    index: Score
    band_id: str | None
    band: str  # the band's label, or "incomplete"
    band_description: str
    missing_index: str | None  # why there is no index, when there is none
    sections: tuple[SectionScore, ...]


@dataclass(frozen=True, eq=False, repr=False)
class Cell:
    """One person's rating of one statement."""

    value: int | None
    label: str  # "4 Agree", "skipped", "not answered yet"
    short: str  # "4" or "–"
    flag: str  # a Flag value, or UNANSWERED
    flag_label: str
    ideal: int | None = None  # how it is wished to be, where that was given
    ideal_label: str = ""  # "5 Strongly agree", or "" without one
    gap: float | None = None  # ideal minus current score, in points


@dataclass(frozen=True, eq=False, repr=False)
class StatementRow:
    id: str
    section: str
    title: str  # reads right for the flag (or, for a couple, the category)
    statement: str
    cells: tuple[Cell, ...]
    category: str | None  # a couple's Category value
    category_label: str | None


@dataclass(frozen=True, eq=False, repr=False)
class StatementGroup:
    id: str
    title: str
    note: str  # how to read the ratings: agreeing means more closeness here, or less
    rows: tuple[StatementRow, ...]


@dataclass(frozen=True, eq=False, repr=False)
class Finding:
    id: str
    title: str
    who: tuple[str, ...]  # for a couple: the partners it applies to
    discuss: str | None  # the discussion question, only where it first appears
    label: str | None = None  # for a couple's discussion list: the category, shown
    category: str | None = None  # and as a Category value


@dataclass(frozen=True, eq=False, repr=False)
class FindingGroup:
    id: str
    heading: str
    entries: tuple[Finding, ...]


@dataclass(frozen=True, eq=False, repr=False)
class StepItem:
    number: int
    id: str
    kind: str
    title: str
    summary: str
    try_this: str
    exercises: tuple[Exercise, ...]
    need: int
    needs_by_person: tuple[int, ...]
    address_ids: tuple[str, ...]
    addresses: tuple[str, ...]  # the titles of the statements behind it, reading right
    driven_by: tuple[str, ...]  # the names whose answers call for it
    reason: str  # "For: …", with whose answers for a couple
    because: str  # the ratings behind it, quoted, for one person


@dataclass(frozen=True, eq=False, repr=False)
class Advice:
    """The steps shown, and the one sentence that introduces them or says why there are none."""

    kind: str  # "flagged", "gentle-start", "none" or "hidden"
    intro: str
    ranked_by: str  # "ratings", or "wishes" where wished-for ratings rank the steps
    steps: tuple[StepItem, ...]  # shown, in rank order
    ranked: tuple[StepItem, ...]  # every step with a need, for JSON
    total: int


@dataclass(frozen=True, eq=False, repr=False)
class QuestionnaireLine:
    id: str
    version: int
    title: str
    line: str  # "Questionnaire: emotional-intimacy, version 1"


@dataclass(frozen=True, eq=False, repr=False)
class Closing:
    """What every document ends with."""

    disclaimer: str
    safety: str


# --- shared decisions ------------------------------------------------------------------------

FLAG_LABELS = {
    Flag.STRENGTH.value: m.FLAG_STRENGTH,
    Flag.GROWTH.value: m.FLAG_GROWTH,
    Flag.WARNING.value: m.FLAG_WARNING,
    Flag.NEUTRAL.value: m.FLAG_NEUTRAL,
    Flag.SKIPPED.value: m.FLAG_SKIPPED,
    UNANSWERED: m.NOT_ANSWERED_YET,
}


# Keyed by the couple Category's values, so that one-person documents never load the couple code.
CATEGORY_LABELS = {
    "shared-strength": m.CATEGORY_SHARED_STRENGTH,
    "shared-growth": m.CATEGORY_SHARED_GROWTH,
    "gap": m.CATEGORY_GAP,
    "mixed": m.CATEGORY_MIXED,
    "skipped": m.CATEGORY_SKIPPED,
}


def score(value: float | None) -> Score:
    """Shown rounded down, so a score never shows a band's threshold it has not reached:
    59.7 reads 59, under "60 and up"."""
    return Score(value, _(m.INCOMPLETE) if value is None else str(math.floor(value)))


def safety_note(questionnaire: Questionnaire, concern: Concern) -> SafetyNote | None:
    """The note for one person's own results; None when nothing calls for it."""
    if concern is Concern.NONE:
        return None
    support = questionnaire.support
    note = support.said_yes if concern is Concern.SAID_AFRAID else support.low_trust
    return SafetyNote(
        reason=concern.value,
        heading=inert(support.heading),
        note=inert(note),
        support=inert(support.support),
    )


def wishes_of(
    questionnaire: Questionnaire, assessments: Sequence[Assessment], *, own: bool = False
) -> Wishes | None:
    """How each statement is wished to be, where anyone said; its module is loaded only
    then, so that every other report starts as fast as before."""
    if not any(assessment.has_ideal for assessment in assessments):
        return None
    from intimacy_check.documents.wishes import wishes

    return wishes(questionnaire, assessments, own=own)


def closing() -> Closing:
    return Closing(disclaimer=_(m.DISCLAIMER), safety=_(m.SAFETY))


def names_list(names: Sequence[str]) -> str:
    """'Alex', 'Alex and Sam', 'Alex, Sam and Kim'."""
    if len(names) <= 1:
        return "".join(names)
    return _(m.LIST_SEPARATOR).join(names[:-1]) + _(m.LAST_SEPARATOR) + names[-1]


def questionnaire_line(questionnaire: Questionnaire) -> QuestionnaireLine:
    return QuestionnaireLine(
        id=inert(questionnaire.id),
        version=questionnaire.version,
        title=inert(questionnaire.title),
        line=_(m.QUESTIONNAIRE_LINE, id=inert(questionnaire.id), version=questionnaire.version),
    )


def band_rows(questionnaire: Questionnaire) -> tuple[Band, ...]:
    return tuple(
        Band(id=band.id, min=band.min, label=inert(band.label), description=inert(band.description))
        for band in questionnaire.bands
    )


def topic(section: Section) -> str:
    """A section's title as it reads inside a sentence: 'the warning signs'."""
    return inert(section.title[:1].lower() + section.title[1:])


def title_for(sign: Sign, flag: str | None) -> str:
    """The title that reads right for a flag (or a couple's category): strengths by their
    clear or plain title, concerns by their growth or plain title, and anything neither
    good nor bad (neutral, mixed, seen differently, not rated) by its topic."""
    if flag in (Flag.STRENGTH.value, "shared-strength"):
        return inert(sign.strength_title)
    if flag in (Flag.GROWTH.value, Flag.WARNING.value, "shared-growth"):
        return inert(sign.concern_title)
    return inert(sign.topic)


def person(questionnaire: Questionnaire, assessment: Assessment) -> Person:
    sheet = assessment.sheet
    answered = sum(1 for rating in sheet.answers.values() if rating is not None)
    total = len(questionnaire.signs)
    completed = sheet.completed_at
    if sheet.status == COMPLETED and completed is not None:
        status_line = _(m.COMPLETED_ON, date=completed.date().isoformat())
    else:
        status_line = _(m.IN_PROGRESS, answered=answered, total=total)
    band = assessment.band
    missing = None
    if assessment.index is None:
        missing = _(
            m.NO_INDEX,
            needed=questionnaire.min_answered,
            per_section=len(questionnaire.sections[0].signs),
        )
    return Person(
        name=inert(sheet.respondent),
        status=sheet.status,
        status_line=status_line,
        started_at=sheet.started_at.isoformat(),
        completed_at=completed.isoformat() if completed else None,
        completed_on=completed.date().isoformat() if completed else None,
        answered=answered,
        total=total,
        index=score(assessment.index),
        band_id=band.id if band else None,
        band=inert(band.label) if band else _(m.INCOMPLETE),
        band_description=inert(band.description) if band else "",
        missing_index=missing,
        sections=tuple(
            SectionScore(
                section.id, inert(section.score_label), score(assessment.sections[section.id])
            )
            for section in questionnaire.sections
        ),
    )


def cell(questionnaire: Questionnaire, assessment: Assessment, sign_id: str) -> Cell:
    """A rating and its flag; a statement not reached yet is never called skipped."""
    result = next(result for result in assessment.signs if result.sign.id == sign_id)
    reached = sign_id in assessment.sheet.answers
    flag = result.flag.value if reached else UNANSWERED
    rating = result.rating
    if rating is None:
        label = "–"  # the flag label says which: skipped, or not answered yet
    else:
        label = _(m.RATING_WITH_LABEL, rating=rating, label=inert(questionnaire.scale[rating - 1]))
    ideal = result.ideal
    return Cell(
        value=rating,
        label=label,
        short="–" if rating is None else str(rating),
        flag=flag,
        flag_label=_(FLAG_LABELS[flag]),
        ideal=ideal,
        ideal_label=""
        if ideal is None
        else _(m.RATING_WITH_LABEL, rating=ideal, label=inert(questionnaire.scale[ideal - 1])),
        gap=result.gap,
    )


def step_items(
    questionnaire: Questionnaire,
    assessments: Sequence[Assessment],
    ranked: Sequence[RankedStep],
    *,
    couple: bool,
) -> tuple[StepItem, ...]:
    """Steps as shown, numbered in the given order, each saying why it is there."""
    names = [inert(assessment.name) for assessment in assessments]
    items = []
    for number, step in enumerate(ranked, start=1):
        flags = {
            result.sign.id: result.flag.value
            for assessment in assessments
            for result in assessment.signs
            if result.sign.id in step.addresses and result.flag.value in ("growth", "warning")
        }
        titles = tuple(
            title_for(questionnaire.sign(sign_id), flags.get(sign_id)) for sign_id in step.addresses
        )
        driven = tuple(
            name for name, need in zip(names, step.needs_by_person, strict=True) if need > 0
        )
        joined = "; ".join(titles)
        if couple:
            whose = (
                _(m.FROM_BOTH)
                if len(driven) == len(names)
                else _(m.FROM_ONE, name=names_list(driven))
            )
            reason = _(m.STEP_FOR_COUPLE, titles=joined, whose=whose)
        else:
            reason = _(m.STEP_FOR, titles=joined)
        items.append(
            StepItem(
                number=number,
                id=step.step.id,
                kind=step.step.kind,
                title=inert(step.step.title),
                summary=inert(step.step.summary),
                try_this=inert(step.step.try_this),
                exercises=tuple(
                    Exercise(name=inert(item.name), how=inert(item.how))
                    for item in step.step.exercises
                ),
                need=step.need,
                needs_by_person=step.needs_by_person,
                address_ids=step.addresses,
                addresses=titles,
                driven_by=driven,
                reason=reason,
                because=_because(questionnaire, assessments, step),
            )
        )
    return tuple(items)


def _because(
    questionnaire: Questionnaire, assessments: Sequence[Assessment], step: RankedStep
) -> str:
    ratings = [
        _(
            m.QUOTED_RATING,
            statement=inert(result.sign.statement),
            rating=cell(questionnaire, assessment, result.sign.id).label,
        )
        for assessment in assessments
        for result in assessment.signs
        if result.sign.id in step.addresses and result.rating is not None
    ]
    return _(m.BECAUSE_YOU_RATED, ratings=", ".join(ratings))
