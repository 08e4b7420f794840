"""The quiz in a real pseudo-terminal: what a person at a keyboard sees, Ctrl-C included."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import skip_safety_question, spawn_cli
from session import Terminal

pexpect = pytest.importorskip("pexpect")
pyte = pytest.importorskip("pyte")

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
    skip_safety_question(child)
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


def _answer(child: Any, terminal: Terminal, stream: pyte.Stream, rating: str) -> None:
    child.expect("Your rating: ")
    stream.feed(child.before + child.after)
    child.sendline(rating)


def test_the_hand_over_shows_nothing_of_the_first_partner(tmp_path: Path) -> None:
    """Fed through a terminal emulator, the hand-over screen and its scrollback hold none
    of the first partner's statements or ratings, before the second partner does anything."""
    from intimacy_check.questionnaire import load_questionnaire

    statements = [sign.statement for sign in load_questionnaire().signs]
    child = spawn("quiz", "--couple", "--name", "Alex", "--name", "Sam", cwd=tmp_path)
    terminal = Terminal(100, 40, history=2000)
    stream = pyte.Stream(terminal)
    for _ in range(20):
        _answer(child, terminal, stream, "5")
    skip_safety_question(child)
    child.expect("Sam, press Enter when you are ready. ")
    stream.feed(child.before + child.after)
    seen = terminal.everything()
    assert "Thank you, Alex. Your answers are saved." in seen
    assert "Please hand over to Sam." in seen
    for statement in statements:
        assert statement[:40] not in " ".join(seen.split()), statement
    assert "Your rating" not in seen and "5 Strongly agree" not in seen
    child.sendline("")
    for _ in range(20):
        _answer(child, terminal, stream, "1")
    skip_safety_question(child)
    child.expect("both ready to see the comparison")
    stream.feed(child.before + child.after)
    # Nor is anything of the second partner's left for the first to see.
    assert "Your rating" not in terminal.everything()
    child.sendline("")
    child.expect("Alex and Sam")
    child.expect("Couple agreement")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert len(list(tmp_path.glob("*.yaml"))) == 2


def test_a_stopped_couple_quiz_says_how_to_go_on_as_a_couple(tmp_path: Path) -> None:
    child = spawn("quiz", "--couple", "--name", "Alex", "--name", "Sam", cwd=tmp_path)
    child.expect("Your rating: ")
    child.sendline("4")
    child.expect("Your rating: ")
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    said = " ".join(child.before.split())
    alex, sam = sorted(path.name for path in tmp_path.glob("*.yaml"))
    assert f"intimacy-check quiz --couple --resume {alex} --resume {sam}" in said
