"""The built packages: what the sdist and the wheel hold, and the wheel working on its own.

The wheel is installed into a fresh virtual environment and run from an unrelated
folder, so nothing can come from the checkout.
"""

from __future__ import annotations

import json
import shutil
import stat
import subprocess
import sys
import tarfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent
HANG_GUARD = 900  # seconds; builds and installs may fetch from PyPI, this only stops a hang
NOT_SHIPPED = (
    ".git", ".venv", "__pycache__", "build", "dist", ".hypothesis", "*.egg-info",
    ".pytest_cache", ".mypy_cache", ".ruff_cache",
)  # fmt: skip

# What the piped quiz answers, and what that scores, worked out by hand:
# signs of closeness all 4: (4 - 1) / 4 = 0.75 each, so the section is 75.0;
# warning signs all 1: (5 - 1) / 4 = 1.0 each, so the section is 100.0;
# the index is 100 × (10 × 0.75 + 10 × 1.0) / 20 = 87.5, which is "deeply-connected" (≥ 80).
RATINGS = ["4"] * 10 + ["1"] * 10
PRESENCE, ABSENCE, INDEX, BAND = 75.0, 100.0, 87.5, "deeply-connected"


@dataclass(frozen=True)
class Built:
    sdist: Path
    wheel: Path


def _run(command: Sequence[str | Path], *, cwd: Path, stdin: str = "") -> str:
    """Run a command and return its stdout; fail the test with its stderr if it fails."""
    result = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=HANG_GUARD,
        check=False,
    )
    assert result.returncode == 0, f"{command} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def _copy_of_repository(target: Path) -> Path:
    """Copy the files git would ship (tracked and new, not ignored), or all but the clutter."""
    listed = None
    if shutil.which("git") and (REPO / ".git").exists():
        listing = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=REPO,
            capture_output=True,
            timeout=HANG_GUARD,
            check=False,
        )
        if listing.returncode == 0:
            listed = [name for name in listing.stdout.decode().split("\0") if name]
    if listed is None:
        shutil.copytree(REPO, target, ignore=shutil.ignore_patterns(*NOT_SHIPPED))
        return target
    for name in listed:
        source = REPO / name
        if source.is_file():  # a file deleted but not yet staged is still listed
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


def _build(source: Path, out: Path) -> None:
    """Build in an isolated environment (hatchling from PyPI), else with the installed one."""
    isolated = subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", out, source],
        capture_output=True,
        text=True,
        timeout=HANG_GUARD,
        check=False,
    )
    if isolated.returncode == 0:
        return
    try:
        import hatchling  # noqa: F401
    except ImportError:
        pytest.skip(
            "cannot build: the isolated build failed (no network?) and hatchling is not "
            f"installed here for a build without isolation:\n{isolated.stderr[-1500:]}"
        )
    no_isolation = [sys.executable, "-m", "build", "--no-isolation", "--sdist", "--wheel"]
    _run([*no_isolation, "--outdir", out, source], cwd=source)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The sdist and the wheel, built from a copy so the working tree stays clean."""
    pytest.importorskip("build", reason="the 'build' package (in the test extra) is needed")
    source = _copy_of_repository(tmp_path_factory.mktemp("source"))
    out = tmp_path_factory.mktemp("dist")
    _build(source, out)
    (sdist,) = out.glob("*.tar.gz")
    (wheel,) = out.glob("*.whl")
    return Built(sdist=sdist, wheel=wheel)


@pytest.fixture(scope="module")
def installed(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin folder of a fresh virtual environment with the wheel installed."""
    venv = tmp_path_factory.mktemp("venv")
    _run([sys.executable, "-m", "venv", venv], cwd=venv)
    python = venv / "bin" / "python"
    pip: list[str | Path] = [python, "-m", "pip", "install", "--disable-pip-version-check"]
    online = subprocess.run(
        [*pip, built.wheel], capture_output=True, text=True, timeout=HANG_GUARD, check=False
    )
    if online.returncode != 0:
        # Without PyPI: install the wheel alone and reach its dependencies in this
        # environment. A .pth line adds a folder without running the .pth files in it,
        # so an editable install of the checkout stays out of sight.
        _run([*pip, "--no-deps", built.wheel], cwd=venv)
        site = _run(
            [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], cwd=venv
        )
        ours = [folder for folder in sys.path if folder.endswith("site-packages")]
        Path(site.strip(), "_test_dependencies.pth").write_text("\n".join(ours) + "\n")
    return venv / "bin"


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    """An empty folder far from the checkout, to run the installed command in."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    return folder


def test_sdist_holds_the_content_examples_tests_and_readme(built: Built) -> None:
    with tarfile.open(built.sdist) as archive:
        names = archive.getnames()

    top = names[0].split("/")[0]
    inside = {name.removeprefix(f"{top}/") for name in names}
    assert {"README.md", "LICENSE", "pyproject.toml"} <= inside
    assert {"data/signs.yaml", "data/lack_signs.yaml", "data/steps.yaml"} <= inside
    assert {"examples/alex.yaml", "examples/sam.yaml"} <= inside
    assert {"tests/conftest.py", "tests/test_packaging.py"} <= inside
    assert "intimacy_check/cli.py" in inside
    assert not [name for name in inside if "__pycache__" in name or name.startswith(".git/")]


def test_wheel_holds_the_content_and_the_templates(built: Built) -> None:
    with zipfile.ZipFile(built.wheel) as archive:
        names = set(archive.namelist())
        (entry_points,) = (name for name in names if name.endswith(".dist-info/entry_points.txt"))
        scripts = archive.read(entry_points).decode()

    for content in ("signs.yaml", "lack_signs.yaml", "steps.yaml"):
        assert f"intimacy_check/_data/{content}" in names
    assert "intimacy_check/templates/report.html.j2" in names
    assert "intimacy_check/templates/report.md.j2" in names
    assert "intimacy-check = intimacy_check.cli:main" in scripts
    assert not [name for name in names if name.startswith(("tests/", "data/", "examples/"))]


def test_installed_package_comes_from_the_wheel(installed: Path, elsewhere: Path) -> None:
    location = _run(
        [installed / "python", "-c", "import intimacy_check; print(intimacy_check.__file__)"],
        cwd=elsewhere,
    )

    assert Path(location.strip()).is_relative_to(installed.parent)


def test_installed_signs_lists_the_statements(installed: Path, elsewhere: Path) -> None:
    listing = _run([installed / "intimacy-check", "signs"], cwd=elsewhere)

    assert "You trust your partner" in listing
    assert "You are glad when things go well for your partner" in listing


def test_installed_quiz_then_report(installed: Path, elsewhere: Path) -> None:
    cli = installed / "intimacy-check"
    piped = "".join(f"{rating}\n" for rating in RATINGS)

    _run([cli, "quiz", "--name", "Alex", "--output", "a.yaml"], cwd=elsewhere, stdin=piped)
    answer_file = elsewhere / "a.yaml"
    sheet = yaml.safe_load(answer_file.read_text(encoding="utf-8"))
    report = json.loads(_run([cli, "report", "a.yaml", "--format", "json"], cwd=elsewhere))

    assert stat.S_IMODE(answer_file.stat().st_mode) == 0o600
    assert sheet["status"] == "completed"
    assert sheet["respondent"] == "Alex"
    assert [str(rating) for rating in sheet["answers"].values()] == RATINGS
    (respondent,) = report["respondents"]
    assert respondent["name"] == "Alex"
    assert respondent["index"] == INDEX
    assert respondent["sections"] == {"presence": PRESENCE, "absence": ABSENCE}
    assert respondent["band"] == BAND
