"""Fuzzing the loaders: arbitrary bytes and YAML documents may only raise our own errors.

CI runs a bounded number of examples. For a longer run:
    INTIMACY_CHECK_FUZZ_EXAMPLES=20000 pytest tests/test_fuzz.py
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intimacy_check.answers import AnswerSheet, format_answer_sheet, parse_answer_sheet
from intimacy_check.errors import IntimacyCheckError
from intimacy_check.questionnaire import (
    CHANGES_FILE,
    CONTENT_FILES,
    SUPPORT_FILE,
    build_questionnaire,
)
from intimacy_check.strict_yaml import ReadError, decode_text, parse_yaml

EXAMPLES = int(os.environ.get("INTIMACY_CHECK_FUZZ_EXAMPLES", "200"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
DATA = Path(__file__).resolve().parent.parent / "data"
# Every file of a content folder: the three that must be there, and the two that may.
FUZZED = (*CONTENT_FILES, SUPPORT_FILE, CHANGES_FILE)
ANSWERS = (Path(__file__).resolve().parent.parent / "examples" / "alex.yaml").read_bytes()

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-10, 10),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.sampled_from(["completed", "in-progress", "intimacy-check/answers", "2026-11-20T10:00:00Z"]),
)
documents = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(
            st.one_of(
                st.text(max_size=12),
                st.sampled_from(
                    ["format", "version", "respondent", "answers", "status", "trust", "signs"]
                ),
            ),
            children,
            max_size=6,
        ),
    ),
    max_leaves=30,
)


def load_answers(content: bytes) -> None:
    """Parse the bytes as an answer file; an accepted file must round-trip."""
    try:
        document = parse_yaml(decode_text(content, source="f.yaml"), source="f.yaml")
    except ReadError:
        return
    sheet = parse_answer_sheet(document, source="f.yaml")
    assert_round_trips(sheet)


def assert_round_trips(sheet: AnswerSheet) -> None:
    """The oracle: an accepted sheet, written back and read again, is the same sheet."""
    written = format_answer_sheet(sheet, order=tuple(sheet.answers))
    again = parse_answer_sheet(parse_yaml(written, source="again.yaml"), source="again.yaml")
    assert _fields(again) == _fields(sheet)


def _fields(sheet: AnswerSheet) -> tuple[Any, ...]:
    return (
        sheet.respondent,
        sheet.questionnaire_id,
        sheet.questionnaire_version,
        sheet.started_at,
        sheet.status,
        sheet.completed_at,
        dict(sheet.answers),
    )


@FUZZ
@given(content=st.binary(max_size=400))
def test_arbitrary_bytes_raise_only_our_errors(content: bytes) -> None:
    try:
        load_answers(content)
    except IntimacyCheckError:
        pass


@FUZZ
@given(position=st.integers(0, len(ANSWERS) - 1), replacement=st.binary(min_size=1, max_size=8))
def test_mutated_answer_files_raise_only_our_errors(position: int, replacement: bytes) -> None:
    content = ANSWERS[:position] + replacement + ANSWERS[position + len(replacement) :]
    try:
        load_answers(content)
    except IntimacyCheckError:
        pass


@FUZZ
@given(document=documents)
def test_arbitrary_yaml_documents_raise_only_our_errors(document: Any) -> None:
    text = yaml.safe_dump(document, allow_unicode=True)
    try:
        load_answers(text.encode("utf-8"))
    except IntimacyCheckError:
        pass


@FUZZ
@given(which=st.sampled_from(FUZZED), document=documents)
def test_arbitrary_content_documents_raise_only_content_errors(which: str, document: Any) -> None:
    shipped = {name: yaml.safe_load((DATA / name).read_text(encoding="utf-8")) for name in FUZZED}
    shipped[which] = document
    try:
        build_questionnaire(shipped, folder=DATA)
    except IntimacyCheckError:
        pass


@FUZZ
@given(
    which=st.sampled_from(FUZZED),
    position=st.integers(0, 2000),
    replacement=st.text(min_size=1, max_size=6),
)
def test_mutated_content_files_raise_only_our_errors(
    which: str, position: int, replacement: str
) -> None:
    texts = {name: (DATA / name).read_text(encoding="utf-8") for name in FUZZED}
    original = texts[which]
    position = min(position, len(original))
    texts[which] = original[:position] + replacement + original[position + len(replacement) :]
    try:
        parsed = {name: parse_yaml(text, source=name) for name, text in texts.items()}
        build_questionnaire(parsed, folder=DATA)
    except (IntimacyCheckError, ReadError):
        pass


def test_the_oracle_can_fail() -> None:
    """A sheet that would not survive writing is caught (the oracle is not vacuous)."""
    sheet = parse_answer_sheet(parse_yaml(ANSWERS.decode("utf-8"), source="a"), source="a")
    assert_round_trips(sheet)
    changed = AnswerSheet(
        respondent=sheet.respondent + "\n",  # written back as one line, it comes back changed
        questionnaire_id=sheet.questionnaire_id,
        questionnaire_version=sheet.questionnaire_version,
        started_at=sheet.started_at,
        status=sheet.status,
        completed_at=sheet.completed_at,
        answers=sheet.answers,
    )
    try:
        assert_round_trips(changed)
    except (AssertionError, IntimacyCheckError):
        return
    raise AssertionError("a sheet that changes when written back passed the oracle")
