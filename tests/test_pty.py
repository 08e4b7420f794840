"""The quiz in a real pseudo-terminal: what a person at a keyboard sees, Ctrl-C included."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from helpers import spawn_cli

pexpect = pytest.importorskip("pexpect")

TIMEOUT = 20  # a guard against a hung prompt, not a performance check


def spawn(*args: str, cwd: Path) -> pexpect.spawn:
    return spawn_cli(*args, cwd=cwd, timeout=TIMEOUT)


def test_ctrl_c_saves_progress_and_resume_finishes(tmp_path: Path) -> None:
    out = tmp_path / "alex.yaml"
    child = spawn("quiz", "--name", "Alex", "--output", str(out), cwd=tmp_path)
    child.expect("1/20")
    child.expect("Your rating: ")
    child.sendline("4")
    child.expect("2/20")
    child.expect("Your rating: ")
    child.sendline("2")
    child.expect("3/20")
    child.expect("Your rating: ")
    child.sendintr()
    child.expect("--resume")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    document = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert document["status"] == "in-progress"
    assert document["answers"] == {"care-for-needs": 4, "trust": 2}

    child = spawn("quiz", "--resume", str(out), cwd=tmp_path)
    child.expect("3/20")
    for position in range(3, 21):
        child.expect("Your rating: ")
        child.sendline("3")
        if position < 20:
            child.expect(f"{position + 1}/20")
    child.expect("Your results, Alex")
    child.expect("Your answers are saved in")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    document = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert document["status"] == "completed"
    assert document["answers"]["care-for-needs"] == 4
    assert document["answers"]["uneven-sharing"] == 3


def test_ctrl_c_at_the_name_prompt_exits_130_without_a_file(tmp_path: Path) -> None:
    child = spawn("quiz", cwd=tmp_path)
    child.expect("Your name")
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert list(tmp_path.iterdir()) == []


def test_couple_quiz_clears_the_screen_before_the_second_partner(tmp_path: Path) -> None:
    child = spawn("quiz", "--couple", "--name", "Alex", "--name", "Sam", cwd=tmp_path)
    for position in range(1, 21):
        child.expect(f"{position}/20")
        child.expect("Your rating: ")
        child.sendline("5")
    child.expect("Please hand over to Sam")
    child.expect("Sam, press Enter when you are ready")
    child.sendline("")
    # rich clears with "erase screen" and "cursor home" before Sam's first statement.
    child.expect_exact("\x1b[2J")
    child.expect_exact("\x1b[3J")
    child.expect("1/20")
    for position in range(1, 21):
        child.expect("Your rating: ")
        child.sendline("1")
        if position < 20:
            child.expect(f"{position + 1}/20")
    child.expect("both ready to see the comparison")
    child.sendline("")
    child.expect("Alex and Sam")
    child.expect("Couple agreement")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert len(list(tmp_path.glob("*.yaml"))) == 2
