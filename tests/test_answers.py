"""Answer files: writing and reading back, private atomic saves, and strict validation."""

from __future__ import annotations

import errno
import os
import stat
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pytest
from helpers import (
    COMPLETED_AT,
    PLUS_ONE,
    STARTED_AT,
    all_sign_ids,
    make_sheet,
    run_unprivileged,
    uniform,
)

from intimacy_check import answers
from intimacy_check.answers import (
    IN_PROGRESS,
    AnswerFileLock,
    AnswerSheet,
    check_matches,
    check_writable,
    format_answer_sheet,
    parse_answer_sheet,
    read_answer_sheet,
    write_private,
)
from intimacy_check.errors import AnswerFileError, SaveError
from intimacy_check.inert import inert
from intimacy_check.strict_yaml import parse_yaml

SOURCE = "alex.yaml"

# --- writing and reading back -------------------------------------------------------------


def _round_trip(sheet: AnswerSheet) -> AnswerSheet:
    text = format_answer_sheet(sheet, order=all_sign_ids())
    return parse_answer_sheet(parse_yaml(text, source=SOURCE), source=SOURCE)


@pytest.mark.parametrize(
    "name",
    [
        "Alex",
        'Alex "Lex" O\'Brien',
        "Zoë 李小龍 🙂",
        "Sam: the one",
        "#1 fan",
        "Sam # not a comment",
        "Esc\x1b[31mRed",
        "back\\slash",
        "null",
        "yes",
        "123",
        "- dash",
        "{braces}",
        "&anchor *alias",
        "x" * 100,
    ],
    ids=[
        "plain",
        "quotes",
        "unicode",
        "colon-space",
        "hash-first",
        "hash-inside",
        "escape-character",
        "backslash",
        "null-word",
        "yes-word",
        "digits",
        "dash",
        "braces",
        "anchor-like",
        "longest",
    ],
)
def test_round_trip_keeps_the_name(name: str) -> None:
    sheet = make_sheet({**uniform(3), "trust": None}, name=name)
    back = _round_trip(sheet)
    assert back == sheet
    assert back.respondent == name


@pytest.mark.parametrize("name", ["Al\x7fex", "Al\ufffeex"], ids=["delete", "non-character"])
def test_round_trip_of_characters_yaml_forbids_raw(name: str) -> None:
    # json.dumps(ensure_ascii=False) leaves these unescaped, and YAML refuses them raw.
    sheet = make_sheet(uniform(4), name=name)
    assert _round_trip(sheet) == sheet


def test_round_trip_in_progress_sheet() -> None:
    sheet = make_sheet({"trust": 4, "care-for-needs": None}, status=IN_PROGRESS)
    back = _round_trip(sheet)
    assert back == sheet
    assert back.completed_at is None
    assert dict(back.answers) == {"care-for-needs": None, "trust": 4}


def test_round_trip_keeps_the_time_zone() -> None:
    back = _round_trip(make_sheet(uniform(2)))
    assert back.started_at == STARTED_AT
    assert back.completed_at == COMPLETED_AT
    assert back.started_at.utcoffset() == timedelta(hours=1)


def test_round_trip_empty_answers() -> None:
    sheet = make_sheet({}, status=IN_PROGRESS)
    assert "answers: {}\n" in format_answer_sheet(sheet, order=all_sign_ids())
    assert _round_trip(sheet) == sheet


def test_format_answer_sheet_exact_text() -> None:
    sheet = make_sheet(
        {"uneven-sharing": 2, "trust": None, "care-for-needs": 5},
        name='Sam "S"',
        status=IN_PROGRESS,
    )
    assert format_answer_sheet(sheet, order=all_sign_ids()) == (
        "# intimacy-check answers. These are personal: "
        "share this file only with people you trust.\n"
        "format: intimacy-check/answers\n"
        "version: 2\n"
        "questionnaire:\n"
        '  id: "emotional-intimacy"\n'
        "  version: 1\n"
        'respondent: "Sam \\"S\\""\n'
        "status: in-progress\n"
        "language: en\n"
        "started_at: 2026-01-31T20:15:00+01:00\n"
        "completed_at: null\n"
        "answers:\n"
        "  care-for-needs: 5\n"
        "  trust: null\n"
        "  uneven-sharing: 2\n"
    )


