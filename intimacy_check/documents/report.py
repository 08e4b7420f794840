"""The counselor's report of one or two people, and the parts the other documents share.

Built by one pure function from a scored `Report`, it makes every decision its renderers
would otherwise make: titles, wording, rounding, which steps, what to discuss.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from intimacy_check.documents.advice import advice
from intimacy_check.documents.parts import (
    CATEGORY_LABELS,
    Advice,
    Closing,
    Finding,
    FindingGroup,
    Person,
    QuestionnaireLine,
    SafetyNote,
    StatementGroup,
    StatementRow,
    band_rows,
    cell,
    closing,
    names_list,
    person,
    questionnaire_line,
    safety_note,
    title_for,
    topic,
    wishes_of,
)
from intimacy_check.inert import inert
from intimacy_check.messages import _
from intimacy_check.messages import patterns as pm
from intimacy_check.messages import reports as m
from intimacy_check.questionnaire import Band
from intimacy_check.report import Report
from intimacy_check.scoring import Flag

if TYPE_CHECKING:
    from intimacy_check.documents.comparison import CoupleSummary
    from intimacy_check.documents.patterns import ResponseNote
    from intimacy_check.documents.record import Record
    from intimacy_check.documents.wishes import Wishes
    from intimacy_check.patterns import PatternNote
    from intimacy_check.questionnaire import Questionnaire
    from intimacy_check.scoring import Assessment

FLAG_GROUPS = (
    (Flag.STRENGTH, m.STRENGTHS),
    (Flag.GROWTH, m.GROWTH_AREAS),
    (Flag.WARNING, m.WARNING_SIGNS),
)


@dataclass(frozen=True, eq=False)
class ReportDocument:
    """The counselor's report of one or two people."""

    title: str
    heading: str
    names: str
    # One person's report opens with it when they may not be safe. A couple's never does:
    # it would tell one partner about the other; their joint steps just leave some out.
    safety: SafetyNote | None
    questionnaire: QuestionnaireLine
    people: tuple[Person, ...]
    couple: CoupleSummary | None
    how_to_read: tuple[str, ...]
    bands: tuple[Band, ...]
    statement_groups: tuple[StatementGroup, ...]
    findings: tuple[FindingGroup, ...]
    wishes: Wishes | None  # how each statement is wished to be, where anyone said
    advice: Advice
    closing: Closing
    # How the answers were given: one person's report only, shown after the scores; never
    # a couple's, whose partners would read about each other. Nothing else depends on them.
    notes: tuple[ResponseNote, ...]
    notes_heading: str
    notes_intro: str
    # What the record is made from; the record itself only when a format asks for it,
    # since its classes cost a terminal report's start-up more than the rest of it.
    answered: tuple[tuple[Questionnaire, Assessment], ...] = field(repr=False)

    @cached_property
    def record(self) -> Record:
        """The answers and scores as data, for a record system (FHIR)."""
        from intimacy_check.documents.record import record

        return record(self.answered)

    @property
    def is_couple(self) -> bool:
        return self.couple is not None


# --- building --------------------------------------------------------------------------------


def report_document(
    report: Report, *, steps: int, patterns: Sequence[PatternNote] = ()
) -> ReportDocument:
    """The counselor's report; `patterns` are one person's response-pattern notes, which a
    couple's report never shows."""
    questionnaire = report.questionnaire
    people = tuple(person(questionnaire, assessment) for assessment in report.assessments)
    names = names_list([item.name for item in people])
    how_to_read = [
        _(
            m.READ_RATINGS,
            lowest=inert(questionnaire.scale[0]).lower(),
            highest=inert(questionnaire.scale[-1]).lower(),
        ),
        _(m.READ_INDEX, needed=questionnaire.min_answered),
        _(m.READ_BANDS),
    ]
    if report.couple is not None:
        how_to_read.append(_(m.READ_COUPLE))
    if len(people) == 1:
        how_to_read.append(_(m.READ_NOT_A_DIAGNOSIS_ONE, name=people[0].name))
    else:
        how_to_read.append(_(m.READ_NOT_A_DIAGNOSIS))
    title = _(m.REPORT_TITLE)
    return ReportDocument(
        title=title,
        heading=_(m.TITLE_WITH_NAMES, title=title, names=names),
        names=names,
        safety=safety_note(questionnaire, report.concerns[0]) if len(people) == 1 else None,
        questionnaire=questionnaire_line(questionnaire),
        people=people,
        couple=_couple_summary(report),
        how_to_read=tuple(how_to_read),
        bands=band_rows(questionnaire),
        statement_groups=statement_groups(report),
        findings=findings(report),
        wishes=wishes_of(questionnaire, report.assessments),
        advice=advice(report, limit=steps),
        closing=closing(),
        notes=_notes(patterns) if len(people) == 1 else (),
        notes_heading=_(pm.HOW_THE_ANSWERS_WERE_GIVEN),
        notes_intro=_(pm.INTRO),
        answered=tuple((questionnaire, assessment) for assessment in report.assessments),
    )


