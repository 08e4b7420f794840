"""summary --stats, norms files (--stats-out) and progress --norms, through the command line."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from intimacy_check.answers import COMPLETED, AnswerSheet, format_answer_sheet
from intimacy_check.cli import app
from intimacy_check.questionnaire import load_questionnaire

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
CASELOAD = EXAMPLES / "caseload"
SEPTEMBER, OCTOBER, NOVEMBER = (
    EXAMPLES / "alex-september.yaml",
    EXAMPLES / "alex-october.yaml",
    EXAMPLES / "alex.yaml",
)
PREFIX = "intimacy-check: error: "
UNSTABLE = "so they are unstable"
CANNOT_BE_TOLD = (
    "Whether a change goes beyond measurement noise cannot be told without a reliability estimate."
)


def run(*args: str):
    return CliRunner().invoke(app, [str(arg) for arg in args])


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def questionnaire():
    return load_questionnaire()


def write_sheet(path: Path, questionnaire, *, name: str, presence, absence, day: int) -> Path:
    first, second = questionnaire.sections
    answers = {
        **dict(zip((sign.id for sign in first.signs), presence, strict=True)),
        **dict(zip((sign.id for sign in second.signs), absence, strict=True)),
    }
    from datetime import datetime, timezone

    when = datetime(2026, 6, day, 19, 0, tzinfo=timezone.utc)
    sheet = AnswerSheet(
        respondent=name,
        questionnaire_id=questionnaire.id,
        questionnaire_version=questionnaire.version,
        started_at=when,
        status=COMPLETED,
        completed_at=when,
        answers=answers,
    )
    order = tuple(sign.id for sign in questionnaire.signs)
    path.write_text(format_answer_sheet(sheet, order=order), encoding="utf-8")
    return path


@pytest.fixture
def tiny(tmp_path: Path, questionnaire) -> Path:
    """Three files whose every statement says all closeness (index 100), the middle (50)
    and none (0): mean 50, SD sqrt((50^2 + 0 + 50^2) / 2) = 50, alpha 1."""
    folder = tmp_path / "tiny"
    folder.mkdir()
    write_sheet(
        folder / "a.yaml", questionnaire, name="Ana", presence=[5] * 10, absence=[1] * 10, day=1
    )
    write_sheet(
        folder / "b.yaml", questionnaire, name="Bo", presence=[3] * 10, absence=[3] * 10, day=2
    )
    write_sheet(
        folder / "c.yaml", questionnaire, name="Cy", presence=[1] * 10, absence=[5] * 10, day=3
    )
    return folder


# --- summary --stats -------------------------------------------------------------------------


def test_stats_of_a_tiny_caseload_are_the_hand_computed_ones(tiny: Path) -> None:
    result = run("summary", tiny, "--stats", "--format", "json")
    assert result.exit_code == 0, result.stderr
    figures = json.loads(result.stdout)["stats"]
    assert (figures["n"], figures["left_out"], figures["unstable"]) == (3, 0, True)
    index = figures["scales"]["index"]
    assert (index["n"], index["mean"], index["sd"], index["alpha"]) == (3, 50.0, 50.0, 1.0)
    assert set(index["item_rest"].values()) == {1.0}
    assert index["not_computed"] == {}
    assert UNSTABLE in figures["note"]


def test_stats_on_the_terminal_say_the_figures_and_that_they_are_unstable(tiny: Path) -> None:
    shown = flat(run("summary", tiny, "--stats").stdout)
    assert "Figures over 3 completed answer files" in shown
    assert "Intimacy index: 3 files, mean 50.0, SD 50.0" in shown
    assert "Cronbach's alpha 1.00, over 3 files that answered every statement" in shown
    assert "fewer than 30 completed files, so they are unstable" in shown


def test_thirty_files_or_more_are_not_called_unstable() -> None:
    result = run("summary", CASELOAD, "--stats")
    assert result.exit_code == 0, result.stderr
    shown = flat(result.stdout)
    assert "Figures over 40 completed answer files" in shown
    assert UNSTABLE not in shown
    value = json.loads(run("summary", CASELOAD, "--stats", "-f", "json").stdout)["stats"]
    assert value["unstable"] is False and value["note"] is None


def test_without_stats_there_are_no_figures(tiny: Path) -> None:
    assert "stats" not in json.loads(run("summary", tiny, "-f", "json").stdout)
    assert "Cronbach" not in run("summary", tiny).stdout


def test_a_figure_that_cannot_be_computed_says_why(tmp_path: Path, questionnaire) -> None:
    write_sheet(
        tmp_path / "one.yaml", questionnaire, name="Uno", presence=[4] * 10, absence=[2] * 10, day=4
    )
    result = run("summary", tmp_path, "--stats")
    assert result.exit_code == 0, result.stderr
    shown = flat(result.stdout)
    assert "SD cannot be computed (fewer than two files)" in shown
    assert "alpha cannot be computed (fewer than two files)" in shown
    value = json.loads(run("summary", tmp_path, "--stats", "-f", "json").stdout)["stats"]
    assert value["scales"]["index"]["sd"] is None
    assert value["scales"]["index"]["not_computed"]["sd"] == "too-few"


def test_csv_with_stats_is_the_table_of_figures(tiny: Path) -> None:
    lines = run("summary", tiny, "--stats", "-f", "csv").stdout.splitlines()
    assert lines[0] == "scale,statement,n,complete,mean,sd,alpha,item_rest"
    assert lines[1] == "index,,3,3,50.0000,50.0000,1.0000,"
    assert lines[2].startswith("index,") and lines[2].endswith(",1.0000")


def test_files_of_another_version_are_left_out_and_counted(tiny: Path) -> None:
    (tiny / "september.yaml").write_bytes(SEPTEMBER.read_bytes())  # questionnaire version 1
    figures = json.loads(run("summary", tiny, "--stats", "-f", "json").stdout)["stats"]
    assert (figures["n"], figures["left_out"]) == (3, 1)
    assert "1 completed files answered another questionnaire or version and are left out" in flat(
        run("summary", tiny, "--stats").stdout
    )


# --- --stats-out -----------------------------------------------------------------------------


def test_stats_out_writes_a_private_norms_file(tiny: Path, tmp_path: Path) -> None:
    norms = tmp_path / "norms.yaml"
    result = run("summary", tiny, "--stats-out", norms)
    assert result.exit_code == 0, result.stderr
    assert f"Norms saved in {norms}" in result.stderr
    assert stat.S_IMODE(os.stat(norms).st_mode) == 0o600
    lines = norms.read_text(encoding="utf-8").splitlines()
    assert lines[1:10] == [
        "format: intimacy-check/norms",
        "version: 1",
        "questionnaire:",
        "  id: emotional-intimacy",
        "  version: 2",
        "n: 3",
        "scales:",
        "  index:",
        "    n: 3",
    ]
    # An alpha of 1 leaves no measurement noise to set a change beside: written as null.
    assert lines[10:13] == ["    mean: 50.0000", "    sd: 50.0000", "    alpha: null"]


def test_stats_out_refuses_an_existing_file_without_force(tiny: Path, tmp_path: Path) -> None:
    norms = tmp_path / "norms.yaml"
    norms.write_text("keep me\n", encoding="utf-8")
    result = run("summary", tiny, "--stats-out", norms)
    assert result.exit_code == 1
    assert result.stderr == f"{PREFIX}{norms}: already exists; use --force to replace it\n"
    assert norms.read_text(encoding="utf-8") == "keep me\n"
    assert result.stdout == ""  # refused before any file is read
    assert run("summary", tiny, "--stats-out", norms, "--force").exit_code == 0
    assert norms.read_text(encoding="utf-8").splitlines()[1] == "format: intimacy-check/norms"


# --- progress --norms ------------------------------------------------------------------------

NORMS_10_75 = """\
format: intimacy-check/norms
version: 1
questionnaire:
  id: emotional-intimacy
  version: 2
