"""Progress over time as a document: each person's assessments, changes and concerns."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from intimacy_check.documents.parts import (
    Closing,
    QuestionnaireLine,
    Score,
    SectionScore,
    band_rows,
    closing,
    questionnaire_line,
    score,
    title_for,
)
from intimacy_check.inert import inert
from intimacy_check.messages import _
from intimacy_check.messages import reports as m
from intimacy_check.progress import Change, Direction, RespondentProgress
from intimacy_check.questionnaire import Band, Questionnaire
from intimacy_check.scoring import Assessment

if TYPE_CHECKING:
    from intimacy_check.documents.record import Record
    from intimacy_check.norms import Norms
    from intimacy_check.progress import Point

DIRECTION_LABELS = {
    Direction.BETTER: m.DIRECTION_BETTER,
    Direction.WORSE: m.DIRECTION_WORSE,
    Direction.SAME: m.DIRECTION_SAME,
    Direction.SKIPPED: m.DIRECTION_SKIPPED,
    Direction.REWORDED: m.DIRECTION_REWORDED,
}


@dataclass(frozen=True, eq=False)
class Shift:
    """A change between two shown scores: the number and its label ('+5', '-3', '–')."""

    value: float | None  # from the raw scores, for JSON
    label: str


@dataclass(frozen=True, eq=False)
class AssessmentRow:
    file: str
    date: str  # the date completed, or ""
    completed_at: str | None
    version: int  # of the questionnaire answered
    index: Score
    band_id: str | None
    band: str
    sections: tuple[SectionScore, ...]


@dataclass(frozen=True, eq=False)
class SignRow:
    id: str
    section: str
    title: str
    first: int | None
    latest: int | None
    first_label: str
    latest_label: str
    direction: str  # a Direction value
    direction_label: str
    change: str  # a Change value


@dataclass(frozen=True, eq=False)
class SectionShift:
    id: str
    label: str
    change: Shift


@dataclass(frozen=True, eq=False)
class ReliableChange:
    """A change of one score between two consecutive assessments, beside measurement noise."""

    scale: str  # "index" or a section id
    before: str  # the dates of the two assessments
    after: str
    change: float | None
    rci: float | None  # None where it cannot be told
    reliable: bool | None  # |RCI| > 1.96
    reason: str | None  # why it cannot be told: incomplete or no-norm
    line: str  # the sentence a person reads
    across_versions: bool = False  # an assessment answered another version than the norms


@dataclass(frozen=True, eq=False)
class NormsUsed:
    file: str
    questionnaire_id: str
    questionnaire_version: int
    n: int
    scales: tuple[tuple[str, float | None, float | None], ...]  # id, sd, alpha


@dataclass(frozen=True, eq=False)
class PersonProgress:
    name: str
    count: int
    count_label: str  # "3 assessments"
    assessments: tuple[AssessmentRow, ...]  # oldest first
    since_first: Shift
    since_previous: Shift
    sections_since_first: tuple[SectionShift, ...]
    changes_line: str
    single: str | None  # the note for someone with only one assessment
    signs: tuple[SignRow, ...]
    resolved: tuple[str, ...]
    new: tuple[str, ...]
    ongoing: tuple[str, ...]
    ongoing_heading: str  # "Still open", or "Flagged now" for a first assessment
    chart_title: str  # the trend chart said in words, for screen readers
    # Each change of the index and the sections between consecutive assessments, with --norms.
    reliable_changes: tuple[ReliableChange, ...] = ()

    @property
    def moved(self) -> tuple[SignRow, ...]:
        return tuple(row for row in self.signs if row.direction in ("better", "worse"))


@dataclass(frozen=True, eq=False)
class ProgressDocument:
    title: str
    questionnaire: QuestionnaireLine
    how_to_read: tuple[str, ...]
    bands: tuple[Band, ...]
    people: tuple[PersonProgress, ...]
    closing: Closing
    # What the record is made from; the record only when a format asks for it (FHIR).
    answered: tuple[tuple[Questionnaire, Assessment], ...] = field(repr=False)
    reliability: tuple[str, ...] = ()  # how reliable change is told here, or why it is not
    reliable_heading: str = ""
    norms: NormsUsed | None = None

    @cached_property
    def record(self) -> Record:
        """Every assessment's answers and scores as data, for a record system."""
        from intimacy_check.documents.record import record

        return record(self.answered)


def shift(before: float | None, after: float | None) -> Shift:
    """Labelled from the scores as displayed, so a change always matches the numbers
    beside it (65 to 72.5 reads +7)."""
    if before is None or after is None:
        return Shift(None, _(m.NO_CHANGE))
    shown = math.floor(after) - math.floor(before)
    return Shift(after - before, f"+{shown}" if shown > 0 else str(shown))


