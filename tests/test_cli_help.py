"""The command list in --help comes from a table, so it must match the commands themselves."""

from __future__ import annotations

import importlib
import inspect

import pytest
from typer.testing import CliRunner

from intimacy_check.cli import COMMANDS, app


@pytest.mark.parametrize("name", list(COMMANDS))
def test_the_help_matches_the_command_docstring(name: str) -> None:
    module_name, function_name, short_help, more_help = COMMANDS[name]
    function = getattr(
        importlib.import_module(f"intimacy_check.commands.{module_name}"), function_name
    )
    docstring = inspect.getdoc(function)
    assert docstring.splitlines()[0] == short_help
    rest = " ".join(docstring.split("\n\n", 1)[1].split()) if "\n\n" in docstring else None
    assert rest == more_help


def test_help_lists_every_command_with_its_short_help() -> None:
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0
    for name, (_, _, short_help, _more) in COMMANDS.items():
        assert f"  {name}" in result.stdout
        assert short_help in " ".join(result.stdout.split())


@pytest.mark.parametrize("name", list(COMMANDS))
def test_each_command_has_its_own_help(name: str) -> None:
    result = CliRunner().invoke(app, [name, "--help"])
    assert result.exit_code == 0
    assert f"Usage: intimacy-check {name} [OPTIONS]" in result.stdout


def test_an_unknown_command_is_a_usage_error() -> None:
    result = CliRunner().invoke(app, ["nope"])
    assert result.exit_code == 2
    assert "no such command 'nope'" in result.stderr


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["report", "examples/alex.yaml", "--format", "docx"], "'docx' is not one of"),
        (["report", "examples/alex.yaml", "--steps", "-1"], "Invalid value for '--steps'"),
        (["compare", "examples/alex.yaml"], "compare needs two answer files"),
        (["nope"], "no such command 'nope'"),
    ],
)
def test_usage_errors_are_one_line_with_exit_code_2(args: list[str], expected: str) -> None:
    import subprocess
    import sys
    from pathlib import Path

    result = subprocess.run(
        [sys.executable, "-m", "intimacy_check", *args],
        cwd=Path(__file__).resolve().parent.parent,
        capture_output=True,
        text=True,
        timeout=60,  # a hang guard, not a timing assertion
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("intimacy-check: error: ")
    assert expected in result.stderr
    assert "--help')" in result.stderr