n: 40
scales:
  index: {n: 40, mean: 50, sd: 10, alpha: 0.75}
  presence: {n: 40, mean: 50, sd: 10, alpha: 0.75}
  absence: {n: 40, mean: 50, sd: 10, alpha: 0.75}
"""


@pytest.fixture
def norms(tmp_path: Path) -> Path:
    """SD 10 and alpha 0.75: S_diff = sqrt(2 * (10 * 0.5)^2) = 7.0711 points."""
    path = tmp_path / "norms.yaml"
    path.write_text(NORMS_10_75, encoding="utf-8")
    return path


@pytest.fixture
def december(tmp_path: Path, questionnaire) -> Path:
    """Alex again, every statement at its closest: index 100, 27.5 above November's 72.5."""
    path = write_sheet(
        tmp_path / "alex-december.yaml",
        questionnaire,
        name="Alex",
        presence=[5] * 10,
        absence=[1] * 10,
        day=1,
    )
    text = path.read_text(encoding="utf-8").replace("2026-06-01", "2026-12-01")
    path.write_text(text, encoding="utf-8")
    return path


def test_progress_says_which_change_is_beyond_noise_and_which_is_not(
    norms: Path, december: Path
) -> None:
    result = run("progress", OCTOBER, NOVEMBER, december, "--norms", norms, "-f", "text")
    assert result.exit_code == 0, result.stderr
    shown = flat(result.stdout)
    # 65 to 72.5: 7.5 / 7.0711 = 1.06.
    assert (
        "Intimacy index, 2026-10-08 to 2026-11-20: +7, RCI +1.06, within measurement noise."
        in shown
    )
    # 72.5 to 100: 27.5 / 7.0711 = 3.89.
    assert (
        "Intimacy index, 2026-11-20 to 2026-12-01: +28, RCI +3.89, beyond what measurement noise "
        "alone would explain." in shown
    )
    assert f"Reliable change is judged with the norms in {norms}: 40 completed files" in shown
    assert CANNOT_BE_TOLD not in shown


