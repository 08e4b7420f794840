"""Unreadable files and folders are data errors for every command: one line each, exit 1,
and in `summary` and `progress` the other files still come out.

CI runs as root, which reads any file. So the command runs with every capability dropped
(`setpriv --bounding-set=-all`): still root, but bound by file modes like anyone else.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import unprivileged

# The examples as version 1 shipped them: examples/ now holds version 2.
V1_EXAMPLES = Path(__file__).parent / "fixtures" / "v1"
HANG_GUARD = 60  # seconds; guards against a hang, times nothing


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*unprivileged(), sys.executable, "-m", "intimacy_check", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=HANG_GUARD,
        check=False,
    )


@pytest.fixture
def files(tmp_path: Path) -> Path:
    for name in ("alex.yaml", "sam.yaml"):
        shutil.copy(V1_EXAMPLES / name, tmp_path / name)
    shutil.copy(V1_EXAMPLES / "sam.yaml", tmp_path / "locked.yaml")
    (tmp_path / "locked.yaml").chmod(0)
    return tmp_path


DENIED = "intimacy-check: error: locked.yaml: permission denied\n"


@pytest.mark.parametrize(
    "args",
    [
        ("report", "locked.yaml"),
        ("report", "alex.yaml", "locked.yaml"),
        ("compare", "alex.yaml", "locked.yaml"),
        ("quiz", "--resume", "locked.yaml"),
    ],
    ids=["report", "report-pair", "compare", "quiz-resume"],
)
def test_an_unreadable_answer_file_is_a_data_error(files: Path, args: tuple[str, ...]) -> None:
    result = run(*args, cwd=files)
    assert (result.returncode, result.stderr, result.stdout) == (1, DENIED, "")


def test_progress_goes_on_without_the_unreadable_file(files: Path) -> None:
    result = run("progress", "alex.yaml", "locked.yaml", "sam.yaml", "-f", "json", cwd=files)
    assert result.returncode == 1
    assert result.stderr == DENIED
    names = [person["name"] for person in __import__("json").loads(result.stdout)["respondents"]]
    assert names == ["Alex", "Sam"]


def test_summary_goes_on_and_reports_an_unreadable_folder(files: Path) -> None:
    locked = files / "closed"
    locked.mkdir()
    shutil.copy(V1_EXAMPLES / "alex.yaml", locked / "inside.yaml")
    locked.chmod(0)
    try:
        result = run("summary", ".", "--format", "csv", "--sort", "path", cwd=files)
    finally:
        locked.chmod(0o700)
    assert result.returncode == 1
    # A folder's own files come first, then its subfolders.
    assert result.stderr.splitlines() == [
        "intimacy-check: error: locked.yaml: permission denied",
        "intimacy-check: error: closed: the folder cannot be read (permission denied); "
        "its files are left out",
    ]
    rows = [line.split(",")[0] for line in result.stdout.splitlines()[1:]]
    assert rows == ["alex.yaml", "sam.yaml"]


def test_an_unreadable_template_or_content_file_is_a_data_error(files: Path) -> None:
    template = files / "mine.j2"
    template.write_text("{{ heading }}", encoding="utf-8")
    template.chmod(0)
    result = run("report", "alex.yaml", "-f", "html", "--template", "mine.j2", cwd=files)
    assert (result.returncode, result.stderr) == (
        1,
        "intimacy-check: error: mine.j2: permission denied\n",
    )

    content = files / "data"
    shutil.copytree(Path(__file__).parent.parent / "data", content)
    (content / "steps.yaml").chmod(0)
    result = run("report", "alex.yaml", "--data-dir", "data", cwd=files)
    assert result.returncode == 1
    assert result.stderr == "intimacy-check: error: data/steps.yaml: permission denied\n"