def progress_document(
    questionnaire: Questionnaire,
    people: tuple[RespondentProgress, ...],
    *,
    norms: Norms | None = None,
) -> ProgressDocument:
    """`questionnaire` is the newest version any assessment answered: its sections and
    bands head the document. With `norms`, each change says whether it goes beyond
    measurement noise; without, the document says that this cannot be told."""
    from intimacy_check.messages import stats as st

    how_to_read = [
        _(m.READ_PROGRESS_ROWS),
        _(m.READ_PROGRESS_DIRECTION),
        _(m.READ_PROGRESS_SMALL_CHANGES),
    ]
    if any(len(person.versions) > 1 for person in people):
        how_to_read.append(_(m.READ_PROGRESS_VERSIONS))
    return ProgressDocument(
        title=_(m.PROGRESS_TITLE),
        questionnaire=questionnaire_line(questionnaire),
        how_to_read=tuple(how_to_read),
        bands=band_rows(questionnaire),
        people=tuple(_person(questionnaire, person, norms=norms) for person in people),
        closing=closing(),
        answered=tuple(
            (point.questionnaire, point.assessment) for person in people for point in person.points
        ),
        reliability=_reliability(norms),
        reliable_heading=_(st.RELIABLE_HEADING),
        norms=None if norms is None else _norms_used(norms),
    )


def _reliability(norms: Norms | None) -> tuple[str, ...]:
    from intimacy_check.messages import stats as st
    from intimacy_check.stats import STABLE_FROM

    if norms is None:
        return (_(st.NO_NORMS),)
    lines = [
        _(
            st.NORMS_USED,
            file=inert(norms.source),
            count=norms.n,
            id=inert(norms.questionnaire_id),
            version=norms.questionnaire_version,
        )
    ]
    if norms.n < STABLE_FROM:
        lines.append(_(st.NORMS_UNSTABLE, minimum=STABLE_FROM))
    lines.append(_(st.READ_RELIABLE_CHANGE))
    return tuple(lines)


def _norms_used(norms: Norms) -> NormsUsed:
    return NormsUsed(
        file=inert(norms.source),
        questionnaire_id=norms.questionnaire_id,
        questionnaire_version=norms.questionnaire_version,
        n=norms.n,
        scales=tuple((scale_id, scale.sd, scale.alpha) for scale_id, scale in norms.scales.items()),
    )


def reliable_changes(
    questionnaire: Questionnaire, person: RespondentProgress, norms: Norms
) -> tuple[ReliableChange, ...]:
    """The index, then each section of `questionnaire`, for each pair of consecutive
    assessments."""

    labels = {"index": _(m.INTIMACY_INDEX)}
    labels.update({section.id: inert(section.score_label) for section in questionnaire.sections})
    changes = []
    for start, end in zip(person.points, person.points[1:], strict=False):
        for scale_id, label in labels.items():
            changes.append(_reliable_change(scale_id, label, start, end, norms))
    return tuple(changes)


def _score(point: Point, scale_id: str) -> float | None:
    assessment = point.assessment
    return assessment.index if scale_id == "index" else assessment.sections.get(scale_id)


def _reliable_change(
    scale_id: str, label: str, start: Point, end: Point, norms: Norms
) -> ReliableChange:
    from intimacy_check.messages import stats as st
    from intimacy_check.stats import is_reliable, reliable_change_index

    before, after = _score(start, scale_id), _score(end, scale_id)
    dates = {"before": _date(start), "after": _date(end)}
    norm = norms.scales.get(scale_id)
    reason = None
    if before is None or after is None:
        reason, why = "incomplete", _(st.RCI_INCOMPLETE)
    elif norm is None or norm.sd is None or norm.alpha is None:
        reason, why = "no-norm", _(st.RCI_NO_NORM)
    if reason is not None or before is None or after is None or norm is None:
        line = _(st.RCI_CANNOT, scale=label, reason=why, **dates)
        change = None if before is None or after is None else after - before
        return ReliableChange(
            scale_id, dates["before"], dates["after"], change, None, None, reason, line
        )
    assert norm.sd is not None and norm.alpha is not None  # refused above
    rci = reliable_change_index(before, after, sd=norm.sd, alpha=norm.alpha)
    reliable = is_reliable(rci)
    line = _(
        st.RCI_LINE,
        scale=label,
        change=shift(before, after).label,
        rci=f"{rci:+.2f}",
        verdict=_(st.BEYOND_NOISE if reliable else st.WITHIN_NOISE),
        **dates,
    )
    other = _other_version(norms, start, end)
    if other is not None:
        version = norms.questionnaire_version
        line += " " + _(st.RCI_OTHER_VERSION, version=version, other=other)
    return ReliableChange(
        scale_id,
        dates["before"],
        dates["after"],
        after - before,
        rci,
        reliable,
        None,
        line,
        across_versions=other is not None,
    )


