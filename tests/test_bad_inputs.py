"""The bad-input catalogue, tests/bad_inputs/cases.yaml, run through the real command line.

Every refused input must end with exit code 1, nothing on stdout, no traceback, and exactly
one line on stderr, "intimacy-check: error: ...", that names the file and holds the
expected message. Every unusual but valid file must be read. Files are parsed once with the
default YAML loader (libyaml when PyYAML has it) and once with PyYAML's pure-Python parser.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import pytest
import yaml
from helpers import unprivileged

HERE = Path(__file__).resolve().parent
CATALOGUE = HERE / "bad_inputs"
TABLE_PATH = CATALOGUE / "cases.yaml"
REPO = HERE.parent
SHIPPED_DATA = REPO / "data"
# The broken answer files are version-1 files with one thing wrong, so they are compared
# with the version-1 examples.
ALEX = HERE / "fixtures" / "v1" / "alex.yaml"
SAM = HERE / "fixtures" / "v1" / "sam.yaml"

PREFIX = "intimacy-check: error: "
PURE_YAML = "INTIMACY_CHECK_PURE_YAML"
ANSWER_FILE_LIMIT = 64 * 1024
# A guard against a hang, not a measure of speed: a healthy run takes well under a second.
HANG_GUARD_SECONDS = 60


# --- the table ------------------------------------------------------------------------------


class _TableLoader(yaml.SafeLoader):
    """PyYAML's safe loader, refusing a key given twice: a repeated case would hide the first."""


def _mapping_without_repeats(loader: _TableLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    mapping: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            line = key_node.start_mark.line + 1
            raise ValueError(f"{TABLE_PATH}: line {line}: {key!r} is given twice")
        mapping[key] = loader.construct_object(value_node, deep=True)
    return mapping


_TableLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_without_repeats
)

TABLE: dict[str, dict[str, dict[str, Any]]] = yaml.load(  # a SafeLoader subclass
    TABLE_PATH.read_text(encoding="utf-8"), Loader=_TableLoader
)

SECTION_KEYS = {
    "answer_files": ({"what", "message"}, {"pure_python_message", "commands"}),
    "paths": ({"what", "message"}, {"shown"}),
    "content_files": (
        {"what", "message", "file"},
        {"replace_with", "delete", "edit", "special"},
    ),
    "valid_files": ({"what", "name", "started_at"}, set()),
    "templates": ({"what", "message"}, set()),
}


def _message(case: dict[str, Any], *, pure_python: bool) -> str:
    if pure_python:
        return str(case.get("pure_python_message", case["message"]))
    return str(case["message"])


# --- running the command line ---------------------------------------------------------------


@functools.cache
def _pure_python_switch_works() -> bool:
    """Whether the source honours INTIMACY_CHECK_PURE_YAML=1 by building on yaml.SafeLoader."""
    probe = (
        "import yaml, intimacy_check.strict_yaml as s; "
        "print(getattr(s, '_BaseLoader', None) is yaml.SafeLoader)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        env={**_clean_environment(), PURE_YAML: "1"},
        capture_output=True,
        text=True,
        timeout=HANG_GUARD_SECONDS,
        check=False,
    )
    return result.stdout.strip() == "True"


@pytest.fixture(params=["default-yaml", "pure-python-yaml"])
def pure_python(request: pytest.FixtureRequest) -> bool:
    """Run once with the default YAML loader and once with PyYAML's pure-Python parser."""
    if request.param == "default-yaml":
        return False
    if not _pure_python_switch_works():
        pytest.skip(f"the source does not honour {PURE_YAML}=1")
    return True


def _clean_environment() -> dict[str, str]:
    hidden = {"INTIMACY_CHECK_DATA", PURE_YAML}
    return {key: value for key, value in os.environ.items() if key not in hidden}


