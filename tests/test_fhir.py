"""FHIR R4: the Bundle `--format fhir` writes, checked by the fhir.resources models (R4B,
the nearest to R4 it ships) and by the rules those models do not check; and responses
read back, from our own export or as a record system fills them in, as strictly as an
answer file."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from helpers import all_sign_ids, make_sheet
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from intimacy_check.answers import COMPLETED, IN_PROGRESS, parse_answer_bytes
from intimacy_check.cli import app
from intimacy_check.documents.parts import closing
from intimacy_check.documents.record import record
from intimacy_check.fhir import ITEM_WEIGHT, RATING_SYSTEM, STARTED_AT
from intimacy_check.formats import fhir as fhir_format
from intimacy_check.scoring import assess
from intimacy_check.versions import Questionnaires, shipped_version

EXAMPLES = Path(__file__).parent.parent / "examples"
ALEX, SAM = str(EXAMPLES / "alex.yaml"), str(EXAMPLES / "sam.yaml")
PROGRESS = [str(EXAMPLES / name) for name in ("alex-september.yaml", "alex-october.yaml")] + [ALEX]
URL = "urn:intimacy-check:questionnaire:emotional-intimacy"

# The value sets of the codes we write (FHIR R4), which the models take as any code.
STATUS_CODES = {
    "Bundle.type": {
        "document", "message", "transaction", "transaction-response", "batch",
        "batch-response", "history", "searchset", "collection",
    },
    "Questionnaire": {"draft", "active", "retired", "unknown"},
    "QuestionnaireResponse": {"in-progress", "completed", "amended", "entered-in-error", "stopped"},
    "Observation": {
        "registered", "preliminary", "final", "amended", "corrected", "cancelled",
        "entered-in-error", "unknown",
    },
}  # fmt: skip


def cli(*args: str) -> Any:
    return CliRunner().invoke(app, list(args))


def export(*args: str) -> dict[str, Any]:
    result = cli(*args, "--format", "fhir")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [
        entry["resource"] for entry in bundle["entry"] if entry["resource"]["resourceType"] == kind
    ]


def check_bundle(bundle: dict[str, Any]) -> None:
    """Valid to the models, and to the rules they leave to us."""
    Bundle.model_validate(bundle)  # raises on anything the R4B models refuse
    assert bundle["type"] in STATUS_CODES["Bundle.type"]
    questionnaires = {f"{q['url']}|{q['version']}": q for q in resources(bundle, "Questionnaire")}
    for kind in ("Questionnaire", "QuestionnaireResponse", "Observation"):
        for resource in resources(bundle, kind):
            assert resource["status"] in STATUS_CODES[kind], resource["status"]
    for response in resources(bundle, "QuestionnaireResponse"):
        questionnaire = questionnaires[response["questionnaire"]]  # it is in the Bundle
        options = {
            item["linkId"]: [option["valueCoding"] for option in item["answerOption"]]
            for item in questionnaire["item"]
        }
        for item in response["item"]:
            assert item["linkId"] in options  # every item exists in its questionnaire
            for answer in item.get("answer", []):
                coding = answer["valueCoding"]
                chosen = [
                    option
                    for option in options[item["linkId"]]
                    if (option["system"], option["code"]) == (coding["system"], coding["code"])
                ]
                assert len(chosen) == 1, (item["linkId"], coding)  # one of the item's options
    full_urls = {entry["fullUrl"] for entry in bundle["entry"]}
    assert len(full_urls) == len(bundle["entry"])
    for observation in resources(bundle, "Observation"):
        for source in observation["derivedFrom"]:
            assert source["reference"] in full_urls  # the response it was scored from


# --- what is written -------------------------------------------------------------------------


def test_the_couple_is_one_valid_bundle_with_the_questionnaire_both_responses_and_the_scores() -> (
    None
):
    bundle = export("report", ALEX, SAM)
    check_bundle(bundle)
    kinds = [entry["resource"]["resourceType"] for entry in bundle["entry"]]
    assert (
        kinds
        == ["Questionnaire"]
        + ["QuestionnaireResponse"]
        + ["Observation"] * 3
        + ["QuestionnaireResponse"]
        + ["Observation"] * 3
    )
    (questionnaire,) = resources(bundle, "Questionnaire")
    assert (questionnaire["url"], questionnaire["version"], questionnaire["status"]) == (
        URL,
        "2",
        "active",
    )
    assert len(questionnaire["item"]) == 20
    first = questionnaire["item"][0]
    assert (first["linkId"], first["type"]) == ("care-for-needs", "choice")
    assert first["text"] == (
        "When my partner's hopes and plans work out, I feel truly happy for them."
    )
    assert "not a clinical assessment or a diagnosis" in questionnaire["description"]


def weights(item: dict[str, Any]) -> list[tuple[str, str, float]]:
    return [
        (
            option["valueCoding"]["code"],
            option["valueCoding"]["display"],
            next(e["valueDecimal"] for e in option["extension"] if e["url"] == ITEM_WEIGHT),
        )
        for option in item["answerOption"]
    ]


def test_each_option_carries_its_score_so_warning_signs_count_backwards() -> None:
    (questionnaire,) = resources(export("report", ALEX), "Questionnaire")
    items = {item["linkId"]: item for item in questionnaire["item"]}
    assert weights(items["trust"]) == [
        ("1", "Strongly disagree", 0),
        ("2", "Disagree", 25),
        ("3", "In between", 50),
        ("4", "Agree", 75),
        ("5", "Strongly agree", 100),
    ]
    assert [weight for _code, _label, weight in weights(items["doubting-their-word"])] == [
        100,
        75,
        50,
        25,
        0,
    ]


def test_a_response_holds_the_answers_as_given() -> None:
    bundle = export("report", ALEX)
    (response,) = resources(bundle, "QuestionnaireResponse")
    assert response["questionnaire"] == f"{URL}|2"
    assert response["status"] == "completed"
    assert response["subject"] == {"display": "Alex"}
    assert response["authored"] == "2026-11-20T19:16:40+01:00"  # completed
    assert response["extension"] == [
        {"url": STARTED_AT, "valueDateTime": "2026-11-20T19:05:12+01:00"}
    ]
    answers = {item["linkId"]: item["answer"][0]["valueCoding"] for item in response["item"]}
    assert len(answers) == 20
    assert answers["trust"] == {"system": RATING_SYSTEM, "code": "5"}
    assert answers["holding-grudges"]["code"] == "4"


def test_the_scores_are_observations_derived_from_the_response() -> None:
    bundle = export("report", ALEX, SAM)
    observations = resources(bundle, "Observation")
    scores = {
        (o["subject"]["display"], o["code"]["coding"][0]["code"]): o["valueQuantity"]["value"]
        for o in observations
    }
    assert scores == {
        ("Alex", "index"): 72.5,
        ("Alex", "presence"): 70.0,
        ("Alex", "absence"): 75.0,
        ("Sam", "index"): 48.8,
        ("Sam", "presence"): 55.0,
        ("Sam", "absence"): 42.5,
    }
    index = observations[0]
    assert index["status"] == "final"
    assert index["code"]["text"] == "Intimacy index"
    assert index["effectiveDateTime"] == "2026-11-20T19:16:40+01:00"
    assert index["interpretation"][0]["coding"][0]["code"] == "close-with-room-to-grow"
    alex = resources(bundle, "QuestionnaireResponse")[0]
    assert index["derivedFrom"] == [{"reference": f"urn:uuid:{alex['id']}"}]


def unfinished(tmp_path: Path) -> Path:
    """Alex's file, stopped after five statements, the third of them skipped."""
    path = tmp_path / "unfinished.yaml"
    path.write_text(
        "format: intimacy-check/answers\nversion: 1\n"
        "questionnaire: {id: emotional-intimacy, version: 2}\n"
        "respondent: Alex\nstatus: in-progress\n"
        "started_at: 2026-11-20T19:05:12+01:00\ncompleted_at: null\n"
        "answers: {care-for-needs: 4, trust: 5, feel-listened-to: null, agree-to-disagree: 3,"
        " shared-interests: 4}\n"
    )
    return path


