"""A questionnaire with a third section works from its content alone: the quiz, every report
format, compare and progress, with no code that names a section."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from intimacy_check.cli import app
from intimacy_check.questionnaire import load_questionnaire

FIXTURE = Path(__file__).parent / "fixtures" / "third-section.yaml"


@pytest.fixture
def three_sections(data_copy: Path) -> Path:
    shutil.copy(FIXTURE, data_copy / "everyday.yaml")
    signs = data_copy / "signs.yaml"
    document = yaml.safe_load(signs.read_text(encoding="utf-8"))
    document["questionnaire"]["sections"] = ["signs.yaml", "lack_signs.yaml", "everyday.yaml"]
    signs.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    return data_copy


def run(*args: str, data: Path, input: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner(env={"INTIMACY_CHECK_DATA": str(data), "COLUMNS": "100"}).invoke(
        app, list(args), input=input
    )


def take(name: str, ratings: list[int], *, data: Path, folder: Path) -> Path:
    path = folder / f"{name}.yaml"
    result = run(
        "quiz",
        "--name",
        name,
        "-o",
        str(path),
        data=data,
        input="\n".join(map(str, ratings)) + "\n",
    )
    assert result.exit_code == 0, result.output
    assert "30 statements" in result.output
    return path


def test_the_third_section_loads_with_its_direction(three_sections: Path) -> None:
    questionnaire = load_questionnaire(three_sections)
    assert [section.id for section in questionnaire.sections] == ["presence", "absence", "everyday"]
    assert questionnaire.sections[2].closer_when_agreed
    assert len(questionnaire.signs) == 30


def test_quiz_report_compare_and_progress_with_three_sections(
    three_sections: Path, tmp_path: Path
) -> None:
    # High closeness, few warning signs, and everyday moments rated low: 2 of 5.
    one = take("Kim", [4] * 10 + [2] * 10 + [2] * 10, data=three_sections, folder=tmp_path)
    two = take("Lee", [4] * 10 + [2] * 10 + [5] * 10, data=three_sections, folder=tmp_path)
    saved = yaml.safe_load(one.read_text(encoding="utf-8"))
    assert saved["answers"]["shared-laughter"] == 2

    report = json.loads(run("report", str(one), "-f", "json", data=three_sections).stdout)
    person = report["respondents"][0]
    assert person["sections"] == {"presence": 75.0, "absence": 75.0, "everyday": 25.0}
    assert person["index"] == pytest.approx(58.3)
    flags = {sign["id"]: sign["flag"] for sign in person["signs"]}
    assert flags["shared-laughter"] == "growth"
    assert any("shared-laughter" in step["addresses"] for step in report["steps"])

    for fmt in ("terminal", "text", "markdown", "html"):
        shown = run("report", str(one), "-f", fmt, data=three_sections)
        assert shown.exit_code == 0, (fmt, shown.output)
        assert "Everyday moments" in shown.stdout, fmt
        assert "Laughing together" in shown.stdout, fmt

    compared = run("compare", str(one), str(two), "-f", "terminal", data=three_sections)
    assert compared.exit_code == 0, compared.output
    assert "Lee rates the everyday moments much higher than Kim does." in compared.stdout
    assert "Laughing together  (seen differently)" in compared.stdout

    progress = run("progress", str(one), "-f", "text", data=three_sections)
    assert progress.exit_code == 0, progress.output
    assert "Everyday moments" in progress.stdout
