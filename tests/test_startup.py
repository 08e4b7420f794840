"""The structure that keeps start-up fast: what each command imports, and which YAML loader.

These tests assert imports, never durations; benchmarks/run.py measures the time.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

EXAMPLE = Path(__file__).parent.parent / "examples" / "alex.yaml"
PACKAGE = Path(__file__).parent.parent / "intimacy_check"
HANG_GUARD = 120  # seconds; a guard against a hang, not a time limit

# What `--version` and `--help` must not pay for: the file formats, the terminal
# renderer, the templates, and everything that loads, scores or renders.
HEAVY = (
    "yaml",
    "jinja2",
    "rich",
    "intimacy_check.strict_yaml",
    "intimacy_check.questionnaire",
    "intimacy_check.answers",
    "intimacy_check.scoring",
    "intimacy_check.report",
    "intimacy_check.documents",
    "weasyprint",  # the PDF engine: imported only when a PDF is made
    # The formats registry is light and gives the --format choices; its renderers are not.
    *(
        f"intimacy_check.formats.{path.stem}"
        for path in sorted((PACKAGE / "formats").glob("*.py"))
        if path.stem != "__init__"
    ),
)


def _env(**extra: str) -> dict[str, str]:
    ours = ("INTIMACY_CHECK_DATA", "INTIMACY_CHECK_PURE_YAML")
    env = {name: value for name, value in os.environ.items() if name not in ours}
    return {**env, **extra}


def _run_python(*args: str, cwd: Path, env: dict[str, str] | None = None) -> tuple[str, str]:
    result = subprocess.run(
        [sys.executable, *args],
        cwd=cwd,
        env=env or _env(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=HANG_GUARD,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout, result.stderr


def imported_by(*cli_args: str, cwd: Path) -> set[str]:
    """Modules that `python -m intimacy_check ARGS` imports, from `-X importtime` on stderr."""
    _, stderr = _run_python("-X", "importtime", "-m", "intimacy_check", *cli_args, cwd=cwd)
    modules = set()
    for line in stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            modules.add(line.rsplit("|", 1)[1].strip())
    modules.discard("imported package")  # the header line
    assert "typer" in modules, "no -X importtime report found on stderr"
    return modules


def _within(modules: set[str], package: str) -> set[str]:
    return {name for name in modules if name == package or name.startswith(package + ".")}


@pytest.mark.parametrize(
    "cli_args",
    [
        pytest.param(("--version",), id="--version"),
        pytest.param(("--help",), id="--help"),
    ],
)
def test_version_and_help_import_nothing_heavy(cli_args: tuple[str, ...], tmp_path: Path) -> None:
    modules = imported_by(*cli_args, cwd=tmp_path)

    assert "intimacy_check.cli" in modules
    for package in HEAVY:
        assert not _within(modules, package), f"{' '.join(cli_args)} imports {package}"


FILE_FORMATS = ("text", "markdown", "html", "json", "csv", "templates")


@pytest.mark.parametrize("command", ["report", "compare", "progress", "summary", "quiz"])
def test_a_commands_help_loads_no_file_format(command: str, tmp_path: Path) -> None:
    """A command's module imports what it uses normally, but the file formats and Jinja2
    load only when a report is written in them."""
    modules = imported_by(command, "--help", cwd=tmp_path)

    assert "intimacy_check.questionnaire" in modules  # the command's own imports are there
    for package in ("jinja2", *(f"intimacy_check.formats.{name}" for name in FILE_FORMATS)):
        assert not _within(modules, package), f"{command} --help imports {package}"


def test_importing_the_cli_imports_nothing_heavy(tmp_path: Path) -> None:
    probe = "import sys, intimacy_check.cli; print('\\n'.join(sorted(sys.modules)))"

    stdout, _ = _run_python("-c", probe, cwd=tmp_path)

    modules = set(stdout.split())
    assert {"typer", "intimacy_check.cli"} <= modules
    for package in HEAVY:
        assert not _within(modules, package), f"importing intimacy_check.cli imports {package}"


@pytest.mark.parametrize(
    ("report_format", "uses_templates"),
    [
        ("text", False),
        ("json", False),
        ("terminal", False),
        ("html", True),
        ("markdown", True),
    ],
)
def test_only_templated_reports_import_jinja2(
    report_format: str, uses_templates: bool, tmp_path: Path
) -> None:
    modules = imported_by("report", str(EXAMPLE), "--format", report_format, cwd=tmp_path)

    assert "intimacy_check.report" in modules  # the report was really built
    assert bool(_within(modules, "jinja2")) is uses_templates


@pytest.mark.parametrize(
    "cli_args",
    [
        pytest.param(("report", str(EXAMPLE)), id="report"),
        pytest.param(("summary", str(EXAMPLE.parent)), id="summary"),
        pytest.param(("signs",), id="signs"),
    ],
)
def test_plain_answer_files_never_load_the_age_library(
    cli_args: tuple[str, ...], tmp_path: Path
) -> None:
    modules = imported_by(*cli_args, cwd=tmp_path)

    assert "intimacy_check.commands.passphrases" in modules  # where a passphrase is asked for
    assert not _within(modules, "pyrage")
    assert "intimacy_check.sealing" not in modules


def _loader_in_subprocess(tmp_path: Path, **env: str) -> str:
    probe = (
        "import yaml; from intimacy_check import strict_yaml as s; "
        "print([name for name in ('CSafeLoader', 'SafeLoader') "
        "if getattr(yaml, name, None) is s._BaseLoader])"
    )
    stdout, _ = _run_python("-c", probe, cwd=tmp_path, env=_env(**env))
    return stdout.strip()


def test_strict_yaml_uses_libyaml_when_available(tmp_path: Path) -> None:
    if not hasattr(yaml, "CSafeLoader"):
        pytest.skip("PyYAML was built without libyaml, so there is no CSafeLoader")

    assert _loader_in_subprocess(tmp_path) == "['CSafeLoader']"


def test_strict_yaml_uses_the_pure_loader_when_asked(tmp_path: Path) -> None:
    assert _loader_in_subprocess(tmp_path, INTIMACY_CHECK_PURE_YAML="1") == "['SafeLoader']"