def test_an_unfinished_file_is_in_progress_with_no_scores_and_a_skipped_item_has_no_answer(
    tmp_path: Path,
) -> None:
    bundle = export("report", str(unfinished(tmp_path)), "--allow-incomplete")
    check_bundle(bundle)
    (response,) = resources(bundle, "QuestionnaireResponse")
    assert response["status"] == "in-progress"
    assert response["authored"] == "2026-11-20T19:05:12+01:00"  # begun, not yet finished
    assert "extension" not in response
    items = response["item"]
    assert [item["linkId"] for item in items] == [
        "care-for-needs",
        "trust",
        "feel-listened-to",
        "agree-to-disagree",
        "shared-interests",
    ]  # only what was reached
    assert "answer" not in items[2]  # skipped
    assert resources(bundle, "Observation") == []  # no section has enough answers yet


def test_progress_holds_each_version_answered_and_every_assessment() -> None:
    bundle = export("progress", *PROGRESS)
    check_bundle(bundle)
    versions = [q["version"] for q in resources(bundle, "Questionnaire")]
    assert versions == ["1", "2"]
    responses = resources(bundle, "QuestionnaireResponse")
    assert [r["questionnaire"] for r in responses] == [f"{URL}|1", f"{URL}|2", f"{URL}|2"]
    index = [
        o["valueQuantity"]["value"]
        for o in resources(bundle, "Observation")
        if o["code"]["coding"][0]["code"] == "index"
    ]
    assert index == [48.8, 65.0, 72.5]