def test_progress_json_carries_the_rci_and_the_norms(norms: Path, december: Path) -> None:
    result = run("progress", OCTOBER, NOVEMBER, december, "--norms", norms, "-f", "json")
    value = json.loads(result.stdout)
    assert value["schema"] == {"name": "intimacy-check/progress", "version": 3}
    assert value["norms"]["n"] == 40
    assert value["norms"]["scales"]["index"] == {"sd": 10.0, "alpha": 0.75}
    changes = {(c["scale"], c["to"]): c for c in value["respondents"][0]["reliable_change"]}
    within = changes["index", "2026-11-20"]
    assert (within["change"], within["rci"], within["reliable"]) == (7.5, 1.06, False)
    beyond = changes["index", "2026-12-01"]
    assert (beyond["change"], beyond["rci"], beyond["reliable"]) == (27.5, 3.89, True)
    assert len(changes) == 6  # index and two sections, for each of two changes


def test_a_change_across_versions_is_told_with_a_word_of_care(norms: Path) -> None:
    result = run("progress", SEPTEMBER, OCTOBER, "--norms", norms, "-f", "json")
    change = json.loads(result.stdout)["respondents"][0]["reliable_change"][0]
    assert change["across_versions"] is True and change["rci"] is not None
    text = flat(run("progress", SEPTEMBER, OCTOBER, "--norms", norms, "-f", "text").stdout)
    assert (
        "The norms are for version 2 and this change involves version 1, so read it with care."
        in text
    )


def test_without_norms_progress_says_it_cannot_be_told_and_shows_no_rci() -> None:
    result = run("progress", SEPTEMBER, OCTOBER, NOVEMBER, "-f", "text")
    shown = flat(result.stdout)
    assert CANNOT_BE_TOLD in shown
    assert "intimacy-check summary FOLDER --stats --stats-out norms.yaml" in shown
    assert "RCI" not in shown.replace("(RCI)", "")  # no value, not even a guessed one
    value = json.loads(run("progress", SEPTEMBER, OCTOBER, NOVEMBER, "-f", "json").stdout)
    assert value["norms"] is None
    assert value["respondents"][0]["reliable_change"] == []
    assert CANNOT_BE_TOLD in value["reliable_change_note"]


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_the_templated_formats_show_the_rci_too(norms: Path, december: Path, fmt: str) -> None:
    result = run("progress", NOVEMBER, december, "--norms", norms, "-f", fmt)
    assert result.exit_code == 0, result.stderr
    assert "RCI +3.89, beyond what measurement noise alone would explain." in flat(result.stdout)


