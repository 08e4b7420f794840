"""Sealed answer files at a real terminal (pexpect, and the pyte terminal emulator): a
passphrase chosen and typed with no echo, three tries to open, a comparison that shows
nothing before both files are open, and a sealed couple quiz at one keyboard.

Each quiz or open at the terminal costs a second or more of scrypt, so the quizzes run
once per module, as fixtures, and the tests look at what they showed and wrote; the
three tries open a file sealed by age itself, whose passphrase work is lighter.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field, replace
from pathlib import Path

import pyrage
import pytest
import session
from helpers import SAFETY_PROMPT, make_sheet
from test_sealed import (
    NAME,
    PARTNER,
    PARTNER_PASSPHRASE,
    PASSPHRASE,
    RATINGS,
    SIGN_IDS,
    assert_no_secret,
    assert_not_in_process,
    files_in,
    finished_sheet,
    flat,
    key_of,
    recipient,
    sealed_sheet,
)

from intimacy_check.messages import _
from intimacy_check.messages import quiz as quiz_text
from intimacy_check.messages import sealing as text
from intimacy_check.questionnaire import load_questionnaire

pexpect = pytest.importorskip("pexpect")
pyte = pytest.importorskip("pyte")

GUARD = 60  # seconds: a guard against a hung prompt, never a performance check
TOO_SHORT_ONE = "seven77"
MISMATCHED = "lantern-orchard-4472"
TYPED = (PASSPHRASE, PARTNER_PASSPHRASE, TOO_SHORT_ONE, MISMATCHED)
PARTNER_RATINGS = [2, 4, 1, 5, 3] * 4
STATEMENTS = [sign.statement for sign in load_questionnaire(None).signs]

CHOOSE = _(text.CHOOSE_PROMPT, minimum=8)
CONFIRM = _(text.CONFIRM_PROMPT)


class Session(session.Session):
    """A sealed quiz in a pseudo-terminal, rated statement by statement."""

    def answer(self, ratings: list[int]) -> None:
        for position, rating in enumerate(ratings, start=1):
            self.expect(f"{position}/20")
            self.expect(_(quiz_text.RATING_PROMPT))
            self.send(str(rating))


def assert_never_shown(session: Session) -> None:
    """No passphrase typed is in what was written to the terminal, or on its screen."""
    for secret in TYPED:
        assert secret not in session.written
        assert secret not in session.seen()
    assert_no_secret(session.written)


def lines_of(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


# --- choosing a passphrase at the terminal ------------------------------------------------


@dataclass
class Chosen:
    path: Path
    session: Session
    prompts: list[tuple[str, str]] = field(default_factory=list)  # (prompt, text before it)
    code: int | None = None


@pytest.fixture(scope="module")
def chosen(tmp_path_factory: pytest.TempPathFactory) -> Chosen:
    """A sealed quiz at the terminal: a passphrase too short, then two that do not match,
    then the one chosen, typed twice; then q at the first statement."""
    folder = tmp_path_factory.mktemp("chosen")
    path = folder / "chosen.yaml.age"
    session = Session("quiz", "--seal", "--name", NAME, "-o", path.name, cwd=folder)
    result = Chosen(path=path, session=session)
    for prompt, typed in [
        (CHOOSE, TOO_SHORT_ONE),
        (CHOOSE, PASSPHRASE),
        (CONFIRM, MISMATCHED),
        (CHOOSE, PASSPHRASE),
        (CONFIRM, PASSPHRASE),
    ]:
        result.prompts.append((prompt, session.expect(prompt)))
        assert_not_in_process(session.child.pid)
        session.send(typed)
    session.expect("1/20")
    session.expect(_(quiz_text.RATING_PROMPT))
    session.send("q")
    result.code = session.end()
    return result


def test_choosing_a_passphrase_asks_twice_with_no_echo(chosen: Chosen) -> None:
    assert chosen.code == 0
    assert [prompt for prompt, _before in chosen.prompts] == [
        CHOOSE,
        CHOOSE,
        CONFIRM,
        CHOOSE,
        CONFIRM,
    ]
    # Before the first prompt: the warning that a forgotten passphrase is lost for good.
    warning = flat(chosen.prompts[0][1])
    assert flat(_(text.CHOOSE_INTRO)) in warning
    assert flat("a forgotten passphrase cannot be recovered") in warning
    # Too short: refused, and asked again; not matching: asked again from the start.
    assert flat(_(text.TOO_SHORT, minimum=8)) in flat(chosen.prompts[1][1])
    assert flat(_(text.MISMATCH)) in flat(chosen.prompts[3][1])
    assert flat(_(text.MISMATCH)) not in flat(chosen.prompts[4][1])
    assert_never_shown(chosen.session)
    # The file is sealed, to its own key, sealed in turn with the passphrase.
    assert files_in(chosen.path.parent) == [key_of(chosen.path), chosen.path]
    assert recipient(chosen.path.read_bytes()) == "X25519"
    assert recipient(key_of(chosen.path).read_bytes()) == "scrypt"
    # ...the one typed twice, not the one that did not match.
    key = pyrage.passphrase.decrypt(key_of(chosen.path).read_bytes(), PASSPHRASE)
    assert b"AGE-SECRET-KEY-" in key
    assert_no_secret(*(path.read_bytes() for path in files_in(chosen.path.parent)))


# --- three tries to open a sealed file -----------------------------------------------------


@pytest.fixture(scope="module")
def sealed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A finished answer file, sealed by age itself (quicker to open than the tool's own,
    and the kind of file a person may bring)."""
    sheet = replace(make_sheet(dict.fromkeys(SIGN_IDS, 4), version=2), respondent=NAME)
    return sealed_sheet(tmp_path_factory.mktemp("sealed") / "sealed.yaml.age", sheet, PASSPHRASE)


