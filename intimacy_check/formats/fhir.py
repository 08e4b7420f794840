"""Reports and progress as a FHIR R4 Bundle, for a practice's record system.

The Bundle (type `collection`) holds each version of the Questionnaire that was answered,
one QuestionnaireResponse per answer file, and one Observation per score. Each answer
option carries its score as the itemWeight extension, so the reverse keying of the
warning signs travels with the data. The scores are Observations rather than read-only
items of the response: a record system lists, charts and searches Observations, each with
its own code and date, and each names the response it was derived from.

Resource ids are UUIDs derived from what they hold, so the same files give the same
Bundle, byte for byte.
"""

from __future__ import annotations

import json
import uuid
from typing import TYPE_CHECKING, Any

from intimacy_check.documents.record import RecordScore
from intimacy_check.fhir import (
    ASKS_IDEAL,
    BAND_SYSTEM,
    GAP_SYSTEM,
    IDEAL,
    ITEM_WEIGHT,
    RATING_SYSTEM,
    SCORE_SYSTEM,
    STARTED_AT,
    questionnaire_url,
)

if TYPE_CHECKING:
    from intimacy_check.documents.parts import Closing
    from intimacy_check.documents.progress import ProgressDocument
    from intimacy_check.documents.record import Record, RecordQuestionnaire, RecordResponse
    from intimacy_check.documents.report import ReportDocument

_NAMESPACE = uuid.UUID("6f1c1a4e-2a43-5c59-9a57-0b8f5f4f3d2e")  # this tool's, for uuid5


def _id(*parts: object) -> str:
    return str(uuid.uuid5(_NAMESPACE, "|".join(str(part) for part in parts)))


def _entry(resource: dict[str, Any]) -> dict[str, Any]:
    return {"fullUrl": f"urn:uuid:{resource['id']}", "resource": resource}


def _questionnaire(questionnaire: RecordQuestionnaire, closing: Closing) -> dict[str, Any]:
    return {
        "resourceType": "Questionnaire",
        "id": _id("Questionnaire", questionnaire.id, questionnaire.version),
        "url": questionnaire_url(questionnaire.id),
        "version": str(questionnaire.version),
        "title": questionnaire.title,
        "status": "active",
        # What every output of this tool says, where a record system shows the questionnaire.
        "description": f"{closing.disclaimer}\n\n{closing.safety}",
        "item": [
            {
                "linkId": item.id,
                "text": item.text,
                "type": "choice",
                "answerOption": [
                    {
                        "extension": [{"url": ITEM_WEIGHT, "valueDecimal": option.weight}],
                        "valueCoding": {
                            "system": RATING_SYSTEM,
                            "code": str(option.code),
                            "display": option.display,
                        },
                    }
                    for option in item.options
                ],
            }
            for item in questionnaire.items
        ],
    }


def _response(number: int, response: RecordResponse, texts: dict[str, str]) -> dict[str, Any]:
    completed = response.completed_at is not None
    resource: dict[str, Any] = {
        "resourceType": "QuestionnaireResponse",
        "id": _id("QuestionnaireResponse", number, response.respondent, response.started_at),
        "language": response.language,
    }
    extensions: list[dict[str, Any]] = []
    if completed:  # `authored` is the completion; the start would otherwise be lost
        extensions.append({"url": STARTED_AT, "valueDateTime": response.started_at})
    if response.ideal is not None:
        extensions.append({"url": ASKS_IDEAL, "valueBoolean": True})
    if extensions:
        resource["extension"] = extensions
    ideal = dict(response.ideal or ())
    resource |= {
        "questionnaire": f"{questionnaire_url(response.questionnaire_id)}"
        f"|{response.questionnaire_version}",
        "status": response.status,
        "subject": {"display": response.respondent},
        "authored": response.completed_at if completed else response.started_at,
        "item": [
            _item(link_id, rating, texts, ideal.get(link_id))
            for link_id, rating in response.answers
        ],
    }
    return resource


def _item(
    link_id: str, rating: int | None, texts: dict[str, str], ideal: int | None
) -> dict[str, Any]:
    item: dict[str, Any] = {"linkId": link_id, "text": texts[link_id]}
    if rating is not None:  # a skipped statement is an item with no answer
        answer: dict[str, Any] = {"valueCoding": _coding(rating)}
        if ideal is not None:  # how it is wished to be, coded on the same scale
            answer = {"extension": [{"url": IDEAL, "valueCoding": _coding(ideal)}], **answer}
        item["answer"] = [answer]
    return item


def _coding(rating: int) -> dict[str, str]:
    return {"system": RATING_SYSTEM, "code": str(rating)}


def _observation(
    response: dict[str, Any], score: RecordScore, *, system: str = SCORE_SYSTEM
) -> dict[str, Any]:
    final = response["status"] == "completed"
    resource: dict[str, Any] = {
        "resourceType": "Observation",
        "id": _id(
            "Observation", response["id"], score.id, *([system] if system != SCORE_SYSTEM else [])
        ),
        "status": "final" if final else "preliminary",
        "category": [
            {
                "coding": [
                    {
                        "system": "http://terminology.hl7.org/CodeSystem/observation-category",
                        "code": "survey",
                        "display": "Survey",
                    }
                ]
            }
        ],
        "code": {
            "coding": [{"system": system, "code": score.id, "display": score.label}],
            "text": score.label,
        },
        "subject": response["subject"],
        "effectiveDateTime": response["authored"],
        "valueQuantity": {
            "value": score.value,
            "unit": "score",
            "system": "http://unitsofmeasure.org",
            "code": "{score}",
        },
        "derivedFrom": [{"reference": f"urn:uuid:{response['id']}"}],
    }
    if score.band_id is not None:
        resource["interpretation"] = [
            {"coding": [{"system": BAND_SYSTEM, "code": score.band_id, "display": score.band}]}
        ]
    return resource


def bundle(record: Record, closing: Closing) -> dict[str, Any]:
    texts = {
        (q.id, q.version): {item.id: item.text for item in q.items} for q in record.questionnaires
    }
    entries = [_entry(_questionnaire(q, closing)) for q in record.questionnaires]
    responses = []
    for number, response in enumerate(record.responses):
        key = (response.questionnaire_id, response.questionnaire_version)
        made = _response(number, response, texts[key])
        responses.append(_entry(made))
        responses += [_entry(_observation(made, score)) for score in response.scores]
        responses += [  # each wished-for change, in points: ideal minus current score
            _entry(_observation(made, RecordScore(sign_id, label, gap), system=GAP_SYSTEM))
            for sign_id, label, gap in response.gaps
        ]
    return {
        "resourceType": "Bundle",
        "id": _id("Bundle", *(entry["fullUrl"] for entry in entries + responses)),
        "type": "collection",
        "entry": entries + responses,
    }


def render(document: ReportDocument | ProgressDocument) -> str:
    # ASCII-only, as the JSON format: control and bidi characters in names stay escaped.
    return json.dumps(bundle(document.record, document.closing), indent=2, ensure_ascii=True) + "\n"


RENDERERS = {"ReportDocument": render, "ProgressDocument": render}