# --- private, atomic saving ---------------------------------------------------------------

TEXT = 'format: intimacy-check/answers\nrespondent: "Zoë"\n'


def test_write_private_mode_and_content(tmp_path: Path) -> None:
    path = tmp_path / "alex.yaml"
    write_private(path, TEXT)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_bytes() == TEXT.encode("utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["alex.yaml"]


def test_write_private_replaces_a_readable_file(tmp_path: Path) -> None:
    path = tmp_path / "alex.yaml"
    path.write_text("old\n", encoding="utf-8")
    path.chmod(0o644)
    write_private(path, TEXT)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_text(encoding="utf-8") == TEXT


def test_failed_rename_keeps_the_previous_copy(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "alex.yaml"
    path.write_text("previous\n", encoding="utf-8")

    def refuse(source, target):
        raise OSError(errno.EXDEV, os.strerror(errno.EXDEV))

    monkeypatch.setattr(answers.os, "replace", refuse)
    with pytest.raises(SaveError) as caught:
        write_private(path, TEXT)
    assert caught.value.message == (
        f"{path}: could not be saved ({os.strerror(errno.EXDEV)}); the previous copy is unchanged"
    )
    assert path.read_text(encoding="utf-8") == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["alex.yaml"]


def test_full_disk_keeps_the_previous_copy(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "alex.yaml"
    path.write_text("previous\n", encoding="utf-8")
    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, stream) -> None:
            self.stream = stream

        def __enter__(self):
            return self

        def __exit__(self, *exc) -> None:
            self.stream.close()

        def write(self, text: str) -> int:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(answers.os, "fdopen", lambda *a, **k: FullDisk(real_fdopen(*a, **k)))
    with pytest.raises(SaveError) as caught:
        write_private(path, TEXT)
    assert caught.value.message == (
        f"{path}: could not be saved (No space left on device); the previous copy is unchanged"
    )
    assert path.read_text(encoding="utf-8") == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["alex.yaml"]


def test_interrupted_save_leaves_no_temporary_file(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "alex.yaml"

    def interrupt(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(answers.os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_private(path, TEXT)
    assert list(tmp_path.iterdir()) == []


def test_save_into_a_missing_folder(tmp_path: Path) -> None:
    path = tmp_path / "missing" / "alex.yaml"
    with pytest.raises(SaveError) as caught:
        write_private(path, TEXT)
    assert caught.value.message == f"{path}: cannot save here (No such file or directory)"


# --- checking the output path before the quiz ---------------------------------------------


def test_existing_file_needs_force(tmp_path: Path) -> None:
    path = tmp_path / "alex.yaml"
    path.write_text("x\n", encoding="utf-8")
    with pytest.raises(SaveError) as caught:
        check_writable(path, force=False)
    assert caught.value.message == (
        f"{path}: already exists; use --force to replace it, or --resume {path} to go on with it"
    )
    assert "already exists" in caught.value.message and "--force" in caught.value.message


def test_existing_file_with_force_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "alex.yaml"
    path.write_text("x\n", encoding="utf-8")
    assert check_writable(path, force=True) is None
    assert path.read_text(encoding="utf-8") == "x\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["alex.yaml"]


def test_new_file_in_a_writable_folder_is_fine(tmp_path: Path) -> None:
    assert check_writable(tmp_path / "new.yaml", force=False) is None
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "nope" / "alex.yaml"
    with pytest.raises(SaveError) as caught:
        check_writable(path, force=False)
    assert caught.value.message == (
        f"{path}: the folder {tmp_path / 'nope'} does not exist; create it first"
    )


def test_parent_that_is_a_file_is_refused(tmp_path: Path) -> None:
    parent = tmp_path / "notes.txt"
    parent.write_text("x\n", encoding="utf-8")
    path = parent / "alex.yaml"
    with pytest.raises(SaveError) as caught:
        check_writable(path, force=True)
    assert caught.value.message == f"{path}: {parent} is not a folder"


@pytest.mark.parametrize("force", [False, True])
def test_path_that_is_a_folder_is_refused(tmp_path: Path, force: bool) -> None:
    with pytest.raises(SaveError) as caught:
        check_writable(tmp_path, force=force)
    assert caught.value.message == f"{tmp_path}: is a folder; give a file name with --output"


def test_unwritable_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    path = folder / "alex.yaml"
    probe = (
        "from pathlib import Path\n"
        "from intimacy_check.answers import check_writable\n"
        "from intimacy_check.errors import SaveError\n"
        "try:\n"
        f"    check_writable(Path({str(path)!r}), force=False)\n"
        "except SaveError as error:\n"
        "    print(error.message)\n"
    )
    try:
        refused = run_unprivileged(probe)
    finally:
        folder.chmod(0o700)
    assert refused == (
        f"{path}: cannot write in {folder} (Permission denied); choose another place with --output"
    )


def test_unwritable_folder_message(tmp_path: Path, monkeypatch) -> None:
    # The same refusal, simulated, so that it is checked even when running as root.
    import tempfile

    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(tempfile, "TemporaryFile", denied)
    path = tmp_path / "alex.yaml"
    with pytest.raises(SaveError) as caught:
        check_writable(path, force=False)
    assert caught.value.message == (
        f"{path}: cannot write in {tmp_path} (Permission denied); "
        "choose another place with --output"
    )


# --- strict reading -----------------------------------------------------------------------


def _document(**changes: Any) -> dict[str, Any]:
    """A valid parsed answer file, with some keys changed (or removed when given `...`)."""
    document: dict[str, Any] = {
        "format": "intimacy-check/answers",
        "version": 1,
        "questionnaire": {"id": "emotional-intimacy", "version": 1},
        "respondent": "Alex",
        "status": "completed",
        "started_at": STARTED_AT,
        "completed_at": COMPLETED_AT,
        "answers": dict(uniform(3)),
    }
    document.update(changes)
    return {key: value for key, value in document.items() if value is not ...}


def _rejected(document: Any) -> str:
    with pytest.raises(AnswerFileError) as caught:
        parse_answer_sheet(document, source=SOURCE)
    return caught.value.message


def test_valid_document_is_accepted() -> None:
    assert parse_answer_sheet(_document(), source=SOURCE) == make_sheet(uniform(3))


@pytest.mark.parametrize(
    ("document", "kind"),
    [
        (None, "empty"),
        ([], "a list"),
        ([{"format": "intimacy-check/answers"}], "a list"),
        (4, "a number"),
        (4.5, "a number"),
        ("answers", "a piece of text"),
        (True, "a true/false value"),
    ],
)
def test_not_a_mapping(document: Any, kind: str) -> None:
    assert _rejected(document) == f"{SOURCE}: is {kind}, not an intimacy-check answer file"


@pytest.mark.parametrize("value", [..., "intimacy-check/report", None, 1])
def test_wrong_or_missing_format(value: Any) -> None:
    assert _rejected(_document(format=value)) == (
        f"{SOURCE}: is not an intimacy-check answer file "
        "(it needs 'format: intimacy-check/answers')"
    )


def test_unknown_key() -> None:
    assert _rejected(_document(notes="hi")) == f"{SOURCE}: unknown key 'notes'"


@pytest.mark.parametrize("value", [..., 0, -1, "1", True, 1.0])
def test_bad_version(value: Any) -> None:
    assert _rejected(_document(version=value)) == (
        f"{SOURCE}: 'version' must be a whole number, such as 3"
    )


def test_newer_version() -> None:
    assert _rejected(_document(version=4)) == (
        f"{SOURCE}: was made by a newer version of intimacy-check (file format 4); "
        "please upgrade intimacy-check to read it"
    )


@pytest.mark.parametrize(
    "value",
    [
        ...,
        "emotional-intimacy",
        {"id": "emotional-intimacy"},
        {"id": "", "version": 1},
        {"id": "emotional-intimacy", "version": "1"},
        {"id": "emotional-intimacy", "version": True},
        {"id": "emotional-intimacy", "version": 1, "extra": 1},
    ],
)
def test_bad_questionnaire(value: Any) -> None:
    assert _rejected(_document(questionnaire=value)) == (
        f"{SOURCE}: 'questionnaire' must hold an 'id' (text) and a 'version' (whole number)"
    )


@pytest.mark.parametrize("value", [..., "done", None, "Completed"])
def test_unknown_status(value: Any) -> None:
    given = "it is missing" if value in (..., None) else f"not {value!r}"
    assert _rejected(_document(status=value)) == (
        f"{SOURCE}: 'status' must be 'in-progress' or 'completed'; {given}"
    )


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        (..., "is missing"),
        (None, "is missing"),
        ("", "is empty"),
        (" \t\n ", "is empty"),
        (42, "must be text"),
        (["Alex"], "must be text"),
        ("x" * 101, "is longer than 100 characters"),
    ],
    ids=["missing", "null", "empty", "blank", "number", "list", "101-characters"],
)
def test_bad_respondent(value: Any, problem: str) -> None:
    assert _rejected(_document(respondent=value)) == f"{SOURCE}: 'respondent' {problem}"


def test_respondent_of_100_characters_and_spaces_is_tidied() -> None:
    assert (
        parse_answer_sheet(_document(respondent="x" * 100), source=SOURCE).respondent == "x" * 100
    )
    sheet = parse_answer_sheet(_document(respondent="  Alex \n  Doe "), source=SOURCE)
    assert sheet.respondent == "Alex Doe"


TIME_EXAMPLE = "must be a date and time with a time zone, such as 2026-01-31T20:15:00+01:00"


@pytest.mark.parametrize("key", ["started_at", "completed_at"])
@pytest.mark.parametrize(
    "value",
    [..., None, "yesterday", 20260131, "2026-13-01T00:00:00+00:00"],
    ids=["missing", "null", "word", "number", "month-13"],
)
def test_timestamp_that_is_not_a_time(key: str, value: Any) -> None:
    assert _rejected(_document(**{key: value})) == f"{SOURCE}: {key!r} {TIME_EXAMPLE}"


@pytest.mark.parametrize("value", [date(2026, 1, 31), "2026-01-31"], ids=["yaml-date", "text"])
def test_date_without_a_time(value: Any) -> None:
    assert _rejected(_document(started_at=value)) == (
        f"{SOURCE}: 'started_at' {TIME_EXAMPLE} (a date alone is not enough)"
    )


@pytest.mark.parametrize(
    "value",
    [datetime(2026, 1, 31, 20, 15), "2026-01-31T20:15:00"],
    ids=["yaml-datetime", "text"],
)
def test_time_without_a_zone(value: Any) -> None:
    # This value has a time; only the zone is missing, so "a date alone" would mislead.
    assert _rejected(_document(started_at=value)) == f"{SOURCE}: 'started_at' {TIME_EXAMPLE}"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-01-31T19:15:00Z", datetime(2026, 1, 31, 19, 15, tzinfo=timezone.utc)),
        (" 2026-01-31T20:15:00+01:00 ", STARTED_AT),
    ],
    ids=["zulu", "padded"],
)
def test_timestamp_as_text(value: str, expected: datetime) -> None:
    sheet = parse_answer_sheet(_document(started_at=value), source=SOURCE)
    assert sheet.started_at == expected
    assert sheet.started_at.utcoffset() == expected.utcoffset()


def test_in_progress_needs_no_completed_at() -> None:
    sheet = parse_answer_sheet(_document(status="in-progress", completed_at=...), source=SOURCE)
    assert sheet.status == "in-progress"
    assert sheet.completed_at is None


@pytest.mark.parametrize(
    "rating",
    [True, False, "4", 4.0, 0, 6, -1, [4], {"a": 1}],
    ids=["true", "false", "text", "float", "zero", "six", "minus-one", "list", "mapping"],
)
def test_bad_rating(rating: Any) -> None:
    assert _rejected(_document(answers={"trust": rating})) == (
        f"{SOURCE}: answers: trust: the rating must be a whole number from 1 to 5 "
        f"(or null for skipped), not "
        f"{'a yes/no word' if isinstance(rating, bool) else repr(rating)}"
    )


def test_null_rating_is_a_skip() -> None:
    sheet = parse_answer_sheet(
        _document(answers={"trust": None, "care-for-needs": 5}), source=SOURCE
    )
    assert sheet.answers == {"trust": None, "care-for-needs": 5}
    assert isinstance(sheet.answers, MappingProxyType)


@pytest.mark.parametrize("value", [["trust"], "trust: 4", 4])
def test_answers_not_a_mapping(value: Any) -> None:
    assert _rejected(_document(answers=value)) == (
        f"{SOURCE}: 'answers' must map each statement id to a rating"
    )


def test_answer_key_not_text() -> None:
    assert _rejected(_document(answers={1: 4})) == f"{SOURCE}: answers: 1 is not a statement id"


def test_read_answer_sheet_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "alex.yaml"
    sheet = make_sheet(uniform(5), name="Zoë")
    path.write_text(format_answer_sheet(sheet, order=all_sign_ids()), encoding="utf-8")
    assert read_answer_sheet(path) == sheet


def test_read_answer_sheet_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "alex.yaml"
    path.write_text("format: intimacy-check/answers\nversion: 010\n", encoding="utf-8")
    with pytest.raises(AnswerFileError) as caught:
        read_answer_sheet(path)
    assert caught.value.message == (
        f"{path}: line 2, column 10: has '010', which is not a plain whole number"
    )


# --- matching the questionnaire -----------------------------------------------------------


def test_matches_the_shipped_questionnaire(questionnaire) -> None:
    sheet = make_sheet(uniform(3))
    assert check_matches(sheet, questionnaire=questionnaire, source=SOURCE) is sheet


@pytest.mark.parametrize(
    ("questionnaire_id", "version"), [("other-quiz", 1), ("emotional-intimacy", 2)]
)
def test_other_questionnaire(questionnaire, questionnaire_id: str, version: int) -> None:
    sheet = AnswerSheet(
        respondent="Alex",
        questionnaire_id=questionnaire_id,
        questionnaire_version=version,
        started_at=STARTED_AT,
    )
    with pytest.raises(AnswerFileError) as caught:
        check_matches(sheet, questionnaire=questionnaire, source=SOURCE)
    assert caught.value.message == (
        f"{SOURCE}: was made for questionnaire {questionnaire_id!r} version {version}, "
        "but the loaded questionnaire is 'emotional-intimacy' version 1"
    )


def test_unknown_sign_id(questionnaire) -> None:
    sheet = make_sheet({**uniform(3), "feels-great": 5})
    with pytest.raises(AnswerFileError) as caught:
        check_matches(sheet, questionnaire=questionnaire, source=SOURCE)
    assert caught.value.message == (
        f"{SOURCE}: answers: 'feels-great' is not a statement of this questionnaire"
    )


def test_completed_sheet_missing_a_sign(questionnaire) -> None:
    ratings = {key: value for key, value in uniform(3).items() if key != "holding-grudges"}
    with pytest.raises(AnswerFileError) as caught:
        check_matches(make_sheet(ratings), questionnaire=questionnaire, source=SOURCE)
    assert caught.value.message == (
        f"{SOURCE}: is marked completed but has no answer for 'holding-grudges' "
        "(use null for a skipped statement)"
    )


def test_in_progress_sheet_may_miss_signs(questionnaire) -> None:
    sheet = make_sheet({"trust": 4}, status=IN_PROGRESS)
    assert check_matches(sheet, questionnaire=questionnaire, source=SOURCE) is sheet


# --- names that hold nothing visible -----------------------------------------------------

# Characters `inert` removes; zero-width ones join them once it removes those too.
INVISIBLE = ["\u202e", "\x1b\x00\x7f", "\u202e \u2066\t\u2069", "\x1b[31m"[:1] + "\u009b"]


@pytest.mark.parametrize("name", INVISIBLE, ids=["bidi", "controls", "bidi-and-space", "c1"])
def test_a_respondent_of_invisible_characters_is_refused(name: str) -> None:
    assert _rejected(_document(respondent=name)) == (
        f"{SOURCE}: 'respondent' holds only invisible characters; give a name that can be read"
    )


@pytest.mark.skipif(inert("\u200b") != "", reason="inert does not remove zero-width characters")
@pytest.mark.parametrize("name", ["\u200b", "\ufeff\u200d", "\u2060 \u200b"])
def test_a_respondent_of_zero_width_characters_is_refused(name: str) -> None:
    assert "holds only invisible characters" in _rejected(_document(respondent=name))


def test_a_respondent_with_a_visible_character_is_kept() -> None:
    assert parse_answer_sheet(_document(respondent="\u202eAl"), source=SOURCE).respondent


# --- times that cannot be true -----------------------------------------------------------

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=timezone.utc)


