"""Messages a person understands: the command line's own refusals, in plain sentences."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# The examples as version 1 shipped them: examples/ now holds version 2.
V1_EXAMPLES = REPO / "tests" / "fixtures" / "v1"
HANG_GUARD = 60  # seconds; a guard against a hang, not a measure of speed


def cli(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "intimacy_check", *args],
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=HANG_GUARD,
        check=False,
    )


def test_a_file_that_is_not_yaml_is_first_of_all_not_an_answer_file() -> None:
    result = cli("report", "README.md")

    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        "intimacy-check: error: README.md is not an intimacy-check answer file "
        "(it is not YAML: line 12, column 34)\n"
    )


def test_a_broken_answer_file_still_says_where_the_yaml_breaks(tmp_path: Path) -> None:
    broken = tmp_path / "alex.yaml"
    text = (V1_EXAMPLES / "alex.yaml").read_text(encoding="utf-8")
    broken.write_text(text.replace("  trust: 5", "trust: 5\n   oops"), encoding="utf-8")

    result = cli("report", str(broken))

    assert result.returncode == 1
    assert "is not an intimacy-check answer file" not in result.stderr
    assert "is not valid YAML" in result.stderr


def _one_error_line(result: subprocess.CompletedProcess[str], code: int = 2) -> str:
    assert result.returncode == code, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_compare_with_one_file_says_it_needs_two() -> None:
    line = _one_error_line(cli("compare", "examples/alex.yaml"))

    assert line == (
        "intimacy-check: error: compare needs two answer files, one for each partner: "
        "intimacy-check compare A.yaml B.yaml (see 'intimacy-check compare --help')"
    )


def test_an_unknown_command_suggests_the_closest() -> None:
    line = _one_error_line(cli("reprot", "examples/alex.yaml"))

    assert line == (
        "intimacy-check: error: no such command 'reprot'; did you mean 'report'? "
        "(see 'intimacy-check --help')"
    )


def test_an_unknown_command_like_none_suggests_nothing() -> None:
    line = _one_error_line(cli("xyzzy"))

    assert line == "intimacy-check: error: no such command 'xyzzy' (see 'intimacy-check --help')"


def test_report_with_three_files_suggests_progress_or_summary() -> None:
    alex = "examples/alex.yaml"
    line = _one_error_line(cli("report", alex, "examples/sam.yaml", alex))

    assert line == (
        "intimacy-check: error: report takes one answer file, or two for a couple; for one "
        "person over time use progress, and for many people use summary "
        "(see 'intimacy-check report --help')"
    )


def test_a_negative_number_of_steps_is_said_in_plain_words() -> None:
    line = _one_error_line(cli("report", "examples/alex.yaml", "--steps", "-1"))

    assert line == (
        "intimacy-check: error: Invalid value for '--steps': give a whole number, 0 or more "
        "(see 'intimacy-check report --help')"
    )


def test_a_number_that_is_not_whole_is_said_in_plain_words() -> None:
    line = _one_error_line(cli("report", "examples/alex.yaml", "--steps", "1.5"))

    assert line == (
        "intimacy-check: error: Invalid value for '--steps': give a whole number "
        "(see 'intimacy-check report --help')"
    )


def test_an_unknown_choice_lists_the_choices_without_pydantic_words() -> None:
    line = _one_error_line(cli("summary", "examples", "--sort", "size"))

    assert line == (
        "intimacy-check: error: Invalid value for '--sort': 'size' is not one of 'index', "
        "'name', 'date', 'path' (see 'intimacy-check summary --help')"
    )
