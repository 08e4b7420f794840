"""The private safety question at a real terminal (pexpect, and the pyte terminal emulator).

At the end of each person's quiz, and only at a terminal, the quiz asks whether they ever
feel afraid of their partner. A yes is never written anywhere: it only changes what that
person sees right then (the safety note, and no step marked `needs_safety`). So each test
runs the same quiz twice, answered alike but for the question, and compares what was shown
and what was written. The pairs run side by side, in lockstep, to keep the module quick.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import session
import yaml
from helpers import make_sheet

from intimacy_check.answers import format_answer_sheet
from intimacy_check.documents.advice import advice
from intimacy_check.messages import _
from intimacy_check.messages import quiz as quiz_text
from intimacy_check.questionnaire import load_questionnaire
from intimacy_check.report import build_report

pexpect = pytest.importorskip("pexpect")
pyte = pytest.importorskip("pyte")
pyrage = pytest.importorskip("pyrage")

GUARD = 60  # seconds: a guard against a hung prompt, never a performance check

QUESTIONNAIRE = load_questionnaire()  # the version a new quiz asks
SIGN_IDS = tuple(sign.id for sign in QUESTIONNAIRE.signs)
SUPPORT = QUESTIONNAIRE.support
MARKED_TITLES = frozenset(step.title for step in QUESTIONNAIRE.steps if step.needs_safety)
# Every text of support.yaml that says why steps are held back, or where to find help.
NOTE_TEXTS = {
    "heading": SUPPORT.heading,
    "said_yes": SUPPORT.said_yes,
    "low_trust": SUPPORT.low_trust,
    "support": SUPPORT.support,
}

# Low ratings of closeness and high ones of warning signs, with trust left at 3, so that
# the stored answers alone do not hold marked steps back (the low-trust rule), while
# marked steps (sharing openly, a safe zone) rank among the five shown: a yes is then
# the only thing that can take them out.
RATINGS = [2, 3] * 5 + [4, 3] * 5
PARTNER_RATINGS = [3, 4, 3, 4, 2, 4, 3, 3, 2, 4] + [4, 2, 4, 2, 3, 2, 4, 2, 4, 2]
GIVEN = dict(zip(SIGN_IDS, RATINGS, strict=True))  # as an answer file holds them
NAME, PARTNER = "Alex", "Sam"
PASSPHRASE = "lantern-orchard-4471"

RATING_PROMPT = _(quiz_text.RATING_PROMPT)
SAFETY_PROMPT = _(quiz_text.SAFETY_PROMPT)
SAFETY_READ_PROMPT = _(quiz_text.SAFETY_READ_PROMPT)
HAND_OVER_READY = _(quiz_text.READY_PROMPT, name=PARTNER)
COMPARISON_PROMPT = _(quiz_text.COMPARISON_PROMPT)
DISCLAIMER_START = "intimacy-check is an aid"  # the closing lines, after the steps


class Session(session.Session):
    """A quiz in a pseudo-terminal, with a long scrollback for two whole turns."""

    def __init__(self, *args: str, cwd: Path) -> None:
        super().__init__(*args, cwd=cwd, history=5000)

    def rate(self, rating: int) -> None:
        self.expect(RATING_PROMPT)
        self.send(str(rating))


# --- small helpers ---------------------------------------------------------------------------


def words(text: str) -> str:
    """Text with its white space made single spaces, as wrapped to any width."""
    return " ".join(text.split())


def sentences(text: str) -> list[str]:
    """The sentences of a text, so that a note leaked in part is caught too."""
    return re.split(r"(?<=\.)\s+", words(text))


def assert_no_note(seen: str, *, where: str) -> None:
    """Nothing of support.yaml's notes (why steps are held back, where to find help)."""
    flat = words(seen)
    for key, text in NOTE_TEXTS.items():
        for sentence in sentences(text):
            assert sentence not in flat, f"{where}: {key}: {sentence!r}"


def without_rules(text: str) -> str:
    """Headings' horizontal rules taken out, leaving their words."""
    return re.sub("─+", " ", text)


