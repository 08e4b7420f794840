"""Sealed answer files (the age format), piped, through CliRunner and in child processes:
what is written, that age opens it, every command that reads it, the one-line errors,
and that no answer and no passphrase is ever lost or let out.

Every passphrase seal or open costs a second or more of scrypt, so the sealed files are
made once per module and copied where a test changes them; files that only need to exist
sealed are sealed here by age itself (or pyrage), with no quiz.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import signal
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pyrage
import pytest
from helpers import make_sheet, skip_safety_question, spawn_cli
from test_cli_quiz import run as invoke

from intimacy_check.answers import (
    COMPLETED,
    IN_PROGRESS,
    AnswerFileLock,
    AnswerSheet,
    format_answer_sheet,
    now,
    parse_answer_bytes,
)
from intimacy_check.messages import _
from intimacy_check.messages import sealing as sealing_text
from intimacy_check.questionnaire import load_questionnaire

pexpect = pytest.importorskip("pexpect")

GUARD = 60  # seconds: a hang guard for child processes, never a performance check
# The examples as version 1 shipped them: examples/ now holds version 2.
V1_EXAMPLES = Path(__file__).resolve().parent / "fixtures" / "v1"

NAME = "Rosalind Quartermaine"
PARTNER = "Theodore Ashdown"
PASSPHRASE = "lantern-orchard-4471"
PARTNER_PASSPHRASE = "quiet-harbour-9038"
WRONG_PASSPHRASE = "not-the-right-one-123"
SECRETS = (PASSPHRASE, PARTNER_PASSPHRASE, WRONG_PASSPHRASE)

SIGN_IDS = tuple(sign.id for sign in load_questionnaire(None).signs)
RATINGS = [4, 2, 5, 1, 3] * 4  # presence and absence both score 50: an index of 50
GIVEN = dict(zip(SIGN_IDS, RATINGS, strict=True))
HALF = 10  # statements answered before the unfinished quiz is stopped with q


def typed(ratings: Iterable[int]) -> str:
    return "".join(f"{rating}\n" for rating in ratings)


# --- checks shared by the tests ----------------------------------------------------------------


def run(*args: str, input: str | None = None):  # noqa: A002
    """The CLI through CliRunner; no passphrase may appear in anything it prints."""
    result = invoke(*args, input=input)
    assert_no_secret(result.stdout, result.stderr)
    return result


def assert_no_secret(*outputs: str | bytes) -> None:
    for output in outputs:
        text = output.decode("utf-8", "replace") if isinstance(output, bytes) else output
        for secret in SECRETS:
            assert secret not in text, "a passphrase was let out"


def flat(text: str) -> str:
    """Text without its white space, as wrapped to any width (a long path is wrapped too)."""
    return "".join(text.split())


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.strip()]


def files_in(folder: Path) -> list[Path]:
    """Every file in a folder and below it, hidden ones (lock, temporary, key) included."""
    return sorted(path for path in folder.rglob("*") if path.is_file())


def assert_nothing_readable(folder: Path) -> None:
    """No file the tool wrote holds a name, an answer or a passphrase in the clear."""
    needles = [NAME, PARTNER, *SECRETS, "respondent", "answers:", "intimacy-check/answers"]
    needles += [f"{sign_id}:" for sign_id in SIGN_IDS] + list(SIGN_IDS)
    for path in files_in(folder):
        content = path.read_bytes()
        for needle in needles:
            assert needle.encode("utf-8") not in content, f"{path.name} holds {needle!r}"


def recipient(content: bytes) -> str:
    """The kind of an age file's first recipient stanza: scrypt (a passphrase) or X25519."""
    assert content.startswith(b"age-encryption.org/v1\n"), content[:40]
    return content.split(b"\n")[1].split(b" ")[1].decode("ascii")


def key_of(path: Path) -> Path:
    return path.with_name(f".{path.name}.key")


