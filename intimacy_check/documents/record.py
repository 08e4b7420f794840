"""The record a practice's system keeps: each questionnaire answered, each response as it was
given, and each score. The FHIR format lays it out; it is part of every report and progress
document, built from the same assessments as the rest of them.

Unlike the other parts, it holds the data as given (names and statements untouched, times
as written), since it is read by programs and read back by this one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from intimacy_check.answers import COMPLETED
from intimacy_check.messages import _
from intimacy_check.messages import reports as m
from intimacy_check.questionnaire import Questionnaire
from intimacy_check.scoring import Assessment, sign_score

INDEX = "index"  # the id of the index among a response's scores; sections have their own


@dataclass(frozen=True, eq=False, repr=False)
class AnswerOption:
    code: int  # the rating, 1-5
    display: str  # its label on the scale
    weight: int  # its score, 0-100, where higher means closer: warning signs run backwards


@dataclass(frozen=True, eq=False, repr=False)
class RecordItem:
    id: str
    section: str
    text: str  # the statement
    options: tuple[AnswerOption, ...]


@dataclass(frozen=True, eq=False, repr=False)
class RecordQuestionnaire:
    id: str
    version: int
    title: str
    items: tuple[RecordItem, ...]


@dataclass(frozen=True, eq=False, repr=False)
class RecordScore:
    id: str  # INDEX or a section id
    label: str
    value: float  # rounded as every output rounds it
    band_id: str | None = None  # for the index
    band: str | None = None


@dataclass(frozen=True, eq=False, repr=False)
class RecordResponse:
    questionnaire_id: str
    questionnaire_version: int
    respondent: str
    status: str  # "completed" or "in-progress"
    started_at: str  # ISO 8601, as in the answer file
    completed_at: str | None
    language: str  # that the statements were read in
    # Each statement reached, in questionnaire order, with its rating (None: skipped).
    # A completed response has every statement.
    answers: tuple[tuple[str, int | None], ...]
    scores: tuple[RecordScore, ...]  # only those there are: an incomplete section has none
    # Where the quiz asked how each statement is wished to be: each rated statement's
    # wished-for rating (None: skipped), and the gap in points where there is one.
    ideal: tuple[tuple[str, int | None], ...] | None = None
    gaps: tuple[tuple[str, str, float], ...] = ()  # id, the statement's topic, points


@dataclass(frozen=True, eq=False, repr=False)
class Record:
    questionnaires: tuple[RecordQuestionnaire, ...]  # each version answered, oldest first
    responses: tuple[RecordResponse, ...]  # in the order the files were given


def record(answered: Iterable[tuple[Questionnaire, Assessment]]) -> Record:
    """The record of these assessments, each with the questionnaire it answered."""
    pairs = list(answered)
    versions = {(q.id, q.version): q for q, _assessment in pairs}
    return Record(
        questionnaires=tuple(
            _questionnaire(versions[key]) for key in sorted(versions, key=lambda k: k[1])
        ),
        responses=tuple(_response(q, assessment) for q, assessment in pairs),
    )


def _questionnaire(questionnaire: Questionnaire) -> RecordQuestionnaire:
    return RecordQuestionnaire(
        id=questionnaire.id,
        version=questionnaire.version,
        title=questionnaire.title,
        items=tuple(
            RecordItem(
                id=sign.id,
                section=sign.section,
                text=sign.statement,
                options=tuple(
                    AnswerOption(code, label, round(100 * sign_score(sign, code)))
                    for code, label in enumerate(questionnaire.scale, start=1)
                ),
            )
            for sign in questionnaire.signs
        ),
    )


def _response(questionnaire: Questionnaire, assessment: Assessment) -> RecordResponse:
    sheet = assessment.sheet
    answers = sheet.answers
    reached = [
        (sign.id, answers.get(sign.id))
        for sign in questionnaire.signs
        if sign.id in answers or sheet.status == COMPLETED
    ]
    scores = []
    if assessment.index is not None:
        band = assessment.band
        scores.append(
            RecordScore(
                INDEX,
                _(m.INTIMACY_INDEX),
                round(assessment.index, 1),
                band_id=None if band is None else band.id,
                band=None if band is None else band.label,
            )
        )
    for section in questionnaire.sections:
        value = assessment.sections.get(section.id)
        if value is not None:
            scores.append(RecordScore(section.id, section.score_label, round(value, 1)))
    return RecordResponse(
        questionnaire_id=questionnaire.id,
        questionnaire_version=questionnaire.version,
        respondent=sheet.respondent,
        status=sheet.status,
        started_at=sheet.started_at.isoformat(),
        completed_at=None if sheet.completed_at is None else sheet.completed_at.isoformat(),
        language=sheet.language,
        answers=tuple(reached),
        scores=tuple(scores),
        ideal=None
        if sheet.ideal is None
        else tuple(
            (result.sign.id, result.ideal)
            for result in assessment.signs
            if result.rating is not None and result.sign.id in sheet.ideal
        ),
        gaps=tuple(
            (result.sign.id, result.sign.topic, round(result.gap, 1))
            for result in assessment.signs
            if result.gap is not None
        ),
    )