def _times_rejected(**changes: Any) -> str:
    with pytest.raises(AnswerFileError) as caught:
        parse_answer_sheet(_document(**changes), source=SOURCE, clock=NOW)
    return caught.value.message


def test_completed_before_started_is_refused() -> None:
    early = STARTED_AT - timedelta(seconds=1)
    assert _times_rejected(completed_at=early) == (
        f"{SOURCE}: 'completed_at' (2026-01-31T20:14:59+01:00) is before "
        "'started_at' (2026-01-31T20:15:00+01:00)"
    )


def test_completed_before_started_in_another_time_zone_is_refused() -> None:
    # 20:20 in UTC+1 is 19:20 UTC; 19:30 UTC is later, though 19 < 20 on the face of it.
    started = datetime(2026, 1, 31, 19, 30, tzinfo=timezone.utc)
    assert "is before 'started_at'" in _times_rejected(
        started_at=started, completed_at=datetime(2026, 1, 31, 20, 20, tzinfo=PLUS_ONE)
    )


def test_completed_more_than_a_day_in_the_future_is_refused() -> None:
    later = NOW + timedelta(days=1, seconds=1)
    assert _times_rejected(completed_at=later) == (
        f"{SOURCE}: 'completed_at' (2026-12-02T12:00:01+00:00) is more than a day in the future"
    )