def lock_of(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock")


def finished_sheet(path: Path, passphrase: str) -> AnswerSheet:
    content = path.read_bytes()
    assert recipient(content) == "scrypt"
    return parse_answer_bytes(pyrage.passphrase.decrypt(content, passphrase), source=str(path))


def first(count: int) -> dict[str, int]:
    return dict(zip(SIGN_IDS[:count], RATINGS[:count], strict=True))


def assert_not_in_process(pid: int) -> None:
    """The passphrase is in neither the command line nor the environment of a running quiz."""
    for part in ("cmdline", "environ"):
        assert_no_secret(Path(f"/proc/{pid}/{part}").read_bytes())


# --- sealed files made once for the module ----------------------------------------------------


@dataclass(frozen=True)
class Keys:
    """Passphrase files, mode 0600, in a folder of their own (never beside answer files)."""

    mine: Path
    partner: Path
    wrong: Path
    short: Path


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Keys:
    folder = tmp_path_factory.mktemp("passphrases")

    def write(name: str, text: str) -> Path:
        path = folder / name
        path.write_text(text, encoding="utf-8")
        path.chmod(0o600)
        return path

    return Keys(
        mine=write("mine", PASSPHRASE + "\n"),  # the line break at the end is not part of it
        partner=write("partner", PARTNER_PASSPHRASE),  # nor is one needed
        wrong=write("wrong", WRONG_PASSPHRASE + "\n"),
        short=write("short", "seven77\n"),
    )


@dataclass(frozen=True)
class Finished:
    path: Path
    stdout: str
    plain: bytes  # what pyrage opens it to, with the passphrase


@pytest.fixture(scope="module")
def finished(tmp_path_factory: pytest.TempPathFactory, keys: Keys) -> Finished:
    """A whole sealed quiz, piped, with --passphrase-file and the default file name."""
    folder = tmp_path_factory.mktemp("finished")
    result = run(
        "quiz",
        "--seal",
        "--name",
        NAME,
        "--output-dir",
        str(folder),
        "--passphrase-file",
        str(keys.mine),
        input=typed(RATINGS),
    )
    assert result.exit_code == 0, result.stderr
    [path] = files_in(folder)
    assert re.fullmatch(r"Rosalind-Quartermaine-\d{4}-\d{2}-\d{2}\.yaml\.age", path.name)
    plain = bytes(pyrage.passphrase.decrypt(path.read_bytes(), PASSPHRASE))
    return Finished(path=path, stdout=result.stdout, plain=plain)


@pytest.fixture(scope="module")
def unfinished(tmp_path_factory: pytest.TempPathFactory, keys: Keys) -> Path:
    """A sealed quiz stopped with q halfway: the answers, and their key beside them."""
    path = tmp_path_factory.mktemp("unfinished") / "half.yaml.age"
    result = run(
        "quiz",
        "--seal",
        "--name",
        NAME,
        "-o",
        str(path),
        "--passphrase-file",
        str(keys.mine),
        input=typed(RATINGS[:HALF]) + "q\n",
    )
    assert result.exit_code == 0, result.stderr
    assert flat(f"--resume {path}") in flat(result.stdout)
    assert sorted(files_in(path.parent)) == [key_of(path), path]
    return path


def seal_as_age_does(path: Path, plain: bytes, passphrase: str) -> Path:
    """`plain` sealed with a passphrase by age itself (`age -p`, typing the passphrase at
    the terminal it asks from), or by pyrage where age is not installed: a sealed file the
    tool did not write, and (age's work factor being lower) quicker to open."""
    age = shutil.which("age")
    if age is None:
        path.write_bytes(pyrage.passphrase.encrypt(plain, passphrase))
    else:
        with tempfile.TemporaryDirectory() as folder:
            source = Path(folder) / "plain.yaml"
            source.write_bytes(plain)
            child = pexpect.spawn(
                age, ["-p", "-o", str(path), str(source)], timeout=GUARD, encoding="utf-8"
            )
            child.expect("passphrase")
            child.sendline(passphrase)
            child.expect("onfirm")
            child.sendline(passphrase)
            child.expect(pexpect.EOF)
            child.close()
            assert child.exitstatus == 0, child.before
    path.chmod(0o600)
    assert recipient(path.read_bytes()) == "scrypt"
    return path


def sealed_sheet(path: Path, sheet: AnswerSheet, passphrase: str) -> Path:
    text = format_answer_sheet(sheet, order=SIGN_IDS)
    return seal_as_age_does(path, text.encode("utf-8"), passphrase)


@pytest.fixture(scope="module")
def partner(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The partner's finished answers, sealed with their own passphrase."""
    ratings = {sign_id: 5 if n < 10 else 1 for n, sign_id in enumerate(SIGN_IDS)}
    sheet = make_sheet(ratings, version=2)
    sheet = replace(sheet, respondent=PARTNER)
    return sealed_sheet(
        tmp_path_factory.mktemp("partner") / "b.yaml.age", sheet, PARTNER_PASSPHRASE
    )


@pytest.fixture(scope="module")
def earlier(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An earlier finished quiz of the same person, a month before, sealed."""
    sheet = replace(
        make_sheet(dict.fromkeys(SIGN_IDS, 3), version=2),
        respondent=NAME,
        started_at=now() - timedelta(days=30, minutes=20),
        completed_at=now() - timedelta(days=30),
    )
    return sealed_sheet(tmp_path_factory.mktemp("earlier") / "before.yaml.age", sheet, PASSPHRASE)


def copy_sealed(path: Path, folder: Path) -> Path:
    """A copy of a sealed file, and of its key if it has one, for a test to change."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy2(path, folder / path.name)
    if key_of(path).exists():
        shutil.copy2(key_of(path), key_of(folder / path.name))
    return folder / path.name


# --- 1. what a sealed quiz writes ----------------------------------------------------------


def test_a_sealed_quiz_writes_nothing_readable(finished: Finished) -> None:
    content = finished.path.read_bytes()
    assert recipient(content) == "scrypt"
    for needle in [NAME, "Rosalind", "Quartermaine", *SIGN_IDS, *SECRETS]:
        assert needle.encode("utf-8") not in content, needle
    assert finished.path.stat().st_mode & 0o777 == 0o600
    # Nothing else is left beside it: no lock, no temporary file, no key.
    assert files_in(finished.path.parent) == [finished.path]
    assert_nothing_readable(finished.path.parent)
    assert f"Your results, {NAME}" in finished.stdout
    assert flat(f"Your answers are sealed in {finished.path}") in flat(finished.stdout)


def test_pyrage_opens_it_to_an_answer_file_holding_the_ratings_given(finished: Finished) -> None:
    sheet = parse_answer_bytes(finished.plain, source=str(finished.path))
    assert sheet.respondent == NAME
    assert sheet.status == COMPLETED
    assert sheet.completed_at is not None
    assert dict(sheet.answers) == GIVEN


def test_an_unfinished_sealed_quiz_keeps_nothing_readable_either(unfinished: Path) -> None:
    assert recipient(unfinished.read_bytes()) == "X25519"
    assert recipient(key_of(unfinished).read_bytes()) == "scrypt"  # its key: the passphrase
    for path in (unfinished, key_of(unfinished)):
        assert path.stat().st_mode & 0o777 == 0o600
    assert not lock_of(unfinished).exists()
    assert_nothing_readable(unfinished.parent)


# --- 2. the age tool opens what was sealed ---------------------------------------------------

needs_age = pytest.mark.skipif(
    shutil.which("age") is None, reason="the age command-line tool is not installed"
)


def age_decrypt(*args: str, cwd: Path, passphrase: str) -> None:
    """Run `age -d ARGS`, typing the passphrase at the terminal it asks it from."""
    child = pexpect.spawn(
        shutil.which("age") or "age",
        ["-d", *args],
        cwd=str(cwd),
        timeout=GUARD,
        encoding="utf-8",
    )
    child.expect("passphrase")
    child.sendline(passphrase)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before


@needs_age
def test_age_opens_a_finished_file_with_the_passphrase(finished: Finished, tmp_path: Path) -> None:
    out = tmp_path / "opened.yaml"
    age_decrypt("-o", str(out), str(finished.path), cwd=tmp_path, passphrase=PASSPHRASE)
    assert out.read_bytes() == finished.plain


@needs_age
def test_age_opens_an_unfinished_file_with_its_key(unfinished: Path, tmp_path: Path) -> None:
    out = tmp_path / "opened.yaml"
    key = key_of(unfinished)
    age_decrypt(
        "-i", str(key), "-o", str(out), str(unfinished), cwd=tmp_path, passphrase=PASSPHRASE
    )
    sheet = parse_answer_bytes(out.read_bytes(), source=str(out))
    assert sheet.respondent == NAME
    assert sheet.status == IN_PROGRESS
    assert dict(sheet.answers) == first(HALF)


# --- 3. every command that reads a sealed file -------------------------------------------------


def test_resume_opens_an_unfinished_file_and_finishes_it(
    unfinished: Path, keys: Keys, tmp_path: Path
) -> None:
    path = copy_sealed(unfinished, tmp_path / "answers")
    result = run(
        "quiz",
        "--resume",
        str(path),
        "--passphrase-file",
        str(keys.mine),
        input=typed(RATINGS[HALF:]),
    )
    assert result.exit_code == 0, result.stderr
    assert f"{HALF + 1}/20" in result.stdout and " 1/20 " not in result.stdout
    assert f"Your results, {NAME}" in result.stdout
    # Sealed now with the passphrase alone: the key is gone, and so is the lock.
    assert files_in(path.parent) == [path]
    # (Opening it again costs a scrypt: the Ctrl-C test below checks every rating kept.)
    assert recipient(path.read_bytes()) == "scrypt"
    assert_nothing_readable(path.parent)


def test_report_of_a_sealed_file(finished: Finished, keys: Keys) -> None:
    result = run("report", str(finished.path), "-f", "text", "--passphrase-file", str(keys.mine))
    assert result.exit_code == 0, result.stderr
    assert f"Emotional intimacy report: {NAME}" in result.stdout
    assert re.search(r"Intimacy index .*\b50\b", result.stdout), result.stdout


def test_compare_of_two_sealed_files_with_a_passphrase_each(
    finished: Finished, partner: Path, keys: Keys
) -> None:
    result = run(
        "compare",
        str(finished.path),
        str(partner),
        "-f",
        "text",
        "--passphrase-file",
        str(keys.mine),
        "--passphrase-file",
        str(keys.partner),
    )
    assert result.exit_code == 0, result.stderr
    assert f"Emotional intimacy report: {NAME} and {PARTNER}" in result.stdout
    assert f"- {NAME}: completed" in result.stdout
    assert f"- {PARTNER}: completed" in result.stdout


def test_progress_over_two_sealed_files_of_one_person(
    earlier: Path, finished: Finished, keys: Keys
) -> None:
    result = run(
        "progress",
        str(earlier),
        str(finished.path),
        "-f",
        "text",
        "--passphrase-file",
        str(keys.mine),
        "--passphrase-file",
        str(keys.mine),
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""  # neither left out
    assert NAME in result.stdout
    # The earlier one (all 3s) has an index of 50 too; the two rows are the two files.
    rows = re.findall(r"^\d{4}-\d{2}-\d{2}\s+50\b", result.stdout, flags=re.MULTILINE)
    assert len(rows) == 2, result.stdout
    assert "Index change:" in result.stdout


# --- 4. a wrong passphrase ---------------------------------------------------------------------


@pytest.mark.parametrize("command", ["report", "resume"])
def test_a_wrong_passphrase_is_one_line_and_changes_nothing(
    command: str, partner: Path, unfinished: Path, keys: Keys, tmp_path: Path
) -> None:
    source = unfinished if command == "resume" else partner
    path = copy_sealed(source, tmp_path / "answers")
    before = {file: file.read_bytes() for file in files_in(path.parent)}
    args = ["report", str(path)] if command == "report" else ["quiz", "--resume", str(path)]
    result = run(*args, "--passphrase-file", str(keys.wrong), input=typed(RATINGS))
    assert result.exit_code == 1
    assert error_lines(result.stderr) == [f"intimacy-check: error: wrong passphrase for {path}"]
    assert NAME not in result.stdout and PARTNER not in result.stdout
    assert "1/20" not in result.stdout
    # The file, and its key, are as they were; nothing is written beside them.
    assert {file: file.read_bytes() for file in files_in(path.parent)} == before


# --- 5. passphrase files that are refused, and no passphrase at all ----------------------------


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604])
def test_a_passphrase_file_others_can_read_is_refused(
    mode: int, keys: Keys, tmp_path: Path
) -> None:
    readable = tmp_path / "readable"
    readable.write_text(PASSPHRASE + "\n", encoding="utf-8")
    readable.chmod(mode)
    out = tmp_path / "answers"
    out.mkdir()
    result = run(
        "quiz",
        "--seal",
        "--name",
        NAME,
        "--output-dir",
        str(out),
        "--passphrase-file",
        str(readable),
        input=typed(RATINGS),
    )
    assert result.exit_code != 0
    [line] = error_lines(result.stderr)
    assert line.startswith("intimacy-check: error: ")
    assert str(readable) in line and f"chmod 600 {readable}" in line
    assert "1/20" not in result.stdout
    assert files_in(out) == []


def test_seal_refuses_a_passphrase_file_others_can_read(tmp_path: Path) -> None:
    readable = tmp_path / "readable"
    readable.write_text(PASSPHRASE, encoding="utf-8")
    readable.chmod(0o644)
    plain = tmp_path / "answers" / "alex.yaml"
    plain.parent.mkdir()
    shutil.copy(V1_EXAMPLES / "alex.yaml", plain)
    result = run("seal", str(plain), "--passphrase-file", str(readable))
    assert result.exit_code != 0
    [line] = error_lines(result.stderr)
    assert str(readable) in line and "chmod 600" in line
    assert files_in(plain.parent) == [plain]
    assert plain.read_bytes() == (V1_EXAMPLES / "alex.yaml").read_bytes()


def test_more_passphrase_files_than_people_is_a_usage_error(keys: Keys, tmp_path: Path) -> None:
    result = run(
        "quiz",
        "--seal",
        "--name",
        NAME,
        "--output-dir",
        str(tmp_path),
        "--passphrase-file",
        str(keys.mine),
        "--passphrase-file",
        str(keys.partner),
        input=typed(RATINGS),
    )
    assert result.exit_code == 2
    [line] = error_lines(result.stderr)
    assert (
        "more --passphrase-file options (2) than sealed files or people that need a passphrase (1)"
        in line
    )
    assert "1/20" not in result.stdout
    assert files_in(tmp_path) == []


def test_more_passphrase_files_than_sealed_files_is_a_usage_error(
    finished: Finished, keys: Keys
) -> None:
    plain = run("report", str(V1_EXAMPLES / "alex.yaml"), "--passphrase-file", str(keys.mine))
    assert plain.exit_code == 2
    [line] = error_lines(plain.stderr)
    assert line.startswith(
        "intimacy-check: error: there are more --passphrase-file options (1) than sealed files"
    )
    assert line.endswith("that need a passphrase (0) (see 'intimacy-check report --help')")
    sealed = run(
        "report",
        str(finished.path),
        "--passphrase-file",
        str(keys.mine),
        "--passphrase-file",
        str(keys.mine),
    )
    assert sealed.exit_code == 2
    assert len(error_lines(sealed.stderr)) == 1
    assert "more --passphrase-file options (2) than" in sealed.stderr
    assert NAME not in sealed.stdout


def test_a_short_passphrase_file_is_refused_for_a_new_seal(keys: Keys, tmp_path: Path) -> None:
    result = run(
        "quiz",
        "--seal",
        "--name",
        NAME,
        "--output-dir",
        str(tmp_path),
        "--passphrase-file",
        str(keys.short),
        input=typed(RATINGS),
    )
    assert result.exit_code == 1
    assert error_lines(result.stderr) == [
        f"intimacy-check: error: {keys.short}: the passphrase in it is shorter than 8 characters"
    ]
    assert "1/20" not in result.stdout
    assert files_in(tmp_path) == []


def test_a_piped_sealed_quiz_without_a_passphrase_file_is_refused(tmp_path: Path) -> None:
    result = run(
        "quiz", "--seal", "--name", NAME, "--output-dir", str(tmp_path), input=typed(RATINGS)
    )
    assert result.exit_code == 1
    [line] = error_lines(result.stderr)
    assert line.startswith("intimacy-check: error: sealing needs a passphrase")
    assert "--passphrase-file" in line
    assert "1/20" not in result.stdout
    assert files_in(tmp_path) == []


def test_a_piped_report_of_a_sealed_file_without_a_passphrase_file_is_refused(
    finished: Finished,
) -> None:
    result = run("report", str(finished.path), input="")
    assert result.exit_code == 1
    [line] = error_lines(result.stderr)
    assert line.startswith(f"intimacy-check: error: {finished.path}: is sealed")
    assert "--passphrase-file" in line
    assert NAME not in result.stdout


# --- 6. a caseload with sealed files in it -------------------------------------------------


@pytest.fixture
def caseload(tmp_path: Path, finished: Finished, unfinished: Path) -> Path:
    """A plain file, a finished sealed one and an unfinished sealed one (with its hidden
    key), named as a counselor might, so the file names give nobody away."""
    folder = tmp_path / "clients"
    folder.mkdir()
    shutil.copy(V1_EXAMPLES / "sam.yaml", folder / "client-01.yaml")
    shutil.copy(finished.path, folder / "client-02.yaml.age")
    shutil.copy(unfinished, folder / "client-03.yaml.age")
    shutil.copy(key_of(unfinished), key_of(folder / "client-03.yaml.age"))
    return folder


def test_summary_lists_sealed_files_as_sealed_with_no_name(
    caseload: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(caseload.parent)  # short paths, so that no row is wrapped
    result = run("summary", caseload.name, "--sort", "path")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""  # the key file is not taken for an answer file
    assert NAME not in result.stdout
    lines = result.stdout.splitlines()
    for sealed in ("client-02.yaml.age", "client-03.yaml.age"):
        [at] = [number for number, line in enumerate(lines) if line.strip().endswith(sealed)]
        row = lines[at - 1]  # the row above its file line
        assert re.match(r"\s*–\s+–\s+sealed\s+–\s+–\s*$", row), row
    assert re.search(r"^\s*48\s+Sam\s+completed", result.stdout, flags=re.MULTILINE)


def test_summary_json_and_csv_say_sealed_and_nothing_else(caseload: Path) -> None:
    result = run("summary", str(caseload), "-f", "json", "--sort", "path")
    assert result.exit_code == 0, result.stderr
    rows = {Path(row["file"]).name: row for row in json.loads(result.stdout)["rows"]}
    assert sorted(rows) == ["client-01.yaml", "client-02.yaml.age", "client-03.yaml.age"]
    assert rows["client-01.yaml"]["respondent"] == "Sam"
    for name in ("client-02.yaml.age", "client-03.yaml.age"):
        row = rows[name]
        assert row["status"] == "sealed"
        assert row["respondent"] is None
        assert [row[key] for key in ("completed_at", "index", "band", "top_concern")] == [None] * 4
    assert NAME not in result.stdout

    result = run("summary", str(caseload), "-f", "csv", "--sort", "path")
    assert result.exit_code == 0, result.stderr
    rows = {Path(row["file"]).name: row for row in csv.DictReader(io.StringIO(result.stdout))}
    for name in ("client-02.yaml.age", "client-03.yaml.age"):
        row = rows[name]
        assert row["status"] == "sealed"
        assert row["respondent"] == "" and row["index"] == "" and row["top_concern"] == ""
    assert NAME not in result.stdout


# --- 7. seal and unseal ------------------------------------------------------------------------

ALEX = (V1_EXAMPLES / "alex.yaml").read_bytes()


@pytest.fixture(scope="module")
def sealed_by_command(tmp_path_factory: pytest.TempPathFactory, keys: Keys) -> Path:
    """examples/alex.yaml sealed with `intimacy-check seal`."""
    plain = tmp_path_factory.mktemp("sealed") / "alex.yaml"
    plain.write_bytes(ALEX)
    result = run("seal", str(plain), "--passphrase-file", str(keys.mine))
    assert result.exit_code == 0, result.stderr
    assert f"Sealed {plain} into {plain}.age, and removed the plain file." in result.stderr
    return plain.with_name("alex.yaml.age")


def test_seal_removes_the_plain_file_and_opens_to_the_same_bytes(
    sealed_by_command: Path,
) -> None:
    assert files_in(sealed_by_command.parent) == [sealed_by_command]
    assert sealed_by_command.stat().st_mode & 0o777 == 0o600
    content = sealed_by_command.read_bytes()
    assert recipient(content) == "scrypt"
    assert b"Alex" not in content and b"care-for-needs" not in content
    assert pyrage.passphrase.decrypt(content, PASSPHRASE) == ALEX


def test_seal_keep_keeps_the_plain_file(keys: Keys, tmp_path: Path) -> None:
    plain = tmp_path / "alex.yaml"
    plain.write_bytes(ALEX)
    result = run("seal", str(plain), "--keep", "--passphrase-file", str(keys.mine))
    assert result.exit_code == 0, result.stderr
    assert "kept the plain file" in result.stderr
    assert plain.read_bytes() == ALEX
    assert recipient((tmp_path / "alex.yaml.age").read_bytes()) == "scrypt"
    assert files_in(tmp_path) == [plain, tmp_path / "alex.yaml.age"]


def test_seal_is_refused_while_a_quiz_holds_the_lock(keys: Keys, tmp_path: Path) -> None:
    plain = tmp_path / "alex.yaml"
    plain.write_bytes(ALEX)
    with AnswerFileLock(plain):
        result = run("seal", str(plain), "--passphrase-file", str(keys.mine))
    assert result.exit_code == 1
    [line] = error_lines(result.stderr)
    assert "another intimacy-check quiz is writing this file right now" in line
    assert plain.read_bytes() == ALEX
    assert files_in(tmp_path) == [plain]


def test_seal_refuses_a_file_sealed_already(sealed_by_command: Path, keys: Keys) -> None:
    result = run("seal", str(sealed_by_command), "--passphrase-file", str(keys.mine))
    assert result.exit_code == 1
    assert error_lines(result.stderr) == [
        f"intimacy-check: error: {sealed_by_command}: is sealed already"
    ]


@pytest.fixture(scope="module")
def alex_sealed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """examples/alex.yaml sealed by age itself."""
    return seal_as_age_does(tmp_path_factory.mktemp("age") / "alex.yaml.age", ALEX, PASSPHRASE)


def test_unseal_refuses_an_existing_file_and_force_replaces_it_privately(
    alex_sealed: Path, keys: Keys, tmp_path: Path
) -> None:
    sealed = copy_sealed(alex_sealed, tmp_path)
    target = tmp_path / "alex.yaml"
    target.write_text("keep me", encoding="utf-8")
    target.chmod(0o644)
    refused = run("unseal", str(sealed), "--passphrase-file", str(keys.mine))
    assert refused.exit_code == 1
    [line] = error_lines(refused.stderr)
    assert f"{target}: already exists; use --force" in line
    assert target.read_text(encoding="utf-8") == "keep me"

    result = run("unseal", str(sealed), "--force", "--passphrase-file", str(keys.mine))
    assert result.exit_code == 0, result.stderr
    assert target.read_bytes() == ALEX
    assert target.stat().st_mode & 0o777 == 0o600
    assert sealed.read_bytes() == alex_sealed.read_bytes()  # the sealed file stays


def test_unseal_to_stdout_writes_no_file(alex_sealed: Path, keys: Keys, tmp_path: Path) -> None:
    sealed = copy_sealed(alex_sealed, tmp_path)
    result = run("unseal", str(sealed), "-o", "-", "--passphrase-file", str(keys.mine))
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes == ALEX
    assert files_in(tmp_path) == [sealed]


def test_unseal_of_a_plain_file_is_an_error(keys: Keys, tmp_path: Path) -> None:
    plain = tmp_path / "alex.yaml"
    plain.write_bytes(ALEX)
    result = run("unseal", str(plain), "--passphrase-file", str(keys.mine))
    assert result.exit_code == 2
    assert error_lines(result.stderr) == [
        f"intimacy-check: error: {plain}: does not end in .age; name the plain file with "
        "--output (see 'intimacy-check unseal --help')"
    ]
    named = tmp_path / "named.yaml.age"
    named.write_bytes(ALEX)
    result = run("unseal", str(named), "--passphrase-file", str(keys.mine))
    assert result.exit_code == 1
    assert error_lines(result.stderr) == [f"intimacy-check: error: {named}: is not sealed"]
    assert files_in(tmp_path) == [plain, named]


# --- 8. SIGKILL during a sealed quiz -----------------------------------------------------------


def spawn(*args: str, cwd: Path) -> Any:
    child = spawn_cli(*args, cwd=cwd, timeout=GUARD)
    child.logfile_read = io.StringIO()  # everything it shows, to look for a passphrase in
    return child


def at(child: Any, position: int) -> None:
    """Wait for the rating prompt of a statement (1/20 is not taken for 11/20)."""
    child.expect(rf"(?<!\d){position}/20")
    child.expect("Your rating: ")


def answer(child: Any, positions: range) -> None:
    for position in positions:
        at(child, position)
        child.sendline(str(RATINGS[position - 1]))


def report_ratings(path: Path, keys: Keys) -> tuple[str, dict[str, int]]:
    """The status and ratings of a sealed file, as `report -f json` opens it."""
    result = run("report", str(path), "-f", "json", "--passphrase-file", str(keys.mine))
    assert result.exit_code == 0, result.stderr
    [person] = json.loads(result.stdout)["respondents"]
    assert person["name"] == NAME
    rated = {sign["id"]: sign["rating"] for sign in person["signs"] if sign["rating"] is not None}
    return person["status"], rated


def test_sigkill_leaves_a_sealed_file_that_opens_with_every_answer(
    keys: Keys, tmp_path: Path
) -> None:
    """(A kill while the finished answers are sealed leaves what a Ctrl-C then leaves, which
    the Ctrl-C test below resumes; each sealed quiz costs seconds, so it is not done twice.)"""
    out = tmp_path / "answers" / "mine.yaml.age"
    out.parent.mkdir()
    new = ["quiz", "--seal", "--name", NAME, "-o", str(out), "--passphrase-file", str(keys.mine)]
    child = spawn(*new, cwd=tmp_path)
    given = 7
    answer(child, range(1, given + 1))
    at(child, given + 1)  # shown once the answers before it are saved
    assert_not_in_process(child.pid)
    child.sendline(str(RATINGS[given]))  # one more, and the kill lands as it may be saved
    child.kill(signal.SIGKILL)
    child.expect(pexpect.EOF)
    child.close()
    assert child.signalstatus == signal.SIGKILL
    assert_no_secret(child.logfile_read.getvalue())
    # A kill can strand the lock or a temporary file, never anything readable.
    assert_nothing_readable(out.parent)
    assert recipient(out.read_bytes()) == "X25519"  # still sealed to its key, which is kept
    assert key_of(out).exists()

    status, rated = report_ratings(out, keys)
    assert status == IN_PROGRESS
    assert rated in (first(given), first(given + 1))


# --- 9. Ctrl-C in a sealed quiz, and resuming it -----------------------------------------------


def interrupted(child: Any) -> list[str]:
    """Ctrl-C; once the quiz has exited 130, the lines it wrote as it stopped (without the
    terminal's echo of ^C)."""
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130, child.before
    assert_no_secret(child.logfile_read.getvalue())
    assert "Traceback" not in child.logfile_read.getvalue()
    lines = [line.strip() for line in child.before.replace("^C", "").splitlines()]
    return [line for line in lines if line]


def said(lines: list[str]) -> str:
    return " ".join(" ".join(lines).split())


def starts_at(child: Any, position: int) -> None:
    """The first statement a resumed quiz shows is the first one not answered."""
    child.expect(r"(?<!\d)(\d+)/20")
    assert child.match.group(1) == str(position)
    child.expect("Your rating: ")


def test_ctrl_c_at_the_first_fifth_and_last_statement_and_while_sealing_loses_nothing(
    keys: Keys, tmp_path: Path
) -> None:
    """Each stop is resumed and goes on from exactly there; the ratings at the end are the
    ones typed before each stop, so none was lost on the way."""
    out = tmp_path / "answers" / "mine.yaml.age"
    out.parent.mkdir()
    new = ["quiz", "--seal", "--name", NAME, "-o", str(out), "--passphrase-file", str(keys.mine)]
    resume = ["quiz", "--resume", str(out), "--passphrase-file", str(keys.mine)]
    # Ctrl-C is not an error: a calm sentence, wrapped between words at the terminal's width.
    go_on = (
        f"Stopped. Your answers so far are saved in {out}. "
        f"To go on later: intimacy-check quiz --resume {out}"
    )

    def stops_calmly(child: Any) -> None:
        stopped = said(interrupted(child))
        assert go_on in stopped
        assert "intimacy-check: error:" not in stopped

    # Statement 1, after the first save: the file, its key and the lock are on disk.
    child = spawn(*new, cwd=tmp_path)
    at(child, 1)
    assert_not_in_process(child.pid)
    assert files_in(out.parent) == sorted([out, key_of(out), lock_of(out)])
    assert_nothing_readable(out.parent)
    stops_calmly(child)
    assert files_in(out.parent) == sorted([out, key_of(out)])  # the lock is gone

    # Statement 5.
    child = spawn(*resume, cwd=tmp_path)
    starts_at(child, 1)
    child.sendline(str(RATINGS[0]))
    answer(child, range(2, 5))
    at(child, 5)
    stops_calmly(child)

    # The last statement.
    child = spawn(*resume, cwd=tmp_path)
    starts_at(child, 5)
    child.sendline(str(RATINGS[4]))
    answer(child, range(6, 20))
    at(child, 20)
    stops_calmly(child)

    # While the finished answers are being sealed with the passphrase.
    child = spawn(*resume, cwd=tmp_path)
    starts_at(child, 20)
    child.sendline(str(RATINGS[19]))
    skip_safety_question(child)
    child.expect_exact(_(sealing_text.SEALING))
    stops_calmly(child)
    assert files_in(out.parent) == sorted([out, key_of(out)])
    assert_nothing_readable(out.parent)

    # Going on finishes it, with nothing left to answer.
    result = run(*resume, input="")
    assert result.exit_code == 0, result.stderr
    assert "/20" not in result.stdout
    assert f"Your results, {NAME}" in result.stdout
    final = finished_sheet(out, PASSPHRASE)
    assert (final.status, dict(final.answers)) == (COMPLETED, GIVEN)
    assert files_in(out.parent) == [out]


def test_ctrl_c_at_the_passphrase_prompt_writes_nothing(tmp_path: Path) -> None:
    child = spawn("quiz", "--seal", "--name", NAME, cwd=tmp_path)
    child.expect_exact(_(sealing_text.CHOOSE_PROMPT, minimum=8))
    assert interrupted(child) == ["Stopped before the first statement. Nothing was saved."]
    assert files_in(tmp_path) == []


def test_ctrl_c_while_a_new_sealed_file_is_prepared_says_what_was_saved(
    keys: Keys, tmp_path: Path
) -> None:
    """The key is sealed (scrypt, a second or more) before the first save. A Ctrl-C then
    must not say that answers are saved in a file that was never written."""
    out = tmp_path / "mine.yaml.age"
    new = ["quiz", "--seal", "--name", NAME, "-o", str(out), "--passphrase-file", str(keys.mine)]
    child = spawn(*new, cwd=tmp_path)
    child.expect_exact(_(sealing_text.PREPARING))
    stopped = said(interrupted(child))
    assert "intimacy-check: error:" not in stopped  # a stop is not an error
    if out.exists():
        assert (
            f"Stopped. Your answers so far are saved in {out}. "
            f"To go on later: intimacy-check quiz --resume {out}"
        ) in stopped
    else:
        assert f"--resume {out}" not in stopped, f"{out} was never written, yet: {stopped}"
        assert stopped == "Stopped before the first statement. Nothing was saved."


# --- what a hostile folder or a careless command line cannot make the tool do -------------


def test_a_key_path_planted_as_a_link_is_refused_and_its_target_untouched(
    tmp_path: Path, keys: Keys
) -> None:
    answers = tmp_path / "answers.yaml.age"
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    key_of(answers).symlink_to(victim)

    result = run(
        "quiz",
        "--seal",
        "--name",
        NAME,
        "-o",
        str(answers),
        "--passphrase-file",
        str(keys.mine),
        input=typed(RATINGS[:2]) + "q\n",
    )

    assert result.exit_code == 1
    assert error_lines(result.stderr) == [
        f"intimacy-check: error: {key_of(answers)}: is not a regular file, so the key to "
        f"{answers} cannot be saved there; remove it first"
    ]
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert not answers.exists()


def test_a_passphrase_file_of_standard_input_is_refused(finished: Finished) -> None:
    result = run("report", str(finished.path), "--passphrase-file", "-", input=PASSPHRASE)

    assert result.exit_code == 1
    assert error_lines(result.stderr) == [
        "intimacy-check: error: --passphrase-file - would read the passphrase from standard "
        "input; give a file that only you can read, or type it at the terminal"
    ]
    assert_no_secret(result.stdout, result.stderr)


def test_a_piped_couple_quiz_with_one_passphrase_file_is_refused_before_anyone_answers(
    tmp_path: Path, keys: Keys
) -> None:
    result = run(
        "quiz",
        "--couple",
        "--seal",
        "--name",
        NAME,
        "--name",
        PARTNER,
        "--output-dir",
        str(tmp_path),
        "--passphrase-file",
        str(keys.mine),
        input=typed(RATINGS) + "\n",
    )

    assert result.exit_code == 1
    assert error_lines(result.stderr) == [
        "intimacy-check: error: --passphrase-file gives fewer passphrases (1) than the people "
        "and sealed files here need (2); give one for each, or run this at a terminal"
    ]
    assert "1/20" not in result.stdout
    assert files_in(tmp_path) == []


def test_seal_refuses_a_target_that_is_a_link_to_the_plain_file(tmp_path: Path, keys: Keys) -> None:
    plain = tmp_path / "alex.yaml"
    original = (V1_EXAMPLES / "alex.yaml").read_bytes()
    plain.write_bytes(original)
    (tmp_path / "alex.yaml.age").symlink_to(plain)

    result = run("seal", str(plain), "--force", "--passphrase-file", str(keys.mine))

    assert result.exit_code == 2
    assert error_lines(result.stderr) == [
        f"intimacy-check: error: {tmp_path / 'alex.yaml.age'}: names the plain file {plain} "
        "itself; remove it first (see 'intimacy-check seal --help')"
    ]
    assert plain.read_bytes() == original


@pytest.mark.parametrize("given", ["-", "link"])
def test_seal_wants_the_answer_file_itself(tmp_path: Path, keys: Keys, given: str) -> None:
    plain = tmp_path / "alex.yaml"
    original = (V1_EXAMPLES / "alex.yaml").read_bytes()
    plain.write_bytes(original)
    (tmp_path / "link").symlink_to(plain)
    path = given if given == "-" else str(tmp_path / "link")

    result = run("seal", path, "--passphrase-file", str(keys.mine), input=original.decode())

    assert result.exit_code == 2
    assert error_lines(result.stderr) == [
        f"intimacy-check: error: {path}: give seal the answer file itself, not a link or "
        "standard input (see 'intimacy-check seal --help')"
    ]
    assert sorted(item.name for item in tmp_path.iterdir()) == ["alex.yaml", "link"]
    assert plain.read_bytes() == original


def test_progress_gives_each_sealed_file_its_own_passphrase_file_when_one_fails(
    tmp_path: Path, finished: Finished, keys: Keys
) -> None:
    broken = tmp_path / "broken.yaml.age"
    broken.write_bytes(finished.path.read_bytes()[:40])  # the header, cut short

    result = run(
        "progress",
        str(broken),
        str(finished.path),
        "--passphrase-file",
        str(keys.wrong),
        "--passphrase-file",
        str(keys.mine),
        "-f",
        "json",
    )

    assert result.exit_code == 1
    assert error_lines(result.stderr) == [
        f"intimacy-check: error: {broken}: is sealed, but cannot be opened; it looks damaged "
        "(its header names no recipient)"
    ]
    assert NAME in result.stdout  # the second file opened with the second passphrase file


def test_a_wrong_passphrase_at_the_second_turn_says_how_to_go_on(
    tmp_path: Path, finished: Finished, partner: Path, keys: Keys
) -> None:
    first = copy_sealed(finished.path, tmp_path)
    second = copy_sealed(partner, tmp_path)
    before = second.read_bytes()

    result = run(
        "quiz",
        "--couple",
        "--resume",
        str(first),
        "--resume",
        str(second),
        "--passphrase-file",
        str(keys.mine),
        "--passphrase-file",
        str(keys.wrong),
        input="\n",
    )

    assert result.exit_code == 1
    assert error_lines(result.stderr) == [
        f"intimacy-check: error: wrong passphrase for {second}; the answers so far are saved in "
        f"{first}. Go on later with: intimacy-check quiz --couple --resume {first} "
        f"--resume {second}"
    ]
    assert second.read_bytes() == before
    assert PARTNER not in result.stdout
    assert_no_secret(result.stdout, result.stderr)
