"""Calm interruptions: Ctrl-C is not an error, no input leaves nothing behind, going back
and skipping say what they do, and a resumed quiz welcomes its person back."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from helpers import spawn_cli
from typer.testing import CliRunner

from intimacy_check.cli import app

pexpect = pytest.importorskip("pexpect")

GUARD = 30  # seconds: a hang guard for the child process, never a performance check


def run(*args: str, input: str | None = None):  # noqa: A002 - as CliRunner names it
    return CliRunner().invoke(app, list(args), input=input)


def ratings_in(path: Path) -> dict[str, int | None]:
    return dict(yaml.safe_load(path.read_text(encoding="utf-8"))["answers"] or {})


def test_ctrl_c_is_a_calm_sentence_wrapped_between_words(tmp_path: Path) -> None:
    out = tmp_path / "a-file-with-a-rather-long-name-for-the-answers.yaml"
    child = spawn_cli("quiz", "--name", "Alex", "-o", str(out), cwd=tmp_path, timeout=GUARD)
    child.setwinsize(40, 50)
    for _ in range(3):
        child.expect_exact("Your rating: ")
        child.sendline("4")
    child.expect_exact("Your rating: ")
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()

    assert child.exitstatus == 130
    after_the_key = child.before.split("^C", 1)[1]  # the terminal's echo of Ctrl-C
    written = [line for line in after_the_key.replace("\r", "").split("\n") if line.strip()]
    assert "error" not in child.before
    assert " ".join(" ".join(written).split()) == (
        f"Stopped. Your answers so far are saved in {out}. To go on later: "
        f"intimacy-check quiz --resume {out}"
    )
    assert written[0].strip() == "Stopped. Your answers so far are saved in"  # wrapped at 50
    assert all(len(line) <= 50 for line in written if str(out) not in line)
    assert len(ratings_in(out)) == 3


def test_no_input_leaves_no_answer_file_behind(tmp_path: Path) -> None:
    first = run("quiz", "--name", "Pat", "--output-dir", str(tmp_path), input="")

    assert first.exit_code == 1
    assert first.stderr == (
        "intimacy-check: error: input ended before the first answer; nothing was saved\n"
    )
    assert list(tmp_path.iterdir()) == []
    again = run("quiz", "--name", "Pat", "--output-dir", str(tmp_path), input="3\n" * 20)
    assert again.exit_code == 0, again.stderr  # not refused as "already exists"


def test_input_that_ends_later_is_said_on_a_line_of_its_own(tmp_path: Path) -> None:
    out = tmp_path / "a.yaml"
    child = spawn_cli("quiz", "--name", "Alex", "-o", str(out), cwd=tmp_path, timeout=GUARD)
    child.expect_exact("Your rating: ")
    child.sendline("4")
    child.expect_exact("Your rating: ")
    child.sendeof()
    child.expect_exact("intimacy-check: error: input ended before the quiz was finished")
    before_the_message = child.before
    child.expect(pexpect.EOF)

    assert before_the_message.endswith("\n")  # not after "Your rating: "
    assert ratings_in(out) == {"care-for-needs": 4}


def test_going_back_says_what_was_answered_and_enter_keeps_it(tmp_path: Path) -> None:
    out = tmp_path / "a.yaml"
    # 5 for the first, skip the second; back twice, keep both with Enter; then the rest.
    typed = "5\ns\nb\nb\n\n\n" + "3\n" * 18
    result = run("quiz", "--name", "Alex", "-o", str(out), input=typed)

    assert result.exit_code == 0, result.stderr
    assert "Skipped. You can come back to it with b." in result.stdout
    assert "(your earlier answer: 5. Enter keeps 5)" in result.stdout
    assert "(you skipped this. Enter keeps it skipped)" in result.stdout
    answers = ratings_in(out)
    assert answers["care-for-needs"] == 5
    assert answers["trust"] is None
    assert "Please type a number" not in result.stdout


def test_enter_on_a_statement_not_answered_yet_asks_for_a_rating(tmp_path: Path) -> None:
    out = tmp_path / "a.yaml"
    result = run("quiz", "--name", "Alex", "-o", str(out), input="\n" + "3\n" * 20)

    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("Please type a number from 1 to 5 (or b, s, q, ? for help).") == 1
    assert list(ratings_in(out).values()) == [3] * 20


def test_a_resumed_quiz_begins_with_a_welcome_back(tmp_path: Path) -> None:
    out = tmp_path / "a.yaml"
    run("quiz", "--name", "Alex", "-o", str(out), input="4\n" * 6 + "q\n")

    result = run("quiz", "--resume", str(out), input="4\n" * 14)

    assert result.exit_code == 0, result.stderr
    assert result.stdout.lstrip().startswith(
        "Welcome back, Alex: 6 of 20 answered. Going on with statement 7."
    )
    assert "Signs of closeness  7/20" in result.stdout