@pytest.mark.parametrize("ahead", [timedelta(0), timedelta(hours=23, minutes=59)])
def test_completed_up_to_a_day_ahead_is_accepted(ahead: timedelta) -> None:
    sheet = parse_answer_sheet(_document(completed_at=NOW + ahead), source=SOURCE, clock=NOW)
    assert sheet.completed_at == NOW + ahead


def test_completed_at_equal_to_started_at_is_accepted() -> None:
    sheet = parse_answer_sheet(_document(completed_at=STARTED_AT), source=SOURCE, clock=NOW)
    assert sheet.completed_at == STARTED_AT


def test_a_completion_time_on_an_in_progress_file_is_refused() -> None:
    assert _times_rejected(status="in-progress") == (
        f"{SOURCE}: has a 'completed_at' but its status is 'in-progress'; "
        "an unfinished quiz has completed_at: null"
    )


def test_an_in_progress_file_with_completed_at_null_is_accepted() -> None:
    sheet = parse_answer_sheet(
        _document(status="in-progress", completed_at=None), source=SOURCE, clock=NOW
    )
    assert sheet.completed_at is None


# --- special files as targets --------------------------------------------------------------

NOT_REGULAR = "is not a regular file, so nothing is written over it; choose another --output"


def _fifo(folder: Path) -> Path:
    path = folder / "pipe.yaml"
    os.mkfifo(path)
    return path