def after_line(text: str, marker: str) -> str:
    """What follows the (first) line that holds `marker`."""
    lines = text.splitlines()
    for number, line in enumerate(lines):
        if marker in line:
            return "\n".join(lines[number + 1 :])
    raise AssertionError(f"no line with {marker!r} in:\n{text}")


def steps_listed(text: str, heading: str) -> list[str]:
    """The numbered step titles under `heading` (each title starts a line: "1. Title")."""
    titles = []
    for line in after_line(text, heading).splitlines():
        if line.startswith(DISCLAIMER_START):
            break
        found = re.match(r"(\d+)\. (.+)", line)
        if found:
            assert int(found[1]) == len(titles) + 1, line
            titles.append(found[2].strip())
    return titles


def chosen_titles(ratings: Iterable[list[int]], said_afraid: list[bool | None]) -> list[str]:
    """The titles of the five steps the results show for these ratings and answers, as
    the report and its documents choose them without a terminal."""
    sheets = [
        make_sheet(dict(zip(SIGN_IDS, given, strict=True)), name=name, version=2)
        for given, name in zip(ratings, (NAME, PARTNER), strict=False)
    ]
    report = build_report(QUESTIONNAIRE, sheets, said_afraid=said_afraid)
    return [step.title for step in advice(report, limit=5).steps]


def without_times(content: bytes) -> bytes:
    """An answer file without its two time stamps, which differ between any two runs."""
    kept = [
        line
        for line in content.splitlines(keepends=True)
        if not line.startswith((b"started_at:", b"completed_at:"))
    ]
    return b"".join(kept)


def contents(folder: Path) -> list[str]:
    """Everything in a folder and below it, hidden files (a lock, a key) included."""
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


def answers_in(content: bytes) -> tuple[str, dict[str, int]]:
    document = yaml.safe_load(content)
    return document["status"], document["answers"]


# --- one person: yes and no ------------------------------------------------------------------


@dataclass
class Solo:
    folder: Path
    session: Session
    code: int | None = None
    seen: str = ""  # what the terminal shows at the end, scrollback included


def solo_pair(tmp_path: Path, output: str, *options: str) -> dict[str, Solo]:
    """The same quiz in two folders, with the same ratings, answered y in one and n in the
    other; both run side by side."""
    runs = {}
    for answer in ("y", "n"):
        folder = tmp_path / answer
        folder.mkdir()
        command = ("quiz", "--name", NAME, "--output", output, *options)
        runs[answer] = Solo(folder=folder, session=Session(*command, cwd=folder))
    for rating in RATINGS:
        for run in runs.values():
            run.session.rate(rating)
    for answer, run in runs.items():
        run.session.expect(SAFETY_PROMPT)
        run.session.send(answer)
    for run in runs.values():
        run.code = run.session.end()
        run.seen = run.session.seen()
    return runs


def results_of(run: Solo) -> str:
    """The results, as shown: everything after the "Your results, NAME" heading."""
    return without_rules(after_line(run.seen, f"Your results, {NAME}"))


def assert_yes_and_no_shown(runs: dict[str, Solo]) -> None:
    yes, no = runs["y"], runs["n"]
    assert yes.code == 0, yes.session.written[-2000:]
    assert no.code == 0, no.session.written[-2000:]
    # A yes: the results open with the note, heading first, then said_yes, then support.
    note = words(" ".join([SUPPORT.heading, SUPPORT.said_yes, SUPPORT.support]))
    assert words(results_of(yes)).startswith(note + " Intimacy index ")
    assert words(SUPPORT.low_trust) not in words(yes.seen)
    # A no: the results open with the scores, and nothing of any note is shown.
    assert words(results_of(no)).startswith("Intimacy index ")
    assert_no_note(no.seen, where="the no-run")
    # Steps: the ones marked needs_safety are left out after a yes, and only then.
    shown_yes = steps_listed(yes.seen, "Steps to try first")
    shown_no = steps_listed(no.seen, "Steps to try first")
    assert shown_yes == chosen_titles([RATINGS], [True])
    assert shown_no == chosen_titles([RATINGS], [None])
    assert len(shown_yes) == 5 and not MARKED_TITLES & set(shown_yes), shown_yes
    assert MARKED_TITLES & set(shown_no), shown_no


