"""The report as plain, display-ready data: the one input of the text, Markdown and HTML formats.

Every string here is inert text (no control characters) but not escaped: each format
escapes it for its own markup (Jinja2 autoescaping for HTML, a finalize hook for
Markdown). Numbers come both rounded for display and raw for charts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from intimacy_check.render.inert import inert, rounded
from intimacy_check.render.wording import (
    CATEGORY_LABELS,
    drivers,
    imbalance_sentences,
    section_sentence,
)
from intimacy_check.report import Report
from intimacy_check.scoring import Assessment, Flag

if TYPE_CHECKING:
    from intimacy_check.couple import Comparison

FLAG_LABELS = {
    Flag.STRENGTH: "strength",
    Flag.GROWTH: "growth area",
    Flag.WARNING: "warning sign",
    Flag.NEUTRAL: "neutral",
    Flag.SKIPPED: "skipped",
}

HOW_TO_READ = (
    "Each statement was rated from 1 (strongly disagree) to 5 (strongly agree). "
    "Every rating is turned into a score where higher always means more closeness: for the "
    "warning signs, disagreeing scores high.",
    "The intimacy index is the average of those scores on a scale of 0 to 100; each section "
    "has its own score the same way. A section with fewer than 8 rated statements has no "
    "score, and the index is then shown as incomplete.",
    "The band is a gentle summary of the index, with its thresholds listed below.",
    "This report is an aid to conversation, not a diagnosis. It reflects how each person felt "
    "on the day they answered, and it is a starting point for talking, nothing more.",
)
DISCLAIMER = (
    "intimacy-check is an aid to reflection and conversation. It is not a clinical "
    "assessment or a diagnosis, and it does not replace professional help."
)
HOW_TO_READ_COUPLE = (
    "Couple agreement counts only the statements both partners rate positively, so two people "
    "who both rate trust low are not counted as agreeing; that is shared growth instead. "
    "Statements rated two or more points apart, or on opposite sides, are seen differently: "
    "good places to start talking."
)
SAFETY = (
    "If you or your partner ever feel unsafe in your relationship, please contact local "
    "support services or emergency services."
)


@dataclass(frozen=True)
class Options:
    steps: int = 5


def _date(assessment: Assessment) -> str:
    moment = assessment.sheet.completed_at
    return moment.date().isoformat() if moment else "not finished"


def _person(report: Report, assessment: Assessment) -> dict[str, Any]:
    band = assessment.band
    return {
        "name": inert(assessment.name),
        "status": assessment.sheet.status,
        "completed": _date(assessment),
        "index": rounded(assessment.index),
        "index_value": assessment.index,
        "band": inert(band.label) if band else "incomplete",
        "band_description": inert(band.description) if band else "",
        "sections": [
            {
                "id": section.id,
                "label": inert(section.score_label),
                "score": rounded(assessment.sections[section.id]),
                "value": assessment.sections[section.id],
            }
            for section in report.questionnaire.sections
        ],
    }


def _rating(report: Report, rating: int | None) -> str:
    return "–" if rating is None else f"{rating} {inert(report.questionnaire.scale[rating - 1])}"


def _statement_sections(report: Report) -> list[dict[str, Any]]:
    categories = (
        {item.sign.id: item.category for item in report.couple.signs} if report.couple else {}
    )
    sections = []
    for section in report.questionnaire.sections:
        rows = []
        for sign in section.signs:
            results = [
                next(result for result in assessment.signs if result.sign.id == sign.id)
                for assessment in report.assessments
            ]
            category = categories.get(sign.id)
            rows.append(
                {
                    "id": sign.id,
                    "title": inert(sign.title),
                    "statement": inert(sign.statement),
                    "ratings": [_rating(report, result.rating) for result in results],
                    "flags": [FLAG_LABELS[result.flag] for result in results],
                    "flag_ids": [result.flag.value for result in results],
                    "category": CATEGORY_LABELS[category.value] if category else None,
                    "category_id": category.value if category else None,
                }
            )
        sections.append({"id": section.id, "title": inert(section.title), "rows": rows})
    return sections


def _findings(report: Report) -> list[dict[str, Any]]:
    """Strengths, growth areas, warning signs and gaps, each sign once with who flagged it."""
    names = report.names
    groups = []
    for flag, heading in (
        (Flag.STRENGTH, "Strengths"),
        (Flag.GROWTH, "Growth areas"),
        (Flag.WARNING, "Warning signs"),
    ):
        items = []
        for sign in report.questionnaire.signs:
            who = [
                inert(name)
                for name, assessment in zip(names, report.assessments, strict=True)
                if any(r.sign.id == sign.id and r.flag is flag for r in assessment.signs)
            ]
            if who:
                title = sign.strength_title if flag is Flag.STRENGTH else sign.concern_title
                items.append(
                    {
                        "title": inert(title),
                        "who": who if len(names) > 1 else [],
                        "discuss": "" if flag is Flag.STRENGTH else inert(sign.discuss),
                    }
                )
        groups.append({"id": flag.value, "heading": heading, "entries": items})
    if report.couple is not None:
        from intimacy_check.couple import Category

        groups.append(
            {
                "id": "gap",
                "heading": "Seen differently",
                "entries": [
                    {
                        "title": inert(item.sign.title),
                        "who": [],
                        "discuss": inert(item.sign.discuss),
                    }
                    for item in report.couple.in_category(Category.GAP)
                ],
            }
        )
    return groups


def _steps(report: Report, *, limit: int) -> list[dict[str, Any]]:
    titles = {sign.id: inert(sign.concern_title) for sign in report.questionnaire.signs}
    return [
        {
            "number": number,
            "title": inert(ranked.step.title),
            "summary": inert(ranked.step.summary),
            "try_this": inert(ranked.step.try_this),
            "need": ranked.need,
            "addresses": [titles[sign_id] for sign_id in ranked.addresses],
            "driven_by": drivers(ranked.needs_by_person, report.names),
            "exercises": [
                {"name": inert(item.name), "how": inert(item.how)} for item in ranked.step.exercises
            ],
        }
        for number, ranked in enumerate(report.steps[:limit], start=1)
    ]


def _couple(report: Report, couple: Comparison) -> dict[str, Any]:
    names = (report.names[0], report.names[1])
    return {
        "agreement": "–" if couple.agreement is None else f"{round(couple.agreement)}%",
        "agreement_value": couple.agreement,
        "sentences": [
            section_sentence(report.questionnaire, item, names) for item in couple.sections
        ],
        "imbalance": imbalance_sentences(couple.imbalance, names) if couple.imbalance else [],
    }


def report_view(report: Report, *, options: Options = Options()) -> dict[str, Any]:
    """Everything a report template shows, as plain dicts, lists and strings."""
    questionnaire = report.questionnaire
    people = [_person(report, assessment) for assessment in report.assessments]
    return {
        "title": "Emotional intimacy report",
        "questionnaire": {
            "id": inert(questionnaire.id),
            "version": questionnaire.version,
            "title": inert(questionnaire.title),
        },
        "names": " and ".join(person["name"] for person in people),
        "people": people,
        "is_couple": report.couple is not None,
        "couple": _couple(report, report.couple) if report.couple else None,
        "bands": [
            {"label": inert(band.label), "min": band.min, "description": inert(band.description)}
            for band in questionnaire.bands
        ],
        "how_to_read": [
            *HOW_TO_READ[:3],
            *([HOW_TO_READ_COUPLE] if report.couple else []),
            HOW_TO_READ[3],
        ],
        "statement_sections": _statement_sections(report),
        "findings": _findings(report),
        "steps": _steps(report, limit=options.steps),
        "steps_total": len(report.steps),
        "disclaimer": DISCLAIMER,
        "safety": SAFETY,
    }
