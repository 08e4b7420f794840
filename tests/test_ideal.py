"""How each statement is wished to be (quiz --ideal): the answer file's `ideal` mapping,
the quiz's second question, the gaps, the steps they rank, and every format."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType

import jsonschema
import pytest
import yaml
from helpers import make_sheet
from typer.testing import CliRunner

from intimacy_check.answers import (
    IN_PROGRESS,
    AnswerSheet,
    format_answer_sheet,
    parse_answer_bytes,
    read_answer_sheet,
)
from intimacy_check.cli import app
from intimacy_check.documents.report import report_document
from intimacy_check.documents.wishes import gap_label
from intimacy_check.errors import AnswerFileError
from intimacy_check.questionnaire import Questionnaire
from intimacy_check.quiz import QuizState, advance, parse_key, start
from intimacy_check.report import build_report
from intimacy_check.scoring import WORTH_TALKING_ABOUT, assess, gap_points, wish_weight

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
WISHES = EXAMPLES / "wishes"
SCHEMA = json.loads((ROOT / "intimacy_check" / "schemas" / "report.schema.json").read_text())


def run(*args: str, input: str | None = None):  # noqa: A002
    return CliRunner().invoke(app, list(args), input=input)


def v2_sheet(
    questionnaire: Questionnaire,
    answers: dict[str, int | None],
    ideal: dict[str, int | None] | None,
    *,
    name: str = "Alex",
) -> AnswerSheet:
    sheet = make_sheet(answers, name=name, version=questionnaire.version)
    return replace(sheet, ideal=None if ideal is None else MappingProxyType(ideal))


def everything(questionnaire: Questionnaire, rating: int) -> dict[str, int | None]:
    return {sign.id: rating for sign in questionnaire.signs}


def all_close(questionnaire: Questionnaire) -> dict[str, int | None]:
    """Every sign of closeness agreed with (4), every warning sign disagreed with (2):
    nothing flagged but strengths."""
    return {sign.id: 4 if sign.closer_when_agreed else 2 for sign in questionnaire.signs}


# --- the answer file ------------------------------------------------------------------------


def _text(ideal_lines: str, *, version: int = 3, answers: str = "  trust: 2\n") -> bytes:
    return (
        "format: intimacy-check/answers\n"
        f"version: {version}\n"
        "questionnaire: {id: emotional-intimacy, version: 2}\n"
        "respondent: Alex\n"
        "status: in-progress\n"
        "started_at: 2026-11-20T19:05:12+01:00\n"
        "completed_at: null\n"
        f"answers:\n{answers}"
        f"{ideal_lines}"
    ).encode()


def _refused(content: bytes) -> str:
    with pytest.raises(AnswerFileError) as raised:
        parse_answer_bytes(content, source="a.yaml")
    return raised.value.message


def test_ideal_is_read() -> None:
    sheet = parse_answer_bytes(_text("ideal:\n  trust: 4\n"), source="a.yaml")
    assert dict(sheet.ideal or {}) == {"trust": 4}


def test_an_empty_ideal_says_the_quiz_asks_it() -> None:
    sheet = parse_answer_bytes(_text("ideal: {}\n"), source="a.yaml")
    assert sheet.ideal is not None and dict(sheet.ideal) == {}


def test_a_file_without_ideal_has_none() -> None:
    assert parse_answer_bytes(_text(""), source="a.yaml").ideal is None


def test_ideal_in_a_format_2_file_is_an_unknown_key() -> None:
    assert _refused(_text("ideal:\n  trust: 4\n", version=2)) == ("a.yaml: unknown key 'ideal'")


@pytest.mark.parametrize(
    ("ideal", "message"),
    [
        ("ideal:\n  trust: 6\n", "a.yaml: ideal: trust: the rating must be a whole number"),
        ("ideal:\n  trust: yes\n", "a.yaml: ideal: trust: the rating must be a whole number"),
        ("ideal: [4]\n", "a.yaml: 'ideal' must map each statement id to a rating"),
        ("ideal: null\n", "a.yaml: 'ideal' must map each statement id to a rating"),
    ],
)
def test_a_bad_ideal_is_one_line(ideal: str, message: str) -> None:
    refused = _refused(_text(ideal))
    assert refused.startswith(message), refused
    assert "\n" not in refused


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ("  trust: 2\n", "ideal: 'care-for-needs' has a wished-for rating but no rating"),
        ("  trust: 2\n  care-for-needs: null\n", "ideal: 'care-for-needs' has a wished-for"),
    ],
)
def test_a_wish_needs_a_rating(tmp_path: Path, answers: str, message: str) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(_text("ideal:\n  care-for-needs: 4\n", answers=answers))
    result = run("report", str(path))
    assert result.exit_code == 1
    assert message in result.stderr and result.stderr.count("\n") == 1


def test_an_unknown_id_in_ideal_is_called_unknown(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(_text("ideal:\n  not-a-sign: 4\n"))
    result = run("report", str(path))
    assert "ideal: 'not-a-sign' is not a statement of this questionnaire" in result.stderr


def test_an_ideal_for_an_unknown_statement_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(_text("ideal:\n  not-a-sign: 4\n", answers="  not-a-sign: 2\n"))
    result = run("report", str(path))
    assert result.exit_code == 1
    assert "answers: 'not-a-sign' is not a statement of this questionnaire" in result.stderr


def test_written_at_format_3_with_ideal_and_2_without(questionnaire_v2: Questionnaire) -> None:
    order = tuple(sign.id for sign in questionnaire_v2.signs)
    plain = v2_sheet(questionnaire_v2, {"trust": 2}, None)
    wished = v2_sheet(questionnaire_v2, {"trust": 2, "care-for-needs": None}, {"trust": 5})
    assert "version: 2\n" in format_answer_sheet(plain, order=order)
    assert "ideal" not in format_answer_sheet(plain, order=order)
    text = format_answer_sheet(wished, order=order)
    assert "version: 3\n" in text
    assert text.endswith("ideal:\n  trust: 5\n")
    back = parse_answer_bytes(text.encode(), source="a.yaml")
    assert back.ideal == wished.ideal and back.answers == wished.answers


# --- the quiz's second question --------------------------------------------------------------

ORDER = ("a", "b", "c")


def _state(answers: dict[str, int | None], ideal: dict[str, int | None] | None) -> QuizState:
    sheet = make_sheet(answers, status=IN_PROGRESS)
    sheet = replace(sheet, ideal=None if ideal is None else MappingProxyType(ideal))
    return start(ORDER, sheet)


def _keys(state: QuizState, keys: Iterable[str]) -> QuizState:
    for key in keys:
        state = advance(state, parse_key(key))
    return state


def test_each_rating_is_followed_by_how_it_should_be() -> None:
    state = _keys(_state({}, {}), ["4"])
    assert (state.position, state.ideal) == (0, True)
    state = _keys(state, ["5"])
    assert (state.position, state.ideal) == (1, False)
    state = _keys(state, ["2", "s", "3", "4"])
    assert state.finished
    assert dict(state.sheet.answers) == {"a": 4, "b": 2, "c": 3}
    assert dict(state.sheet.ideal or {}) == {"a": 5, "b": None, "c": 4}


def test_a_skipped_statement_is_not_asked_how_it_should_be() -> None:
    state = _keys(_state({}, {}), ["s"])
    assert (state.position, state.ideal) == (1, False)
    assert dict(state.sheet.ideal or {}) == {}


def test_back_from_the_second_question_goes_to_the_rating() -> None:
    state = _keys(_state({}, {}), ["4", "b"])
    assert (state.position, state.ideal) == (0, False)
    assert state.at_start


def test_back_from_a_statement_goes_to_the_previous_second_question() -> None:
    state = _keys(_state({}, {}), ["4", "5", "b"])
    assert (state.position, state.ideal, state.earlier) == (0, True, 5)
    state = _keys(state, ["", ""])  # Enter keeps 5, then the rating of b is asked
    assert (state.position, state.ideal) == (1, False)
    assert dict(state.sheet.ideal or {}) == {"a": 5}


def test_skipping_a_rated_statement_drops_its_wished_for_rating() -> None:
    state = _keys(_state({}, {}), ["4", "5", "b", "b", "s"])
    assert dict(state.sheet.answers) == {"a": None}
    assert dict(state.sheet.ideal or {}) == {}
    assert (state.position, state.ideal) == (1, False)


def test_without_ideal_the_quiz_asks_one_question_each() -> None:
    state = _keys(_state({}, None), ["4", "5", "3"])
    assert state.finished and state.sheet.ideal is None


def test_ideal_added_on_resuming_asks_only_the_wishes_of_rated_statements() -> None:
    # Begun without --ideal: a and b rated; resumed with it, each is asked how it should be.
    state = _state({"a": 4, "b": 3}, {})
    assert (state.position, state.ideal) == (0, True)
    state = _keys(state, ["5"])
    assert (state.position, state.ideal) == (1, True)  # b's wish, not b's rating again
    state = _keys(state, ["2", "1"])  # b wished 2; then c's rating
    assert (state.position, state.ideal) == (2, True)
    assert dict(state.sheet.answers) == {"a": 4, "b": 3, "c": 1}
    assert dict(state.sheet.ideal or {}) == {"a": 5, "b": 2}


@pytest.mark.parametrize(
    ("answers", "ideal", "where"),
    [
        ({"a": 4}, {}, (0, True)),  # rated, but stopped before the second question
        ({"a": 4}, {"a": 5}, (1, False)),
        ({"a": None}, {}, (1, False)),  # a skip has no second question
        ({"a": 4, "b": 2}, {"a": 5}, (1, True)),  # --ideal on a file begun without it
        ({"a": 4, "b": 2, "c": 1}, {"a": 5, "b": 3, "c": None}, (3, False)),
    ],
)
def test_start_resumes_at_the_first_question_not_answered(
    answers: dict[str, int | None], ideal: dict[str, int | None], where: tuple[int, bool]
) -> None:
    state = _state(answers, ideal)
    assert (state.position, state.ideal) == where


# --- through the command line ---------------------------------------------------------------


def test_piped_quiz_keeps_both_ratings(tmp_path: Path) -> None:
    out = tmp_path / "kim.yaml"
    # Each statement: its rating, then how it should be; the third is skipped (one line).
    keys = ["4", "5", "2", "4", "s"] + ["3", "3"] * 17
    result = run("quiz", "--ideal", "--name", "Kim", "-o", str(out), input="\n".join(keys) + "\n")
    assert result.exit_code == 0, result.stderr
    saved = yaml.safe_load(out.read_text())
    assert saved["version"] == 3 and saved["status"] == "completed"
    ids = list(saved["answers"])
    assert saved["answers"][ids[0]] == 4 and saved["ideal"][ids[0]] == 5
    assert saved["answers"][ids[1]] == 2 and saved["ideal"][ids[1]] == 4
    assert saved["answers"][ids[2]] is None and ids[2] not in saved["ideal"]
    assert len(saved["ideal"]) == 19
    assert "And how would you like it to be?" in result.stdout
    assert "As it is now, you rated it 4." in result.stdout
    assert "How each statement is wished to be" in result.stdout
    # Statement 2 rated 2 and wished 4: a gap of +50 on a sign of closeness.
    assert "wished for 4 Agree (gap +50)" in result.stdout


def test_resume_goes_on_with_both(tmp_path: Path) -> None:
    out = tmp_path / "kim.yaml"
    first = run("quiz", "--ideal", "--name", "Kim", "-o", str(out), input="4\n5\n2\nq\n")
    assert first.exit_code == 0
    partway = yaml.safe_load(out.read_text())
    assert len(partway["answers"]) == 2 and len(partway["ideal"]) == 1
    # No --ideal: the file says the quiz asks both; it goes on with statement 2's wish.
    rest = ["4"] + ["3", "3"] * 18
    second = run("quiz", "--resume", str(out), input="\n".join(rest) + "\n")
    assert second.exit_code == 0, second.stderr
    done = yaml.safe_load(out.read_text())
    ids = list(done["answers"])
    assert done["status"] == "completed"
    assert done["ideal"][ids[1]] == 4 and len(done["ideal"]) == 20


def test_couple_quiz_asks_both_partners(tmp_path: Path) -> None:
    # Each partner's 20 statements, two answers each, then an Enter to hand over and one
    # when both are ready.
    partner = ["4", "5"] * 20
    keys = [*partner, "", *partner, ""]
    result = run(
        "quiz", "--couple", "--ideal", "--name", "Alex", "--name", "Sam",
        "--output-dir", str(tmp_path), input="\n".join(keys) + "\n",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    for path in sorted(tmp_path.glob("*.yaml")):
        saved = yaml.safe_load(path.read_text())
        assert set(saved["ideal"].values()) == {5} and len(saved["ideal"]) == 20


# --- the gaps and the steps they rank --------------------------------------------------------


@pytest.mark.parametrize(
    ("sign_id", "rating", "ideal", "gap"),
    [
        ("everyday-affection", 2, 5, 75.0),  # closeness: (5-1)/4 - (2-1)/4 = 0.75
        ("everyday-affection", 4, 4, 0.0),
        ("everyday-affection", 5, 3, -50.0),  # less closeness wished for
        ("no-heart-to-heart", 4, 2, 50.0),  # a warning sign: (5-2)/4 - (5-4)/4 = 0.5
        ("no-heart-to-heart", 1, 5, -100.0),
    ],
)
def test_gap_points_by_hand(
    questionnaire_v2: Questionnaire, sign_id: str, rating: int, ideal: int, gap: float
) -> None:
    assert gap_points(questionnaire_v2.sign(sign_id), rating, ideal) == gap


def test_the_threshold_is_two_steps() -> None:
    assert WORTH_TALKING_ABOUT == 50
    assert [gap_label(value) for value in (75.0, 0.0, -25.0)] == ["+75", "0", "−25"]


def _readme_example(questionnaire: Questionnaire) -> tuple[AnswerSheet, AnswerSheet]:
    """The worked example of docs/scoring-and-content.md: everything else already close."""
    answers = all_close(questionnaire)
    ideal = dict(answers)
    answers |= {"everyday-affection": 2, "no-heart-to-heart": 4, "trust": 2}
    ideal |= {"everyday-affection": 5, "no-heart-to-heart": 2, "trust": 3}
    return v2_sheet(questionnaire, answers, ideal), v2_sheet(questionnaire, answers, None)


def test_wish_weights_by_hand(questionnaire_v2: Questionnaire) -> None:
    wished, _plain = _readme_example(questionnaire_v2)
    results = {result.sign.id: result for result in assess(questionnaire_v2, wished).signs}
    assert [results[key].gap for key in ("everyday-affection", "no-heart-to-heart", "trust")] == [
        75.0,
        50.0,
        25.0,
    ]
    weights = [wish_weight(results[key]) for key in ("everyday-affection", "no-heart-to-heart")]
    assert weights == [3, 2]
    assert wish_weight(results["trust"]) == 0
    assert wish_weight(results["care-for-needs"]) == 0  # wished as it is


def test_steps_ranked_by_gaps_as_the_readme_says(questionnaire_v2: Questionnaire) -> None:
    wished, plain = _readme_example(questionnaire_v2)
    ranked = build_report(questionnaire_v2, [wished]).steps
    needs = {step.step.id: step.need for step in ranked}
    assert ranked[0].step.id == "cherish-moments" and ranked[0].need == 5
    for step_id in ("cuddle", "not-for-granted", "flirt", "intimacy-exercises"):
        assert needs[step_id] == 3
    for step_id in ("listen-to-understand", "remember-good-times", "conscious-time"):
        assert needs[step_id] == 2
    for step_id in questionnaire_v2.sign("trust").steps:
        assert step_id not in needs
    # Without wished-for ratings the same answers rank by the flags, trust's steps included.
    flagged = {step.step.id: step.need for step in build_report(questionnaire_v2, [plain]).steps}
    assert flagged["cherish-moments"] == 2 and "go-slow" in flagged


def test_a_skipped_second_question_keeps_the_flag_weight(questionnaire_v2: Questionnaire) -> None:
    answers = all_close(questionnaire_v2) | {"trust": 1}
    sheet = v2_sheet(questionnaire_v2, answers, {"trust": None})
    needs = {step.step.id: step.need for step in build_report(questionnaire_v2, [sheet]).steps}
    assert needs["go-slow"] == 2  # trust rated 1: a growth flag of weight 2


# --- the reports ------------------------------------------------------------------------------


def _couple_document(questionnaire: Questionnaire):  # type: ignore[no-untyped-def]
    sheets = [read_answer_sheet(WISHES / name) for name in ("alex.yaml", "sam.yaml")]
    return report_document(build_report(questionnaire, sheets), steps=5)


def test_the_wishes_part_by_hand(questionnaire_v2: Questionnaire) -> None:
    wishes = _couple_document(questionnaire_v2).wishes
    assert wishes is not None and wishes.threshold == 50
    alex, sam = wishes.people
    # Alex: everyday affection 2 -> 5, opening up 3 -> 5, holding grudges 4 -> 2.
    assert [(w.id, w.gap) for w in alex.largest] == [
        ("everyday-affection", 75.0),
        ("show-vulnerable-side", 50.0),
        ("holding-grudges", 50.0),
    ]
    assert len(alex.close) == 17 and alex.asked == 20
    assert sam.largest[0].id == "no-heart-to-heart" and sam.largest[0].gap == 75.0
    assert len(sam.largest) == 8
    row = next(row for row in wishes.side_by_side if row.id == "feel-listened-to")
    assert row.lines == (
        "Alex wishes for 5 Strongly agree; Sam's own answer now: 2 Disagree.",
        "Sam wishes for 4 Agree; Alex's own answer now: 4 Agree.",
    )
    assert len(wishes.side_by_side) == 10


def test_every_format_shows_the_wishes(questionnaire_v2: Questionnaire) -> None:
    from test_documents import render_all

    shown = render_all(_couple_document(questionnaire_v2))
    assert {"terminal", "text", "markdown", "html", "json", "fhir"} <= set(shown)
    for name in ("terminal", "text", "markdown", "html"):
        text = " ".join(shown[name].split())
        assert "how each statement is wished to be" in text.lower(), name  # text: capitals
        assert "Largest wished-for changes" in text, name
        assert "Side by side: what each partner wishes" in text, name
        assert "ranked by the wished-for changes" in text, name
    flat = " ".join(shown["text"].split())
    assert "like a hug or a kind word.” now 2 Disagree, wished for 5 Strongly agree (gap +75)" in (
        flat
    )
    # A warning sign: agreeing that deep talks are long gone, wishing to disagree.
    assert "deep, meaningful conversation.” now 4 Agree, wished for 1 Strongly disagree" in flat
    assert '<td class="gap">+75</td>' in shown["html"]


def test_json_has_ideal_and_gap_on_each_statement() -> None:
    result = run("report", str(WISHES / "alex.yaml"), str(WISHES / "sam.yaml"), "-f", "json")
    assert result.exit_code == 0, result.stderr
    value = json.loads(result.stdout)
    jsonschema.validate(value, SCHEMA)
    assert value["schema"]["version"] == 3 and value["ranked_by"] == "wishes"
    alex = value["respondents"][0]
    signs = {sign["id"]: sign for sign in alex["signs"]}
    assert signs["everyday-affection"] | {} == {
        "id": "everyday-affection",
        "section": "presence",
        "rating": 2,
        "flag": "growth",
        "ideal": 5,
        "gap": 75.0,
    }
    assert alex["wished_for"]["largest"][0] == {"id": "everyday-affection", "gap": 75.0}
    assert alex["wished_for"]["worth_talking_about"] == 50
    assert len(alex["wished_for"]["close"]) == 17


def test_files_without_ideal_behave_as_before() -> None:
    result = run("report", str(EXAMPLES / "alex.yaml"), str(EXAMPLES / "sam.yaml"), "-f", "json")
    value = json.loads(result.stdout)
    jsonschema.validate(value, SCHEMA)
    assert value["ranked_by"] == "ratings"
    assert all(person["wished_for"] is None for person in value["respondents"])
    assert all(
        sign["ideal"] is None and sign["gap"] is None
        for person in value["respondents"]
        for sign in person["signs"]
    )
    # The same steps, in the same order, as the files with wishes left out would give.
    text = run("report", str(EXAMPLES / "alex.yaml"), "-f", "text").stdout
    assert "wished" not in text.lower()


def test_the_same_answers_without_ideal_give_the_same_report_as_before(tmp_path: Path) -> None:
    # The wishes example with its `ideal` removed is, byte for byte, the plain example.
    for name in ("alex.yaml", "sam.yaml"):
        sheet = read_answer_sheet(WISHES / name)
        plain = read_answer_sheet(EXAMPLES / name)
        assert sheet.answers == plain.answers
        (tmp_path / name).write_text(format_answer_sheet(replace(sheet, ideal=None), order=()))
    ours = run("report", str(tmp_path / "alex.yaml"), str(tmp_path / "sam.yaml"), "-f", "text")
    shipped = run("report", str(EXAMPLES / "alex.yaml"), str(EXAMPLES / "sam.yaml"), "-f", "text")
    strip = [line for line in ours.stdout.splitlines() if "alex.yaml" not in line]
    assert strip == [line for line in shipped.stdout.splitlines() if "alex.yaml" not in line]


def test_fhir_carries_the_wishes_and_reads_them_back(tmp_path: Path) -> None:
    out = tmp_path / "couple.fhir.json"
    made = run("report", str(WISHES / "alex.yaml"), str(WISHES / "sam.yaml"), "-o", str(out))
    assert made.exit_code == 0, made.stderr
    bundle = json.loads(out.read_text())
    responses = [
        e["resource"]
        for e in bundle["entry"]
        if e["resource"]["resourceType"] == ("QuestionnaireResponse")
    ]
    assert {"url": "urn:intimacy-check:asks-ideal", "valueBoolean": True} in (
        responses[0]["extension"]
    )
    item = next(i for i in responses[0]["item"] if i["linkId"] == "everyday-affection")
    assert item["answer"][0]["extension"] == [
        {
            "url": "urn:intimacy-check:ideal",
            "valueCoding": {"system": "urn:intimacy-check:rating", "code": "5"},
        }
    ]
    gaps = [
        e["resource"]
        for e in bundle["entry"]
        if e["resource"]["resourceType"] == "Observation"
        and e["resource"]["code"]["coding"][0]["system"] == "urn:intimacy-check:gap"
    ]
    assert len(gaps) == 40  # every statement of both, each with both ratings
    affection = next(g for g in gaps if g["code"]["coding"][0]["code"] == "everyday-affection")
    assert affection["valueQuantity"]["value"] == 75.0
    # Read back, the Bundle gives the same report as the answer files.
    again = run("report", str(out), "-f", "json").stdout
    first = run("report", str(WISHES / "alex.yaml"), str(WISHES / "sam.yaml"), "-f", "json")
    assert json.loads(again) == json.loads(first.stdout)


def _fhir_alex(tmp_path: Path) -> tuple[Path, dict]:
    out = tmp_path / "alex.fhir.json"
    run("report", str(WISHES / "alex.yaml"), "-o", str(out))
    return out, json.loads(out.read_text())


def _response(bundle: dict) -> dict:
    return next(
        entry["resource"]
        for entry in bundle["entry"]
        if entry["resource"]["resourceType"] == "QuestionnaireResponse"
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda answer: answer["extension"][0]["valueCoding"].update(code=["5"]),
            "the wished-for rating must be a valueCoding with a code from 1 to 5",
        ),
        (
            lambda answer: answer["valueCoding"].update(code={"a": 1}),
            "the answer must be a valueCoding with a code from 1 to 5",
        ),
        (
            lambda answer: answer.update(extension={"url": "urn:intimacy-check:ideal"}),
            "item 'care-for-needs': 'extension' must be a list of extensions",
        ),
    ],
)
def test_fhir_refuses_a_broken_answer_in_one_line(tmp_path: Path, change, message: str) -> None:
    out, bundle = _fhir_alex(tmp_path)
    change(_response(bundle)["item"][0]["answer"][0])
    out.write_text(json.dumps(bundle))
    result = run("report", str(out))
    assert result.exit_code == 1
    assert message in result.stderr and result.stderr.count("\n") == 1


def test_fhir_wishes_are_read_without_the_flag(tmp_path: Path) -> None:
    out, bundle = _fhir_alex(tmp_path)
    response = _response(bundle)
    response["extension"] = [e for e in response["extension"] if "asks-ideal" not in e["url"]]
    out.write_text(json.dumps(bundle))
    value = json.loads(run("report", str(out), "-f", "json").stdout)
    assert value["respondents"][0]["wished_for"]["largest"][0]["id"] == "everyday-affection"


def test_fhir_refuses_a_bad_wished_for_rating(tmp_path: Path) -> None:
    out = tmp_path / "alex.fhir.json"
    run("report", str(WISHES / "alex.yaml"), "-o", str(out))
    text = out.read_text().replace(
        '"url": "urn:intimacy-check:ideal",\n                    "valueCoding": {\n'
        '                      "system": "urn:intimacy-check:rating",\n'
        '                      "code": "5"',
        '"url": "urn:intimacy-check:ideal",\n                    "valueCoding": {\n'
        '                      "system": "urn:intimacy-check:rating",\n'
        '                      "code": "9"',
        1,
    )
    assert '"code": "9"' in text
    out.write_text(text)
    result = run("report", str(out))
    assert result.exit_code == 1
    assert "the wished-for rating must be a valueCoding with a code from 1 to 5" in result.stderr


def test_the_personal_results_show_the_wishes(questionnaire_v2: Questionnaire) -> None:
    from rich.console import Console

    from intimacy_check.documents.personal import personal_document
    from intimacy_check.formats.terminal import personal

    sheet = read_answer_sheet(WISHES / "alex.yaml")
    console = Console(width=80, record=True, color_system=None)
    console.print(personal(personal_document(build_report(questionnaire_v2, [sheet]))))
    text = console.export_text()
    flat = " ".join(text.split())
    assert "kind word.” now 2 Disagree, wished for 5 Strongly agree (gap +75)" in flat
    assert "You said how 20 of the statements are wished to be." in flat  # to its reader
    assert "Side by side" not in text  # one person


def test_spanish_report_shows_the_wishes() -> None:
    result = run("--lang", "es", "report", str(WISHES / "alex.yaml"), "-f", "text")
    assert result.exit_code == 0, result.stderr
    assert "CÓMO SE DESEA CADA AFIRMACIÓN" in result.stdout
    assert "Los mayores cambios deseados" in result.stdout
    assert "(brecha +75)" in " ".join(result.stdout.split())