def _other_version(norms: Norms, start: Point, end: Point) -> int | None:
    """The version of either assessment where it is not the one the norms were made from.

    Progress compares index and section scores across versions as they are, so reliable
    change is told across them too, with a word of care: the reliability and spread of
    another version were not measured."""
    return next(
        (
            point.questionnaire.version
            for point in (start, end)
            if point.questionnaire.version != norms.questionnaire_version
        ),
        None,
    )


def _date(point: Point) -> str:
    moment = point.assessment.sheet.completed_at
    return moment.date().isoformat() if moment else _(m.UNKNOWN_DATE)


def _person(
    questionnaire: Questionnaire, person: RespondentProgress, *, norms: Norms | None
) -> PersonProgress:
    rows = tuple(
        _assessment_row(questionnaire, point.file, point.assessment, point.questionnaire.version)
        for point in person.points
    )
    several = len(rows) > 1
    none = Shift(None, _(m.NO_CHANGE))
    since_first = shift(person.first.index, person.latest.index) if several else none
    since_previous = (
        shift(person.points[-2].assessment.index, person.latest.index) if several else none
    )
    return PersonProgress(
        name=inert(person.name),
        count=len(rows),
        count_label=_(m.ASSESSMENT_COUNT, count=len(rows)) if several else _(m.ASSESSMENT_ONE),
        assessments=rows,
        since_first=since_first,
        since_previous=since_previous,
        sections_since_first=tuple(
            SectionShift(
                section.id,
                inert(section.score_label),
                shift(person.first.sections.get(section.id), person.latest.sections.get(section.id))
                if several
                else none,
            )
            for section in questionnaire.sections
        ),
        changes_line=_(
            m.CHANGES_LINE, since_first=since_first.label, since_previous=since_previous.label
        ),
        single=None if several else _(m.ONE_ASSESSMENT),
        signs=tuple(
            SignRow(
                id=item.sign.id,
                section=item.sign.section,
                # The plain title: the ratings beside it are of the statement as worded.
                title=title_for(item.sign, None),
                first=item.first,
                latest=item.latest,
                first_label="–" if item.first is None else str(item.first),
                latest_label="–" if item.latest is None else str(item.latest),
                direction=item.direction.value,
                direction_label=_(DIRECTION_LABELS[item.direction]),
                change=item.change.value,
            )
            for item in person.signs
        ),
        # A resolved concern is named by its topic: its problem title would read as news.
        resolved=tuple(inert(item.sign.topic) for item in person.with_change(Change.RESOLVED)),
        new=_concerns(person, Change.NEW),
        ongoing=_concerns(person, Change.ONGOING),
        ongoing_heading=_(m.STILL_OPEN) if several else _(m.FLAGGED_NOW),
        chart_title=_(
            m.CHART_TITLE,
            name=inert(person.name),
            points=_(m.LIST_SEPARATOR).join(
                _(m.CHART_POINT, index=row.index.label, date=row.date or _(m.UNKNOWN_DATE))
                for row in rows
            ),
        ),
        reliable_changes=() if norms is None else reliable_changes(questionnaire, person, norms),
    )


def _concerns(person: RespondentProgress, change: Change) -> tuple[str, ...]:
    return tuple(inert(item.sign.concern_title) for item in person.with_change(change))


def _assessment_row(
    questionnaire: Questionnaire, file: str, assessment: Assessment, version: int
) -> AssessmentRow:
    moment = assessment.sheet.completed_at
    band = assessment.band
    return AssessmentRow(
        file=inert(file),
        date=moment.date().isoformat() if moment else "",
        completed_at=moment.isoformat() if moment else None,
        version=version,
        index=score(assessment.index),
        band_id=band.id if band else None,
        band=inert(_band_label(questionnaire, band)) if band else _(m.INCOMPLETE),
        sections=tuple(
            SectionScore(
                section.id, inert(section.score_label), score(assessment.sections.get(section.id))
            )
            for section in questionnaire.sections
        ),
    )


def _band_label(questionnaire: Questionnaire, band: Band) -> str:
    """A band as the newest version names it, so that one table names each band once."""
    return next((shown.label for shown in questionnaire.bands if shown.id == band.id), band.label)
