"""The counselor's report in text, Markdown and JSON, the output options, and hostile names."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rendering import draw
from typer.testing import CliRunner

from intimacy_check.answers import AnswerSheet, read_answer_sheet
from intimacy_check.cli import app
from intimacy_check.commands.report import choose_destination
from intimacy_check.documents.personal import personal_document
from intimacy_check.documents.report import ReportDocument, report_document
from intimacy_check.errors import UsageError
from intimacy_check.formats.templates import markdown_escape
from intimacy_check.inert import inert
from intimacy_check.report import build_report
from intimacy_check.versions import shipped_version

# The examples as version 1 shipped them: examples/ now holds version 2.
V1_EXAMPLES = Path(__file__).resolve().parent / "fixtures" / "v1"
ALEX, SAM = str(V1_EXAMPLES / "alex.yaml"), str(V1_EXAMPLES / "sam.yaml")
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

HOSTILE_NAMES = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[link=file:///etc/passwd]x[/link] [bold]",
    "Pipe | breaks | tables",
    "Line\nbreak\rreturn",
    "Esc \x1b]52;c;aGk=\x07 bell \x1b[31mred",
    "A" * 100,
]


V1 = shipped_version(1)  # the questionnaire the version-1 examples answer


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def sheets(first_name: str = "Alex", second_name: str | None = "Sam") -> list[AnswerSheet]:
    first = replace(read_answer_sheet(Path(ALEX)), respondent=first_name)
    if second_name is None:
        return [first]
    return [first, replace(read_answer_sheet(Path(SAM)), respondent=second_name)]


def document_for(*names: str | None) -> ReportDocument:
    return report_document(build_report(V1, sheets(*names)), steps=5)


# --- text ---------------------------------------------------------------------------------


def test_text_report_for_a_couple_has_every_part_in_order() -> None:
    text = draw("text", document_for("Alex", "Sam"))
    headings = [
        "HOW TO READ THIS REPORT",
        "SCORES",
        "STATEMENTS",
        "WHAT THE ANSWERS SHOW",
        "RECOMMENDED STEPS",
        "NOTES",
    ]
    positions = [text.index(heading) for heading in headings]
    assert positions == sorted(positions)
    assert text.startswith("Emotional intimacy report: Alex and Sam\n")
    assert "- Alex: completed 2026-11-20" in text
    assert "- Questionnaire: emotional-intimacy, version 1" in text
    assert "  Intimacy index          [##############------] 72" in text
    assert "  Intimacy index          [##########----------] 48" in text
    assert (
        "Couple agreement: 35%. 7 of the 20 statements you both rated are a strength for both "
        "of you."
    ) in " ".join(text.split())
    assert "- Alex rates the signs of closeness somewhat higher than Sam does." in text
    assert "- Sam notices the warning signs much more than Alex does." in text
    assert re.search(
        r"\nYou hold on to grudges +4 warning sign +4 warning sign +shared growth\n", text
    )
    assert "To talk about: What helps each of you feel ready to let go" in text
    assert "1. Share openly, listen fully" in text
    assert "   For: You hold on to grudges (from both of your answers)" in text
    assert "not a clinical assessment" in text
    assert "contact local support services" in text


def test_text_report_lines_stay_within_100_characters_and_hold_no_escapes() -> None:
    for names in (("Alex", "Sam"), ("Alex", None), ("W" * 100, "X" * 100)):
        text = draw("text", document_for(*names))
        assert max(len(line) for line in text.splitlines()) <= 100
        assert "\x1b" not in text


def test_single_text_report_has_no_couple_parts() -> None:
    text = draw("text", document_for("Alex", None))
    assert "Couple agreement" not in text
    assert "Together" not in text
    assert "Seen differently" not in text
    assert "Growth areas\n  - Closeness beyond the bedroom" in text


# --- markdown -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("a|b", "a\\|b"),
        ("<img src=x>", "&lt;img src=x&gt;"),
        ("**bold** _it_", "\\*\\*bold\\*\\* \\_it\\_"),
        ("[x](http://e.test)", "\\[x\\](http:\\/\\/e.test)"),
        ("# heading", "\\# heading"),
        ("- item", "\\- item"),
        ("12. item", "12\\. item"),
        ("two\nlines", "two lines"),
        ("2026-11-20", "2026-11-20"),
        (None, ""),
    ],
)
def test_markdown_escape(raw: str | None, escaped: str) -> None:
    assert markdown_escape(raw) == escaped


def test_markdown_tables_keep_their_columns_with_a_pipe_in_a_name() -> None:
    markdown = draw("markdown", document_for("Al|ex", "Sam"))
    table_lines = [line for line in markdown.splitlines() if line.startswith("| ")]
    assert table_lines
    for line in table_lines:
        cells = re.split(r"(?<!\\)\|", line)
        header_cells = None
        if "Statement" in line:
            header_cells = len(cells)
        if header_cells:
            assert header_cells == 6  # '', Statement, two people, Together, ''
    statements = [line for line in table_lines if "You trust your partner" in line]
    assert len(re.split(r"(?<!\\)\|", statements[0])) == 6
    assert "Al\\|ex" in markdown


def test_markdown_report_structure() -> None:
    markdown = draw("markdown", document_for("Alex", "Sam"))
    for heading in (
        "# Emotional intimacy report: Alex and Sam",
        "## How to read this report",
        "## Scores",
        "## Statements",
        "## What the answers show",
        "## Recommended steps",
        "## Notes",
    ):
        assert f"\n{heading}\n" in f"\n{markdown}"
    assert "| Intimacy index | 72 | 48 |" in markdown
    assert (
        "**Couple agreement: 35%. 7 of the 20 statements you both rated are a strength for both "
        "of you.**"
    ) in markdown


# --- hostile names in every format -------------------------------------------------------------


@pytest.mark.parametrize("name", HOSTILE_NAMES)
@pytest.mark.parametrize("fmt", ["text", "markdown", "json", "html"])
def test_hostile_names_stay_inert(fmt: str, name: str) -> None:
    questionnaire = V1
    document = report_document(build_report(questionnaire, sheets(name, "Sam")), steps=5)
    output = draw(fmt, document)
    assert not CONTROL.search(output.replace("\n", "").replace("\t", "")), fmt
    if fmt in ("markdown", "html"):
        assert "<script>" not in output
        assert "<img src=x" not in output
    if fmt == "markdown":
        assert "[link=" not in output.replace("\\[link=", "")  # every bracket is escaped
    if fmt == "json":
        # Every format shows the same name: the one made inert for people to read.
        assert json.loads(output)["respondents"][0]["name"] == inert(name)
    if fmt == "text":
        assert max(len(line) for line in output.splitlines()) <= 100


@settings(max_examples=60, deadline=None)
@given(name=st.text(min_size=1, max_size=60).filter(lambda text: text.strip()))
def test_any_name_renders_without_control_characters(name: str) -> None:
    questionnaire = V1
    document = report_document(build_report(questionnaire, sheets(name, None)), steps=5)
    for fmt in ("text", "markdown", "html", "json"):
        output = draw(fmt, document)
        assert not CONTROL.search(output.replace("\n", "").replace("\t", "")), fmt


def test_terminal_report_escapes_rich_markup(tmp_path: Path) -> None:
    questionnaire = V1
    report = build_report(questionnaire, sheets("[bold]Eve[/bold] \x1b[31m", None))
    shown = draw("terminal", personal_document(report))
    assert "Your results, [bold]Eve[/bold] [31m" in shown
    assert "\x1b" not in shown


# --- choosing the format and the target ---------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "output", "tty", "expected"),
    [
        (None, None, True, "terminal"),
        (None, None, False, "text"),
        (None, "r.html", True, "html"),
        (None, "r.HTM", True, "html"),
        (None, "r.md", True, "markdown"),
        (None, "r.txt", True, "text"),
        (None, "r.json", True, "json"),
        ("json", "r.txt", True, "json"),
        (None, "-", True, "terminal"),
        ("html", "-", False, "html"),
    ],
)
def test_choose_destination(fmt: str | None, output: str | None, tty: bool, expected: str) -> None:
    destination = choose_destination(
        fmt, None if output is None else Path(output), template=None, stdout_is_terminal=tty
    )
    assert destination.format.name == expected
    assert destination.path == (None if output in (None, "-") else Path(output))


@pytest.mark.parametrize(
    ("fmt", "output", "template", "message"),
    [
        (
            None,
            "r.odt",
            None,
            "cannot tell the format from 'r.odt'; add --format "
            "(text, markdown, html, pdf, json or fhir)",
        ),
        ("terminal", "r.txt", None, "cannot be written to a file"),
        (
            "json",
            None,
            "t.j2",
            "--template works with --format markdown or --format html or --format pdf",
        ),
    ],
)
def test_choose_destination_refusals(
    fmt: str | None, output: str | None, template: str | None, message: str
) -> None:
    with pytest.raises(UsageError, match=re.escape(message)):
        choose_destination(
            fmt,
            None if output is None else Path(output),
            template=None if template is None else Path(template),
            stdout_is_terminal=False,
        )


def test_report_to_a_file_is_private_and_not_overwritten(tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    first = run("report", ALEX, SAM, "-o", str(out))
    assert first.exit_code == 0, first.stderr
    assert out.read_text(encoding="utf-8").startswith("# Emotional intimacy report: Alex and Sam")
    assert out.stat().st_mode & 0o777 == 0o600
    assert f"Report saved in {out}" in first.stderr
    assert first.stdout == ""
    second = run("report", ALEX, "-o", str(out))
    assert second.exit_code == 1
    assert "already exists; use --force to replace it" in second.stderr
    assert "Alex and Sam" in out.read_text(encoding="utf-8")
    third = run("report", ALEX, "-o", str(out), "--force")
    assert third.exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# Emotional intimacy report: Alex\n")


def test_dash_output_writes_to_stdout() -> None:
    result = run("report", ALEX, "-o", "-", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["respondents"][0]["name"] == "Alex"


def test_piped_report_defaults_to_plain_text() -> None:
    result = run("report", ALEX)
    assert result.stdout.startswith("Emotional intimacy report: Alex\n")
    assert "\x1b" not in result.stdout


def test_steps_option_limits_the_shown_steps_but_not_json() -> None:
    text = run("report", ALEX, SAM, "--steps", "2", "-f", "text").stdout
    assert "\n2. " in text and "\n3. " not in text
    document = json.loads(run("report", ALEX, SAM, "--steps", "2", "-f", "json").stdout)
    assert len(document["steps"]) > 2
    assert all(step["need"] > 0 for step in document["steps"])


def test_counselor_template_is_used_and_escaped(tmp_path: Path) -> None:
    template = tmp_path / "mine.md.j2"
    template.write_text(
        "Clients: {{ names }}\n{% for p in people %}- {{ p.name }}: {{ p.index.label }}\n"
        "{% endfor %}",
        encoding="utf-8",
    )
    hostile = tmp_path / "alex.yaml"
    hostile.write_text(
        Path(ALEX).read_text(encoding="utf-8").replace('"Alex"', '"Al|ex"'), encoding="utf-8"
    )
    result = run("report", str(hostile), "-f", "markdown", "--template", str(template))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "Clients: Al\\|ex\n- Al\\|ex: 72\n"


def test_a_broken_counselor_template_is_one_line(tmp_path: Path) -> None:
    template = tmp_path / "broken.html.j2"
    template.write_text("<p>{{ names </p>\n", encoding="utf-8")
    result = run("report", ALEX, "-f", "html", "--template", str(template))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"intimacy-check: error: {template} (line 1): ")
    assert result.stderr.count("\n") == 1


def test_an_unknown_field_in_a_counselor_template_is_reported(tmp_path: Path) -> None:
    template = tmp_path / "typo.md.j2"
    template.write_text("{{ peeple }}\n", encoding="utf-8")
    result = run("report", ALEX, "-f", "markdown", "--template", str(template))
    assert result.exit_code == 1
    assert "'peeple' is undefined" in result.stderr


def test_terminal_report_has_all_parts_in_80_columns() -> None:
    result = CliRunner(env={"COLUMNS": "80"}).invoke(
        app, ["report", ALEX, SAM, "--format", "terminal"]
    )
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    for heading in (
        "Emotional intimacy report: Alex and Sam",
        "How to read this report",
        "Scores",
        "Statements",
        "What the answers show",
        "Recommended steps",
        "Notes",
    ):
        assert heading in out
    assert (
        "Couple agreement: 35%. 7 of the 20 statements you both rated are a strength for both "
        "of you."
    ) in " ".join(out.split())
    assert re.search(r"You hold on to grudges +4 warning sign +4 warning sign +shared growth", out)
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "contact local support services" in " ".join(out.split())


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "terminal"])
def test_steps_zero_hides_the_steps_without_saying_none_are_needed(fmt: str) -> None:
    result = run("report", ALEX, "--steps", "0", "--format", fmt)
    assert result.exit_code == 0
    assert "None of the answers calls for a particular step" not in result.stdout
    assert "Let the past rest" not in result.stdout
    assert "Steps are left out of this report (--steps 0)." in " ".join(result.stdout.split())


def test_a_report_may_not_replace_the_answer_file_it_reads(tmp_path: Path) -> None:
    victim = tmp_path / "alex.yaml"
    victim.write_bytes(Path(ALEX).read_bytes())
    result = run("report", str(victim), "-f", "json", "-o", str(victim), "--force")
    assert result.exit_code == 2
    assert "is one of the answer files being read" in result.stderr
    assert victim.read_bytes() == Path(ALEX).read_bytes()


def test_displayed_scores_never_reach_a_band_they_are_not_in(tmp_path: Path) -> None:
    # One statement skipped per section. Signs of closeness all 3 (2 quarters each, 18);
    # warning signs eight at 2 (3 quarters each) and one at 4 (1 quarter): 25. The index
    # is 100 x 43 / 72 = 59.72, in "Finding your way back", so it must not show as 60.

    presence, absence = V1.sections
    ratings = ["null"] + ["3"] * 9 + ["null"] + ["2"] * 8 + ["4"]
    ids = [sign.id for sign in (*presence.signs, *absence.signs)]
    text = Path(ALEX).read_text(encoding="utf-8")
    for sign_id, rating in zip(ids, ratings, strict=True):
        text = re.sub(rf"(?m)^  {sign_id}: .*$", f"  {sign_id}: {rating}", text)
    edge = tmp_path / "edge.yaml"
    edge.write_text(text, encoding="utf-8")
    document = json.loads(run("report", str(edge), "-f", "json").stdout)
    assert document["respondents"][0]["index"] == 59.7
    assert document["respondents"][0]["band"] == "finding-your-way"
    shown = run("report", str(edge), "-f", "text").stdout
    assert "  Intimacy index          [############--------] 59\n" in shown


# --- -o targets that are not regular files -------------------------------------------------


def run_process(*args: str) -> subprocess.CompletedProcess[str]:
    """The real command line, with a pipe as stdout (the timeout guards a hang, nothing more)."""
    return subprocess.run(
        [sys.executable, "-m", "intimacy_check", *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _dev_null() -> Path:
    path = Path("/dev/null")
    if not stat.S_ISCHR(os.stat(path).st_mode):
        pytest.skip("this system has no /dev/null")
    return path


def test_a_report_to_dev_null_is_written_in_place() -> None:
    null = _dev_null()
    result = run_process("report", ALEX, "-f", "json", "-o", str(null))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert stat.S_ISCHR(os.lstat(null).st_mode)


def test_a_device_needs_no_format_and_gets_plain_text() -> None:
    """/dev/null has no extension to tell a format by; like a pipe, it gets text."""
    null = _dev_null()
    result = run_process("report", ALEX, "-o", str(null), "--force")
    assert (result.returncode, result.stderr) == (0, "Report saved in /dev/null\n")
    assert stat.S_ISCHR(os.lstat(null).st_mode)


def test_force_through_a_link_to_a_device_keeps_the_link_and_the_device(tmp_path: Path) -> None:
    link = tmp_path / "out.txt"
    link.symlink_to(_dev_null())
    result = run_process("report", ALEX, "-o", str(link), "--force")
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == "/dev/null"
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out.txt"]


def _fifo(folder: Path) -> Path:
    path = folder / "report.txt"
    os.mkfifo(path)
    return path


def _link_to_fifo(folder: Path) -> Path:
    link = folder / "link.txt"
    link.symlink_to(_fifo(folder))
    return link


@pytest.mark.parametrize("make", [_fifo, _link_to_fifo], ids=["fifo", "link-to-fifo"])
def test_a_report_over_a_fifo_is_refused_without_blocking(tmp_path: Path, make) -> None:
    target = make(tmp_path)
    result = run_process("report", ALEX, "-o", str(target), "--force")
    assert result.returncode == 1
    assert result.stderr == (
        f"intimacy-check: error: {target}: is not a regular file, so nothing is written over "
        "it; choose another --output\n"
    )
    assert result.stdout == ""
    assert stat.S_ISFIFO(os.stat(target).st_mode)


def test_dev_stdout_that_is_a_pipe_is_refused_not_replaced() -> None:
    if not os.path.islink("/dev/stdout"):
        pytest.skip("this system has no /dev/stdout link")
    result = run_process("report", ALEX, "-f", "json", "-o", "/dev/stdout", "--force")
    assert result.returncode == 1
    assert "/dev/stdout: is not a regular file, so nothing is written over it" in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert os.path.islink("/dev/stdout")


def test_dev_stdout_that_is_a_terminal_is_written_in_place(tmp_path: Path) -> None:
    pexpect = pytest.importorskip("pexpect")
    from helpers import spawn_cli

    if not os.path.islink("/dev/stdout"):
        pytest.skip("this system has no /dev/stdout link")
    child = spawn_cli("report", ALEX, "-f", "json", "-o", "/dev/stdout", "--force", cwd=tmp_path)
    child.expect('"name": "Alex"')
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert os.path.islink("/dev/stdout")