def _socket(folder: Path) -> Path:
    import socket

    path = folder / "s.yaml"
    if len(str(path)) > 100:
        pytest.skip("the temporary folder's path is too long for a socket")
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(path))
    listener.close()
    return path


def _link_to_fifo(folder: Path) -> Path:
    link = folder / "link.yaml"
    link.symlink_to(_fifo(folder))
    return link


@pytest.mark.parametrize("make", [_fifo, _socket, _link_to_fifo], ids=["fifo", "socket", "link"])
@pytest.mark.parametrize("what", ["answers", "report"])
def test_a_special_target_is_refused_up_front_and_when_written(
    tmp_path: Path, make: Any, what: str
) -> None:
    path = make(tmp_path)
    kind_before = os.stat(path).st_mode
    with pytest.raises(SaveError) as caught:
        check_writable(path, force=True, what=what)
    assert caught.value.message == f"{path}: {NOT_REGULAR}"
    with pytest.raises(SaveError) as caught:
        write_private(path, TEXT)  # never blocks on a FIFO, never renames over it
    assert caught.value.message == f"{path}: {NOT_REGULAR}"
    assert os.stat(path).st_mode == kind_before
    assert not [name for name in os.listdir(tmp_path) if name.endswith(".tmp")]


def _link_to_null(folder: Path) -> Path:
    if not stat.S_ISCHR(os.stat("/dev/null").st_mode):
        pytest.skip("this system has no /dev/null")
    link = folder / "null.txt"
    link.symlink_to("/dev/null")
    return link


