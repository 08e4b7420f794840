"""Messages a person understands: the command line's own refusals, in plain sentences."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
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
    text = (EXAMPLES / "alex.yaml").read_text(encoding="utf-8")
    broken.write_text(text.replace("  trust: 5", "trust: 5\n   oops"), encoding="utf-8")

    result = cli("report", str(broken))

    assert result.returncode == 1
    assert "is not an intimacy-check answer file" not in result.stderr
    assert "is not valid YAML" in result.stderr
