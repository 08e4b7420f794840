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
    assert value["schema"] == {"name": "intimacy-check/summary", "version": 3}
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


# --- item-level data: one rating per cell ----------------------------------------------------

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
BASE_COLUMNS = [
    "file",
    "respondent",
    "status",
    "completed_at",
    "index",
    "band",
    "band_label",
    "top_concern",
]


def test_items_add_a_column_per_statement_of_every_version() -> None:
    result = run("summary", str(EXAMPLES), "--items", "--format", "csv", "--sort", "path")
    assert result.exit_code == 0, result.stderr
    table = list(csv.reader(io.StringIO(result.stdout)))
    v2 = [sign.id for sign in load_questionnaire().signs]
    v1_only = [sign.id for sign in shipped_version(1).signs if sign.id not in v2]  # type: ignore[union-attr]
    assert table[0] == BASE_COLUMNS + v2 + v1_only
    assert len(v1_only) == 8
    rows = {Path(row[0]).name: dict(zip(table[0], row, strict=True)) for row in table[1:]}
    # sam.yaml (version 2) as written in the file; the version-1 columns stay empty.
    sam = rows["sam.yaml"]
    assert [sam[sign_id] for sign_id in v2[:4]] == ["4", "4", "2", "2"]
    assert [sam[sign_id] for sign_id in v1_only] == [""] * 8
    # alex-september.yaml (version 1): shared ids and its own, none of version 2's new ones.
    september = rows["alex-september.yaml"]
    assert (september["trust"], september["holding-grudges"], september["lack-of-trust"]) == (
        "4",
        "5",
        "2",
    )
    assert september["feel-listened-to"] == "" and september["active-listening"] == "3"


def test_a_skipped_or_unreached_statement_is_an_empty_cell(tmp_path: Path) -> None:
    out = tmp_path / "pat.yaml"
    ratings = "3\ns\n" + "4\n" * 3  # the second skipped, three more, then input ends
    stopped = CliRunner().invoke(app, ["quiz", "--name", "Pat", "-o", str(out)], input=ratings)
    assert stopped.exit_code == 1
    result = run("summary", str(out), "--items", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    header, row = list(csv.reader(io.StringIO(result.stdout)))
    cells = dict(zip(header, row, strict=True))
    ids = [sign.id for sign in load_questionnaire().signs]
    assert [cells[sign_id] for sign_id in ids[:6]] == ["3", "", "4", "4", "4", ""]
    assert cells["status"] == "in-progress"


def test_items_in_json_are_each_files_answers_and_fit_the_schema() -> None:
    import jsonschema

    result = run("summary", str(EXAMPLES), "--items", "--format", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    schema = json.loads(
        (Path(__file__).resolve().parent.parent / "intimacy_check" / "schemas")
        .joinpath("summary.schema.json")
        .read_text(encoding="utf-8")
    )
    jsonschema.validate(document, schema)
    rows = {Path(row["file"]).name: row for row in document["rows"]}
    assert rows["alex.yaml"]["answers"]["doubting-their-word"] == 1
    assert len(rows["alex.yaml"]["answers"]) == 20
    assert (
        "answers" not in json.loads(run("summary", str(EXAMPLES), "-f", "json").stdout)["rows"][0]
    )


def test_a_sealed_file_has_no_ratings_to_give(tmp_path: Path) -> None:
    (tmp_path / "kim.yaml.age").write_bytes(b"age-encryption.org/v1\n-> scrypt c2FsdA 18\n")
    as_csv = run("summary", str(tmp_path), "--items", "--format", "csv")
    header, row = list(csv.reader(io.StringIO(as_csv.stdout)))
    assert row[2] == "sealed" and row[len(BASE_COLUMNS) :] == [""] * (len(header) - 8)
    as_json = json.loads(run("summary", str(tmp_path), "--items", "-f", "json").stdout)
    assert as_json["rows"][0]["answers"] is None


@pytest.mark.parametrize("fmt", ["terminal", None])
def test_items_are_for_csv_and_json_only(fmt: str | None) -> None:
    result = run("summary", str(EXAMPLES), "--items", *(["--format", fmt] if fmt else []))
    assert result.exit_code == 2
    assert result.stderr == (
        "intimacy-check: error: --items is for --format csv or json, which hold one rating "
        "per cell (see 'intimacy-check summary --help')\n"
    )
