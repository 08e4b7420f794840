"""Text that could act in another program is cleaned, then guarded: a spreadsheet never
runs a formula from a caseload, and no JSON string carries a control, bidi or zero-width
character. And one file never ends a caseload, however deep its folder."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from intimacy_check.cli import app

# The examples as version 1 shipped them: examples/ now holds version 2.
V1_EXAMPLES = Path(__file__).parent / "fixtures" / "v1"
HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
TRICKS = ["\x1b=1+1", "\u202e=1+1", "\x00=1+1", "\u200b=1+1", "\t=1+1", "@SUM(A1)"]


def answers(folder: Path, name: str, *, file: str = "a.yaml") -> Path:
    text = (V1_EXAMPLES / "alex.yaml").read_text(encoding="utf-8")
    quoted = json.dumps(name)
    path = folder / file
    path.write_text(text.replace('respondent: "Alex"', f"respondent: {quoted}"), encoding="utf-8")
    return path


def summary(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["summary", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("trick", TRICKS)
def test_a_name_is_cleaned_before_the_formula_guard(tmp_path: Path, trick: str) -> None:
    answers(tmp_path, f"{trick}")
    code, out, _ = summary(str(tmp_path), "--format", "csv")
    assert code == 0
    row = next(csv.DictReader(io.StringIO(out)))
    assert row["respondent"][0] == "'"
    assert not HIDDEN.search(out)


def test_a_file_name_is_cleaned_before_the_formula_guard(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers(tmp_path, "Alex", file="\x1b=1+1.yaml")
    monkeypatch.chdir(tmp_path)
    code, out, _ = summary(".", "--format", "csv")
    assert code == 0
    row = next(csv.DictReader(io.StringIO(out)))
    assert row["file"] == "'=1+1.yaml"
    assert "\x1b" not in out


def test_a_content_title_is_cleaned_before_the_formula_guard(
    tmp_path: Path, v1_data_copy: Path
) -> None:
    data_copy = v1_data_copy  # the version the example answers
    steps = data_copy / "signs.yaml"
    text = steps.read_text(encoding="utf-8")
    steps.write_text(
        text.replace(
            "growth_title: Closeness beyond the bedroom",
            'growth_title: "\\u202e=HYPERLINK(\\"x\\")"',
        ),
        encoding="utf-8",
    )
    shutil.copy(V1_EXAMPLES / "alex.yaml", tmp_path / "alex.yaml")
    code, out, _ = summary(
        str(tmp_path / "alex.yaml"), "--format", "csv", "--data-dir", str(data_copy)
    )
    assert code == 0
    row = next(csv.DictReader(io.StringIO(out)))
    assert row["top_concern"] == '\'=HYPERLINK("x")'


@pytest.mark.parametrize("trick", [*TRICKS, "Eve\u2066hidden\u2069", "Ze\u200dro"])
def test_json_strings_hold_no_hidden_characters(tmp_path: Path, trick: str) -> None:
    path = answers(tmp_path, f"Eve {trick}")
    for command in (["report", str(path), "-f", "json"], ["summary", str(path), "-f", "json"]):
        result = CliRunner().invoke(app, command)
        assert result.exit_code == 0, result.output
        decoded = json.loads(result.stdout)
        assert not HIDDEN.search(json.dumps(decoded, ensure_ascii=False)), command


def test_one_broken_file_never_ends_a_caseload(tmp_path: Path) -> None:
    for name in ("a.yaml", "c.yaml"):
        shutil.copy(V1_EXAMPLES / "alex.yaml", tmp_path / name)
    (tmp_path / "b.yaml").write_text("respondent: [\n", encoding="utf-8")
    code, out, err = summary(str(tmp_path), "--format", "csv", "--sort", "path")
    assert code == 1
    assert [line.split(",")[0] for line in out.splitlines()[1:]] == [
        str(tmp_path / "a.yaml"),
        str(tmp_path / "c.yaml"),
    ]
    assert err.count("\n") == 1 and err.startswith(f"intimacy-check: error: {tmp_path / 'b.yaml'}")


def test_a_deep_folder_is_walked_without_recursion(tmp_path: Path) -> None:
    here = Path.cwd()
    os.chdir(tmp_path)
    try:
        os.mkdir("deep")
        os.chdir("deep")
        for _ in range(1100):  # deeper than Python's recursion limit
            os.mkdir("d")
            os.chdir("d")
        shutil.copy(V1_EXAMPLES / "sam.yaml", "sam.yaml")
    finally:
        os.chdir(here)
    try:
        code, out, err = summary(str(tmp_path / "deep"), "--format", "csv")
    finally:
        _remove_deep(tmp_path / "deep")  # pytest's own clean-up recurses, and would fail
    assert (code, err) == (0, "")
    assert out.splitlines()[1].endswith("Really listening to each other")


def _remove_deep(folder: Path) -> None:
    """Remove a deep tree from the bottom up, without recursion."""
    bottom = folder
    while (bottom / "d").is_dir():
        bottom = bottom / "d"
    for child in bottom.iterdir():
        child.unlink()
    while bottom != folder.parent:
        bottom.rmdir()
        bottom = bottom.parent