def test_the_ratings_chosen_rank_marked_steps_first_but_for_a_yes() -> None:
    """The premise of the pairs below: without a yes, these ratings (alone, and with the
    partner's) bring marked steps into the five shown, so their absence means something."""
    assert MARKED_TITLES & set(chosen_titles([RATINGS], [None]))
    assert MARKED_TITLES & set(chosen_titles([RATINGS, PARTNER_RATINGS], [None, None]))
    assert not MARKED_TITLES & set(chosen_titles([RATINGS], [True]))


def test_a_yes_opens_the_results_with_the_note_and_holds_marked_steps_back(
    tmp_path: Path,
) -> None:
    runs = solo_pair(tmp_path, "alex.yaml")
    assert_yes_and_no_shown(runs)
    # The answer is in neither file: the two are the same but for the times, and nothing
    # else (no lock, no temporary file) is left.
    yes, no = (runs[answer].folder / "alex.yaml" for answer in ("y", "n"))
    assert contents(runs["y"].folder) == contents(runs["n"].folder) == ["alex.yaml"]
    assert without_times(yes.read_bytes()) == without_times(no.read_bytes())
    assert answers_in(yes.read_bytes()) == ("completed", GIVEN)


def test_a_yes_in_a_sealed_quiz_changes_nothing_in_the_sealed_file(tmp_path: Path) -> None:
    keys = tmp_path / "keys"  # outside the quiz folders, so that those hold only the quiz
    keys.mkdir()
    passphrase_file = keys / "passphrase"
    passphrase_file.write_text(PASSPHRASE + "\n", encoding="utf-8")
    passphrase_file.chmod(0o600)
    runs = solo_pair(tmp_path, "alex.yaml.age", "--seal", "--passphrase-file", str(passphrase_file))
    assert_yes_and_no_shown(runs)
    opened = {}
    for answer in ("y", "n"):
        assert contents(runs[answer].folder) == ["alex.yaml.age"]  # no key, no lock
        sealed = (runs[answer].folder / "alex.yaml.age").read_bytes()
        opened[answer] = pyrage.passphrase.decrypt(sealed, PASSPHRASE)
    assert without_times(opened["y"]) == without_times(opened["n"])
    assert answers_in(opened["y"]) == ("completed", GIVEN)


# --- a couple: the first partner says yes -----------------------------------------------------


@dataclass
class CoupleRun:
    folder: Path
    session: Session
    note: str = ""  # written between the first partner's answer and SAFETY_READ_PROMPT
    seen_by_partner: list[str] = field(default_factory=list)  # snapshots from the hand-over on
    written_after_hand_over: str = ""  # every character written from the hand-over on
    comparison: str = ""  # the terminal at the end, scrollback included
    code: int | None = None


def couple_pair(tmp_path: Path) -> dict[str, CoupleRun]:
    """Two couple quizzes side by side, alike but for the first partner's answer to the
    question (y in one, n in the other); the second partner skips it in both."""
    runs = {}
    for answer in ("y", "n"):
        folder = tmp_path / answer
        folder.mkdir()
        session = Session("quiz", "--couple", "--name", NAME, "--name", PARTNER, cwd=folder)
        runs[answer] = CoupleRun(folder=folder, session=session)
    for rating in RATINGS:
        for run in runs.values():
            run.session.rate(rating)
    for answer, run in runs.items():
        run.session.expect(SAFETY_PROMPT)
        run.session.send(answer)
        if answer == "y":  # the note, then a pause, for the first partner alone
            run.note = run.session.expect(SAFETY_READ_PROMPT)
            run.session.send("")
    for run in runs.values():
        run.session.expect(HAND_OVER_READY)
        start = len(run.session.written)  # from here on, the second partner may look
        run.seen_by_partner.append(run.session.seen())
        run.session.send("")
        for rating in PARTNER_RATINGS:
            run.session.rate(rating)
        run.session.expect(SAFETY_PROMPT)
        run.seen_by_partner.append(run.session.seen())  # the whole turn, before its clear
        run.session.send("")
        run.session.expect(COMPARISON_PROMPT)
        run.seen_by_partner.append(run.session.seen())
        run.session.send("")
        run.code = run.session.end()
        run.comparison = run.session.seen()
        run.seen_by_partner.append(run.comparison)
        run.written_after_hand_over = run.session.written[start:]
    return runs