def run_cli(
    args: list[str],
    *,
    cwd: Path,
    pure_python: bool = False,
    stdin: int | IO[Any] = subprocess.DEVNULL,
    prefix: list[str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run `python -m intimacy_check ARGS` in a child process, as a person would.

    The timeout guards against a hang, such as blocking on a FIFO: it fails the test."""
    environment = _clean_environment()
    if pure_python:
        environment[PURE_YAML] = "1"
    try:
        return subprocess.run(
            [*(prefix or []), sys.executable, "-m", "intimacy_check", *args],
            cwd=cwd,
            env=environment,
            stdin=stdin,
            capture_output=True,
            encoding="utf-8",
            errors="replace",
            timeout=HANG_GUARD_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"intimacy-check {' '.join(args)} did not finish: it hangs")


def _describe(result: subprocess.CompletedProcess[str]) -> str:
    def clip(text: str) -> str:
        return text if len(text) < 3000 else text[:1500] + "\n[...]\n" + text[-1500:]

    return (
        f"exit code {result.returncode}\n--- stdout ---\n{clip(result.stdout)}"
        f"\n--- stderr ---\n{clip(result.stderr)}"
    )


def assert_refused(
    result: subprocess.CompletedProcess[str],
    *,
    named: Path | str,
    message: str,
    output: list[str] | None = None,
) -> None:
    """Exit code 1, no output, no traceback and one error line naming the file and problem.

    With `output`, the run goes on past the refused file: stdout holds each of these."""
    shown = _describe(result)
    assert "Traceback" not in result.stdout + result.stderr, shown
    lines = result.stderr.splitlines()
    assert len(lines) == 1, f"expected exactly one line on stderr\n{shown}"
    assert lines[0].startswith(PREFIX), shown
    assert str(named) in lines[0], f"the message does not name {named}\n{shown}"
    assert message in lines[0], f"the message does not say {message!r}\n{shown}"
    if output is None:
        assert result.stdout == "", shown
    else:
        assert all(text in result.stdout for text in output), shown
    assert result.returncode == 1, shown


# --- the table itself -----------------------------------------------------------------------


@pytest.mark.parametrize("section", sorted(SECTION_KEYS))
def test_every_case_says_what_it_is_and_what_it_expects(section: str) -> None:
    required, optional = SECTION_KEYS[section]
    for name, case in TABLE[section].items():
        assert required <= set(case) <= required | optional, (section, name, sorted(case))
        assert all(str(case[key]).strip() for key in required), (section, name)
        if section == "content_files":
            assert len(optional & set(case)) == 1, f"{name}: give one of {sorted(optional)}"


@pytest.mark.parametrize(
    ("folder", "section"),
    [("answers", "answer_files"), ("valid", "valid_files"), ("templates", "templates")],
)
def test_every_file_in_the_catalogue_has_a_case_and_every_case_a_file(
    folder: str, section: str
) -> None:
    # An unfinished sealed file's key lies beside it as .NAME.key, and is part of its case.
    keys = {f".{name}.key" for name in TABLE[section]}
    files = sorted(path.name for path in (CATALOGUE / folder).iterdir() if path.name not in keys)
    assert files == sorted(TABLE[section])


def test_every_replacement_content_file_is_used() -> None:
    used = {
        case["replace_with"] for case in TABLE["content_files"].values() if "replace_with" in case
    }
    files = {f"content/{path.name}" for path in (CATALOGUE / "content").iterdir()}
    assert files == used


# --- answer files ---------------------------------------------------------------------------

ANSWER_CASES = [
    pytest.param(name, case, command, id=f"{name}:{command}")
    for name, case in TABLE["answer_files"].items()
    for command in case.get("commands", ["report"])
]


@pytest.mark.parametrize(("name", "case", "command"), ANSWER_CASES)
def test_bad_answer_file_is_refused(
    name: str, case: dict[str, Any], command: str, pure_python: bool, tmp_path: Path
) -> None:
    path = CATALOGUE / "answers" / name
    args = ["report", str(path)] if command == "report" else ["compare", str(SAM), str(path)]
    result = run_cli(args, cwd=tmp_path, pure_python=pure_python)
    assert_refused(result, named=path, message=_message(case, pure_python=pure_python))


# --- paths, made in a temporary folder ------------------------------------------------------

Made = tuple[list[str], Path]


def _missing(folder: Path) -> Made:
    path = folder / "alex.yaml"
    return ["report", str(path)], path


def _folder(folder: Path) -> Made:
    return ["report", str(folder)], folder


def _symlink_loop(folder: Path) -> Made:
    link, other = folder / "alex.yaml", folder / "other.yaml"
    os.symlink(other, link)
    os.symlink(link, other)
    return ["report", str(link)], link


def _dev_zero(folder: Path) -> Made:
    path = Path("/dev/zero")
    if not path.exists():
        pytest.skip("this system has no /dev/zero")
    return ["report", str(path)], path


def _answer_file_of(size: int, folder: Path) -> Path:
    """Alex's answers, padded with one comment line to exactly `size` bytes."""
    text = ALEX.read_bytes()
    path = folder / "alex.yaml"
    path.write_bytes(text + b"# " + b"x" * (size - len(text) - 3) + b"\n")
    assert path.stat().st_size == size
    return path


def _too_big(folder: Path) -> Made:
    path = _answer_file_of(ANSWER_FILE_LIMIT + 1, folder)
    return ["report", str(path)], path


def _unreadable(folder: Path) -> Made:
    path = folder / "alex.yaml"
    shutil.copy(ALEX, path)
    path.chmod(0)
    return ["report", str(path)], path


def _data_dir_missing(folder: Path) -> Made:
    path = folder / "no-such-data"
    return ["report", str(ALEX), "--data-dir", str(path)], path


def _output_folder_missing(folder: Path) -> Made:
    path = folder / "missing" / "report.txt"
    return ["report", str(ALEX), "-o", str(path)], path


def _output_parent_is_a_file(folder: Path) -> Made:
    (folder / "notes.txt").write_text("not a folder\n", encoding="utf-8")
    path = folder / "notes.txt" / "report.txt"
    return ["report", str(ALEX), "-o", str(path)], path


def _output_is_a_folder(folder: Path) -> Made:
    return ["report", str(ALEX), "--format", "text", "-o", str(folder)], folder


def _output_exists(folder: Path) -> Made:
    path = folder / "report.txt"
    path.write_text("an earlier report\n", encoding="utf-8")
    return ["report", str(ALEX), "-o", str(path)], path


def _fifo(path: Path) -> Path:
    """A named pipe with no writer: opening it to read would wait for ever."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("this system has no named pipes")
    os.mkfifo(path)
    return path


def _fifo_answer_file(folder: Path) -> Made:
    path = _fifo(folder / "alex.yaml")
    return ["report", str(path)], path


def _fifo_in_compare(folder: Path) -> Made:
    path = _fifo(folder / "alex.yaml")
    return ["compare", str(SAM), str(path)], path


def _fifo_through_a_link(folder: Path) -> Made:
    link = folder / "alex.yaml"
    link.symlink_to(_fifo(folder / "pipe"))
    return ["report", str(link)], link


def _fifo_template(folder: Path) -> Made:
    path = _fifo(folder / "counselor.html")
    return ["report", str(ALEX), "--format", "html", "--template", str(path)], path


def _fifo_in_summary_folder(folder: Path) -> Made:
    shutil.copy(ALEX, folder / "a-alex.yaml")
    path = _fifo(folder / "b-pipe.yaml")
    shutil.copy(SAM, folder / "c-sam.yaml")
    return ["summary", str(folder), "--format", "csv"], path


def _folder_named_like_an_answer_file(folder: Path) -> Made:
    path = folder / "alex.yaml"
    path.mkdir()
    return ["report", str(path)], path


def _folder_in_compare(folder: Path) -> Made:
    return ["compare", str(SAM), str(folder)], folder


def _folder_as_template(folder: Path) -> Made:
    path = folder / "counselor.html"
    path.mkdir()
    return ["report", str(ALEX), "--format", "html", "--template", str(path)], path


def _socket_answer_file(folder: Path) -> Made:
    path = folder / "alex.yaml"
    if not hasattr(socket, "AF_UNIX") or len(os.fsencode(path)) > 100:
        pytest.skip("no Unix socket can be made at this path")
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
    return ["report", str(path)], path


def _dev_null(folder: Path) -> Made:
    path = Path("/dev/null")
    if not path.exists():
        pytest.skip("this system has no /dev/null")
    return ["report", str(path)], path


MAKERS: dict[str, Callable[[Path], Made]] = {
    "missing": _missing,
    "folder": _folder,
    "symlink-loop": _symlink_loop,
    "dev-zero": _dev_zero,
    "too-big": _too_big,
    "unreadable": _unreadable,
    "data-dir-missing": _data_dir_missing,
    "output-folder-missing": _output_folder_missing,
    "output-parent-is-a-file": _output_parent_is_a_file,
    "output-is-a-folder": _output_is_a_folder,
    "output-exists": _output_exists,
    "fifo-answer-file": _fifo_answer_file,
    "fifo-in-compare": _fifo_in_compare,
    "fifo-through-a-link": _fifo_through_a_link,
    "fifo-template": _fifo_template,
    "fifo-in-summary-folder": _fifo_in_summary_folder,
    "folder-named-like-an-answer-file": _folder_named_like_an_answer_file,
    "folder-in-compare": _folder_in_compare,
    "folder-as-template": _folder_as_template,
    "socket-answer-file": _socket_answer_file,
    "dev-null": _dev_null,
}


def test_every_path_case_has_a_maker() -> None:
    assert sorted(MAKERS) == sorted(TABLE["paths"])


@pytest.mark.parametrize(("name", "case"), list(TABLE["paths"].items()), ids=list(TABLE["paths"]))
def test_bad_path_is_refused(
    name: str, case: dict[str, Any], pure_python: bool, tmp_path: Path
) -> None:
    work, scratch = tmp_path / "work", tmp_path / "scratch"
    work.mkdir()
    scratch.mkdir()
    args, named = MAKERS[name](scratch)
    before = sorted(scratch.rglob("*")) if scratch.is_dir() else []
    # Root reads a file with mode 000, so that case runs with root's capabilities dropped.
    prefix = unprivileged() if name == "unreadable" else []
    result = run_cli(args, cwd=work, pure_python=pure_python, prefix=prefix)
    assert_refused(result, named=named, message=case["message"], output=case.get("shown"))
    assert sorted(scratch.rglob("*")) == before, "a refused command left files behind"
    assert list(work.iterdir()) == [], "a refused command wrote into the current folder"


def test_an_answer_file_of_exactly_64_kib_is_read(tmp_path: Path) -> None:
    path = _answer_file_of(ANSWER_FILE_LIMIT, tmp_path)
    result = run_cli(["report", str(path), "--format", "json"], cwd=tmp_path)
    assert result.returncode == 0, _describe(result)
    assert [person["name"] for person in json.loads(result.stdout)["respondents"]] == ["Alex"]


# --- standard input, read on purpose -------------------------------------------------------


@pytest.mark.parametrize("name", ["-", "/dev/stdin"])
def test_an_answer_file_redirected_to_standard_input_is_read(
    name: str, pure_python: bool, tmp_path: Path
) -> None:
    with ALEX.open("rb") as stream:
        result = run_cli(
            ["report", name, "--format", "json"],
            cwd=tmp_path,
            pure_python=pure_python,
            stdin=stream,
        )
    assert (result.returncode, result.stderr) == (0, ""), _describe(result)
    assert [person["name"] for person in json.loads(result.stdout)["respondents"]] == ["Alex"]


@pytest.mark.parametrize("name", ["-", "/dev/stdin"])
def test_an_answer_file_piped_to_standard_input_is_read(name: str, tmp_path: Path) -> None:
    # A pipe is not a regular file, but one handed to us as standard input is read on purpose.
    with subprocess.Popen(["cat", str(ALEX)], stdout=subprocess.PIPE) as cat:
        assert cat.stdout is not None
        result = run_cli(["report", name, "--format", "json"], cwd=tmp_path, stdin=cat.stdout)
    assert (result.returncode, result.stderr) == (0, ""), _describe(result)
    assert [person["name"] for person in json.loads(result.stdout)["respondents"]] == ["Alex"]


def test_a_tagged_answer_file_on_standard_input_is_refused_as_dash(
    pure_python: bool, tmp_path: Path
) -> None:
    path = CATALOGUE / "answers" / "tag-float-word.yaml"
    with path.open("rb") as stream:
        result = run_cli(["report", "-"], cwd=tmp_path, pure_python=pure_python, stdin=stream)
    message = TABLE["answer_files"]["tag-float-word.yaml"]["message"]
    assert_refused(result, named="-", message=message)
    assert result.stderr == f"{PREFIX}-: {message}\n"


def test_an_existing_output_is_left_alone(tmp_path: Path) -> None:
    args, path = _output_exists(tmp_path)
    run_cli(args, cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == "an earlier report\n"


# --- content files under --data-dir ---------------------------------------------------------


def _data_copy(folder: Path) -> Path:
    data = folder / "data"
    data.mkdir()
    for source in sorted(SHIPPED_DATA.glob("*.yaml")):
        shutil.copy(source, data / source.name)
    return data


def _break(data: Path, case: dict[str, Any]) -> Path:
    """Break one content file of the copy as the case says; return its path."""
    target: Path = data / case["file"]
    if case.get("delete"):
        target.unlink()
    elif case.get("special") == "fifo":
        target.unlink()
        _fifo(target)
    elif case.get("special") == "folder":
        target.unlink()
        target.mkdir()
    elif "replace_with" in case:
        shutil.copy(CATALOGUE / case["replace_with"], target)
    else:
        old, new = case["edit"]["old"], case["edit"]["new"]
        text = target.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"the edit no longer applies to data/{case['file']}: {old!r}"
        target.write_bytes(text.replace(old, new).encode("utf-8"))
    return target


CONTENT_COMMANDS = {
    "signs": lambda data: ["signs", "--data-dir", str(data)],
    "report": lambda data: ["report", str(ALEX), "--data-dir", str(data)],
}
# What each command shows when the content loads: the name from the answer file, a title.
CONTENT_SHOWN = {"signs": "You trust your partner", "report": "Alex"}
CONTENT_CASES = [
    pytest.param(name, case, command, id=f"{name}:{command}")
    for name, case in TABLE["content_files"].items()
    for command in CONTENT_COMMANDS
]


@pytest.mark.parametrize("command", sorted(CONTENT_COMMANDS))
def test_an_unbroken_copy_of_the_content_is_accepted(command: str, tmp_path: Path) -> None:
    result = run_cli(CONTENT_COMMANDS[command](_data_copy(tmp_path)), cwd=tmp_path)
    assert result.returncode == 0, _describe(result)
    assert CONTENT_SHOWN[command] in result.stdout, _describe(result)


@pytest.mark.parametrize(("name", "case", "command"), CONTENT_CASES)
def test_broken_content_file_is_refused(
    name: str, case: dict[str, Any], command: str, pure_python: bool, tmp_path: Path
) -> None:
    data = _data_copy(tmp_path)
    broken = _break(data, case)
    result = run_cli(CONTENT_COMMANDS[command](data), cwd=tmp_path, pure_python=pure_python)
    assert_refused(result, named=broken, message=case["message"])


# --- unusual but valid answer files ---------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "case"), list(TABLE["valid_files"].items()), ids=list(TABLE["valid_files"])
)
def test_unusual_but_valid_answer_file_is_read(
    name: str, case: dict[str, Any], pure_python: bool, tmp_path: Path
) -> None:
    path = CATALOGUE / "valid" / name
    result = run_cli(
        ["report", str(path), "--format", "json"], cwd=tmp_path, pure_python=pure_python
    )
    assert (result.returncode, result.stderr) == (0, ""), _describe(result)
    [person] = json.loads(result.stdout)["respondents"]
    assert (person["name"], person["started_at"], person["index"]) == (
        case["name"],
        case["started_at"],
        72.5,
    )


# --- counselors' templates ------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["html", "markdown"])
@pytest.mark.parametrize(
    ("name", "case"), list(TABLE["templates"].items()), ids=list(TABLE["templates"])
)
def test_a_runaway_or_broken_template_is_one_line(
    name: str, case: dict[str, Any], fmt: str, tmp_path: Path
) -> None:
    template = CATALOGUE / "templates" / name
    environment = {**_clean_environment(), "INTIMACY_CHECK_TEMPLATE_SECONDS": "0.5"}
    example = Path(__file__).parent.parent / "examples" / "alex.yaml"
    result = subprocess.run(
        [sys.executable, "-m", "intimacy_check", "report", str(example), "--format", fmt,
         "--template", str(template)],
        cwd=tmp_path, env=environment, stdin=subprocess.DEVNULL, capture_output=True,
        encoding="utf-8", timeout=HANG_GUARD_SECONDS, check=False,
    )  # fmt: skip
    separator = " " if case["message"].startswith("(line") else ": "
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == f"intimacy-check: error: {template}{separator}{case['message']}\n"