def test_the_caseload_s_own_norms_read_back(tmp_path: Path) -> None:
    """The example of docs/reports.md: norms from the example caseload, then Alex's progress."""
    norms = tmp_path / "norms.yaml"
    assert run("summary", CASELOAD, "--stats", "--stats-out", norms).exit_code == 0
    result = run("progress", SEPTEMBER, OCTOBER, NOVEMBER, "--norms", norms, "-f", "text")
    assert result.exit_code == 0, result.stderr
    assert "Reliable change is judged with the norms in" in result.stdout
    assert "40 completed files of emotional-intimacy version 2" in flat(result.stdout)


def test_progress_with_norms_in_spanish_holds_no_english_sentence(
    norms: Path, december: Path
) -> None:
    from test_language import english_fragments

    result = run("--lang", "es", "progress", OCTOBER, december, "--norms", norms, "-f", "text")
    assert result.exit_code == 0, result.stderr
    shown = flat(result.stdout)
    assert "más de lo que explicaría el ruido de medición por sí solo" in shown
    assert [fragment for fragment in english_fragments() if fragment in shown] == []


# --- bad norms files -------------------------------------------------------------------------

GOOD = {
    "format": "intimacy-check/norms",
    "version": 1,
    "questionnaire": {"id": "emotional-intimacy", "version": 2},
    "n": 40,
    "scales": {
        "index": {"n": 40, "mean": 50, "sd": 10, "alpha": 0.75},
        "presence": {"n": 40, "mean": 50, "sd": 10, "alpha": 0.75},
        "absence": {"n": 40, "mean": 50, "sd": 10, "alpha": 0.75},
    },
}


def _broken(change) -> str:
    value = json.loads(json.dumps(GOOD))
    change(value)
    return json.dumps(value)  # JSON is YAML, and the strict reader reads both


BAD_NORMS = {
    "empty": ("", "the file is empty; a norms file is made by summary --stats-out"),
    "a list": ("[1, 2]\n", "holds list, not a norms file"),
    "not YAML": ("scales: [1, 2\n", "is not valid YAML"),
    "an answer file": (
        SEPTEMBER.read_text(encoding="utf-8"),
        "not a norms file (it has no 'format: intimacy-check/norms')",
    ),
    "a newer format": (_broken(lambda v: v.update(version=2)), "norms format version 2 is newer"),
    "a version in words": (
        _broken(lambda v: v.update(version="one")),
        "'version' must be a whole number",
    ),
    "an unknown key": (_broken(lambda v: v.update(extra=1)), "unknown key 'extra'"),
    "no scales": (_broken(lambda v: v.pop("scales")), "'scales' is missing"),
    "no n": (_broken(lambda v: v.pop("n")), "'n' is missing"),
    "n of zero": (_broken(lambda v: v.update(n=0)), "'n' must be a whole number of at least 1"),
    "n true": (_broken(lambda v: v.update(n=True)), "'n' must be a whole number of at least 1"),
    "scales a list": (_broken(lambda v: v.update(scales=[1])), "'scales' must be a mapping"),
    "sd missing": (
        _broken(lambda v: v["scales"]["index"].pop("sd")),
        "scales: index: 'sd' is missing",
    ),
    "sd in words": (
        _broken(lambda v: v["scales"]["index"].update(sd="ten")),
        "'sd' must be a number or null",
    ),
    "sd of zero": (
        _broken(lambda v: v["scales"]["index"].update(sd=0)),
        "sd must be from 0.0001 to 100, not 0",
    ),
    "sd below zero": (
        _broken(lambda v: v["scales"]["presence"].update(sd=-3)),
        "sd must be from 0.0001 to 100, not -3",
    ),
    "alpha of one": (
        _broken(lambda v: v["scales"]["index"].update(alpha=1)),
        "alpha must be from 0 to 0.9999, not 1",
    ),
    "alpha below zero": (
        _broken(lambda v: v["scales"]["index"].update(alpha=-0.2)),
        "alpha must be from 0 to 0.9999, not -0.2",
    ),
    "sd too small to hold": (
        # Written out: JSON would write 1e-05, which YAML reads as text.
        _broken(lambda v: v["scales"]["index"].update(sd=0.5)).replace(
            '"sd": 0.5', '"sd": 0.00001'
        ),
        "sd must be from 0.0001 to 100, not 1e-05",
    ),
    "alpha too near one": (
        _broken(lambda v: v["scales"]["index"].update(alpha=0.9999999999)),
        "alpha must be from 0 to 0.9999, not 0.9999999999",
    ),
    "figures from one file": (
        _broken(lambda v: v["scales"]["index"].update(n=1)),
        "scales: index: sd and alpha need an n of at least 2, not 1",
    ),
    "alpha true": (
        _broken(lambda v: v["scales"]["index"].update(alpha=True)),
        "'alpha' must be a number or null",
    ),
    "mean above 100": (
        _broken(lambda v: v["scales"]["index"].update(mean=120)),
        "mean must be between 0 and 100",
    ),
    "a scale n above n": (
        _broken(lambda v: v["scales"]["index"].update(n=41)),
        "n is 41, more than the 40 files",
    ),
    "a scale n below 0": (
        _broken(lambda v: v["scales"]["index"].update(n=-1)),
        "scales: index: 'n' must be a whole number, 0 or more",
    ),
    "an unknown scale key": (
        _broken(lambda v: v["scales"]["index"].update(median=3)),
        "unknown key 'median'",
    ),
    "another questionnaire": (
        _broken(lambda v: v["questionnaire"].update(id="other-check")),
        "the norms are for questionnaire 'other-check' version 2, which this intimacy-check "
        "does not know",
    ),
    "an unknown version": (
        _broken(lambda v: v["questionnaire"].update(version=9)),
        "version 9, which this intimacy-check does not know",
    ),
    "a section missing": (
        _broken(lambda v: v["scales"].pop("absence")),
        "scales has no 'absence', a part of emotional-intimacy version 2",
    ),
    "a section of no questionnaire": (
        _broken(lambda v: v["scales"].update(trust={"n": 2, "mean": 1, "sd": 1, "alpha": 0.5})),
        "scales has 'trust', which is no part of emotional-intimacy version 2",
    ),
    "not a number": (
        _broken(lambda v: v["scales"]["index"].update(sd=None)).replace("null", ".nan"),
        "'sd' must be a number or null",
    ),
    "too big": ("# " + "x" * 20000 + "\n", "too large"),
}