def plain_text(written: str) -> str:
    """What was written to the terminal, without its escape sequences (colours, clears)."""
    return re.sub(r"\x1b\[[0-?]*[ -/]*[@-~]", "", written).replace("\r", "")


def test_a_partner_sees_nothing_of_the_other_partners_yes(tmp_path: Path) -> None:
    runs = couple_pair(tmp_path)
    yes, no = runs["y"], runs["n"]
    assert yes.code == 0, yes.session.written[-2000:]
    assert no.code == 0, no.session.written[-2000:]
    # The first partner saw the note (the echo of their "y", then heading, said_yes and
    # support), before the screen was cleared for the hand-over.
    assert words(yes.note) == words(
        " ".join(["y", SUPPORT.heading, SUPPORT.said_yes, SUPPORT.support])
    )
    assert no.note == ""
    assert SAFETY_READ_PROMPT not in no.session.written
    # From the hand-over on, on the screen or scrolled back, and in anything written at
    # all: nothing of the note, of the pause after it, or of the first partner's answer.
    hand_over = words(yes.seen_by_partner[0])
    assert f"Thank you, {NAME}. Your answers are saved. Please hand over to {PARTNER}." in hand_over
    for snapshot in [*yes.seen_by_partner, plain_text(yes.written_after_hand_over)]:
        assert_no_note(snapshot, where="seen by the second partner")
        assert words(SAFETY_READ_PROMPT) not in words(snapshot)
        assert SAFETY_PROMPT + "y" not in snapshot
    # The joint steps leave the marked ones out after the first partner's yes, and only then.
    together_yes = steps_listed(yes.comparison, "Steps to try together")
    together_no = steps_listed(no.comparison, "Steps to try together")
    assert together_yes == chosen_titles([RATINGS, PARTNER_RATINGS], [True, None])
    assert together_no == chosen_titles([RATINGS, PARTNER_RATINGS], [None, None])
    assert len(together_yes) == 5 and not MARKED_TITLES & set(together_yes), together_yes
    assert MARKED_TITLES & set(together_no), together_no
    # ...and says nothing of why: up to its steps the comparison is the same as after a no.
    before_steps = [
        words(run.comparison.split("Steps to try together")[0].split(f"{NAME} and {PARTNER}")[1])
        for run in (yes, no)
    ]
    assert before_steps[0] == before_steps[1]
    # Neither answer file holds the answer: the two runs wrote the same files.
    for run in runs.values():
        assert [name.split("-")[0] for name in contents(run.folder)] == [NAME, PARTNER]
    for person in (NAME, PARTNER):
        [with_yes] = yes.folder.glob(f"{person}-*.yaml")
        [with_no] = no.folder.glob(f"{person}-*.yaml")
        assert without_times(with_yes.read_bytes()) == without_times(with_no.read_bytes())
    [alex] = yes.folder.glob(f"{NAME}-*.yaml")
    assert answers_in(alex.read_bytes()) == ("completed", GIVEN)


# --- keys other than y, n and Enter; Ctrl-C; piped input ----------------------------------------


def answer_all(session: Session) -> None:
    for rating in RATINGS:
        session.rate(rating)


