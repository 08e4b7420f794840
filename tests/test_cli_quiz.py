"""The quiz and report commands through Typer's CliRunner, with piped input."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from intimacy_check.answers import AnswerFileLock
from intimacy_check.cli import app
from intimacy_check.inert import inert

# The examples as version 1 shipped them: examples/ now holds version 2.
V1_EXAMPLES = Path(__file__).resolve().parent / "fixtures" / "v1"
SHIPPED_DATA = Path(__file__).resolve().parent.parent / "data"
ALL_FOURS = "4\n" * 20


def run(*args: str, input: str | None = None, env: dict[str, str] | None = None):  # noqa: A002
    return CliRunner(env=env).invoke(app, list(args), input=input)


def saved(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_piped_quiz_saves_a_completed_file_and_shows_the_summary(tmp_path: Path) -> None:
    out = tmp_path / "alex.yaml"
    # 10 presence statements at 4 score 3/4 each; 10 absence statements at 2 score 3/4 each.
    result = run("quiz", "--name", "Alex", "--output", str(out), input="4\n" * 10 + "2\n" * 10)
    assert result.exit_code == 0, result.stderr
    document = saved(out)
    assert document["status"] == "completed"
    assert document["respondent"] == "Alex"
    assert list(document["answers"].values()) == [4] * 10 + [2] * 10
    assert document["completed_at"] is not None
    assert "Your results, Alex" in result.stdout
    assert "Intimacy index" in result.stdout and " 75" in result.stdout
    assert f"Your answers are saved in {out}" in " ".join(result.stdout.split())
    assert out.stat().st_mode & 0o777 == 0o600


def test_back_replaces_the_previous_answer(tmp_path: Path) -> None:
    out = tmp_path / "a.yaml"
    result = run("quiz", "--name", "A", "-o", str(out), input="4\nb\n2\n" + "3\n" * 19)
    assert result.exit_code == 0, result.stderr
    answers = saved(out)["answers"]
    assert answers["care-for-needs"] == 2
    assert "(your earlier answer: 4. Enter keeps 4)" in result.stdout


def test_back_on_the_first_statement_says_so(tmp_path: Path) -> None:
    result = run("quiz", "--name", "A", "-o", str(tmp_path / "a.yaml"), input="b\nq\n")
    assert "This is the first statement." in result.stdout
    assert result.exit_code == 0


def test_skip_records_null_and_the_summary_still_scores(tmp_path: Path) -> None:
    out = tmp_path / "a.yaml"
    result = run("quiz", "--name", "A", "-o", str(out), input="s\n" + "5\n" * 9 + "1\n" * 10)
    assert result.exit_code == 0, result.stderr
    document = saved(out)
    assert document["answers"]["care-for-needs"] is None
    assert len(document["answers"]) == 20
    # 9 presence answers at 5 and 10 absence answers at 1 all score the maximum.
    assert " 100" in result.stdout


def test_too_many_skips_leave_the_index_incomplete(tmp_path: Path) -> None:
    out = tmp_path / "a.yaml"
    result = run("quiz", "--name", "A", "-o", str(out), input="s\n" * 3 + "4\n" * 17)
    assert result.exit_code == 0
    assert "incomplete" in result.stdout
    assert (
        "No index yet: each section needs at least 8 of its 10 statements rated." in result.stdout
    )


def test_invalid_input_gets_a_hint_and_the_same_statement(tmp_path: Path) -> None:
    out = tmp_path / "a.yaml"
    result = run("quiz", "--name", "A", "-o", str(out), input="7\nhello\n" + ALL_FOURS)
    assert result.exit_code == 0
    assert result.stdout.count("Please type a number from 1 to 5") == 2
    assert result.stdout.count("  1/20 ") == 3
    assert saved(out)["answers"]["care-for-needs"] == 4


def test_question_mark_shows_the_keys(tmp_path: Path) -> None:
    result = run("quiz", "--name", "A", "-o", str(tmp_path / "a.yaml"), input="?\nq\n")
    assert "go back to the previous statement" in result.stdout
    assert "skip this statement" in result.stdout


def test_quit_saves_progress_and_resume_finishes(tmp_path: Path) -> None:
    out = tmp_path / "a.yaml"
    first = run("quiz", "--name", "A", "-o", str(out), input="5\n4\nq\n")
    assert first.exit_code == 0
    told = " ".join(first.stdout.split())
    assert (
        f"Your answers so far are saved in {out}. "
        f"To go on later: intimacy-check quiz --resume {out}"
    ) in told
    document = saved(out)
    assert document["status"] == "in-progress"
    assert document["answers"] == {"care-for-needs": 5, "trust": 4}

    second = run("quiz", "--resume", str(out), input="3\n" * 18)
    assert second.exit_code == 0, second.stderr
    assert "  3/20 " in second.stdout and "  1/20 " not in second.stdout
    assert "Welcome back, A: 2 of 20 answered. Going on with statement 3." in " ".join(
        second.stdout.split()
    )
    document = saved(out)
    assert document["status"] == "completed"
    assert document["answers"]["care-for-needs"] == 5
    assert document["answers"]["trust"] == 4
    assert document["respondent"] == "A"


def test_end_of_input_saves_and_fails_with_a_message(tmp_path: Path) -> None:
    out = tmp_path / "a.yaml"
    result = run("quiz", "--name", "A", "-o", str(out), input="4\n2\n")
    assert result.exit_code == 1
    assert "input ended before the quiz was finished" in result.stderr
    assert f"--resume {out}" in result.stderr
    assert saved(out)["answers"] == {"care-for-needs": 4, "trust": 2}
    assert saved(out)["status"] == "in-progress"


def test_an_existing_file_is_refused_before_the_first_statement(tmp_path: Path) -> None:
    out = tmp_path / "a.yaml"
    out.write_text("keep me", encoding="utf-8")
    result = run("quiz", "--name", "A", "-o", str(out), input=ALL_FOURS)
    assert result.exit_code == 1
    assert "already exists" in result.stderr and "--force" in result.stderr
    assert "1/20" not in result.stdout
    assert out.read_text(encoding="utf-8") == "keep me"


def test_force_replaces_an_existing_file(tmp_path: Path) -> None:
    out = tmp_path / "a.yaml"
    out.write_text("old", encoding="utf-8")
    result = run("quiz", "--name", "A", "-o", str(out), "--force", input=ALL_FOURS)
    assert result.exit_code == 0
    assert saved(out)["status"] == "completed"


def test_a_missing_folder_is_refused_up_front(tmp_path: Path) -> None:
    result = run("quiz", "--name", "A", "-o", str(tmp_path / "nope" / "a.yaml"), input=ALL_FOURS)
    assert result.exit_code == 1
    assert "does not exist" in result.stderr
    assert "1/20" not in result.stdout


def test_the_name_is_asked_and_names_the_default_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("quiz", input="\nSam Lee\n" + ALL_FOURS)
    assert result.exit_code == 0, result.stderr
    assert "the name cannot be empty" in result.stdout
    expected = tmp_path / f"Sam-Lee-{date.today().isoformat()}.yaml"
    assert saved(expected)["respondent"] == "Sam Lee"


def test_resume_with_other_options_is_a_usage_error(tmp_path: Path) -> None:
    result = run("quiz", "--resume", str(V1_EXAMPLES / "alex.yaml"), "--name", "X")
    assert result.exit_code == 2
    assert "leave out --name" in result.stderr


def test_resume_of_a_completed_file_shows_its_summary(tmp_path: Path) -> None:
    copy = tmp_path / "alex.yaml"
    copy.write_bytes((V1_EXAMPLES / "alex.yaml").read_bytes())
    result = run("quiz", "--resume", str(copy))
    assert result.exit_code == 0
    assert "already complete" in result.stdout
    assert "Your results, Alex" in result.stdout


def test_hostile_name_is_shown_as_text_without_control_codes(tmp_path: Path) -> None:
    out = tmp_path / "a.yaml"
    name = "[bold red]Eve[/bold red] \x1b]52;c;aGk=\x07[link=file:///etc/passwd]x[/link]"
    result = run("quiz", "--name", name, "-o", str(out), input=ALL_FOURS)
    assert result.exit_code == 0, result.stderr
    assert "[bold red]Eve[/bold red]" in result.stdout
    assert "[link=file:///etc/passwd]x" in result.stdout
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert (
        saved(out)["respondent"]
        == "[bold red]Eve[/bold red] ]52;c;aGk=[link=file:///etc/passwd]x[/link]"
    )


# --- report ----------------------------------------------------------------------------


def test_report_json_holds_hand_computed_scores() -> None:
    result = run("report", str(V1_EXAMPLES / "alex.yaml"), "--format", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    alex = document["respondents"][0]
    # Presence ratings 4,5,4,3,4,5,2,4,3,4 score 28/4 of 10; absence 2,1,2,4,2,1,2,1,2,3
    # score 30/4 of 10: sections 70 and 75, index 58/80 = 72.5.
    assert alex["name"] == "Alex"
    assert alex["sections"] == {"presence": 70.0, "absence": 75.0}
    assert alex["index"] == 72.5
    assert alex["band"] == "close-with-room-to-grow"
    flags = {sign["id"]: sign["flag"] for sign in alex["signs"]}
    assert flags["beyond-physical"] == "growth"
    assert flags["holding-grudges"] == "warning"
    assert flags["trust"] == "strength"
    assert flags["agree-to-disagree"] == "neutral"
    needs = [step["need"] for step in document["steps"]]
    assert needs == sorted(needs, reverse=True) and all(need > 0 for need in needs)
    # holding-grudges (4) weighs 1 and beyond-physical (2) weighs 1: each listed step has need 1.
    assert {step["need"] for step in document["steps"]} == {1}
    assert document["steps"][0]["addresses"] == ["holding-grudges"]


def test_report_terminal_shows_strengths_by_clear_title() -> None:
    result = run("report", str(V1_EXAMPLES / "alex.yaml"))
    assert result.exit_code == 0
    assert "You let go after arguments" not in result.stdout  # Alex does hold grudges
    assert "You hold on to grudges" in result.stdout
    assert "You trust each other" in result.stdout  # lack-of-trust rated 1: a strength
    assert "You do not trust each other" not in result.stdout
    assert "\x1b[" not in result.stdout


def test_report_of_a_missing_file_is_one_line() -> None:
    result = run("report", "no-such-file.yaml")
    assert result.exit_code == 1
    assert result.stderr == "intimacy-check: error: no-such-file.yaml: no such file\n"


def test_report_of_broken_yaml_names_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: intimacy-check/answers\nanswers: [1, 2\n", encoding="utf-8")
    result = run("report", str(bad))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"intimacy-check: error: {bad}: line ")
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_report_takes_at_most_two_files() -> None:
    alex = str(V1_EXAMPLES / "alex.yaml")
    result = run("report", alex, alex, alex)
    assert result.exit_code == 2
    assert "one answer file, or two" in result.stderr


def test_bad_option_value_is_a_usage_error() -> None:
    result = run("report", str(V1_EXAMPLES / "alex.yaml"), "--format", "xml")
    assert result.exit_code == 2
    assert "xml" in result.stderr


# --- content folder, signs, version --------------------------------------------------------


def test_data_dir_option_and_environment_variable_are_used(tmp_path: Path) -> None:
    for name in ("signs.yaml", "lack_signs.yaml", "steps.yaml"):
        (tmp_path / name).write_bytes((SHIPPED_DATA / name).read_bytes())
    signs = tmp_path / "signs.yaml"
    signs.write_text(
        signs.read_text(encoding="utf-8").replace(
            "title: How close do we feel?", "title: Adapted for our practice"
        ),
        encoding="utf-8",
    )
    by_option = run("signs", "--data-dir", str(tmp_path))
    by_env = run("signs", env={"INTIMACY_CHECK_DATA": str(tmp_path)})
    assert "Adapted for our practice" in by_option.stdout
    assert "Adapted for our practice" in by_env.stdout


def test_broken_content_stops_every_command_with_one_line(tmp_path: Path) -> None:
    for name in ("signs.yaml", "lack_signs.yaml", "steps.yaml"):
        (tmp_path / name).write_bytes((SHIPPED_DATA / name).read_bytes())
    steps = tmp_path / "steps.yaml"
    steps.write_text(steps.read_text(encoding="utf-8").replace("id: go-slow", "id: go-fast"))
    expected = "names the step 'go-slow', which steps.yaml does not define"
    for args in (["signs"], ["report", str(V1_EXAMPLES / "alex.yaml")], ["quiz", "--name", "A"]):
        result = run(*args, "--data-dir", str(tmp_path), input="")
        assert result.exit_code == 1, args
        assert expected in result.stderr
        assert result.stderr.count("\n") == 1


def test_a_missing_data_dir_is_reported(tmp_path: Path) -> None:
    result = run("signs", "--data-dir", str(tmp_path / "missing"))
    assert result.exit_code == 1
    assert "does not exist" in result.stderr


def test_signs_lists_every_statement_and_step() -> None:
    result = run("signs")
    assert result.exit_code == 0
    assert "You trust your partner" in result.stdout
    assert "One of you shares much more" in result.stdout or "uneven-sharing" in result.stdout
    assert "Ways to restore closeness" in result.stdout
    assert result.stdout.count("•") == 6  # the six intimacy-building exercises


def test_version() -> None:
    from intimacy_check import __version__

    result = run("--version")
    assert result.stdout == f"intimacy-check {__version__}\n"


def test_each_section_is_introduced_once_before_its_first_statement(tmp_path: Path) -> None:
    from intimacy_check.questionnaire import load_questionnaire

    presence, absence = load_questionnaire().sections
    result = run("quiz", "--name", "A", "-o", str(tmp_path / "a.yaml"), input=ALL_FOURS)
    out = " ".join(result.stdout.split())
    assert out.count(" ".join(presence.intro.split())) == 1
    assert out.count(" ".join(absence.intro.split())) == 1
    assert out.index(" ".join(absence.intro.split())) < out.index("11/20")
    assert out.index(" ".join(absence.intro.split())) > out.index("10/20")


# --- names with nothing visible ------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["\u202e", "\x1b\x00", "\u2066 \t\u2069"], ids=["bidi", "c0", "isolates"]
)
def test_an_invisible_name_is_a_usage_error(tmp_path: Path, name: str) -> None:
    result = run("quiz", "--name", name, "-o", str(tmp_path / "a.yaml"), input=ALL_FOURS)
    assert result.exit_code == 2
    assert result.stderr == (
        "intimacy-check: error: the name holds only invisible characters "
        "(see 'intimacy-check quiz --help')\n"
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(inert("\u200b") != "", reason="inert does not remove zero-width characters")
def test_a_zero_width_name_is_a_usage_error(tmp_path: Path) -> None:
    result = run("quiz", "--name", "\u200b\ufeff", "-o", str(tmp_path / "a.yaml"))
    assert result.exit_code == 2
    assert "the name holds only invisible characters" in result.stderr


def test_an_invisible_name_at_the_prompt_is_asked_again(tmp_path: Path) -> None:
    out = tmp_path / "a.yaml"
    result = run("quiz", "-o", str(out), input="\u202e\u202d\n  \nRobin\n" + ALL_FOURS)
    assert result.exit_code == 0, result.stderr
    assert "the name holds only invisible characters; please try again." in result.stdout
    assert "the name cannot be empty; please try again." in result.stdout
    assert saved(out)["respondent"] == "Robin"


# --- resume: the lock first, and through a link --------------------------------------------


def _in_progress(path: Path, *, answered: str = "5\n4\nq\n") -> None:
    assert run("quiz", "--name", "A", "-o", str(path), input=answered).exit_code == 0


def test_resume_takes_the_lock_before_it_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from intimacy_check.commands import answering as quiz_command

    out = tmp_path / "a.yaml"
    _in_progress(out)
    locked_when_read = []
    real_read = quiz_command.read_answer_bytes

    def read_and_look(path: Path) -> object:
        locked_when_read.append((tmp_path / ".a.yaml.lock").exists())
        return real_read(path)

    monkeypatch.setattr(quiz_command, "read_answer_bytes", read_and_look)
    result = run("quiz", "--resume", str(out), input="3\n" * 18)
    assert result.exit_code == 0, result.stderr
    assert locked_when_read == [True]
    assert not (tmp_path / ".a.yaml.lock").exists()


def test_a_resume_while_another_quiz_holds_the_file_reads_and_writes_nothing(
    tmp_path: Path,
) -> None:
    out = tmp_path / "a.yaml"
    _in_progress(out)
    with AnswerFileLock(out):
        out.write_text("finished by the other quiz\n", encoding="utf-8")
        result = run("quiz", "--resume", str(out), input="3\n" * 18)
    assert result.exit_code == 1
    assert "another intimacy-check quiz is writing this file right now" in result.stderr
    assert out.read_text(encoding="utf-8") == "finished by the other quiz\n"


def test_resume_through_a_link_finishes_the_file_it_names(tmp_path: Path) -> None:
    real = tmp_path / "kept" / "a.yaml"
    real.parent.mkdir()
    _in_progress(real)
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    result = run("quiz", "--resume", str(link), input="3\n" * 18)
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink()
    document = saved(real)
    assert document["status"] == "completed"
    assert document["answers"]["care-for-needs"] == 5
    assert f"saved in {real}" in " ".join(result.stdout.split())
    assert sorted(path.name for path in real.parent.iterdir()) == ["a.yaml"]


def test_a_new_quiz_with_force_writes_through_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real.yaml"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    result = run("quiz", "--name", "A", "-o", str(link), "--force", input=ALL_FOURS)
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink()
    assert saved(real)["status"] == "completed"


def test_an_answer_file_that_is_a_fifo_is_refused_before_the_first_statement(
    tmp_path: Path,
) -> None:
    fifo = tmp_path / "a.yaml"
    os.mkfifo(fifo)
    result = run("quiz", "--name", "A", "-o", str(fifo), "--force", input=ALL_FOURS)
    assert result.exit_code == 1
    assert result.stderr == (
        f"intimacy-check: error: {fifo}: is not a regular file, so nothing is written over it; "
        "choose another --output\n"
    )
    assert "1/20" not in result.stdout
    assert sorted(path.name for path in tmp_path.iterdir()) == ["a.yaml"]
