"""No answer is ever lost: Ctrl-C at every prompt, SIGKILL, a failing disk, two quizzes at once."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import skip_safety_question, spawn_cli
from typer.testing import CliRunner

from intimacy_check import answers
from intimacy_check.answers import AnswerFileLock, read_answer_sheet
from intimacy_check.cli import app

pexpect = pytest.importorskip("pexpect")

GUARD = 30  # seconds: a hang guard for child processes, never a performance check
RATINGS = [4, 2, 5, 1, 3] * 4


def spawn(*args: str, cwd: Path) -> pexpect.spawn:
    return spawn_cli(*args, cwd=cwd, timeout=GUARD)


def expected_answers(count: int) -> dict[str, int]:
    from intimacy_check.questionnaire import load_questionnaire

    ids = [sign.id for sign in load_questionnaire().signs]
    return dict(zip(ids[:count], RATINGS[:count], strict=True))


@pytest.mark.parametrize("position", range(1, 21))
def test_ctrl_c_at_every_prompt_keeps_every_earlier_answer(tmp_path: Path, position: int) -> None:
    out = tmp_path / "a.yaml"
    child = spawn("quiz", "--name", "Alex", "-o", str(out), cwd=tmp_path)
    for number in range(1, position):
        child.expect(f"{number}/20")
        child.expect("Your rating: ")
        child.sendline(str(RATINGS[number - 1]))
    child.expect(f"{position}/20")
    child.expect("Your rating: ")
    child.sendintr()
    child.expect("--resume")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    sheet = read_answer_sheet(out)
    assert sheet.status == "in-progress"
    assert dict(sheet.answers) == expected_answers(position - 1)

    # Resume finishes the quiz from exactly where it stopped.
    rest = "".join(f"{rating}\n" for rating in RATINGS[position - 1 :])
    finished = CliRunner().invoke(app, ["quiz", "--resume", str(out)], input=rest)
    assert finished.exit_code == 0, finished.stderr
    sheet = read_answer_sheet(out)
    assert sheet.status == "completed"
    assert dict(sheet.answers) == expected_answers(20)


def _wait_for_answers(path: Path, count: int) -> None:
    deadline = time.monotonic() + GUARD  # a hang guard, not an assertion about speed
    while time.monotonic() < deadline:
        if path.exists() and len(read_answer_sheet(path).answers) >= count:
            return
        time.sleep(0.01)
    raise AssertionError(f"the quiz never saved {count} answers")


@pytest.mark.parametrize("given", [0, 1, 7, 13, 19])
def test_sigkill_leaves_a_readable_file_missing_at_most_the_last_answer(
    tmp_path: Path, given: int
) -> None:
    out = tmp_path / "a.yaml"
    process = subprocess.Popen(
        [sys.executable, "-m", "intimacy_check", "quiz", "--name", "Alex", "-o", str(out)],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdin is not None
    try:
        for rating in RATINGS[:given]:
            process.stdin.write(f"{rating}\n")
            process.stdin.flush()
        _wait_for_answers(out, given)
        # One more answer, and the kill lands while it may be being saved.
        process.stdin.write(f"{RATINGS[given]}\n")
        process.stdin.flush()
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=GUARD)
    finally:
        if process.poll() is None:
            process.kill()
    sheet = read_answer_sheet(out)  # always readable: the write is atomic
    assert dict(sheet.answers) in (expected_answers(given), expected_answers(given + 1))
    leftovers = [path.name for path in tmp_path.iterdir() if path.name.endswith(".tmp")]
    assert len(leftovers) <= 1  # a kill mid-write can strand one temporary file, never a half file


class FlakyDisk:
    """os.replace that fails with ENOSPC on chosen calls, like a disk that fills up."""

    def __init__(self, failing_calls: set[int]) -> None:
        self.failing_calls = failing_calls
        self.calls = 0
        self.real_replace = os.replace

    def __call__(self, source: str, target: str) -> None:
        self.calls += 1
        if self.calls in self.failing_calls:
            raise OSError(errno.ENOSPC, "No space left on device")
        self.real_replace(source, target)


def test_a_failed_save_keeps_the_answer_and_a_retry_saves_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "a.yaml"
    # Call 1 saves the empty file; calls 2 and 3 save answers 1 and 2; call 4 (answer 3) fails.
    monkeypatch.setattr(answers.os, "replace", FlakyDisk({4}))
    script = "4\n2\n5\n" + "\n" + "q\n"
    result = CliRunner().invoke(app, ["quiz", "--name", "A", "-o", str(out)], input=script)
    assert result.exit_code == 0, result.stderr
    assert "Could not save:" in result.stdout
    assert "No space left on device" in result.stdout
    assert "the previous copy is unchanged" in result.stdout
    assert dict(read_answer_sheet(out).answers) == expected_answers(3)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.yaml"]


def test_stopping_after_a_failed_save_keeps_the_earlier_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "a.yaml"
    monkeypatch.setattr(answers.os, "replace", FlakyDisk({4, 5}))
    result = CliRunner().invoke(
        app, ["quiz", "--name", "A", "-o", str(out)], input="4\n2\n5\n\nq\n"
    )
    assert result.exit_code == 1
    assert "stopped without saving the latest answer" in result.stderr
    assert dict(read_answer_sheet(out).answers) == expected_answers(2)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.yaml"]


def test_a_second_quiz_on_the_same_file_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "a.yaml"
    first = spawn("quiz", "--name", "Alex", "-o", str(out), cwd=tmp_path)
    first.expect("1/20")
    first.expect("Your rating: ")
    first.sendline("4")
    first.expect("2/20")
    second = subprocess.run(
        [sys.executable, "-m", "intimacy_check", "quiz", "--resume", str(out)],
        input="5\n" * 20,
        capture_output=True,
        text=True,
        timeout=GUARD,
    )
    assert second.returncode == 1
    assert "another intimacy-check quiz is writing this file right now" in second.stderr
    first.sendline("q")
    first.expect(pexpect.EOF)
    first.close()
    assert dict(read_answer_sheet(out).answers) == {"care-for-needs": 4}
    assert not (tmp_path / ".a.yaml.lock").exists()


def test_the_lock_is_released_and_can_be_taken_again(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    with AnswerFileLock(path):
        with pytest.raises(answers.SaveError, match="another intimacy-check quiz"):
            AnswerFileLock(path).__enter__()
    with AnswerFileLock(path):
        assert (tmp_path / ".a.yaml.lock").exists()
    assert not (tmp_path / ".a.yaml.lock").exists()


# --- SIGTERM and SIGHUP stop the quiz the way Ctrl-C does ------------------------------------


@pytest.mark.parametrize(
    ("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)], ids=["term", "hup"]
)
@pytest.mark.parametrize("given", [0, 3])
def test_sigterm_and_sighup_keep_the_answers_and_remove_the_lock(
    tmp_path: Path, signum: int, code: int, given: int
) -> None:
    out = tmp_path / "a.yaml"
    child = spawn("quiz", "--name", "Alex", "-o", str(out), cwd=tmp_path)
    for number in range(1, given + 1):
        child.expect(f"{number}/20")
        child.expect("Your rating: ")
        child.sendline(str(RATINGS[number - 1]))
    child.expect(f"{given + 1}/20")
    child.expect("Your rating: ")
    assert (tmp_path / ".a.yaml.lock").exists()
    child.kill(signum)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == code
    # A stop is not an error: a calm sentence, wrapped between words at the terminal's width.
    said = " ".join((child.before or "").split())
    assert (
        f"Stopped. Your answers so far are saved in {out}. "
        f"To go on later: intimacy-check quiz --resume {out}"
    ) in said
    assert "intimacy-check: error:" not in said
    assert "Traceback" not in said
    sheet = read_answer_sheet(out)
    assert sheet.status == "in-progress"
    assert dict(sheet.answers) == expected_answers(given)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.yaml"]


def test_sigterm_between_partners_keeps_the_first_file_and_no_lock(tmp_path: Path) -> None:
    child = spawn("quiz", "--couple", "--name", "Alex", "--name", "Sam", cwd=tmp_path)
    for number in range(1, 21):
        child.expect(f"{number}/20")
        child.expect("Your rating: ")
        child.sendline(str(RATINGS[number - 1]))
    skip_safety_question(child)
    child.expect("press Enter when you are ready")
    child.kill(signal.SIGTERM)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 143
    # Both files are made at the start, so the couple can go on; both locks are gone.
    first, second = sorted(tmp_path.iterdir())
    assert first.name.startswith("Alex-") and second.name.startswith("Sam-")
    assert read_answer_sheet(first).status == "completed"
    assert read_answer_sheet(second).answers == {}
    said = " ".join(child.before.split())
    assert (
        f"Stopped before the comparison. The answers are saved in {first.name}. "
        f"To go on later: intimacy-check quiz --couple --resume {first.name} "
        f"--resume {second.name}"
    ) in said
    assert "intimacy-check: error:" not in said


def test_ctrl_c_at_the_try_again_prompt_exits_130_and_keeps_the_earlier_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rich.console import Console

    from intimacy_check.messages import _
    from intimacy_check.messages import quiz as quiz_text

    out = tmp_path / "a.yaml"
    monkeypatch.setattr(answers.os, "replace", FlakyDisk({4}))
    real_input = Console.input

    def interrupt_at_retry(self: Console, prompt: str = "", **options: object) -> str:
        if prompt == _(quiz_text.RETRY_PROMPT):
            raise KeyboardInterrupt
        return real_input(self, prompt, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(Console, "input", interrupt_at_retry)
    result = CliRunner().invoke(app, ["quiz", "--name", "A", "-o", str(out)], input="4\n2\n5\n")
    assert result.exit_code == 130
    assert result.stderr == (
        f"stopped without saving the latest answer; {out} keeps the answers saved before it\n"
    )
    assert dict(read_answer_sheet(out).answers) == expected_answers(2)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.yaml"]


# --- Ctrl-C while the program starts -----------------------------------------------------

# Raises SIGINT the moment MODULE starts to be imported, as a Ctrl-C landing then would.
INTERRUPTED_IMPORT = """
import importlib.abc, signal, sys

class InterruptAt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == module:
            sys.meta_path.remove(self)
            signal.raise_signal(signal.SIGINT)
        return None

sys.meta_path.insert(0, InterruptAt())
module, sys.argv = sys.argv[1], ["intimacy-check", *sys.argv[2:]]
from intimacy_check.cli import main
main()
"""


@pytest.mark.parametrize(
    ("module", "args"),
    [
        ("typer", ["--version"]),
        ("intimacy_check.exits", ["--help"]),
        ("intimacy_check.commands.report", ["report", "examples/alex.yaml"]),
        ("intimacy_check.questionnaire", ["report", "examples/alex.yaml"]),
        ("rich.console", ["quiz", "--name", "Alex"]),
    ],
    ids=["typer", "exits", "a-command", "the-loader", "rich"],
)
def test_ctrl_c_during_start_up_is_one_line_and_130(
    tmp_path: Path, module: str, args: list[str]
) -> None:
    repo = Path(__file__).resolve().parent.parent
    result = subprocess.run(
        [sys.executable, "-c", INTERRUPTED_IMPORT, module, *args],
        cwd=repo,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=GUARD,
        check=False,
    )
    assert result.returncode == 130, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == ["intimacy-check: error: stopped"]
    assert result.stdout == ""