def _notes(patterns: Sequence[PatternNote]) -> tuple[ResponseNote, ...]:
    if not patterns:
        return ()
    from intimacy_check.documents.patterns import response_notes  # only when one is found

    return response_notes(patterns)


def _couple_summary(report: Report) -> CoupleSummary | None:
    if report.couple is None:
        return None
    from intimacy_check.documents.comparison import couple_summary  # only couples load it

    return couple_summary(report, report.couple)


def statement_groups(report: Report) -> tuple[StatementGroup, ...]:
    """Every statement with each person's rating; titles read right for the flag."""
    questionnaire = report.questionnaire
    categories = (
        {item.sign.id: item.category for item in report.couple.signs} if report.couple else {}
    )
    groups = []
    for section in questionnaire.sections:
        rows = []
        for sign in section.signs:
            cells = tuple(
                cell(questionnaire, assessment, sign.id) for assessment in report.assessments
            )
            category = categories.get(sign.id)
            if category is not None:
                title = title_for(sign, category.value)
            else:
                title = title_for(sign, cells[0].flag)
            rows.append(
                StatementRow(
                    id=sign.id,
                    section=section.id,
                    title=title,
                    statement=inert(sign.statement),
                    cells=cells,
                    category=category.value if category else None,
                    category_label=_(CATEGORY_LABELS[category.value]) if category else None,
                )
            )
        note = "" if section.closer_when_agreed else _(m.LOWER_IS_CLOSER, topic=topic(section))
        groups.append(StatementGroup(section.id, inert(section.title), note, tuple(rows)))
    return tuple(groups)


def findings(report: Report, *, discuss: bool = True) -> tuple[FindingGroup, ...]:
    """Strengths, growth areas, warning signs (and, for a couple, gaps): each statement once
    per group, with who flagged it; each discussion question once in the whole document."""
    questionnaire = report.questionnaire
    couple = len(report.assessments) > 1
    asked: set[str] = set()

    def question(sign_id: str) -> str | None:
        if not discuss or sign_id in asked:
            return None
        asked.add(sign_id)
        return inert(questionnaire.sign(sign_id).discuss)

    groups = []
    for flag, heading in FLAG_GROUPS:
        entries = []
        for sign in questionnaire.signs:
            who = tuple(
                inert(assessment.name)
                for assessment in report.assessments
                if any(r.sign.id == sign.id and r.flag is flag for r in assessment.signs)
            )
            if who:
                entries.append(
                    Finding(
                        id=sign.id,
                        title=title_for(sign, flag.value),
                        who=who if couple else (),
                        discuss=None if flag is Flag.STRENGTH else question(sign.id),
                    )
                )
        groups.append(FindingGroup(flag.value, _(heading), tuple(entries)))
    if report.couple is not None:
        gaps = tuple(
            Finding(
                id=item.sign.id,
                title=title_for(item.sign, None),
                who=(),
                discuss=question(item.sign.id),
            )
            for item in report.couple.gaps
        )
        groups.append(FindingGroup("gap", _(m.SEEN_DIFFERENTLY), gaps))
    return tuple(groups)
