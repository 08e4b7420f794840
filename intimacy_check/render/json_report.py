"""The report as JSON: the same facts as the other formats, for other programs."""

from __future__ import annotations

import json
from typing import Any

from intimacy_check.report import Report
from intimacy_check.scoring import Assessment


def _score(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def respondent_json(assessment: Assessment) -> dict[str, Any]:
    sheet = assessment.sheet
    return {
        "name": sheet.respondent,
        "status": sheet.status,
        "started_at": sheet.started_at.isoformat(),
        "completed_at": sheet.completed_at.isoformat() if sheet.completed_at else None,
        "index": _score(assessment.index),
        "band": assessment.band.id if assessment.band else None,
        "band_label": assessment.band.label if assessment.band else None,
        "sections": {section: _score(score) for section, score in assessment.sections.items()},
        "signs": [
            {
                "id": result.sign.id,
                "section": result.sign.section,
                "rating": result.rating,
                "flag": result.flag.value,
            }
            for result in assessment.signs
        ],
    }


def report_json(report: Report) -> dict[str, Any]:
    questionnaire = report.questionnaire
    return {
        "questionnaire": {"id": questionnaire.id, "version": questionnaire.version},
        "respondents": [respondent_json(assessment) for assessment in report.assessments],
        "steps": [
            {
                "id": ranked.step.id,
                "title": ranked.step.title,
                "kind": ranked.step.kind,
                "need": ranked.need,
                "needs_by_respondent": list(ranked.needs_by_person),
                "addresses": list(ranked.addresses),
            }
            for ranked in report.steps
        ],
    }


def render_json(report: Report) -> str:
    """Pretty-printed JSON text ending in a newline."""
    return json.dumps(report_json(report), indent=2, ensure_ascii=False) + "\n"