def open_at_terminal(sealed: Path, folder: Path, tries: list[str]) -> tuple[Session, int | None]:
    """`report` of a copy of a sealed file, typing each passphrase in turn."""
    shutil.copy2(sealed, folder / sealed.name)
    session = Session("report", sealed.name, cwd=folder)
    prompt = _(text.PASSPHRASE_FOR, path=sealed.name)
    for number, typed in enumerate(tries, start=1):
        before = session.expect(prompt)
        if number > 1:
            assert lines_of(before) == [_(text.TRY_AGAIN, path=sealed.name)]
        session.send(typed)
    return session, session.end()


def test_three_wrong_passphrases_are_one_error_line_and_exit_1(
    sealed: Path, tmp_path: Path
) -> None:
    session, code = open_at_terminal(sealed, tmp_path, [TOO_SHORT_ONE, MISMATCHED, "wrong-again"])
    assert code == 1
    assert lines_of(session.child.before) == [
        f"intimacy-check: error: wrong passphrase for {sealed.name}"
    ]
    assert NAME not in session.written
    assert_never_shown(session)
    assert files_in(tmp_path) == [tmp_path / sealed.name]
    assert (tmp_path / sealed.name).read_bytes() == sealed.read_bytes()


def test_two_wrong_passphrases_then_the_right_one_opens_it(sealed: Path, tmp_path: Path) -> None:
    session, code = open_at_terminal(sealed, tmp_path, [MISMATCHED, "wrong-again", PASSPHRASE])
    assert code == 0, session.written
    assert NAME in session.seen()
    assert "Intimacy index" in session.seen()
    assert_never_shown(session)


# --- the sealed couple quiz at one terminal --------------------------------------------------


@dataclass
class Couple:
    folder: Path
    session: Session
    first_choosing: str = ""  # shown before the first partner's passphrase prompt
    hand_over: str = ""  # what could be seen at the hand-over, on screen or scrolled back
    after_hand_over: str = ""  # shown after the second partner pressed Enter, before their prompt
    comparison: str = ""  # written after both pressed Enter for the comparison
    code: int | None = None


@pytest.fixture(scope="module")
def couple(tmp_path_factory: pytest.TempPathFactory) -> Couple:
    folder = tmp_path_factory.mktemp("couple")
    session = Session("quiz", "--couple", "--seal", "--name", NAME, "--name", PARTNER, cwd=folder)
    result = Couple(folder=folder, session=session)
    result.first_choosing = session.expect(CHOOSE)
    assert_not_in_process(session.child.pid)
    session.send(PASSPHRASE)
    session.expect(CONFIRM)
    session.send(PASSPHRASE)
    session.answer(RATINGS)
    session.expect(SAFETY_PROMPT)
    session.send("")
    session.expect(_(quiz_text.READY_PROMPT, name=PARTNER))
    result.hand_over = session.seen()
    session.send("")
    result.after_hand_over = session.expect(CHOOSE)
    session.send(PARTNER_PASSPHRASE)
    session.expect(CONFIRM)
    session.send(PARTNER_PASSPHRASE)
    session.answer(PARTNER_RATINGS)
    session.expect(SAFETY_PROMPT)
    session.send("")
    session.expect(_(quiz_text.COMPARISON_PROMPT))
    session.send("")
    start = len(session.written)
    result.code = session.end()
    result.comparison = session.written[start:]
    return result