def test_a_character_device_is_written_in_place(tmp_path: Path) -> None:
    link = _link_to_null(tmp_path)  # through a link, so a regression replaces the link only
    assert check_writable(link, force=False, what="report") is None
    write_private(link, TEXT)
    assert link.is_symlink()
    assert os.readlink(link) == "/dev/null"
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_character_device_is_no_answer_file(tmp_path: Path) -> None:
    link = _link_to_null(tmp_path)
    with pytest.raises(SaveError) as caught:
        check_writable(link, force=True)
    assert caught.value.message == f"{link}: {NOT_REGULAR}"


def test_a_link_to_a_regular_file_is_followed(tmp_path: Path) -> None:
    real = tmp_path / "real" / "alex.yaml"
    real.parent.mkdir()
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    assert check_writable(link, force=True) is None
    write_private(link, TEXT)
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == TEXT
    assert stat.S_IMODE(real.stat().st_mode) == 0o600
    assert answers.resolve_link(link) == real.resolve()


def test_a_link_to_nothing_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "alex.yaml"
    link.symlink_to(tmp_path / "elsewhere.yaml")
    expected = (
        f"{link}: is a link to {tmp_path / 'elsewhere.yaml'}, which does not exist; "
        "choose another --output"
    )
    for attempt in (lambda: check_writable(link, force=False), lambda: write_private(link, TEXT)):
        with pytest.raises(SaveError) as caught:
            attempt()
        assert caught.value.message == expected
    assert not (tmp_path / "elsewhere.yaml").exists()


