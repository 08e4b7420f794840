"""`compare`, `report A B` and `quiz --couple` through the CLI."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import yaml
from typer.testing import CliRunner

from intimacy_check.cli import app

# The examples as version 1 shipped them: examples/ now holds version 2.
V1_EXAMPLES = Path(__file__).resolve().parent / "fixtures" / "v1"
ALEX, SAM = str(V1_EXAMPLES / "alex.yaml"), str(V1_EXAMPLES / "sam.yaml")


def run(*args: str, input: str | None = None):  # noqa: A002
    return CliRunner().invoke(app, list(args), input=input)


def test_compare_terminal_shows_both_partners_and_the_agreement() -> None:
    result = run("compare", ALEX, SAM)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Alex and Sam" in out
    # 7 shared strengths among 20 statements both rated.
    assert "Couple agreement: 35%" in out
    assert "Sam notices the warning signs much more than Alex does." in out
    # 70 and 55: 15 points apart reads "somewhat higher" (it read "much the same" before).
    assert "Alex rates the signs of closeness somewhat higher than Sam does." in out
    assert "one of you may be sharing much more than the other" in out
    assert "What helps each of you feel ready to let go after a disagreement?" in out
    assert "For: You hold on to grudges (from both of your answers)" in out
    assert "(from Sam's answers)" in out


def test_compare_json_has_the_couple_block() -> None:
    result = run("compare", ALEX, SAM, "--format", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert [person["name"] for person in document["respondents"]] == ["Alex", "Sam"]
    couple = document["couple"]
    assert couple["agreement"] == 35.0
    by_id = {item["id"]: item for item in couple["signs"]}
    assert by_id["holding-grudges"] == {
        "id": "holding-grudges",
        "ratings": [4, 4],
        "category": "shared-growth",
    }
    assert by_id["feeling-left-out"]["category"] == "gap"
    assert couple["sections"]["absence"]["scores"] == [75.0, 42.5]
    assert couple["imbalance"]["flagged_by"] == ["Sam"]
    first = document["steps"][0]
    # listen-to-understand is listed by four signs Sam flagged: 1 + 1 + 2 + 2 = 6.
    assert (first["id"], first["need"], first["driven_by"]) == ("listen-to-understand", 6, ["Sam"])


def test_compare_swapped_swaps_the_columns_only() -> None:
    forward = json.loads(run("compare", ALEX, SAM, "-f", "json").stdout)
    backward = json.loads(run("compare", SAM, ALEX, "-f", "json").stdout)
    assert forward["couple"]["agreement"] == backward["couple"]["agreement"]
    for there, back in zip(forward["couple"]["signs"], backward["couple"]["signs"], strict=True):
        assert there["ratings"] == back["ratings"][::-1]
        assert there["category"] == back["category"]
    assert [(s["id"], s["need"]) for s in forward["steps"]] == [
        (s["id"], s["need"]) for s in backward["steps"]
    ]


def test_report_with_two_files_carries_the_same_couple_block() -> None:
    compared = json.loads(run("compare", ALEX, SAM, "-f", "json").stdout)
    reported = json.loads(run("report", ALEX, SAM, "-f", "json").stdout)
    assert reported["couple"] == compared["couple"]


def test_compare_refuses_an_unfinished_partner(tmp_path: Path) -> None:
    unfinished = tmp_path / "sam.yaml"
    unfinished.write_text(
        (V1_EXAMPLES / "sam.yaml")
        .read_text(encoding="utf-8")
        .replace("status: completed", "status: in-progress")
        .replace("completed_at: 2026-11-21T08:44:51+01:00", "completed_at: null"),
        encoding="utf-8",
    )
    result = run("compare", ALEX, str(unfinished))
    assert result.exit_code == 1
    assert f"Sam has not finished the quiz yet ({unfinished})" in result.stderr
    assert "--allow-incomplete" in result.stderr
    assert result.stdout == ""
    allowed = run("compare", ALEX, str(unfinished), "--allow-incomplete")
    assert allowed.exit_code == 0
    assert "Alex and Sam" in allowed.stdout


def test_compare_refuses_the_same_file_twice() -> None:
    result = run("compare", ALEX, ALEX)
    assert result.exit_code == 1
    assert "was given twice; did you mean to compare two partners' files?" in result.stderr


def test_compare_refuses_a_different_questionnaire(tmp_path: Path) -> None:
    other = tmp_path / "sam.yaml"
    other.write_text(
        (V1_EXAMPLES / "sam.yaml")
        .read_text(encoding="utf-8")
        .replace("  version: 1", "  version: 2"),
        encoding="utf-8",
    )
    result = run("compare", ALEX, str(other))
    assert result.exit_code == 1
    assert ALEX in result.stderr and str(other) in result.stderr
    assert "version 2" in result.stderr


def test_couple_quiz_with_piped_input_saves_both_and_compares(tmp_path: Path) -> None:
    script = "4\n" * 20 + "\n" + "2\n" * 20 + "\n"
    result = run(
        "quiz",
        "--couple",
        "--name",
        "Alex",
        "--name",
        "Sam",
        "--output-dir",
        str(tmp_path),
        input=script,
    )
    assert result.exit_code == 0, result.stderr
    today = date.today().isoformat()
    alex = yaml.safe_load((tmp_path / f"Alex-{today}.yaml").read_text(encoding="utf-8"))
    sam = yaml.safe_load((tmp_path / f"Sam-{today}.yaml").read_text(encoding="utf-8"))
    assert set(alex["answers"].values()) == {4} and alex["status"] == "completed"
    assert set(sam["answers"].values()) == {2} and sam["status"] == "completed"
    out = result.stdout
    assert out.index("Please hand over to Sam.") < out.index("Sam, press Enter")
    assert out.index("Press Enter when you are both ready") < out.index("Alex and Sam")
    # Alex's presence 4s are positive and absence 4s negative; Sam the opposite: no agreement.
    assert "Couple agreement: 0%" in out


def test_couple_quiz_asks_for_missing_names(tmp_path: Path) -> None:
    script = "Alex\nSam\n" + "3\n" * 20 + "\n" + "3\n" * 20 + "\n"
    result = run("quiz", "--couple", "--output-dir", str(tmp_path), input=script)
    assert result.exit_code == 0, result.stderr
    assert "First partner's name" in result.stdout
    assert "Second partner's name" in result.stdout
    assert len(list(tmp_path.glob("*.yaml"))) == 2


def test_couple_quiz_input_ending_at_hand_over_keeps_the_first_file(tmp_path: Path) -> None:
    result = run(
        "quiz",
        "--couple",
        "--name",
        "Alex",
        "--name",
        "Sam",
        "--output-dir",
        str(tmp_path),
        input="4\n" * 20,
    )
    assert result.exit_code == 1
    assert "stopped before the comparison" in result.stderr
    today = date.today().isoformat()
    # Both files exist from the start, so the message can say how to go on as a couple.
    files = sorted(path.name for path in tmp_path.glob("*.yaml"))
    assert files == [f"Alex-{today}.yaml", f"Sam-{today}.yaml"]
    assert "--couple --resume" in " ".join(result.stderr.split())


def test_couple_quiz_resume_finishes_the_second_partner(tmp_path: Path) -> None:
    first = run(
        "quiz",
        "--couple",
        "--name",
        "Alex",
        "--name",
        "Sam",
        "--output-dir",
        str(tmp_path),
        input="4\n" * 20 + "\n" + "2\n" * 5 + "q\n",
    )
    assert first.exit_code == 0
    today = date.today().isoformat()
    alex, sam = tmp_path / f"Alex-{today}.yaml", tmp_path / f"Sam-{today}.yaml"
    assert len(yaml.safe_load(sam.read_text(encoding="utf-8"))["answers"]) == 5
    second = run(
        "quiz",
        "--couple",
        "--resume",
        str(alex),
        "--resume",
        str(sam),
        input="\n" + "2\n" * 15 + "\n",
    )
    assert second.exit_code == 0, second.stderr
    assert "is already complete" in second.stdout
    assert "Couple agreement" in second.stdout
    assert yaml.safe_load(sam.read_text(encoding="utf-8"))["status"] == "completed"


def test_couple_quiz_refuses_the_same_name_twice(tmp_path: Path) -> None:
    result = run(
        "quiz", "--couple", "--name", "Alex", "--name", "alex", "--output-dir", str(tmp_path)
    )
    assert result.exit_code == 2
    assert "different names" in result.stderr


def test_name_three_times_is_a_usage_error() -> None:
    result = run("quiz", "--couple", "--name", "A", "--name", "B", "--name", "C")
    assert result.exit_code == 2
    assert "at most twice" in result.stderr