def test_the_sealed_couple_quiz_at_one_terminal(couple: Couple) -> None:
    assert couple.code == 0, couple.session.written[-2000:]
    # The first partner is warned, by name, before choosing their passphrase.
    assert flat(_(text.CHOOSE_INTRO_FOR, name=NAME)) in flat(couple.first_choosing)
    # The hand-over holds nothing of the first partner's statements or ratings.
    seen = " ".join(couple.hand_over.split())
    assert f"Please hand over to {PARTNER}." in seen
    for statement in STATEMENTS:
        assert " ".join(statement.split())[:40] not in seen, statement
    assert "Your rating" not in seen and "Strongly agree" not in seen
    # The second partner chooses their own passphrase only once their turn has begun.
    assert flat(_(text.CHOOSE_INTRO_FOR, name=PARTNER)) in flat(couple.after_hand_over)
    assert "1/20" not in couple.after_hand_over
    # The comparison follows with no further passphrase asked.
    assert f"{NAME} and {PARTNER}" in " ".join(couple.comparison.split())
    assert "Couple agreement" in couple.comparison
    assert "Passphrase for" not in couple.session.written
    assert couple.session.written.count(CHOOSE) == 2
    assert_never_shown(couple.session)


def test_each_partner_file_opens_with_its_own_passphrase_only(couple: Couple) -> None:
    first, second = sorted(couple.folder.glob("*.yaml.age"))
    assert first.name.startswith("Rosalind-Quartermaine-")
    assert second.name.startswith("Theodore-Ashdown-")
    assert files_in(couple.folder) == [first, second]  # no key, no lock
    assert_no_secret(first.read_bytes(), second.read_bytes())
    for path, own, other, ratings in [
        (first, PASSPHRASE, PARTNER_PASSPHRASE, RATINGS),
        (second, PARTNER_PASSPHRASE, PASSPHRASE, PARTNER_RATINGS),
    ]:
        assert path.stat().st_mode & 0o777 == 0o600
        sheet = finished_sheet(path, own)
        assert sheet.status == "completed"
        assert dict(sheet.answers) == dict(zip(SIGN_IDS, ratings, strict=True))
        with pytest.raises(pyrage.DecryptError):
            pyrage.passphrase.decrypt(path.read_bytes(), other)


# --- compare at the terminal shows nothing before both files are open ---------------------


def test_compare_asks_each_passphrase_and_shows_nothing_before_both(
    couple: Couple, tmp_path: Path
) -> None:
    # Named so that the file names give nobody away.
    first, second = sorted(couple.folder.glob("*.yaml.age"))
    shutil.copy2(first, tmp_path / "a.yaml.age")
    shutil.copy2(second, tmp_path / "b.yaml.age")
    session = Session("compare", "a.yaml.age", "b.yaml.age", cwd=tmp_path)
    assert lines_of(session.expect(_(text.PASSPHRASE_FOR, path="a.yaml.age"))) == []
    session.send(PASSPHRASE)
    between = session.expect(_(text.PASSPHRASE_FOR, path="b.yaml.age"))
    # Between the two prompts only the line break after the first passphrase.
    assert lines_of(between) == []
    shown = session.seen()
    for secret in (NAME, PARTNER, "Intimacy index", "Couple agreement"):
        assert secret not in shown and secret not in session.written
    session.send(PARTNER_PASSPHRASE)
    assert session.end() == 0, session.written[-2000:]
    shown = " ".join(session.written.split())
    assert f"{NAME} and {PARTNER}" in shown
    assert "Couple agreement" in shown
    assert_never_shown(session)


def test_a_passphrase_typed_in_another_encoding_is_one_line(sealed: Path, tmp_path: Path) -> None:
    shutil.copy2(sealed, tmp_path / sealed.name)
    session = Session("report", sealed.name, cwd=tmp_path)
    session.expect(_(text.PASSPHRASE_FOR, path=sealed.name))
    os.write(session.child.child_fd, b"\xff\xfe\xfdabcdefgh\r")  # bytes, not text

    assert session.end() == 1
    assert lines_of(session.child.before) == [
        "intimacy-check: error: the passphrase typed is not UTF-8 text"
    ]
    assert "Traceback" not in session.written
    assert (tmp_path / sealed.name).read_bytes() == sealed.read_bytes()
