"""FHIR as this tool speaks it: the names its resources use, and a QuestionnaireResponse
read back as an answer sheet.

A practice's record system may hold our answers as FHIR R4 resources, exported by
`--format fhir` or filled in there from the exported Questionnaire. Such a file is read
here into the same document an answer file is, and then checked by the same code, so
that every rule of an answer file (the name, the times, the ratings) holds for it too.
What FHIR allows and an answer file cannot mean is refused in one line: a status other
than in-progress or completed, nested items, a second answer to one statement, a value
that is not one of the statement's options, an element we do not know.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, NamedTuple

from intimacy_check.errors import AnswerFileError
from intimacy_check.messages import _
from intimacy_check.messages import errors as m

# Our own names. No address of ours serves them, so they are URNs rather than URLs
# that would promise a page; a record system needs them only to be the same each time.
BASE = "urn:intimacy-check"
RATING_SYSTEM = f"{BASE}:rating"  # the codes 1-5 of the rating scale
SCORE_SYSTEM = f"{BASE}:score"  # what an Observation scores: "index" or a section id
BAND_SYSTEM = f"{BASE}:band"  # the index's band, as the Observation's interpretation
STARTED_AT = f"{BASE}:started-at"  # extension: when a completed response was begun
# Extensions of wished-for ratings (quiz --ideal): on a response, that they were asked;
# on an answer, the rating of how the statement is wished to be, coded as the answer is.
# An answered item without one had its wished-for question skipped.
ASKS_IDEAL = f"{BASE}:asks-ideal"
IDEAL = f"{BASE}:ideal"
GAP_SYSTEM = f"{BASE}:gap"  # what a gap Observation measures: the statement's id
# FHIR's own extension for the score of an answer option (called ordinalValue in R4's
# core, itemWeight since R5 and in the extensions package R4 systems use).
ITEM_WEIGHT = "http://hl7.org/fhir/StructureDefinition/itemWeight"
RESPONSE = "QuestionnaireResponse"
STATUSES = ("in-progress", "completed")  # of the value set's five, the two an answer file has


def questionnaire_url(questionnaire_id: str) -> str:
    return f"{BASE}:questionnaire:{questionnaire_id}"


_URL_PREFIX = questionnaire_url("")

# Every element R4 gives these resources; one we do not know is more likely a mistake
# than something to pass over, and a modifierExtension could change what the rest means.
_RESPONSE_KEYS = frozenset(
    {
        *("resourceType", "id", "meta", "implicitRules", "language", "text", "contained"),
        *("extension", "identifier", "basedOn", "partOf", "questionnaire", "status"),
        *("subject", "encounter", "authored", "author", "source", "item"),
    }
)
_ITEM_KEYS = frozenset({"id", "extension", "linkId", "definition", "text", "answer"})
_ANSWER_KEYS = frozenset({"id", "extension", "valueCoding"})
_CODING_KEYS = frozenset(
    {"id", "extension", "system", "version", "code", "display", "userSelected"}
)


class Response(NamedTuple):
    """A response as an answer-file document, and what each of its keys is called in FHIR."""

    document: dict[str, Any]
    shown: dict[str, str]


def parse_response(text: str, *, source: str) -> Response:
    """A QuestionnaireResponse (or a Bundle holding one) as an answer-file document, for
    `answers.parse_answer_sheet` to check like any other. AnswerFileError if it cannot be."""
    resource = _response_in(_load_json(text, source), source)
    unknown = sorted(set(resource) - _RESPONSE_KEYS)
    if unknown:
        raise AnswerFileError(_(m.FHIR_UNKNOWN_ELEMENT, source=source, key=repr(unknown[0])))
    questionnaire_id, version = _canonical(resource.get("questionnaire"), source)
    status = resource.get("status")
    if status not in STATUSES:
        raise AnswerFileError(_(m.FHIR_STATUS, source=source, status=repr(status)))
    authored = resource.get("authored")
    if authored is None:
        raise AnswerFileError(_(m.FHIR_NO_AUTHORED, source=source))
    started = _started_at(resource.get("extension")) if status == "completed" else None
    document = {
        "format": "intimacy-check/answers",
        "version": 1,
        "questionnaire": {"id": questionnaire_id, "version": version},
        "respondent": _subject(resource.get("subject"), source),
        "status": status,
        "started_at": started or authored,
        "completed_at": authored if status == "completed" else None,
        "language": resource.get("language"),
        "answers": _answers(resource.get("item"), source),
    }
    extensions = resource.get("extension")
    if extensions is not None and not isinstance(extensions, list):
        raise AnswerFileError(_(m.FHIR_EXTENSIONS_NOT_LIST, source=source, where="response"))
    ideal = _ideal(resource.get("item"), document["answers"], source)
    # A response asks how each statement is wished to be when it says so, or when any of
    # its answers holds a wished-for rating: none is ever dropped for want of the flag.
    if _asks_ideal(extensions) or any(rating is not None for rating in ideal.values()):
        document["version"] = 3
        document["ideal"] = ideal
    shown = {
        "respondent": "subject.display",
        "started_at": "authored" if started is None else STARTED_AT,
        "completed_at": "authored",
    }
    return Response(document, shown)


def split_bundle(content: bytes, *, source: str) -> list[tuple[str, bytes]] | None:
    """Each response of a Bundle holding several, as its own JSON with its own name
    ("couple.fhir.json, response 2"), for the commands that read several people at once;
    None for anything else, which is read as one file."""
    from intimacy_check.strict_yaml import ReadError, decode_text

    try:
        text = decode_text(content, source=source)
    except ReadError:
        return None  # reading it as one file says what is wrong
    document = _load_json(text, source)
    if not isinstance(document, Mapping) or document.get("resourceType") != "Bundle":
        return None
    responses = _responses(document)
    if len(responses) < 2:
        return None
    return [
        (_(m.FHIR_RESPONSE_OF, source=source, number=number), json.dumps(response).encode())
        for number, response in enumerate(responses, start=1)
    ]


def _responses(bundle: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    entries = bundle.get("entry") or []
    return [
        entry["resource"]
        for entry in (entries if isinstance(entries, list) else [])
        if isinstance(entry, Mapping)
        and isinstance(entry.get("resource"), Mapping)
        and entry["resource"].get("resourceType") == RESPONSE
    ]


def _load_json(text: str, source: str) -> Any:
    def no_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for key, value in pairs:
            if key in found:
                raise AnswerFileError(_(m.FHIR_KEY_TWICE, source=source, key=repr(key)))
            found[key] = value
        return found

    def no_constant(name: str) -> Any:
        raise AnswerFileError(_(m.FHIR_NOT_JSON, source=source, problem=name))

    try:
        return json.loads(text, object_pairs_hook=no_repeats, parse_constant=no_constant)
    except json.JSONDecodeError as error:
        problem = f"line {error.lineno}, column {error.colno}: {error.msg}"
        raise AnswerFileError(_(m.FHIR_NOT_JSON, source=source, problem=problem)) from None
    except RecursionError:
        raise AnswerFileError(_(m.FHIR_TOO_DEEP, source=source)) from None


def _response_in(document: Any, source: str) -> Mapping[str, Any]:
    """The response itself, or the one response a Bundle holds."""
    if not isinstance(document, Mapping):
        raise AnswerFileError(_(m.FHIR_NOT_RESOURCE, source=source))
    kind = document.get("resourceType")
    if kind == RESPONSE:
        return document
    if kind != "Bundle":
        raise AnswerFileError(_(m.FHIR_OTHER_RESOURCE, source=source, kind=repr(kind)))
    found = _responses(document)
    if len(found) != 1:
        raise AnswerFileError(_(m.FHIR_BUNDLE_RESPONSES, source=source, count=len(found)))
    return found[0]


def _canonical(raw: Any, source: str) -> tuple[str, int]:
    """('emotional-intimacy', 2) from 'urn:intimacy-check:questionnaire:emotional-intimacy|2'."""
    if raw is None:
        raise AnswerFileError(_(m.FHIR_NO_QUESTIONNAIRE, source=source))
    if not isinstance(raw, str) or not raw.startswith(_URL_PREFIX):
        raise AnswerFileError(
            _(
                m.FHIR_OTHER_QUESTIONNAIRE,
                source=source,
                questionnaire=repr(raw),
                prefix=_URL_PREFIX,
            )
        )
    questionnaire_id, bar, version = raw[len(_URL_PREFIX) :].partition("|")
    if not questionnaire_id or not bar or not version.isdigit() or not version.isascii():
        raise AnswerFileError(_(m.FHIR_NO_VERSION, source=source, questionnaire=repr(raw)))
    return questionnaire_id, int(version)


def _subject(raw: Any, source: str) -> Any:
    """The name (checked later, as an answer file's respondent is)."""
    if raw is None:
        return None
    if not isinstance(raw, Mapping) or "display" not in raw:
        raise AnswerFileError(_(m.FHIR_SUBJECT, source=source))
    return raw["display"]


def _started_at(extensions: Any) -> Any:
    for extension in extensions if isinstance(extensions, list) else []:
        if isinstance(extension, Mapping) and extension.get("url") == STARTED_AT:
            return extension.get("valueDateTime")
    return None


def _asks_ideal(extensions: Any) -> bool:
    return any(
        isinstance(extension, Mapping)
        and extension.get("url") == ASKS_IDEAL
        and extension.get("valueBoolean") is True
        for extension in (extensions if isinstance(extensions, list) else [])
    )


def _ideal(items: Any, answers: Mapping[str, int | None], source: str) -> dict[str, int | None]:
    """Each rated statement's wished-for rating, from its answer's extension (None where
    there is none: that question was skipped). The items were checked by `_answers`."""
    ideal: dict[str, int | None] = {}
    for item in items or []:
        link_id = item["linkId"]
        if answers.get(link_id) is None:
            continue
        extensions = item["answer"][0].get("extension", [])
        where = repr(link_id)
        if not isinstance(extensions, list) or not all(
            isinstance(extension, Mapping) for extension in extensions
        ):
            raise AnswerFileError(
                _(m.FHIR_EXTENSIONS_NOT_LIST, source=source, where=f"item {where}")
            )
        found = [extension for extension in extensions if extension.get("url") == IDEAL]
        if len(found) > 1:
            raise AnswerFileError(_(m.FHIR_SECOND_IDEAL, source=source, item=where))
        ideal[link_id] = _ideal_rating(found[0], source, where) if found else None
    return ideal


def _ideal_rating(extension: Mapping[str, Any], source: str, where: str) -> int:
    rating = _coded_rating(extension.get("valueCoding"))
    if set(extension) != {"url", "valueCoding"} or rating is None:
        raise AnswerFileError(_(m.FHIR_IDEAL_NOT_AN_OPTION, source=source, item=where))
    return rating


def _coded_rating(coding: Any) -> int | None:
    """The rating a valueCoding of the rating scale holds, or None for anything else."""
    if (
        not isinstance(coding, Mapping)
        or set(coding) - _CODING_KEYS
        or coding.get("system", RATING_SYSTEM) != RATING_SYSTEM
        or not isinstance(coding.get("code"), str)  # a list or an object cannot be a key
    ):
        return None
    return _CODES.get(coding["code"])


def _answers(items: Any, source: str) -> dict[str, int | None]:
    """Each statement's rating; an item without an answer was skipped. What a completed
    response leaves out was skipped too, which `answers` is told by the caller."""
    if items is None:
        return {}
    if not isinstance(items, list):
        raise AnswerFileError(_(m.FHIR_ITEMS_NOT_LIST, source=source))
    answers: dict[str, int | None] = {}
    for item in items:
        link_id = item.get("linkId") if isinstance(item, Mapping) else None
        if not isinstance(link_id, str) or not link_id:
            raise AnswerFileError(_(m.FHIR_ITEM_NO_LINK_ID, source=source))
        where = repr(link_id)
        if "item" in item:
            raise AnswerFileError(_(m.FHIR_NESTED_ITEM, source=source, item=where))
        unknown = sorted(set(item) - _ITEM_KEYS)
        if unknown:
            raise AnswerFileError(
                _(m.FHIR_UNKNOWN_ITEM_ELEMENT, source=source, item=where, key=repr(unknown[0]))
            )
        if link_id in answers:
            raise AnswerFileError(_(m.FHIR_ITEM_TWICE, source=source, item=where))
        answers[link_id] = _rating(item.get("answer"), source, where)
    return answers


def _rating(raw: Any, source: str, where: str) -> int | None:
    if raw is None or raw == []:
        return None
    if not isinstance(raw, list):
        raise AnswerFileError(_(m.FHIR_NOT_AN_OPTION, source=source, item=where))
    if len(raw) > 1:
        raise AnswerFileError(_(m.FHIR_SECOND_ANSWER, source=source, item=where))
    answer = raw[0]
    rating = _coded_rating(answer.get("valueCoding")) if isinstance(answer, Mapping) else None
    if rating is None or set(answer) - _ANSWER_KEYS:
        raise AnswerFileError(_(m.FHIR_NOT_AN_OPTION, source=source, item=where))
    return rating


_CODES = {str(rating): rating for rating in (1, 2, 3, 4, 5)}
