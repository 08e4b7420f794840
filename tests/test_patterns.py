"""Notes on how the answers were given: the pure core at each threshold and grade, the
thresholds file, the notes in every format of one person's report, and nowhere else."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import jsonschema
import pytest
import yaml
from helpers import (
    ABSENCE_IDS,
    PRESENCE_IDS,
    STARTED_AT,
    all_sign_ids,
    make_sheet,
    ratings_for,
    uniform,
)
from rendering import draw, example
from typer.testing import CliRunner

from intimacy_check.answers import COMPLETED, IN_PROGRESS, AnswerSheet
from intimacy_check.cli import app
from intimacy_check.documents.report import report_document
from intimacy_check.errors import ContentError
from intimacy_check.patterns import (
    MARKED,
    MILD,
    MOST_POSITIVE,
    QUICK,
    SAME_RATING,
    SKIPPED,
    Thresholds,
    most_positive,
    quick,
    response_patterns,
    same_rating,
    skipped,
)
from intimacy_check.questionnaire import Questionnaire
from intimacy_check.report import build_report
from intimacy_check.scoring import assess
from intimacy_check.thresholds import build_thresholds, load_thresholds

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "intimacy_check" / "schemas" / "report.schema.json"
SHIPPED = Thresholds(
    run=8,
    skipped_some=5,
    skipped_many=10,
    positive_answered=10,
    positive_nearly_percent=90,
    quick_seconds=3,
    very_quick_seconds=1.5,
)
HEADING = "How the answers were given"
# Every rating different from its neighbours, in the middle of the scale: no note at all.
PLAIN = ratings_for([4, 2, 3, 4, 2, 3, 4, 2, 3, 4], [2, 4, 3, 2, 4, 3, 2, 4, 3, 2])
# The most positive end for each statement: 5 where agreeing is closer, 1 where it is not.
MOST_POSITIVE_ALL = ratings_for([5] * 10, [1] * 10)


def sheet(
    ratings: dict[str, int | None],
    *,
    seconds: float = 750,
    status: str = COMPLETED,
    name: str = "Alex",
) -> AnswerSheet:
    made = make_sheet(ratings, status=status, name=name)
    if status != COMPLETED:
        return made
    return replace(made, completed_at=STARTED_AT + timedelta(seconds=seconds))


def found(questionnaire: Questionnaire, answers: AnswerSheet) -> dict[str, tuple[str, dict]]:
    notes = response_patterns(questionnaire, assess(questionnaire, answers), thresholds=SHIPPED)
    return {note.id: (note.grade, dict(note.values)) for note in notes}


def with_run(length: int, *, start: int = 2, rating: int = 5) -> dict[str, int | None]:
    """PLAIN, with `length` statements from position `start` (0-based) rated `rating`."""
    ratings = dict(PLAIN)
    for sign_id in all_sign_ids()[start : start + length]:
        ratings[sign_id] = rating
    return ratings


# --- the pure core -------------------------------------------------------------------------


def test_plain_answers_give_no_note(questionnaire: Questionnaire) -> None:
    assert found(questionnaire, sheet(PLAIN)) == {}


def test_the_example_gives_no_note(questionnaire: Questionnaire) -> None:
    assert found(questionnaire, example("alex.yaml")) == {}


def test_every_statement_the_same_is_the_marked_grade(questionnaire: Questionnaire) -> None:
    note = same_rating(questionnaire, assess(questionnaire, sheet(uniform(4))), thresholds=SHIPPED)

    assert note is not None
    assert (note.grade, dict(note.values)) == (MARKED, {"rating": 4, "count": 20})


def test_one_different_rating_is_no_longer_every_statement(questionnaire: Questionnaire) -> None:
    ratings = uniform(4) | {ABSENCE_IDS[-1]: 3}
    grade, values = found(questionnaire, sheet(ratings))[SAME_RATING]

    # The first 19 are still one long run, in the order asked.
    assert (grade, values) == (MILD, {"rating": 4, "length": 19, "from": 1, "to": 19})


@pytest.mark.parametrize(("length", "fires"), [(7, False), (8, True), (9, True)])
def test_a_run_of_eight_in_a_row_is_the_mild_grade(
    questionnaire: Questionnaire, length: int, fires: bool
) -> None:
    notes = found(questionnaire, sheet(with_run(length, start=6)))

    if not fires:
        assert SAME_RATING not in notes
        return
    # Positions 7 onwards: the run crosses from one section into the next, as asked.
    assert notes[SAME_RATING] == (
        MILD,
        {"rating": 5, "length": length, "from": 7, "to": 6 + length},
    )


def test_a_skipped_statement_ends_a_run(questionnaire: Questionnaire) -> None:
    ratings = with_run(9, start=2) | {all_sign_ids()[6]: None}  # 4 + skip + 4

    assert SAME_RATING not in found(questionnaire, sheet(ratings))


def test_runs_follow_the_order_asked_not_the_order_in_the_file(
    questionnaire: Questionnaire,
) -> None:
    ratings = with_run(8, start=6)
    backwards = dict(reversed(list(ratings.items())))

    assert found(questionnaire, sheet(backwards)) == found(questionnaire, sheet(ratings))
    assert found(questionnaire, sheet(backwards))[SAME_RATING][1]["from"] == 7


@pytest.mark.parametrize(("count", "grade"), [(4, None), (5, MILD), (9, MILD), (10, MARKED)])
def test_skipped_statements_from_five_and_from_ten(
    questionnaire: Questionnaire, count: int, grade: str | None
) -> None:
    ratings = dict(PLAIN) | dict.fromkeys(all_sign_ids()[:count], None)
    note = skipped(assess(questionnaire, sheet(ratings)), thresholds=SHIPPED)

    if grade is None:
        assert note is None
    else:
        assert note is not None
        assert (note.grade, dict(note.values)) == (grade, {"skipped": count, "statements": 20})


def test_statements_not_reached_yet_are_not_skipped(questionnaire: Questionnaire) -> None:
    started = dict.fromkeys(PRESENCE_IDS[:6], 3)  # 14 not reached, none skipped

    assert SKIPPED not in found(questionnaire, sheet(started, status=IN_PROGRESS))
    started |= dict.fromkeys(PRESENCE_IDS[6:], None)  # 4 passed over with s
    assert SKIPPED not in found(questionnaire, sheet(started, status=IN_PROGRESS))
    started[ABSENCE_IDS[0]] = None
    assert found(questionnaire, sheet(started, status=IN_PROGRESS))[SKIPPED] == (
        MILD,
        {"skipped": 5, "statements": 20},
    )


def test_everything_at_the_most_positive_end_is_marked(questionnaire: Questionnaire) -> None:
    note = most_positive(assess(questionnaire, sheet(MOST_POSITIVE_ALL)), thresholds=SHIPPED)

    assert note is not None
    assert (note.grade, dict(note.values)) == (MARKED, {"at_most_positive": 20, "rated": 20})


@pytest.mark.parametrize(("away", "grade"), [(1, MILD), (2, MILD), (3, None)])
def test_nearly_everything_at_the_most_positive_end_is_ninety_percent(
    questionnaire: Questionnaire, away: int, grade: str | None
) -> None:
    ratings = MOST_POSITIVE_ALL | dict.fromkeys(PRESENCE_IDS[:away], 4)
    note = most_positive(assess(questionnaire, sheet(ratings)), thresholds=SHIPPED)

    if grade is None:  # 17 of 20 is 85%
        assert note is None
    else:
        assert note is not None
        assert note.grade == grade
        assert dict(note.values) == {"at_most_positive": 20 - away, "rated": 20}


def test_the_most_positive_end_depends_on_the_statements_direction(
    questionnaire: Questionnaire,
) -> None:
    # 5 for everything: the most positive end for the signs of closeness only.
    assert MOST_POSITIVE not in found(questionnaire, sheet(uniform(5)))
    # Skipping does not count against it: every rated statement is at that end.
    ratings = MOST_POSITIVE_ALL | dict.fromkeys(PRESENCE_IDS[:3], None)
    assert found(questionnaire, sheet(ratings))[MOST_POSITIVE] == (
        MARKED,
        {"at_most_positive": 17, "rated": 17},
    )


@pytest.mark.parametrize(("rated", "fires"), [(9, False), (10, True)])
def test_the_most_positive_note_needs_ten_rated(
    questionnaire: Questionnaire, rated: int, fires: bool
) -> None:
    ratings = {sign_id: MOST_POSITIVE_ALL[sign_id] for sign_id in all_sign_ids()[:rated]}

    assert (MOST_POSITIVE in found(questionnaire, sheet(ratings, status=IN_PROGRESS))) is fires


@pytest.mark.parametrize(
    ("seconds", "grade", "pace"),
    [(60, None, None), (59, MILD, 3.0), (30, MILD, 1.5), (29, MARKED, 1.4), (1, MARKED, 0.1)],
)
def test_a_quick_completion_under_three_and_under_one_and_a_half_seconds_each(
    questionnaire: Questionnaire, seconds: int, grade: str | None, pace: float | None
) -> None:
    note = quick(
        questionnaire, assess(questionnaire, sheet(PLAIN, seconds=seconds)), thresholds=SHIPPED
    )

    if grade is None:
        assert note is None
    else:
        assert note is not None
        assert note.grade == grade
        assert dict(note.values) == {
            "seconds": seconds,
            "answered": 20,
            "seconds_per_statement": pace,
        }


def test_the_pace_is_per_statement_answered(questionnaire: Questionnaire) -> None:
    # Skipped statements count as answered: 20 in 59 s is quick.
    ratings = dict(PLAIN) | dict.fromkeys(PRESENCE_IDS[:3], None)
    assert found(questionnaire, sheet(ratings, seconds=59))[QUICK][0] == MILD


def test_no_quick_note_without_a_completion_or_a_start(questionnaire: Questionnaire) -> None:
    assert QUICK not in found(questionnaire, sheet(PLAIN, status=IN_PROGRESS))
    # The same time for both (a FHIR response read back without its start) is no duration.
    assert QUICK not in found(questionnaire, sheet(PLAIN, seconds=0))


def test_notes_come_in_a_fixed_order(questionnaire: Questionnaire) -> None:
    ratings = MOST_POSITIVE_ALL | dict.fromkeys(PRESENCE_IDS[:5], None)

    # The ten statements of the second section all rated 1 are a long run, too.
    assert list(found(questionnaire, sheet(ratings, seconds=10))) == [
        SAME_RATING,
        SKIPPED,
        MOST_POSITIVE,
        QUICK,
    ]
    assert list(found(questionnaire, sheet(uniform(3), seconds=10))) == [SAME_RATING, QUICK]


# --- the thresholds file -------------------------------------------------------------------


def test_the_shipped_thresholds(tmp_path: Path) -> None:
    assert load_thresholds() == SHIPPED
    # A --data-dir without its own patterns.yaml reads the shipped one.
    assert load_thresholds(tmp_path) == SHIPPED


def shipped_raw() -> dict:
    return yaml.safe_load((ROOT / "data" / "patterns.yaml").read_text(encoding="utf-8"))


def _set(group: str, **values: object):
    return lambda raw: raw[group].update(values)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda raw: raw.update(colour=1), "P: unknown key 'colour'"),
        (_set("skipped", few=2), "P: skipped: unknown key 'few'"),
        (lambda raw: raw.pop("quick"), "P: quick: is empty or missing"),
        (lambda raw: raw["skipped"].pop("many"), "P: skipped: 'many' is missing"),
        (
            lambda raw: raw.update(skipped=[5, 10]),
            "P: skipped: must be a mapping of keys to values",
        ),
        (_set("same_rating", run="8"), "P: same_rating: 'run' must be a whole number"),
        (_set("same_rating", run=8.5), "P: same_rating: 'run' must be a whole number"),
        (_set("skipped", some=-1), "P: skipped: 'some' must be 0 or more, not -1"),
        (
            _set("quick", seconds_per_statement="fast"),
            "P: quick: 'seconds_per_statement' must be a number",
        ),
        (
            _set("quick", seconds_per_statement=float("inf")),
            "P: quick: 'seconds_per_statement' must be a number",
        ),
        (
            _set("quick", seconds_per_statement=True),
            "P: quick: 'seconds_per_statement' must be a number",
        ),
        (
            _set("quick", very_quick_seconds_per_statement=-0.5),
            "P: quick: 'very_quick_seconds_per_statement' must be 0 or more, not -0.5",
        ),
        (
            _set("most_positive", nearly_percent=101),
            "P: most_positive: 'nearly_percent' must be a percentage from 0 to 100, not 101",
        ),
        (_set("skipped", many=4), "P: skipped: 'many' must be at least 'some'"),
        (_set("same_rating", run=1), "P: same_rating: 'run' must be at least 2, not 1"),
        (_set("skipped", some=0), "P: skipped: 'some' must be at least 1, not 0"),
        (
            _set("most_positive", answered=0),
            "P: most_positive: 'answered' must be at least 1, not 0",
        ),
        (
            _set("most_positive", nearly_percent=0),
            "P: most_positive: 'nearly_percent' must be at least 1, not 0",
        ),
        (
            _set("quick", very_quick_seconds_per_statement=4),
            "P: quick: 'seconds_per_statement' must be at least 'very_quick_seconds_per_statement'",
        ),
    ],
)
def test_a_broken_thresholds_file_is_one_clear_line(change, message: str) -> None:
    raw = shipped_raw()
    change(raw)

    with pytest.raises(ContentError) as error:
        build_thresholds(raw, where="P")

    assert error.value.message == message


def test_an_empty_thresholds_file(tmp_path: Path) -> None:
    (tmp_path / "patterns.yaml").write_text("# nothing yet\n", encoding="utf-8")

    with pytest.raises(ContentError) as error:
        load_thresholds(tmp_path)

    assert error.value.message == f"{tmp_path / 'patterns.yaml'}: is empty or missing"


def run(*args: str, input: str | None = None):  # noqa: A002
    return CliRunner().invoke(app, list(args), input=input)


def write_sheet(path: Path, ratings: dict[str, int | None], *, seconds: int, name: str) -> str:
    """A completed version-1 answer file that took `seconds`."""
    lines = [
        "format: intimacy-check/answers",
        "version: 1",
        "questionnaire:",
        "  id: emotional-intimacy",
        "  version: 1",
        f"respondent: {name}",
        "status: completed",
        f"started_at: {STARTED_AT.isoformat()}",
        f"completed_at: {(STARTED_AT + timedelta(seconds=seconds)).isoformat()}",
        "answers:",
        *(
            f"  {sign_id}: {'null' if value is None else value}"
            for sign_id, value in ratings.items()
        ),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


@pytest.fixture
def same_and_quick(tmp_path: Path) -> str:
    return write_sheet(tmp_path / "robin.yaml", uniform(4), seconds=25, name="Robin")


@pytest.fixture
def also_same_and_quick(tmp_path: Path) -> str:
    return write_sheet(tmp_path / "kim.yaml", uniform(4), seconds=25, name="Kim")


def test_a_broken_thresholds_file_stops_a_report_with_one_line(
    data_copy: Path, same_and_quick: str
) -> None:
    raw = shipped_raw()
    raw["skipped"]["some"] = -5
    (data_copy / "patterns.yaml").write_text(yaml.safe_dump(raw), encoding="utf-8")

    result = run("report", same_and_quick, "--data-dir", str(data_copy), "-f", "text")

    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"intimacy-check: error: {data_copy / 'patterns.yaml'}: skipped: 'some' must be 0 or "
        "more, not -5\n"
    )


def test_a_data_folders_own_thresholds_are_used(data_copy: Path, same_and_quick: str) -> None:
    raw = shipped_raw()
    raw["quick"] = {"seconds_per_statement": 1, "very_quick_seconds_per_statement": 0.5}
    raw["same_rating"] = {"run": 21}
    (data_copy / "patterns.yaml").write_text(yaml.safe_dump(raw), encoding="utf-8")

    result = run("report", same_and_quick, "--data-dir", str(data_copy), "-f", "json")

    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["notes"] == []


def test_a_couple_report_never_reads_the_thresholds(
    data_copy: Path, same_and_quick: str, also_same_and_quick: str
) -> None:
    (data_copy / "patterns.yaml").write_text("nonsense: true\n", encoding="utf-8")

    result = run(
        "report", same_and_quick, also_same_and_quick, "--data-dir", str(data_copy), "-f", "text"
    )

    assert result.exit_code == 0, result.stderr
    assert HEADING.upper() not in result.stdout


# --- the report ----------------------------------------------------------------------------


def one_person(questionnaire: Questionnaire, answers: AnswerSheet, *, with_notes: bool = True):
    report = build_report(questionnaire, [answers])
    patterns = (
        response_patterns(questionnaire, report.assessments[0], thresholds=SHIPPED)
        if with_notes
        else ()
    )
    return report_document(report, steps=5, patterns=patterns)


SAME_SEEN = "All 20 statements answered were rated 4."
QUICK_SEEN = (
    "The quiz took 25 seconds from start to finish for 20 statements, about 1.2 seconds each."
)
NOT_A_VERDICT = "This is not a judgement of the answers; it may be worth asking how the quiz felt."


def test_the_document_words_each_note(questionnaire: Questionnaire) -> None:
    document = one_person(questionnaire, sheet(uniform(4), seconds=25))

    assert [(note.id, note.grade, note.heading) for note in document.notes] == [
        (SAME_RATING, MARKED, "The same rating throughout"),
        (QUICK, MARKED, "A very quick completion"),
    ]
    assert document.notes[0].seen == SAME_SEEN
    assert document.notes[1].seen == QUICK_SEEN
    assert all(note.not_a_verdict == NOT_A_VERDICT for note in document.notes)


@pytest.mark.parametrize(
    ("ratings", "seconds", "headings", "seen"),
    [
        (
            with_run(8, start=6),
            750,
            ["A long run of the same rating"],
            "Statements 7 to 14, in the order they were asked, were all rated 5.",
        ),
        (
            dict(PLAIN) | dict.fromkeys(PRESENCE_IDS[:5], None),
            750,
            ["Several statements skipped"],
            "5 of the 20 statements were skipped.",
        ),
        (
            dict.fromkeys(all_sign_ids(), None) | {"trust": 3},
            750,
            ["Many statements skipped"],
            "19 of the 20 statements were skipped.",
        ),
        (
            MOST_POSITIVE_ALL,
            750,
            ["A long run of the same rating", "Everything at the most positive end"],
            "All 20 statements answered were rated at the end of the scale that means the most "
            "closeness.",
        ),
        (
            MOST_POSITIVE_ALL | {"trust": 4},
            750,
            ["A long run of the same rating", "Nearly everything at the most positive end"],
            "19 of the 20 statements answered were rated at the end of the scale that means the "
            "most closeness.",
        ),
        (
            PLAIN,
            45,
            ["A quick completion"],
            "The quiz took 45 seconds from start to finish for 20 statements, about 2.2 seconds "
            "each.",
        ),
    ],
)
def test_each_note_and_grade_is_worded(
    questionnaire: Questionnaire, ratings, seconds: int, headings: list[str], seen: str
) -> None:
    document = one_person(questionnaire, sheet(ratings, seconds=seconds))

    # The last note is the one worded here; ten statements rated at the most positive end
    # in a row are a long run of the same rating, too.
    assert [note.heading for note in document.notes] == headings
    assert document.notes[-1].seen == seen
    assert document.notes[-1].sentence.startswith(seen + " ")
    assert document.notes[-1].sentence.endswith(NOT_A_VERDICT)


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "terminal", "accessible"])
def test_every_format_shows_the_notes_after_the_scores(
    questionnaire: Questionnaire, fmt: str
) -> None:
    shown = draw(fmt, one_person(questionnaire, sheet(uniform(4), seconds=25)), width=200)
    flat = " ".join(shown.split())
    heading = HEADING.upper() if fmt == "text" else HEADING

    assert heading in shown
    for words in ("The same rating throughout", "A very quick completion", NOT_A_VERDICT):
        assert words in flat
    assert " ".join(SAME_SEEN.split()) in flat and QUICK_SEEN in flat
    scores, statements = ("SCORES", "STATEMENTS") if fmt == "text" else ("Scores", "Statement")
    assert flat.index(scores) < flat.index(heading) < flat.rindex(statements)


def test_the_html_with_notes_stays_self_contained(questionnaire: Questionnaire) -> None:
    from html_checks import assert_self_contained

    html = draw("html", one_person(questionnaire, sheet(uniform(4), seconds=25)))

    assert_self_contained(html)
    assert '<h2 id="response-notes-heading">How the answers were given</h2>' in html
    assert html.index("<h2>Scores</h2>") < html.index("response-notes-heading")
    assert '<div class="response-note response-note-marked" id="note-quick">' in html


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "terminal", "accessible", "json"])
def test_no_note_shows_nothing(questionnaire: Questionnaire, fmt: str) -> None:
    shown = draw(fmt, one_person(questionnaire, sheet(PLAIN)), width=200)

    assert HEADING.lower() not in shown.lower()


def test_json_lists_each_note_with_its_values_and_matches_the_schema(
    questionnaire: Questionnaire,
) -> None:
    value = json.loads(draw("json", one_person(questionnaire, sheet(uniform(4), seconds=25))))

    jsonschema.validate(value, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert value["schema"] == {"name": "intimacy-check/report", "version": 3}
    assert [(note["id"], note["grade"], note["values"]) for note in value["notes"]] == [
        ("same-rating", "marked", {"rating": 4, "count": 20}),
        ("quick", "marked", {"seconds": 25, "answered": 20, "seconds_per_statement": 1.2}),
    ]
    assert value["notes"][0]["sentence"].startswith(SAME_SEEN)


def test_the_schema_refuses_an_unknown_note(questionnaire: Questionnaire) -> None:
    value = json.loads(draw("json", one_person(questionnaire, sheet(uniform(4), seconds=25))))
    value["notes"][0]["id"] = "careless"

    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(value, json.loads(SCHEMA.read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    ("ratings", "seconds"),
    [
        (uniform(4), 25),
        (MOST_POSITIVE_ALL | dict.fromkeys(PRESENCE_IDS[:6], None), 10),
        (uniform(1), 750),
    ],
)
def test_a_note_changes_nothing_else(questionnaire: Questionnaire, ratings, seconds: int) -> None:
    answers = sheet(ratings, seconds=seconds)
    with_notes = one_person(questionnaire, answers)
    without = one_person(questionnaire, answers, with_notes=False)

    assert with_notes.notes and not without.notes
    shown, plain = (json.loads(draw("json", document)) for document in (with_notes, without))
    assert shown.pop("notes") and plain.pop("notes") == []
    assert shown == plain  # scores, flags, advice, steps, support: all the same
    assert with_notes.advice.intro == without.advice.intro
    assert [step.id for step in with_notes.advice.steps] == [
        step.id for step in without.advice.steps
    ]
    assert with_notes.safety is None or with_notes.safety.reason == without.safety.reason


def test_a_couple_document_has_no_notes(questionnaire: Questionnaire) -> None:
    answers = [sheet(uniform(4), seconds=25), sheet(uniform(4), seconds=25, name="Sam")]
    report = build_report(questionnaire, answers)
    patterns = response_patterns(questionnaire, report.assessments[0], thresholds=SHIPPED)

    assert patterns  # there would be something to say about either of them
    assert report_document(report, steps=5, patterns=patterns).notes == ()


# --- through the command line --------------------------------------------------------------


def test_report_of_one_file_shows_the_notes(same_and_quick: str) -> None:
    result = run("report", same_and_quick, "-f", "text")

    assert result.exit_code == 0, result.stderr
    assert HEADING.upper() in result.stdout
    assert "All 20 statements answered were rated 4." in result.stdout


@pytest.mark.parametrize("command", ["report", "compare"])
@pytest.mark.parametrize("fmt", ["text", "json", "terminal"])
def test_no_notes_for_a_couple(
    command: str, fmt: str, same_and_quick: str, also_same_and_quick: str
) -> None:
    result = run(command, same_and_quick, also_same_and_quick, "-f", fmt)

    assert result.exit_code == 0, result.stderr
    assert "Robin" in result.stdout and "Kim" in result.stdout
    assert HEADING.lower() not in result.stdout.lower()
    assert "rated 4." not in result.stdout
    if fmt == "json":
        assert json.loads(result.stdout)["notes"] == []


@pytest.mark.parametrize("accessible", [False, True], ids=["screen", "accessible"])
def test_the_quizs_own_results_have_no_notes(tmp_path: Path, accessible: bool) -> None:
    out = tmp_path / "a.yaml"
    # The environment variable, not --accessible, which stays on for the rest of the process.
    env = {"ACCESSIBLE": "1" if accessible else ""}

    result = CliRunner(env=env).invoke(
        app, ["quiz", "--name", "Alex", "--output", str(out)], input="4\n" * 20
    )

    assert result.exit_code == 0, result.stderr
    assert "It is not a clinical" in result.stdout
    # Accessible mode shows the whole report, as plain lists, but still no notes.
    assert ("Scores" in result.stdout) is accessible
    assert HEADING.lower() not in result.stdout.lower()
    # The same answers in the counselor's report do have one.
    report = run("report", str(out), "-f", "text")
    assert "All 20 statements answered were rated 4." in report.stdout


def test_a_custom_template_without_notes_still_works(same_and_quick: str, tmp_path: Path) -> None:
    plain = tmp_path / "plain.md.j2"
    plain.write_text("# {{ heading }}\n", encoding="utf-8")
    listed = tmp_path / "listed.md.j2"
    listed.write_text(
        "{% for note in notes %}{{ note.id }}/{{ note.grade }}: {{ note.heading }}\n{% endfor %}",
        encoding="utf-8",
    )

    first = run("report", same_and_quick, "-f", "markdown", "--template", str(plain))
    second = run("report", same_and_quick, "-f", "markdown", "--template", str(listed))

    assert first.exit_code == 0, first.stderr
    assert first.stdout.startswith("# Emotional intimacy report: Robin")
    assert second.exit_code == 0, second.stderr
    assert second.stdout == (
        "same-rating/marked: The same rating throughout\nquick/marked: A very quick completion\n"
    )


def test_spanish_notes(same_and_quick: str) -> None:
    result = run("--lang", "es", "report", same_and_quick, "-f", "text")

    assert result.exit_code == 0, result.stderr
    assert "CÓMO SE DIERON LAS RESPUESTAS" in result.stdout
    assert "unos 1.2 segundos cada una." in " ".join(result.stdout.split())


# --- start-up: only one person's report pays for the notes ---------------------------------

NOTE_MODULES = {"intimacy_check.patterns", "intimacy_check.thresholds"}
V1_ALEX = str(ROOT / "tests" / "fixtures" / "v1" / "alex.yaml")
V1_SAM = str(ROOT / "tests" / "fixtures" / "v1" / "sam.yaml")


@pytest.mark.parametrize(
    ("cli_args", "loads_them"),
    [
        pytest.param(("report", V1_ALEX, "-f", "text"), True, id="report-one"),
        pytest.param(("report", V1_ALEX, V1_SAM, "-f", "text"), False, id="report-two"),
        pytest.param(("compare", V1_ALEX, V1_SAM, "-f", "text"), False, id="compare"),
    ],
)
def test_only_one_persons_report_loads_the_notes(
    cli_args: tuple[str, ...], loads_them: bool, tmp_path: Path
) -> None:
    from test_startup import imported_by

    modules = imported_by(*cli_args, cwd=tmp_path)

    assert "intimacy_check.report" in modules  # a report was really built
    assert (NOTE_MODULES <= modules) is loads_them
    assert not (NOTE_MODULES & modules) or loads_them
