"""The report as JSON: the same facts as the other formats, for other programs."""

from __future__ import annotations

import json
from typing import Any

from intimacy_check.couple import Category, Comparison
from intimacy_check.render.wording import imbalance_sentences, section_sentence
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


def couple_json(report: Report, couple: Comparison) -> dict[str, Any]:
    names = (report.names[0], report.names[1])
    imbalance = couple.imbalance
    return {
        "agreement": _score(couple.agreement),
        "signs": [
            {"id": item.sign.id, "ratings": list(item.ratings), "category": item.category.value}
            for item in couple.signs
        ],
        "sections": {
            section.section_id: {
                "scores": [_score(score) for score in section.scores],
                "view": section.view.value,
                "summary": section_sentence(report.questionnaire, section, names),
            }
            for section in couple.sections
        },
        "imbalance": None
        if imbalance is None
        else {
            "flagged_by": [names[person] for person in imbalance.flagged_by],
            "less_open": None if imbalance.less_open is None else names[imbalance.less_open],
            "summary": " ".join(imbalance_sentences(imbalance, names)),
        },
        "discuss": [
            {"id": item.sign.id, "category": item.category.value, "question": item.sign.discuss}
            for item in couple.in_category(Category.GAP, Category.SHARED_GROWTH)
        ],
    }


def report_json(report: Report) -> dict[str, Any]:
    questionnaire = report.questionnaire
    document = {
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
                "driven_by": [
                    name
                    for name, need in zip(report.names, ranked.needs_by_person, strict=True)
                    if need > 0
                ],
            }
            for ranked in report.steps
        ],
    }
    if report.couple is not None:
        document["couple"] = couple_json(report, report.couple)
    return document


def render_json(report: Report) -> str:
    """Pretty-printed JSON text ending in a newline."""
    # ASCII-only output keeps control and bidi characters from files escaped for any reader.
    return json.dumps(report_json(report), indent=2, ensure_ascii=True) + "\n"