def _one_error_line(result, path: Path, message: str) -> None:
    assert result.exit_code == 1, result.stdout
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(PREFIX) and str(path) in lines[0], lines[0]
    assert message in lines[0], lines[0]
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("case", list(BAD_NORMS), ids=list(BAD_NORMS))
def test_a_bad_norms_file_is_one_line_and_exit_1(tmp_path: Path, case: str) -> None:
    content, message = BAD_NORMS[case]
    path = tmp_path / "norms.yaml"
    path.write_text(content, encoding="utf-8")
    _one_error_line(run("progress", NOVEMBER, "--norms", path), path, message)


def test_the_good_norms_of_that_table_are_read(tmp_path: Path) -> None:
    path = tmp_path / "norms.yaml"
    path.write_text(json.dumps(GOOD), encoding="utf-8")
    assert run("progress", OCTOBER, NOVEMBER, "--norms", path).exit_code == 0


def test_null_figures_are_read_and_tell_nothing_for_that_part(tmp_path: Path) -> None:
    path = tmp_path / "norms.yaml"
    path.write_text(
        _broken(lambda v: v["scales"]["presence"].update(sd=None, alpha=None)), encoding="utf-8"
    )
    result = run("progress", OCTOBER, NOVEMBER, "--norms", path, "-f", "text")
    assert result.exit_code == 0, result.stderr
    assert (
        "Signs of closeness, 2026-10-08 to 2026-11-20: cannot be told, as the norms hold no usable "
        "SD and alpha for it." in flat(result.stdout)
    )


def test_a_missing_norms_file_a_folder_and_a_fifo_are_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.yaml"
    result = run("progress", NOVEMBER, "--norms", missing)
    _one_error_line(result, missing, "")
    _one_error_line(run("progress", NOVEMBER, "--norms", tmp_path), tmp_path, "")
    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    _one_error_line(run("progress", NOVEMBER, "--norms", fifo), fifo, "")


