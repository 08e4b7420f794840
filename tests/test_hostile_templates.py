"""A counselor's own template is code: whatever it does, it stays within limits of time,
size and recursion, cannot unescape a name, and gives one line when it fails."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from intimacy_check.cli import app

# The examples as version 1 shipped them: examples/ now holds version 2.
V1_EXAMPLES = Path(__file__).parent / "fixtures" / "v1"
SCRIPT = "<script>alert(1)</script>"
POLICY = '<meta http-equiv="Content-Security-Policy" content="default-src \'none\';'


def _hostile_answers(folder: Path) -> Path:
    text = (V1_EXAMPLES / "alex.yaml").read_text(encoding="utf-8")
    path = folder / "eve.yaml"
    path.write_text(text.replace('respondent: "Alex"', f'respondent: "Eve {SCRIPT}"'))
    return path


def run_template(folder: Path, template: str, *, fmt: str = "html", seconds: str = "2"):  # type: ignore[no-untyped-def]
    path = folder / "t.j2"
    path.write_text(template, encoding="utf-8")
    runner = CliRunner(env={"INTIMACY_CHECK_TEMPLATE_SECONDS": seconds})
    answers = _hostile_answers(folder)
    return runner.invoke(app, ["report", str(answers), "-f", fmt, "--template", str(path)])


@pytest.mark.parametrize(
    ("template", "problem"),
    [
        ("{{ 2 ** 100000 }}", "the template computes a number too big to show"),
        ("{{ 'a' * 10**10 }}", "the template repeats text into something too long to show"),
        (
            "{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}",
            "the template calls itself too deeply (a macro without an end?)",
        ),
        (
            '{% for i in range(99999) %}{{ "x" * 99999 }}{% endfor %}',
            "the template writes more than 8 MiB; a report is far smaller",
        ),
        (
            "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
            "the template took longer than 0.5 seconds and was stopped "
            "(INTIMACY_CHECK_TEMPLATE_SECONDS sets the limit)",
        ),
        ("{{ lipsum(1000000) }}", "'lipsum' is undefined"),
        ("{{ 1/0 }}", "ZeroDivisionError: division by zero"),
        (
            "{% for i in range(10**9) %}x{% endfor %}",
            "OverflowError: Range too big. The sandbox blocks ranges larger than MAX_RANGE "
            "(100000).",
        ),
    ],
    ids=["power", "repeat", "recursion", "size", "time", "lipsum", "division", "range"],
)
@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_a_runaway_template_is_one_line(
    tmp_path: Path, template: str, problem: str, fmt: str
) -> None:
    result = run_template(tmp_path, template, fmt=fmt, seconds="0.5")
    assert result.exit_code == 1, result.output
    assert result.stderr == f"intimacy-check: error: {tmp_path / 't.j2'}: {problem}\n"
    assert result.stdout == ""


@pytest.mark.parametrize(
    "template",
    [
        "{{ people[0].name|safe }}",
        "{% autoescape false %}{{ people[0].name }}{% endautoescape %}",
        "{% autoescape false %}{{ t(m.YOUR_RESULTS, name=people[0].name) }}{% endautoescape %}",
        "{{ heading|safe }}",
        "{% for p in people %}{{ p.name|safe|upper }}{% endfor %}",
    ],
)
def test_a_template_cannot_unescape_a_name(tmp_path: Path, template: str) -> None:
    result = run_template(tmp_path, template)
    assert result.exit_code == 0, result.output
    assert "<script>" not in result.stdout.lower()
    assert "&lt;script&gt;" in result.stdout.lower()


def test_every_html_output_carries_the_policy(tmp_path: Path) -> None:
    page = "<!DOCTYPE html><html><head><title>x</title></head><body>{{ heading }}</body></html>"
    result = run_template(tmp_path, page)
    assert result.exit_code == 0, result.output
    head = result.stdout.split("<head>", 1)[1]
    assert head.startswith(POLICY)
    bare = run_template(tmp_path, "{{ heading }}")
    assert bare.stdout.startswith(POLICY)
    assert bare.stdout.count("Content-Security-Policy") == 1


def test_the_shipped_report_keeps_one_policy(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["report", str(_hostile_answers(tmp_path)), "-f", "html"])
    assert result.exit_code == 0, result.output
    assert result.stdout.count("Content-Security-Policy") == 1
    assert "<script>" not in result.stdout