def test_the_same_files_give_the_same_bundle_byte_for_byte() -> None:
    first = cli("report", ALEX, SAM, "--format", "fhir").stdout
    assert first == cli("report", ALEX, SAM, "--format", "fhir").stdout


def test_a_file_named_fhir_json_is_written_as_fhir_privately(tmp_path: Path) -> None:
    target = tmp_path / "couple.fhir.json"
    result = cli("report", ALEX, SAM, "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert json.loads(target.read_text())["resourceType"] == "Bundle"
    assert target.stat().st_mode & 0o777 == 0o600
    plain = tmp_path / "couple.json"
    assert cli("report", ALEX, SAM, "-o", str(plain)).exit_code == 0
    assert json.loads(plain.read_text())["schema"]["name"] == "intimacy-check/report"


# --- read back -------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "json", "fhir"])
def test_a_couple_exported_and_read_back_gives_the_same_report(tmp_path: Path, fmt: str) -> None:
    exported = tmp_path / "couple.fhir.json"
    assert cli("report", ALEX, SAM, "-o", str(exported)).exit_code == 0
    again = cli("report", str(exported), "--format", fmt)
    assert again.exit_code == 0, again.stderr
    assert again.stdout == cli("report", ALEX, SAM, "--format", fmt).stdout


def test_one_response_on_its_own_reads_as_its_answer_file(tmp_path: Path) -> None:
    bundle = export("report", SAM)
    path = tmp_path / "sam-response.json"
    path.write_text(json.dumps(resources(bundle, "QuestionnaireResponse")[0]))
    QuestionnaireResponse.model_validate_json(path.read_text())
    assert cli("report", ALEX, str(path), "-f", "text").stdout == (
        cli("report", ALEX, SAM, "-f", "text").stdout.replace("examples/sam.yaml", str(path))
    )


def test_progress_exported_and_read_back_gives_the_same_progress(tmp_path: Path) -> None:
    exported = tmp_path / "alex.fhir.json"
    assert cli("progress", *PROGRESS, "-o", str(exported)).exit_code == 0
    again = cli("progress", str(exported), "--format", "text")
    assert again.exit_code == 0, again.stderr
    assert again.stdout == cli("progress", *PROGRESS, "--format", "text").stdout


def record_system_response() -> dict[str, Any]:
    """As a record system fills it in from our Questionnaire: its own id and metadata, the
    option's display copied, and a statement left unanswered simply left out."""
    (questionnaire,) = resources(export("report", ALEX), "Questionnaire")
    items = []
    for number, item in enumerate(questionnaire["item"]):
        if item["linkId"] == "uneven-sharing":
            continue
        option = item["answerOption"][number % 5]["valueCoding"]
        items.append(
            {"linkId": item["linkId"], "text": item["text"], "answer": [{"valueCoding": option}]}
        )
    return {
        "resourceType": "QuestionnaireResponse",
        "id": "qr-1042",
        "meta": {"lastUpdated": "2026-11-25T10:00:00Z"},
        "questionnaire": f"{URL}|2",
        "status": "completed",
        "subject": {"reference": "Patient/p-17", "display": "Robin"},
        "authored": "2026-11-25T09:41:00+00:00",
        "item": items,
    }


def test_a_response_filled_in_by_a_record_system_is_read(tmp_path: Path) -> None:
    path = tmp_path / "robin.json"
    path.write_text(json.dumps(record_system_response()))
    result = cli("report", str(path), "--format", "json")
    assert result.exit_code == 0, result.stderr
    (person,) = json.loads(result.stdout)["respondents"]
    assert (person["name"], person["status"], person["answered"]) == ("Robin", "completed", 19)
    assert person["started_at"] == person["completed_at"] == "2026-11-25T09:41:00+00:00"
    ratings = {sign["id"]: (sign["rating"], sign["flag"]) for sign in person["signs"]}
    assert ratings["care-for-needs"] == (1, "growth")
    assert ratings["trust"] == (2, "growth")
    assert ratings["uneven-sharing"] == (None, "skipped")  # left out of a completed response


BAD_RESPONSES = [
    (
        "an unknown statement",
        lambda r: r["item"].append({"linkId": "feels-great"}),
        "answers: 'feels-great' is not a statement of this questionnaire",
    ),
    (
        "a code outside the options",
        lambda r: r["item"][0]["answer"][0]["valueCoding"].update(code="6"),
        "item 'care-for-needs': the answer must be a valueCoding with a code from 1 to 5",
    ),
    (
        "another coding system",
        lambda r: r["item"][0]["answer"][0]["valueCoding"].update(system="http://loinc.org"),
        "item 'care-for-needs': the answer must be a valueCoding with a code from 1 to 5",
    ),
    (
        "another kind of value",
        lambda r: r["item"][0].update(answer=[{"valueInteger": 3}]),
        "item 'care-for-needs': the answer must be a valueCoding with a code from 1 to 5",
    ),
    (
        "a second answer",
        lambda r: r["item"][0]["answer"].append(r["item"][1]["answer"][0]),
        "item 'care-for-needs' has more than one answer; a statement has one",
    ),
    (
        "one statement twice",
        lambda r: r["item"].append(copy.deepcopy(r["item"][0])),
        "item 'care-for-needs' appears twice; a statement is answered once",
    ),
    (
        "another questionnaire",
        lambda r: r.update(questionnaire="http://example.org/Questionnaire/phq-9|1"),
        "answers the questionnaire 'http://example.org/Questionnaire/phq-9|1', not one of "
        "intimacy-check's (they begin urn:intimacy-check:questionnaire:)",
    ),
    (
        "another version",
        lambda r: r.update(questionnaire=f"{URL}|9"),
        "was made for questionnaire 'emotional-intimacy' version 9, but the loaded "
        "questionnaire is 'emotional-intimacy' version 2",
    ),
    (
        "no version",
        lambda r: r.update(questionnaire=URL),
        "'questionnaire' must name a questionnaire and its version",
    ),
    (
        "a status an answer file cannot have",
        lambda r: r.update(status="amended"),
        "'status' must be 'in-progress' or 'completed' to be read as answers, not 'amended'",
    ),
    (
        "a nested item",
        lambda r: r["item"][0].update(item=[{"linkId": "x"}]),
        "item 'care-for-needs' holds items of its own; this questionnaire has no groups",
    ),
    (
        "a modifier extension",
        lambda r: r.update(modifierExtension=[{"url": "urn:x", "valueBoolean": True}]),
        "'modifierExtension' is not an element of a QuestionnaireResponse",
    ),
    (
        "no name",
        lambda r: r.update(subject={"reference": "Patient/p-17"}),
        "'subject' must give the respondent's name as its 'display'",
    ),
    (
        "an empty name",
        lambda r: r.update(subject={"display": "  "}),
        "'subject.display' is empty",
    ),
    (
        "a date alone",
        lambda r: r.update(authored="2026-11-25"),
        "'authored' must be a date and time with a time zone",
    ),
    (
        "no date",
        lambda r: r.pop("authored"),
        "'authored' is missing: when were these answers given?",
    ),
]


@pytest.mark.parametrize(
    ("change", "message"),
    [(change, message) for _name, change, message in BAD_RESPONSES],
    ids=[name for name, _change, _message in BAD_RESPONSES],
)
def test_a_response_that_cannot_be_answers_is_one_line(tmp_path: Path, change, message) -> None:
    response = record_system_response()
    change(response)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(response))
    result = cli("report", str(path))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"intimacy-check: error: {path}: ")
    assert message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"resourceType": "QuestionnaireResponse", "status": ', "is not valid JSON (line 1"),
        (
            '{"resourceType": "QuestionnaireResponse", "status": "completed", "status": "x"}',
            "has the key 'status' twice in one object",
        ),
        ('{"resourceType": "Observation"}', "is a FHIR 'Observation', not a QuestionnaireResponse"),
        (
            '{"resourceType": "Bundle", "type": "collection", "entry": []}',
            "is a FHIR Bundle holding 0 QuestionnaireResponses",
        ),
        ('{"resourceType": "QuestionnaireResponse", "x": ' + "[" * 100_000, "nested too deeply"),
        ('{"resourceType": "QuestionnaireResponse", "x": NaN}', "is not valid JSON (NaN)"),
    ],
    ids=["broken", "key-twice", "observation", "empty-bundle", "deep", "nan"],
)
def test_json_that_is_not_a_response_is_one_line(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "odd.json"
    path.write_text(text)
    result = cli("report", str(path))
    assert result.exit_code == 1
    assert message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_three_people_in_bundles_are_too_many_for_one_report(tmp_path: Path) -> None:
    couple = tmp_path / "couple.fhir.json"
    assert cli("report", ALEX, SAM, "-o", str(couple)).exit_code == 0
    result = cli("report", str(couple), ALEX)
    assert result.exit_code == 2
    assert "report takes one answer file, or two for a couple" in result.stderr


def test_summary_reads_a_response_by_name_and_in_a_folder_by_its_fhir_name(
    tmp_path: Path,
) -> None:
    bundle = export("report", SAM)
    response = json.dumps(resources(bundle, "QuestionnaireResponse")[0])
    (tmp_path / "sam.fhir.json").write_text(response)
    (tmp_path / "saved-report.json").write_text(cli("report", ALEX, "-f", "json").stdout)
    result = cli("summary", str(tmp_path), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = result.stdout.splitlines()
    assert len(rows) == 2 and ",Sam," in rows[1] and ",48.8," in rows[1]


def test_a_quiz_does_not_go_on_in_a_fhir_file(tmp_path: Path) -> None:
    response = record_system_response()
    response["status"] = "in-progress"
    path = tmp_path / "robin.json"
    path.write_text(json.dumps(response))
    before = path.read_bytes()
    result = cli("quiz", "--resume", str(path))
    assert result.exit_code == 1
    assert result.stderr == (
        f"intimacy-check: error: {path}: is a FHIR QuestionnaireResponse, and a quiz goes on "
        "only in an answer file of its own; finish it where it was begun, or start again "
        "with: intimacy-check quiz\n"
    )
    assert path.read_bytes() == before


# --- any sheet, there and back ----------------------------------------------------------------

RATING = st.one_of(st.none(), st.integers(1, 5))


@settings(max_examples=60, deadline=None)
@given(
    reached=st.lists(RATING, min_size=0, max_size=20),
    completed=st.booleans(),
    name=st.text(min_size=1, max_size=40).filter(lambda text: text.strip() and text.isprintable()),
)
def test_any_sheet_exported_and_read_back_is_the_same_sheet(
    reached: list[int | None], completed: bool, name: str
) -> None:
    questionnaire = shipped_version(1)  # make_sheet's ids; not a fixture, to keep reprs short
    assert questionnaire is not None
    ids = all_sign_ids()
    if completed:
        reached = (reached + [None] * 20)[:20]
    sheet = make_sheet(
        dict(zip(ids, reached, strict=False)),
        name=" ".join(name.split()),
        status=COMPLETED if completed else IN_PROGRESS,
    )
    assessment = assess(questionnaire, sheet)
    exported = fhir_format.bundle(record([(questionnaire, assessment)]), closing())
    (response,) = resources(exported, "QuestionnaireResponse")
    content = json.dumps(response).encode()
    read, _found = Questionnaires(questionnaire).for_sheet(
        parse_answer_bytes(content, source="r.json"), source="r.json"
    )
    assert read == sheet
