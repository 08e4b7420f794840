"""The caseload summary: rows, order, formats, bad files and streaming."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from intimacy_check.caseload import SummaryRow, sort_rows, summarize
from intimacy_check.cli import app
from intimacy_check.questionnaire import load_questionnaire
from intimacy_check.versions import Questionnaires, shipped_version

# The examples as version 1 shipped them: examples/ now holds version 2.
V1_EXAMPLES = Path(__file__).resolve().parent / "fixtures" / "v1"


def run(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.fixture
def caseload(tmp_path: Path) -> Path:
    """Alex (72.5), Sam (48.75), a nested copy of Sam renamed Kim, a broken file, a note."""
    (tmp_path / "clients" / "older").mkdir(parents=True)
    (tmp_path / "clients" / "alex.yaml").write_bytes((V1_EXAMPLES / "alex.yaml").read_bytes())
    (tmp_path / "clients" / "sam.yml").write_bytes((V1_EXAMPLES / "sam.yaml").read_bytes())
    kim = (V1_EXAMPLES / "sam.yaml").read_text(encoding="utf-8").replace('"Sam"', '"Kim"')
    kim = kim.replace("2026-11-21T08:", "2026-10-01T08:")  # started and completed then
    (tmp_path / "clients" / "older" / "kim.yaml").write_text(kim, encoding="utf-8")
    (tmp_path / "clients" / "older" / "broken.yaml").write_text(
        "answers: [1, 2\n", encoding="utf-8"
    )
    (tmp_path / "clients" / "notes.txt").write_text("not an answer file", encoding="utf-8")
    return tmp_path / "clients"


def test_csv_rows_are_ordered_most_in_need_first_and_bad_files_reported(caseload: Path) -> None:
    result = run("summary", str(caseload), "--format", "csv")
    assert result.exit_code == 1
    broken = caseload / "older" / "broken.yaml"
    assert result.stderr.startswith(
        f"intimacy-check: error: {broken} is not an intimacy-check answer file "
        "(it is not YAML: line 2"
    )
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == [
        "file",
        "respondent",
        "status",
        "completed_at",
        "index",
        "band",
        "band_label",
        "top_concern",
    ]
    assert [(row["respondent"], row["index"]) for row in rows] == [
        ("Kim", "48.8"),
        ("Sam", "48.8"),
        ("Alex", "72.5"),
    ]  # equal indexes fall back to the file path
    assert rows[2]["band"] == "close-with-room-to-grow"
    assert rows[2]["top_concern"] == "Closeness beyond the bedroom"
    assert rows[2]["completed_at"] == "2026-11-20T19:16:40+01:00"


def test_json_is_an_object_with_rows_of_the_same_keys_and_the_closing_lines(
    caseload: Path,
) -> None:
    result = run("summary", str(caseload / "alex.yaml"), str(caseload / "sam.yml"), "-f", "json")
    assert result.exit_code == 0, result.stderr
    value = json.loads(result.stdout)
    assert list(value) == ["schema", "rows", "disclaimer", "safety"]
    assert value["schema"] == {"name": "intimacy-check/summary", "version": 2}
    assert value["disclaimer"].startswith("intimacy-check is an aid to reflection")
    assert value["safety"].endswith("please contact local support services or emergency services.")
    rows = value["rows"]
    assert [row["respondent"] for row in rows] == ["Sam", "Alex"]
    assert rows[1] == {
        "file": str(caseload / "alex.yaml"),
        "respondent": "Alex",
        "status": "completed",
        "completed_at": "2026-11-20T19:16:40+01:00",
        "index": 72.5,
        "band": "close-with-room-to-grow",
        "band_label": "Close, with room to grow",
        "top_concern": "Closeness beyond the bedroom",
    }


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("name", ["Alex", "Kim", "Sam"]),
        ("date", ["Kim", "Alex", "Sam"]),
        ("path", ["Alex", "Sam", "Kim"]),  # a folder's own files, then its subfolders
        ("index", ["Kim", "Sam", "Alex"]),
    ],
)
def test_sort_orders(caseload: Path, sort: str, expected: list[str]) -> None:
    result = run("summary", str(caseload), "-f", "json", "--sort", sort)
    assert [row["respondent"] for row in json.loads(result.stdout)["rows"]] == expected


def test_terminal_rows_show_index_band_and_concern(
    caseload: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(caseload)  # a short path, so that the concern fits in 80 columns
    result = run("summary", "alex.yaml")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["Index", "Respondent", "Status", "Completed", "Band"]
    assert lines[1].split()[:4] == ["72", "Alex", "completed", "2026-11-20"]
    assert "Close, with room to grow" in lines[1]
    assert "top concern: Closeness beyond the bedroom" in " ".join(result.stdout.split())


def test_an_empty_folder_is_an_error(tmp_path: Path) -> None:
    result = run("summary", str(tmp_path))
    assert result.exit_code == 1
    assert "no answer files (*.yaml, *.yml, *.yaml.age) found" in result.stderr


def test_an_incomplete_file_sorts_last_and_says_incomplete(tmp_path: Path) -> None:
    partial = (V1_EXAMPLES / "alex.yaml").read_text(encoding="utf-8")
    partial = partial.replace("status: completed", "status: in-progress")
    partial = partial.replace("completed_at: 2026-11-20T19:16:40+01:00", "completed_at: null")
    partial = "\n".join(
        line
        for line in partial.splitlines()
        if "  no-heart-to-heart" not in line
        and "  uneven-sharing" not in line
        and "  lack-of-trust" not in line
    )
    (tmp_path / "a.yaml").write_text(partial + "\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_bytes((V1_EXAMPLES / "alex.yaml").read_bytes())
    rows = json.loads(run("summary", str(tmp_path), "-f", "json").stdout)["rows"]
    assert [(row["file"][-6:], row["index"], row["status"]) for row in rows] == [
        ("b.yaml", 72.5, "completed"),
        ("a.yaml", None, "in-progress"),
    ]


def test_csv_cells_cannot_become_spreadsheet_formulas(tmp_path: Path) -> None:
    text = (V1_EXAMPLES / "alex.yaml").read_text(encoding="utf-8")
    (tmp_path / "a.yaml").write_text(text.replace('"Alex"', '"=HYPERLINK(1)"'), encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(run("summary", str(tmp_path), "-f", "csv").stdout)))
    assert rows[0]["respondent"] == "'=HYPERLINK(1)"


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_rows_are_written_before_the_next_file_is_read(
    caseload: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    from intimacy_check import answers, formats
    from intimacy_check.commands import summary as command
    from intimacy_check.commands.report import Destination, Paper, emit
    from intimacy_check.documents.caseload import caseload_document

    events: list[str] = []
    real_read = answers.read_answer_sheet

    def recording_read(path: Path):  # type: ignore[no-untyped-def]
        events.append(f"read {path.name}")
        return real_read(path)

    class RecordingOut(io.StringIO):
        def flush(self) -> None:
            events.append("flush")

    out = RecordingOut()
    monkeypatch.setattr(answers, "read_answer_sheet", recording_read)
    # Wherever the command looks it up: in the answers module, or imported into its own.
    monkeypatch.setattr(command, "read_answer_sheet", recording_read, raising=False)
    monkeypatch.setattr(command.sys, "stdout", out)
    failures: list[str] = []
    files = command.find_answer_files([caseload], failures)
    rows = command._rows(files, Questionnaires(load_questionnaire()), failures)
    destination = Destination(format=formats.BY_NAME[fmt], path=None)
    emit(caseload_document(rows), destination, template=None, paper=Paper.a4)
    # Alex's row reaches the pipe after Alex's file is read and before Sam's is.
    assert "flush" in events[events.index("read alex.yaml") : events.index("read sam.yml")]
    assert failures == [str(caseload / "older" / "broken.yaml")]
    if fmt == "csv":
        written = [row["respondent"] for row in csv.DictReader(io.StringIO(out.getvalue()))]
    else:
        written = [row["respondent"] for row in json.loads(out.getvalue())["rows"]]
    assert written == ["Alex", "Sam", "Kim"]


def test_sort_rows_by_index_puts_incomplete_last() -> None:
    def row(name: str, index: float | None) -> SummaryRow:
        return SummaryRow(name, name, "completed", None, index, None, None, None)

    rows = [row("a", 50.0), row("b", None), row("c", 20.0)]
    assert [r.file for r in sort_rows(rows, key="index")] == ["c", "a", "b"]


def test_summarize_picks_the_heaviest_concern() -> None:
    from intimacy_check.answers import read_answer_sheet

    questionnaire = shipped_version(1)
    sheet = read_answer_sheet(V1_EXAMPLES / "sam.yaml")
    heavier = sheet.with_answer("lack-of-trust", 5)  # a warning at 5 weighs 2
    row = summarize(questionnaire, heavier, file="sam.yaml")
    assert row.top_concern == "You find it hard to trust each other"


def test_terminal_rows_stay_aligned_when_a_file_is_unfinished(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(V1_EXAMPLES / "alex.yaml", tmp_path / "alex.yaml")
    monkeypatch.chdir(tmp_path)
    stopped = CliRunner().invoke(app, ["quiz", "--name", "Sam", "-o", "sam.yaml"], input="3\n" * 5)
    assert stopped.exit_code == 1  # input ended: an unfinished file, with no index yet

    result = run("summary", ".", "--sort", "name")

    assert result.exit_code == 0, result.stderr
    header, alex, _alex_file, sam, _sam_file = result.stdout.splitlines()[:5]
    assert sam.split() == ["–", "Sam", "in-progress", "–", "incomplete"]
    for column in ("Respondent", "Status", "Completed", "Band"):
        assert alex[header.index(column) - 1] == " "
        assert sam[header.index(column) - 1] == " "
    assert alex.index("Alex") == sam.index("Sam") == header.index("Respondent")
    assert alex.index("completed") == sam.index("in-progress") == header.index("Status")
    assert sam.index("incomplete") == alex.index("Close") == header.index("Band")


def test_a_long_concern_is_cut_short_with_an_ellipsis_at_80_columns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = Path("a-folder-whose-name-pushes-the-concern")
    (tmp_path / folder).mkdir()
    shutil.copy(V1_EXAMPLES / "alex.yaml", tmp_path / folder / "alex.yaml")
    monkeypatch.chdir(tmp_path)

    result = run("summary", str(folder))

    lines = result.stdout.splitlines()
    assert lines[2].startswith(f"       {folder / 'alex.yaml'}  ·  top concern: Clos")
    assert lines[2].endswith("…")
    assert len(lines[2]) == 80
    assert lines[3] == ""  # nothing wrapped onto a line of its own


def test_at_50_columns_the_band_gets_a_line_of_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(V1_EXAMPLES / "alex.yaml", tmp_path / "alex.yaml")
    monkeypatch.chdir(tmp_path)

    result = CliRunner().invoke(app, ["summary", "alex.yaml"], env={"COLUMNS": "50"})

    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[1:4] == [
        "   72  Alex              completed    2026-11-20",
        "       Close, with room to grow",
        "       alex.yaml  ·  top concern: Closeness beyon…",
    ]
