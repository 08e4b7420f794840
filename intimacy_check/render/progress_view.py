"""Progress as plain, display-ready data for the text, Markdown, HTML and JSON formats.

Strings are inert but not escaped, exactly as in `view.py`; each format escapes them.
"""

from __future__ import annotations

import math
from typing import Any

from intimacy_check.progress import Change, Direction, RespondentProgress
from intimacy_check.questionnaire import Questionnaire
from intimacy_check.render.inert import inert, rounded
from intimacy_check.render.view import DISCLAIMER, SAFETY

SPARKS = "▁▂▃▄▅▆▇█"
DIRECTION_LABELS = {
    Direction.BETTER: "better",
    Direction.WORSE: "worse",
    Direction.SAME: "same",
    Direction.SKIPPED: "skipped",
}
HOW_TO_READ = (
    "Each row is one completed questionnaire, in the order they were completed. The index and "
    "section scores run from 0 to 100, and higher always means more closeness.",
    "For each statement, better means a sign of closeness is rated higher than the first time, "
    "or a warning sign lower. Resolved growth areas and warning signs were flagged the first "
    "time and are not any more; new ones were not flagged the first time.",
    "Small changes of a few points are normal from week to week. Look for the direction over "
    "several assessments rather than a single number.",
)


def signed(before: float | None, after: float | None) -> str:
    """The change between two shown scores: '+5', '-3', '0', or '–' when either is missing.

    Taken from the scores as displayed, so the change always matches the numbers beside it.
    """
    if before is None or after is None:
        return "–"
    shown = math.floor(after) - math.floor(before)
    return f"+{shown}" if shown > 0 else str(shown)


def _index_change(person: RespondentProgress, *, since: int) -> str:
    if len(person.points) < 2:
        return "–"
    return signed(person.points[since].assessment.index, person.latest.index)


def _section_change(person: RespondentProgress, section: str) -> str:
    if len(person.points) < 2:
        return "–"
    return signed(person.first.sections[section], person.latest.sections[section])


def sparkline(values: list[float | None]) -> str:
    """The index over time in block characters; a gap for an incomplete index."""
    return "".join(
        " " if value is None else SPARKS[min(int(value / 100 * len(SPARKS)), len(SPARKS) - 1)]
        for value in values
    )


def _assessment_rows(
    questionnaire: Questionnaire, person: RespondentProgress
) -> list[dict[str, Any]]:
    rows = []
    for point in person.points:
        assessment = point.assessment
        moment = assessment.sheet.completed_at
        rows.append(
            {
                "file": inert(point.file),
                "date": moment.date().isoformat() if moment else "",
                "completed_at": moment.isoformat() if moment else None,
                "index": rounded(assessment.index),
                "index_value": assessment.index,
                "band": inert(assessment.band.label) if assessment.band else "incomplete",
                "band_id": assessment.band.id if assessment.band else None,
                "sections": [
                    {
                        "id": section.id,
                        "label": inert(section.score_label),
                        "score": rounded(assessment.sections[section.id]),
                        "value": assessment.sections[section.id],
                    }
                    for section in questionnaire.sections
                ],
            }
        )
    return rows


def _sign_rows(person: RespondentProgress) -> list[dict[str, Any]]:
    return [
        {
            "id": item.sign.id,
            "section": item.sign.section,
            "title": inert(item.sign.title),
            "first": "–" if item.first is None else str(item.first),
            "latest": "–" if item.latest is None else str(item.latest),
            "direction": DIRECTION_LABELS[item.direction],
            "change": item.change.value,
        }
        for item in person.signs
    ]


def _person(questionnaire: Questionnaire, person: RespondentProgress) -> dict[str, Any]:
    assessments = _assessment_rows(questionnaire, person)
    return {
        "name": inert(person.name),
        "assessments": assessments,
        "count": len(assessments),
        "since_first": _index_change(person, since=0),
        "since_previous": _index_change(person, since=-2),
        "sections_since_first": [
            {
                "label": inert(section.score_label),
                "change": _section_change(person, section.id),
            }
            for section in questionnaire.sections
        ],
        "trend": sparkline([row["index_value"] for row in assessments]),
        "signs": _sign_rows(person),
        "better": [inert(i.sign.title) for i in person.signs if i.direction is Direction.BETTER],
        "worse": [inert(i.sign.title) for i in person.signs if i.direction is Direction.WORSE],
        "resolved": [inert(i.sign.concern_title) for i in person.with_change(Change.RESOLVED)],
        "new": [inert(i.sign.concern_title) for i in person.with_change(Change.NEW)],
        "ongoing": [inert(i.sign.concern_title) for i in person.with_change(Change.ONGOING)],
    }


def progress_view(
    questionnaire: Questionnaire, people: tuple[RespondentProgress, ...]
) -> dict[str, Any]:
    """Everything a progress report shows, as plain dicts, lists and strings."""
    return {
        "title": "Progress over time",
        "questionnaire": {
            "id": inert(questionnaire.id),
            "version": questionnaire.version,
            "title": inert(questionnaire.title),
        },
        "people": [_person(questionnaire, person) for person in people],
        "bands": [
            {"label": inert(band.label), "min": band.min, "description": inert(band.description)}
            for band in questionnaire.bands
        ],
        "how_to_read": list(HOW_TO_READ),
        "disclaimer": DISCLAIMER,
        "safety": SAFETY,
    }


def progress_json(
    questionnaire: Questionnaire, people: tuple[RespondentProgress, ...]
) -> dict[str, Any]:
    """The JSON document: raw numbers, in time order."""

    def score(value: float | None) -> float | None:
        return None if value is None else round(value, 1)

    return {
        "questionnaire": {"id": questionnaire.id, "version": questionnaire.version},
        "respondents": [
            {
                "name": person.name,
                "assessments": [
                    {
                        "file": point.file,
                        "completed_at": point.assessment.sheet.completed_at.isoformat()
                        if point.assessment.sheet.completed_at
                        else None,
                        "index": score(point.assessment.index),
                        "band": point.assessment.band.id if point.assessment.band else None,
                        "sections": {
                            key: score(value) for key, value in point.assessment.sections.items()
                        },
                    }
                    for point in person.points
                ],
                "change": {
                    "since_first": score(person.index_change(since=0)),
                    "since_previous": score(person.index_change(since=-2)),
                },
                "signs": [
                    {
                        "id": item.sign.id,
                        "first": item.first,
                        "latest": item.latest,
                        "direction": item.direction.value,
                        "change": item.change.value,
                    }
                    for item in person.signs
                ],
            }
            for person in people
        ],
    }
