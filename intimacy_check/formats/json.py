"""Documents as JSON for other programs: raw values, ids instead of labels, and a `schema`
key naming the shape (the JSON Schemas ship in intimacy_check/schemas)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from intimacy_check.documents.caseload import CaseloadDocument, CaseloadRow
    from intimacy_check.documents.comparison import CoupleSummary
    from intimacy_check.documents.parts import (
        Closing,
        Person,
        SafetyNote,
        StatementRow,
        StepItem,
    )
    from intimacy_check.documents.progress import NormsUsed, PersonProgress, ProgressDocument
    from intimacy_check.documents.report import ReportDocument
    from intimacy_check.documents.stats import StatsBlock
    from intimacy_check.documents.wishes import Wishes
    from intimacy_check.stats import Figure


# Each output's schema version, raised when a reader of the last one could break: the
# summary's 2 lists sealed files, with status "sealed" and respondent null, and gives
# each band's label beside its id. Progress 2 names each assessment's questionnaire
# version, and a statement that changed meaning between versions has direction "reworded".
# Report 2 has "support": the safety note that opens one person's report, or null.
# Report 3 gives each statement its wished-for rating ("ideal") and "gap", each respondent
# "wished_for", says what ranked the steps ("ranked_by"), and has "notes": how one
# person's answers were given, empty for a couple.
# Progress 3 adds "norms" and "reliable_change_note", and each respondent's
# "reliable_change"; summary 3 adds "stats", with --stats.
SCHEMA_VERSIONS = {"report": 3, "progress": 3, "summary": 3}


def _schema(name: str) -> dict[str, Any]:
    return {"name": f"intimacy-check/{name}", "version": SCHEMA_VERSIONS[name]}


def _number(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _closing(closing: Closing) -> dict[str, str]:
    return {"disclaimer": closing.disclaimer, "safety": closing.safety}


def _dump(value: Any) -> str:
    # ASCII-only output keeps control and bidi characters from files escaped for any reader.
    return json.dumps(value, indent=2, ensure_ascii=True) + "\n"


def _respondent(
    person: Person, rows: list[StatementRow], number: int, wishes: Wishes | None
) -> dict[str, Any]:
    return {
        "name": person.name,
        "status": person.status,
        "started_at": person.started_at,
        "completed_at": person.completed_at,
        "answered": person.answered,
        "index": _number(person.index.value),
        "band": person.band_id,
        "band_label": person.band if person.band_id else None,
        "sections": {section.id: _number(section.score.value) for section in person.sections},
        "signs": [
            {
                "id": row.id,
                "section": row.section,
                "rating": row.cells[number].value,
                "flag": row.cells[number].flag,
                "ideal": row.cells[number].ideal,
                "gap": _number(row.cells[number].gap),
            }
            for row in rows
        ],
        "wished_for": None if wishes is None else _wished_for(wishes, number),
    }


def _wished_for(wishes: Wishes, number: int) -> dict[str, Any]:
    person = wishes.people[number]
    return {
        "worth_talking_about": wishes.threshold,
        "largest": [{"id": wish.id, "gap": _number(wish.gap)} for wish in person.largest],
        "close": [wish.id for wish in person.close],
    }


def _support(note: SafetyNote) -> dict[str, str]:
    return {
        "reason": note.reason,
        "heading": note.heading,
        "note": note.note,
        "support": note.support,
    }


def _step(step: StepItem) -> dict[str, Any]:
    return {
        "id": step.id,
        "title": step.title,
        "kind": step.kind,
        "need": step.need,
        "needs_by_respondent": list(step.needs_by_person),
        "addresses": list(step.address_ids),
        "driven_by": list(step.driven_by),
    }


def _couple(couple: CoupleSummary, rows: list[StatementRow]) -> dict[str, Any]:
    imbalance = couple.imbalance
    return {
        "agreement": _number(couple.agreement.value),
        "agreement_summary": couple.agreement_sentence,
        "signs": [
            {"id": row.id, "ratings": [cell.value for cell in row.cells], "category": row.category}
            for row in rows
        ],
        "sections": {
            section.id: {
                "scores": [_number(score.value) for score in section.scores],
                "view": section.view,
                "summary": section.sentence,
            }
            for section in couple.sections
        },
        "imbalance": None
        if imbalance is None
        else {
            "flagged_by": list(imbalance.flagged_by),
            "less_open": imbalance.less_open,
            "summary": " ".join(imbalance.sentences),
        },
        "discuss": [
            {"id": item.id, "category": item.category, "question": item.discuss}
            for item in couple.discussion
        ],
    }


def report(document: ReportDocument) -> str:
    rows = [row for group in document.statement_groups for row in group.rows]
    value: dict[str, Any] = {
        "schema": _schema("report"),
        "questionnaire": {
            "id": document.questionnaire.id,
            "version": document.questionnaire.version,
        },
        "respondents": [
            _respondent(person, rows, number, document.wishes)
            for number, person in enumerate(document.people)
        ],
        "advice": document.advice.kind,
        "ranked_by": document.advice.ranked_by,
        "steps": [_step(step) for step in document.advice.ranked],
        "support": None if document.safety is None else _support(document.safety),
        "notes": [
            {
                "id": note.id,
                "grade": note.grade,
                "heading": note.heading,
                "sentence": note.sentence,
                "values": dict(note.values),
            }
            for note in document.notes
        ],
    }
    if document.couple is not None:
        value["couple"] = _couple(document.couple, rows)
    return _dump({**value, **_closing(document.closing)})


def _progress_person(person: PersonProgress) -> dict[str, Any]:
    return {
        "name": person.name,
        "assessments": [
            {
                "file": row.file,
                "completed_at": row.completed_at,
                "questionnaire_version": row.version,
                "index": _number(row.index.value),
                "band": row.band_id,
                "sections": {section.id: _number(section.score.value) for section in row.sections},
            }
            for row in person.assessments
        ],
        "change": {
            "since_first": _number(person.since_first.value),
            "since_previous": _number(person.since_previous.value),
        },
        "signs": [
            {
                "id": row.id,
                "first": row.first,
                "latest": row.latest,
                "direction": row.direction,
                "change": row.change,
            }
            for row in person.signs
        ],
        "reliable_change": [
            {
                "scale": change.scale,
                "from": change.before,
                "to": change.after,
                "change": _number(change.change),
                "rci": None if change.rci is None else round(change.rci, 2),
                "reliable": change.reliable,
                "not_told": change.reason,
                "across_versions": change.across_versions,
            }
            for change in person.reliable_changes
        ],
    }


def _norms(norms: NormsUsed) -> dict[str, Any]:
    return {
        "file": norms.file,
        "questionnaire": {"id": norms.questionnaire_id, "version": norms.questionnaire_version},
        "n": norms.n,
        "scales": {scale: {"sd": sd, "alpha": alpha} for scale, sd, alpha in norms.scales},
    }


def progress(document: ProgressDocument) -> str:
    return _dump(
        {
            "schema": _schema("progress"),
            "questionnaire": {
                "id": document.questionnaire.id,
                "version": document.questionnaire.version,
            },
            "respondents": [_progress_person(person) for person in document.people],
            "norms": None if document.norms is None else _norms(document.norms),
            "reliable_change_note": " ".join(document.reliability),
            **_closing(document.closing),
        }
    )


def caseload_row(row: CaseloadRow) -> dict[str, Any]:
    return {
        "file": row.file,
        "respondent": row.respondent,
        "status": row.status,
        "completed_at": row.completed_at,
        "index": _number(row.index.value),
        "band": row.band_id,
        "band_label": row.band_label,
        "top_concern": row.top_concern,
    }


def caseload(document: CaseloadDocument) -> Iterator[str]:
    """An object whose `rows` are written one by one, as the files are read."""
    yield '{\n  "schema": ' + json.dumps(_schema("summary")) + ',\n  "rows": ['
    for number, row in enumerate(document.rows):
        value = caseload_row(row)
        if document.items:  # each file's own ratings, null for a skipped one
            ratings = row.ratings
            value["answers"] = None if ratings is None else ratings.answers(document.items)
        yield ("," if number else "") + "\n    " + json.dumps(value, ensure_ascii=True)
    closing = json.dumps(_closing(document.closing), ensure_ascii=True)[1:-1]
    stats = ""
    if document.stats is not None:
        shown = json.dumps(stats_value(document.stats), indent=2, ensure_ascii=True)
        stats = '\n  "stats": ' + shown.replace("\n", "\n  ") + ","
    yield "\n  ]," + stats + "\n  " + closing + "\n}\n"


def _figure(value: Figure) -> float | None:
    return round(value, 4) if isinstance(value, float) else None


def _not_computed(**figures: Figure) -> dict[str, str]:
    return {
        name: value.reason.value for name, value in figures.items() if not isinstance(value, float)
    }


def stats_value(block: StatsBlock) -> dict[str, Any]:
    """The figures as numbers, rounded to 4 places; null with its reason where one
    cannot be computed."""
    figures = block.figures
    return {
        "questionnaire": {"id": figures.questionnaire_id, "version": figures.questionnaire_version},
        "n": figures.n,
        "left_out": figures.left_out,
        "sealed": figures.sealed,
        "unstable": figures.unstable,
        "note": block.unstable_note,
        "scales": {
            scale.id: {
                "n": scale.n,
                "mean": _figure(scale.mean),
                "sd": _figure(scale.sd),
                "complete": scale.complete,
                "alpha": _figure(scale.alpha),
                "item_rest": {item.sign_id: _figure(item.correlation) for item in scale.items},
                "not_computed": _not_computed(
                    mean=scale.mean,
                    sd=scale.sd,
                    alpha=scale.alpha,
                    **{item.sign_id: item.correlation for item in scale.items},
                ),
            }
            for scale in figures.scales
        },
    }


RENDERERS = {"ReportDocument": report, "ProgressDocument": progress, "CaseloadDocument": caseload}