def test_norms_need_a_file_of_the_loaded_version(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    folder.mkdir()
    (folder / "september.yaml").write_bytes(SEPTEMBER.read_bytes())  # version 1 only
    shown = flat(run("summary", folder, "--stats").stdout)
    assert "Figures over 0 completed answer files" in shown
    assert "mean cannot be computed (fewer than two files)" in shown
    norms = tmp_path / "norms.yaml"
    result = run("summary", folder, "--stats-out", norms)
    assert result.exit_code == 1
    assert result.stderr.endswith(
        f"{PREFIX}none of the files is a completed assessment of emotional-intimacy version 2\n"
    )
    assert not norms.exists()


def test_summary_stats_in_spanish_holds_no_english_sentence(tiny: Path) -> None:
    from test_language import english_fragments

    result = run("--lang", "es", "summary", tiny, "--stats")
    assert result.exit_code == 0, result.stderr
    shown = flat(result.stdout)
    assert (
        "Alfa de Cronbach 1.00, sobre 3 archivos que respondieron todas las afirmaciones" in shown
    )
    assert [fragment for fragment in english_fragments() if fragment in shown] == []


# --- where the norms may be saved --------------------------------------------------------


def _small_caseload(tmp_path: Path) -> Path:
    folder = tmp_path / "caseload"
    folder.mkdir()
    for name in ("client-01.yaml", "client-02.yaml", "client-03.yaml"):
        (folder / name).write_bytes((CASELOAD / name).read_bytes())
    return folder


@pytest.mark.parametrize("inside", ["client-01.yaml", "new.yaml"])
def test_norms_are_never_saved_among_the_answer_files(tmp_path: Path, inside: str) -> None:
    folder = _small_caseload(tmp_path)
    before = (folder / "client-01.yaml").read_bytes()
    result = run("summary", folder, "--stats-out", folder / inside, "--force")
    assert result.exit_code == 2
    assert f"{folder / inside} is among the answer files being read ({folder})" in result.stderr
    assert (folder / "client-01.yaml").read_bytes() == before
    assert not (folder / "new.yaml").exists()


def test_norms_are_not_saved_over_an_answer_file_given_by_name(tmp_path: Path) -> None:
    folder = _small_caseload(tmp_path)
    given = folder / "client-02.yaml"
    result = run("summary", folder / "client-01.yaml", given, "--stats-out", given, "--force")
    assert result.exit_code == 2 and "is among the answer files being read" in result.stderr


def test_norms_need_a_file_name(tmp_path: Path) -> None:
    folder = _small_caseload(tmp_path)
    dash = run("summary", folder, "--stats-out", "-")
    assert dash.exit_code == 2
    assert "--stats-out needs a file name; the figures themselves are shown with --stats" in (
        dash.stderr
    )
    into_a_folder = run("summary", folder, "--stats-out", tmp_path)
    assert into_a_folder.exit_code == 1
    assert into_a_folder.stderr == (
        f"intimacy-check: error: {tmp_path}: is a folder; give a file name with --stats-out\n"
    )


def test_sealed_files_are_counted_as_left_out(tmp_path: Path) -> None:
    folder = _small_caseload(tmp_path)
    (folder / "kim.yaml.age").write_bytes(b"age-encryption.org/v1\n-> scrypt c2FsdA 18\n")
    result = run("summary", folder, "--stats", "-f", "json")
    stats = json.loads(result.stdout)["stats"]
    assert (stats["n"], stats["sealed"]) == (3, 1)
    shown = flat(run("summary", folder, "--stats").stdout)
    assert "1 sealed files are left out: a summary never asks for a passphrase." in shown
    only = tmp_path / "only"
    only.mkdir()
    (only / "kim.yaml.age").write_bytes((folder / "kim.yaml.age").read_bytes())
    refused = run("summary", only, "--stats-out", tmp_path / "norms.yaml")
    assert refused.exit_code == 1
    assert "no completed answer file could be read for the norms: 1 sealed files" in (
        refused.stderr
    )
    assert not (tmp_path / "norms.yaml").exists()


def test_stats_and_items_in_one_csv_is_a_usage_error() -> None:
    result = run("summary", CASELOAD, "--stats", "--items", "-f", "csv")
    assert result.exit_code == 2 and result.stdout == ""
    assert "a CSV file holds one table, so run them one at a time" in result.stderr
    both = json.loads(run("summary", CASELOAD, "--stats", "--items", "-f", "json").stdout)
    assert both["stats"]["n"] == 40 and "answers" in both["rows"][0]
