"""Exact output for three fixtures, kept under tests/golden/ and compared byte for byte, so
that any change to what people read shows up as a reviewable diff.

Regenerate after an intended change, then read the diff line by line:

    UPDATE_GOLDEN=1 pytest tests/test_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from rendering import ALEX_OVER_TIME, draw, example, progress_of, report_of

from intimacy_check.questionnaire import Questionnaire

GOLDEN = Path(__file__).parent / "golden"
FIXTURES = {
    "one-person": lambda q: report_of(q, [example("alex.yaml")]),
    "couple": lambda q: report_of(q, [example("alex.yaml"), example("sam.yaml")]),
    "three-assessments": lambda q: progress_of(
        q, [(f"examples/{name}", example(name)) for name in ALEX_OVER_TIME]
    ),
}
EXTENSIONS = {"text": "txt", "markdown": "md", "terminal": "terminal.txt"}


@pytest.mark.parametrize("fmt", EXTENSIONS)
@pytest.mark.parametrize("fixture", FIXTURES)
def test_output_matches_its_golden_file(
    questionnaire: Questionnaire, fixture: str, fmt: str
) -> None:
    shown = draw(fmt, FIXTURES[fixture](questionnaire), width=80)
    golden = GOLDEN / f"{fixture}.{EXTENSIONS[fmt]}"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(shown, encoding="utf-8")
    assert golden.exists(), f"no {golden.name}; run UPDATE_GOLDEN=1 pytest tests/test_golden.py"
    assert shown == golden.read_text(encoding="utf-8")
