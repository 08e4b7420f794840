"""Progress over time: ordering, directions, resolved and new concerns, grouping, formats."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from helpers import Pointing
from typer.testing import CliRunner

from intimacy_check.answers import AnswerSheet, read_answer_sheet
from intimacy_check.cli import app
from intimacy_check.progress import (
    Change,
    Direction,
    concern_change,
    direction,
    group_progress,
    respondent_progress,
)
from intimacy_check.questionnaire import Questionnaire
from intimacy_check.scoring import Flag
from intimacy_check.versions import shipped_version

# The examples as version 1 shipped them: examples/ now holds version 2.
V1_EXAMPLES = Path(__file__).resolve().parent / "fixtures" / "v1"
V1 = shipped_version(1)
SEPTEMBER, OCTOBER, NOVEMBER = (
    str(V1_EXAMPLES / "alex-september.yaml"),
    str(V1_EXAMPLES / "alex-october.yaml"),
    str(V1_EXAMPLES / "alex.yaml"),
)
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def run(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.mark.parametrize(
    ("section", "first", "latest", "expected"),
    [
        ("presence", 2, 4, Direction.BETTER),
        ("presence", 4, 2, Direction.WORSE),
        ("presence", 3, 3, Direction.SAME),
        ("absence", 4, 2, Direction.BETTER),  # a warning sign rated lower is better
        ("absence", 2, 4, Direction.WORSE),
        ("absence", 5, 5, Direction.SAME),
        ("presence", None, 4, Direction.SKIPPED),
        ("absence", 4, None, Direction.SKIPPED),
    ],
)
def test_direction_rule_for_both_sections(
    section: str, first: int | None, latest: int | None, expected: Direction
) -> None:
    assert direction(Pointing(section), first, latest) is expected


@pytest.mark.parametrize(
    ("first", "latest", "expected"),
    [
        (Flag.GROWTH, Flag.STRENGTH, Change.RESOLVED),
        (Flag.WARNING, Flag.NEUTRAL, Change.RESOLVED),
        (Flag.STRENGTH, Flag.GROWTH, Change.NEW),
        (Flag.NEUTRAL, Flag.WARNING, Change.NEW),
        (Flag.GROWTH, Flag.GROWTH, Change.ONGOING),
        (Flag.STRENGTH, Flag.NEUTRAL, Change.NONE),
        (Flag.GROWTH, Flag.SKIPPED, Change.NONE),  # unknown now: not called resolved
        (Flag.SKIPPED, Flag.WARNING, Change.NONE),
    ],
)
def test_resolved_and_new_flags(first: Flag, latest: Flag, expected: Change) -> None:
    assert concern_change(first, latest) is expected


def dated_sheets(*paths: str) -> list[tuple[str, AnswerSheet, Questionnaire]]:
    """Version-1 files, each with the questionnaire it answers."""
    return [(path, read_answer_sheet(Path(path)), V1) for path in paths]


def test_assessments_are_ordered_by_completion_time_not_file_name() -> None:
    # Alphabetically: alex-october, alex-september, alex; in time: September, October, November.
    person = respondent_progress(dated_sheets(OCTOBER, NOVEMBER, SEPTEMBER))
    assert [point.file for point in person.points] == [SEPTEMBER, OCTOBER, NOVEMBER]
    # September scores 19/4 (presence) + 20/4 (absence) of 20 statements: 39/80 = 48.75.
    # October scores 25/4 + 27/4: 52/80 = 65. November (alex.yaml) scores 58/80 = 72.5.
    indexes = [point.assessment.index for point in person.points]
    assert indexes == [48.75, 65.0, 72.5]
    assert person.index_change(since=0) == pytest.approx(indexes[2] - indexes[0])
    assert person.index_change(since=-2) == pytest.approx(indexes[2] - indexes[1])


def test_hand_computed_change_between_two_assessments() -> None:
    base = read_answer_sheet(Path(NOVEMBER))
    later = replace(
        base.with_answer("trust", 1).with_answer("holding-grudges", 2),
        completed_at=base.completed_at + timedelta(days=30),  # type: ignore[operator]
    )
    person = respondent_progress([("b", later, V1), ("a", base, V1)])
    # trust 5 -> 1 loses 4/4 of one of 20 statements: -5 points; grudges 4 -> 2 gains 2/4: +2.5.
    assert person.index_change(since=0) == pytest.approx(-2.5)
    by_id = {item.sign.id: item for item in person.signs}
    assert (by_id["trust"].first, by_id["trust"].latest) == (5, 1)
    assert by_id["trust"].direction is Direction.WORSE
    assert by_id["trust"].change is Change.NEW
    assert by_id["holding-grudges"].direction is Direction.BETTER
    assert by_id["holding-grudges"].change is Change.RESOLVED
    assert by_id["beyond-physical"].change is Change.ONGOING
    assert by_id["care-for-needs"].direction is Direction.SAME


def test_mixed_respondents_are_grouped_by_name() -> None:
    sam = read_answer_sheet(V1_EXAMPLES / "sam.yaml")
    shouting_sam = replace(
        sam, respondent="SAM", completed_at=datetime(2026, 12, 1, tzinfo=timezone.utc)
    )
    people = group_progress(
        [
            *dated_sheets(NOVEMBER, SEPTEMBER),
            ("sam.yaml", sam, V1),
            ("sam2.yaml", shouting_sam, V1),
        ],
    )
    assert [(person.name, len(person.points)) for person in people] == [("Alex", 2), ("SAM", 2)]


def test_json_lists_assessments_in_time_order_and_sign_directions() -> None:
    result = run("progress", OCTOBER, NOVEMBER, SEPTEMBER, "--format", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    alex = document["respondents"][0]
    assert alex["name"] == "Alex"
    assert [a["completed_at"][:10] for a in alex["assessments"]] == [
        "2026-09-03",
        "2026-10-08",
        "2026-11-20",
    ]
    assert [a["file"] for a in alex["assessments"]] == [SEPTEMBER, OCTOBER, NOVEMBER]
    assert alex["assessments"][2]["index"] == 72.5
    assert alex["assessments"][2]["sections"] == {"presence": 70.0, "absence": 75.0}
    signs = {sign["id"]: sign for sign in alex["signs"]}
    # holding-grudges was 5 in September and 4 in November: a warning sign going down.
    assert signs["holding-grudges"] == {
        "id": "holding-grudges",
        "first": 5,
        "latest": 4,
        "direction": "better",
        "change": "ongoing",
    }
    assert signs["agree-to-disagree"]["change"] == "resolved"  # 2 -> 3


def test_unfinished_and_foreign_files_are_left_out_with_a_note(tmp_path: Path) -> None:
    unfinished = tmp_path / "unfinished.yaml"
    unfinished.write_text(
        Path(OCTOBER)
        .read_text(encoding="utf-8")
        .replace("status: completed", "status: in-progress")
        .replace("completed_at: 2026-10-08T19:52:18+02:00", "completed_at: null"),
        encoding="utf-8",
    )
    foreign = tmp_path / "foreign.yaml"
    foreign.write_text(
        Path(SEPTEMBER).read_text(encoding="utf-8").replace("  version: 1", "  version: 7"),
        encoding="utf-8",
    )
    result = run("progress", str(unfinished), str(foreign), NOVEMBER, "-f", "json")
    assert result.exit_code == 0
    assert (
        f"intimacy-check: note: {unfinished} is not finished yet (in-progress); left out"
        in result.stderr
    )
    assert (
        f"{foreign} is for questionnaire 'emotional-intimacy' version 7, not 'emotional-intimacy' "
        "version 2; left out" in result.stderr
    )
    document = json.loads(result.stdout)
    assert [a["file"] for a in document["respondents"][0]["assessments"]] == [NOVEMBER]


def test_nothing_usable_is_an_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("{", encoding="utf-8")
    result = run("progress", str(broken))
    assert result.exit_code == 1
    assert "none of the files is a completed assessment" in result.stderr


def test_a_broken_file_among_good_ones_fails_but_reports_the_rest(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("format: [\n", encoding="utf-8")
    result = run("progress", str(broken), SEPTEMBER, NOVEMBER, "-f", "json")
    assert result.exit_code == 1
    assert (
        f"intimacy-check: error: {broken} is not an intimacy-check answer file "
        "(it is not YAML: line 2, column 1)"
    ) in result.stderr
    assert len(json.loads(result.stdout)["respondents"][0]["assessments"]) == 2


def test_terminal_shows_the_change_and_what_resolved() -> None:
    result = run("progress", SEPTEMBER, OCTOBER, NOVEMBER, "-f", "terminal")
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert "Index change: +24 since the first, +7 since the previous" in text
    assert "Resolved: Disagreeing with respect; Opening up to each other" in text
    assert "Trend:" in text


def test_text_format_is_plain_and_narrow() -> None:
    result = run("progress", SEPTEMBER, OCTOBER, NOVEMBER, "-f", "text")
    out = result.stdout
    assert out.startswith("Progress over time\n")
    assert "2026-09-03" in out and out.index("2026-09-03") < out.index("2026-11-20")
    assert "Index change: +24 since the first assessment, +7 since the previous one" in out
    assert max(len(line) for line in out.splitlines()) <= 100
    assert "\x1b" not in out


def test_markdown_escapes_names(tmp_path: Path) -> None:
    hostile = tmp_path / "h.yaml"
    hostile.write_text(
        Path(NOVEMBER).read_text(encoding="utf-8").replace('"Alex"', '"<b>|x|</b>"'),
        encoding="utf-8",
    )
    out = run("progress", str(hostile), "-f", "markdown").stdout
    assert "## &lt;b&gt;\\|x\\|&lt;/b&gt;" in out
    assert "<b>" not in out


@pytest.mark.parametrize("fmt", ["terminal", "text", "markdown", "json"])
def test_hostile_names_stay_inert_in_every_format(tmp_path: Path, fmt: str) -> None:
    hostile = tmp_path / "h.yaml"
    name = "[bold]Eve[/bold] \\e]52;c;aGk=\\a <script>x</script> |"
    hostile.write_text(
        Path(NOVEMBER).read_text(encoding="utf-8").replace('"Alex"', f'"{name}"'),
        encoding="utf-8",
    )
    result = run("progress", str(hostile), "-f", fmt)
    assert result.exit_code == 0, result.stderr
    assert not CONTROL.search(result.stdout.replace("\n", ""))
    if fmt in ("terminal", "text"):
        assert "[bold]Eve[/bold]" in result.stdout
    if fmt == "markdown":
        assert "<script>" not in result.stdout