def test_another_key_at_the_question_asks_again(tmp_path: Path) -> None:
    session = Session("quiz", "--name", NAME, "--output", "alex.yaml", cwd=tmp_path)
    answer_all(session)
    session.expect(SAFETY_PROMPT)
    session.send("maybe")
    again = session.expect(SAFETY_PROMPT)
    assert [line.strip() for line in again.splitlines() if line.strip()] == [
        "maybe",
        _(quiz_text.SAFETY_NOT_A_KEY),
    ]
    assert _(quiz_text.SAFETY_NOT_A_KEY) == "Please type y or n, or press Enter to skip."
    session.send("y")  # the question, asked again, still takes its answer
    assert session.end() == 0, session.written[-2000:]
    note = words(" ".join([SUPPORT.heading, SUPPORT.said_yes, SUPPORT.support]))
    shown = words(without_rules(after_line(session.seen(), f"Your results, {NAME}")))
    assert shown.startswith(note)


def test_ctrl_c_at_the_question_stops_calmly_and_resume_asks_it_again(tmp_path: Path) -> None:
    path = tmp_path / "alex.yaml"
    session = Session("quiz", "--name", NAME, "--output", path.name, cwd=tmp_path)
    answer_all(session)
    session.expect(SAFETY_PROMPT)
    session.child.sendintr()
    assert session.end() == 130
    stopped = words(session.child.before)
    assert stopped == words(
        f"^C Stopped. Your answers so far are saved in {path.name}. "
        f"To go on later: intimacy-check quiz --resume {path.name}"
    )
    # Every answer is saved; the quiz is not finished until the question is answered.
    assert contents(tmp_path) == [path.name]
    assert answers_in(path.read_bytes()) == ("in-progress", GIVEN)
    assert yaml.safe_load(path.read_bytes())["completed_at"] is None
    # Going on asks no statement again, only the question, and finishes.
    session = Session("quiz", "--resume", path.name, cwd=tmp_path)
    before = session.expect(SAFETY_PROMPT)
    assert RATING_PROMPT not in before
    assert words(_(quiz_text.SAFETY_INTRO)) in words(before)
    assert words(SUPPORT.question) in words(before)
    session.send("y")
    assert session.end() == 0, session.written[-2000:]
    shown = words(without_rules(after_line(session.seen(), f"Your results, {NAME}")))
    assert shown.startswith(words(SUPPORT.heading + " " + SUPPORT.said_yes))
    assert contents(tmp_path) == [path.name]
    assert answers_in(path.read_bytes()) == ("completed", GIVEN)


def test_going_on_after_a_stop_at_the_question_asks_only_the_question(tmp_path: Path) -> None:
    """A quiz stopped at the question has all 20 answers: going on with it promises no
    statement 21, and asks no rating, only the question."""
    path = tmp_path / "alex.yaml"
    # The file as the Ctrl-C test above leaves it, written here to keep this one quick.
    sheet = make_sheet(GIVEN, name=NAME, status="in-progress", version=2)
    path.write_text(format_answer_sheet(sheet, order=SIGN_IDS), encoding="utf-8")
    path.chmod(0o600)
    session = Session("quiz", "--resume", path.name, cwd=tmp_path)
    before = words(session.expect(SAFETY_PROMPT))
    session.send("")
    assert session.end() == 0, session.written[-2000:]
    assert "statement 21" not in before, before
    assert _(quiz_text.STATEMENTS_INTRO, count=20) not in before, before


def test_piped_input_is_never_asked_the_question(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "intimacy_check", "quiz", "--name", NAME, "-o", "alex.yaml"],
        cwd=tmp_path,
        input="".join(f"{rating}\n" for rating in RATINGS),
        capture_output=True,
        text=True,
        timeout=GUARD,  # guards a hang; times nothing
    )
    assert result.returncode == 0, result.stderr
    said = words(result.stdout + result.stderr)
    assert words(SUPPORT.question) not in said
    assert words(_(quiz_text.SAFETY_INTRO)) not in said
    assert SAFETY_PROMPT.strip() not in said
    assert f"Your results, {NAME}" in said
    assert_no_note(said, where="a piped quiz")
    path = tmp_path / "alex.yaml"
    assert answers_in(path.read_bytes()) == ("completed", GIVEN)
