"""Accessible mode, in a real pseudo-terminal: every command's output holds no box-drawing,
block, bar or sparkline character, and every piece of information is still there."""

from __future__ import annotations

import io
import os
import re
import sys
from pathlib import Path

import pytest
import yaml
from helpers import skip_safety_question

pexpect = pytest.importorskip("pexpect")

REPO = Path(__file__).resolve().parent.parent
# The examples as version 1 shipped them: examples/ now holds version 2.
V1_EXAMPLES = REPO / "tests" / "fixtures" / "v1"
GUARD = 60  # seconds: a hang guard for the child process, never a performance check
# U+2500 to U+259F (box drawing, block elements) and the sparkline glyphs.
DRAWN = re.compile("[\u2500-\u259f\u2581-\u2588]")
ESCAPE_COLOUR = re.compile(r"\x1b\[[0-9;]*m")


def spawn(*args: str, cwd: Path, accessible: str = "env") -> pexpect.spawn:
    env = {**os.environ, "TERM": "xterm-256color"}
    env.pop("ACCESSIBLE", None)
    if accessible == "env":
        env["ACCESSIBLE"] = "1"
    argv = ["-m", "intimacy_check", *args, *(["--accessible"] if accessible == "flag" else [])]
    return pexpect.spawn(
        sys.executable,
        argv,
        cwd=str(cwd),
        timeout=GUARD,
        encoding="utf-8",
        dimensions=(40, 80),
        env=env,
    )


def everything(child: pexpect.spawn) -> str:
    child.expect(pexpect.EOF)
    child.close()
    return child.before


def assert_plain(text: str) -> None:
    assert not DRAWN.findall(text), sorted(set(DRAWN.findall(text)))
    assert not ESCAPE_COLOUR.search(text)


@pytest.mark.parametrize("accessible", ["env", "flag"])
def test_report_in_accessible_mode(accessible: str) -> None:
    text = everything(spawn("report", "examples/alex.yaml", cwd=REPO, accessible=accessible))

    assert_plain(text)
    assert "Intimacy index: 72 out of 100" in text
    assert "Signs of closeness: 70 out of 100" in text
    assert "Free of warning signs: 75 out of 100" in text
    assert "Band: Close, with room to grow" in text
    assert "Hurt feelings linger between you: Alex: 4 Agree (warning sign)" in text
    assert "Deeply connected: from an index of 80" in text
    assert "Try this:" in text


def test_compare_in_accessible_mode() -> None:
    text = everything(spawn("compare", "examples/alex.yaml", "examples/sam.yaml", cwd=REPO))

    assert_plain(text)
    assert "Alex" in text and "Sam" in text
    assert text.count("Intimacy index: ") == 2
    assert "Together: " in text  # each statement says how the two answers sit together


def test_progress_in_accessible_mode() -> None:
    files = ["examples/alex-september.yaml", "examples/alex-october.yaml", "examples/alex.yaml"]
    text = everything(spawn("progress", *files, cwd=REPO))

    assert_plain(text)
    assert (
        "2026-11-20: Index: 72 out of 100; Band: Close, with room to grow; "
        "Signs of closeness: 70 out of 100; Free of warning signs: 75 out of 100"
    ) in text
    assert "Index change: +24 since the first assessment, +7 since the previous one" in text
    assert "Your partner's hopes and plans: First: 3; Latest: 4; better" in text


def test_summary_in_accessible_mode() -> None:
    # The couple's four files; the folders below examples/ hold other sets.
    couple = sorted(str(path.relative_to(REPO)) for path in (REPO / "examples").glob("*.yaml"))
    text = everything(spawn("summary", *couple, "--sort", "name", cwd=REPO))

    assert_plain(text)
    assert "Reading the answer files…" in text
    assert "Done: 4 answer files read." in text
    block = (
        "File: examples/alex.yaml\r\nRespondent: Alex\r\nStatus: completed\r\n"
        "Completed: 2026-11-20\r\nIndex: 72 out of 100\r\nBand: Close, with room to grow\r\n"
        "top concern: Showing affection in everyday ways"
    )
    assert block in text


def test_signs_in_accessible_mode() -> None:
    text = everything(spawn("signs", cwd=REPO))

    assert_plain(text)
    assert "1. You are glad when things go well for your partner: " in text
    assert "Ways to restore closeness" in text


def test_the_quiz_screen_in_accessible_mode(tmp_path: Path) -> None:
    out = tmp_path / "a.yaml"
    child = spawn("quiz", "--name", "Alex", "-o", str(out), cwd=tmp_path)
    log = io.StringIO()
    child.logfile_read = log
    child.expect_exact("Your rating: ")
    child.sendline("?")
    for _ in range(20):
        child.expect_exact("Your rating: ")
        child.sendline("4")
    skip_safety_question(child)
    child.expect(pexpect.EOF)
    child.close()
    text = log.getvalue()

    assert child.exitstatus == 0
    assert list(yaml.safe_load(out.read_text(encoding="utf-8"))["answers"].values()) == [4] * 20
    assert_plain(text)
    assert "Statement 1 of 20, in Signs of closeness" in text
    assert "Statement 20 of 20, in Warning signs" in text
    assert (
        "1. Strongly disagree\r\n2. Disagree\r\n3. In between\r\n4. Agree\r\n5. Strongly agree"
        in text
    )
    assert "b: go back to the previous statement" in text
    assert "Intimacy index: 50 out of 100" in text
    assert "\x1b[2J" not in text and "\x1b[3J" not in text  # no clearing for one person


def test_the_privacy_clear_is_announced_in_accessible_mode(tmp_path: Path) -> None:
    child = spawn(
        "quiz",
        "--couple",
        "--name",
        "Alex",
        "--name",
        "Sam",
        "--output-dir",
        str(tmp_path),
        cwd=tmp_path,
    )
    log = io.StringIO()
    child.logfile_read = log
    for _ in range(20):
        child.expect_exact("Your rating: ")
        child.sendline("4")
    skip_safety_question(child)
    child.expect_exact("Sam, press Enter when you are ready.")
    text = log.getvalue()
    child.terminate(force=True)

    announced = text.index("The screen will now be cleared so that your answers stay private.")
    assert announced < text.index("\x1b[3J")  # said first, then cleared
    assert_plain(text.replace("\x1b[3J", "").replace("\x1b[2J", "").replace("\x1b[H", ""))


def test_long_work_says_when_it_starts_and_when_it_ends(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from intimacy_check.cli import app

    secret = tmp_path / "passphrase"
    secret.write_text("a passphrase for this test\n", encoding="utf-8")
    secret.chmod(0o600)
    out = tmp_path / "a.yaml.age"
    args = ["quiz", "--seal", "--name", "Alex", "-o", str(out), "--passphrase-file", str(secret)]

    result = CliRunner().invoke(app, args, input="4\n" * 20, env={"ACCESSIBLE": "1"})

    assert result.exit_code == 0, result.stderr
    lines = [line.strip() for line in result.stdout.splitlines()]
    start = lines.index("Preparing your sealed answer file…")
    assert lines[start + 1] == "Your sealed answer file is ready."
    assert "Your answers are sealed." in lines
    assert "Your rating: Sealing your answers…" in lines  # piped: no Enter echoed
    assert_plain(result.stdout)