# --- the lock never follows a link -----------------------------------------------------------


def test_a_lock_planted_as_a_link_is_refused_and_its_target_not_made(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    victim = tmp_path / "victim"
    (tmp_path / ".a.yaml.lock").symlink_to(victim)
    with pytest.raises(SaveError) as caught:
        AnswerFileLock(path).__enter__()
    assert caught.value.message == (
        f"{tmp_path / '.a.yaml.lock'}: is a link or a special file, not the lock of {path}; "
        "remove it and try again"
    )
    assert not victim.exists()
    assert (tmp_path / ".a.yaml.lock").is_symlink()


def test_a_lock_planted_as_a_link_to_a_file_leaves_the_file_alone(tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_text("keep\n", encoding="utf-8")
    (tmp_path / ".a.yaml.lock").symlink_to(victim)
    with pytest.raises(SaveError, match="is a link or a special file"):
        AnswerFileLock(tmp_path / "a.yaml").__enter__()
    assert victim.read_text(encoding="utf-8") == "keep\n"


def test_a_lock_planted_as_a_fifo_is_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / ".a.yaml.lock")
    with pytest.raises(SaveError, match="is a link or a special file"):
        AnswerFileLock(tmp_path / "a.yaml").__enter__()


def test_a_stale_lock_file_is_taken_over_and_removed(tmp_path: Path) -> None:
    stale = tmp_path / ".a.yaml.lock"
    stale.write_text("", encoding="utf-8")  # left by a quiz that was killed
    with AnswerFileLock(tmp_path / "a.yaml"):
        assert stale.exists()
        with pytest.raises(SaveError, match="another intimacy-check quiz"):
            AnswerFileLock(tmp_path / "a.yaml").__enter__()
    assert not stale.exists()
