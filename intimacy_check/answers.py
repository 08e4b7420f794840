"""Answer files: the AnswerSheet model, strict reading, and atomic private writing."""

from __future__ import annotations

import enum
import errno
import fcntl
import functools
import os
import re
import stat
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from types import MappingProxyType
from typing import Any

from intimacy_check.errors import AnswerFileError, SaveError
from intimacy_check.inert import inert
from intimacy_check.messages import _, errors
from intimacy_check.messages import quiz as quiz_text
from intimacy_check.messages import sealing as sealing_text
from intimacy_check.strict_yaml import ReadError, decode_text, parse_yaml, read_limited

FORMAT = "intimacy-check/answers"
# 2 added `language`: an older intimacy-check then says the file is newer than it is,
# rather than calling the key unknown. Files of version 1 are read as English.
# 3 added `ideal`, the ratings of how each statement is wished to be. A file is written
# at the lowest version that holds it, so a file without `ideal` stays readable by an
# intimacy-check that knows version 2.
FORMAT_VERSION = 3
IDEAL_SINCE = 3
ENGLISH = "en"
IN_PROGRESS = "in-progress"
COMPLETED = "completed"
STATUSES = (IN_PROGRESS, COMPLETED)
SEALED = "sealed"  # what a caseload can say of a file it has no passphrase for
ANSWER_FILE_LIMIT = 64 * 1024
# A sealed file is its answers plus age's header and 16 bytes per 64 KiB of them.
SEALED_FILE_LIMIT = ANSWER_FILE_LIMIT + 4096
# A FHIR Bundle says much more per answer: a couple's is about 80 KiB, a year of progress more.
FHIR_FILE_LIMIT = 1024 * 1024
# How every age file begins; the rest of a sealed file is for `sealing` to open.
SEALED_MAGIC = b"age-encryption.org/v1\n"
MAX_NAME_LENGTH = 100
RATINGS = (1, 2, 3, 4, 5)

_TOP_KEYS = (
    "format",
    "version",
    "questionnaire",
    "respondent",
    "status",
    "started_at",
    "completed_at",
    "language",
    "answers",
    "ideal",
)
_LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{1,8})*")


@dataclass(frozen=True, slots=True)
class AnswerSheet:
    """One person's answers to one questionnaire. A sign id absent from `answers` is not
    reached yet; a sign id mapped to None was skipped."""

    respondent: str
    questionnaire_id: str
    questionnaire_version: int
    started_at: datetime
    status: str = IN_PROGRESS
    completed_at: datetime | None = None
    answers: Mapping[str, int | None] = field(default_factory=lambda: MappingProxyType({}))
    language: str = ENGLISH  # what the statements were read in; the ids are the same in all
    # How each statement is wished to be, on the same scale (quiz --ideal); None where the
    # quiz did not ask. As in `answers`, an absent id is not asked yet and None is skipped.
    ideal: Mapping[str, int | None] | None = None
    # A completed FHIR response may leave out what was skipped; an answer file never does.
    omits_skipped: bool = False

    def with_answer(self, sign_id: str, rating: int | None) -> AnswerSheet:
        """A copy with one more (or a changed) answer."""
        return replace(self, answers=MappingProxyType({**self.answers, sign_id: rating}))

    def with_ideal(self, sign_id: str, rating: int | None) -> AnswerSheet:
        """A copy with one more (or a changed) wished-for rating."""
        return replace(self, ideal=MappingProxyType({**(self.ideal or {}), sign_id: rating}))

    def asking_ideal(self) -> AnswerSheet:
        """A copy whose quiz asks how each statement is wished to be, from now on."""
        return self if self.ideal is not None else replace(self, ideal=MappingProxyType({}))

    def completed(self, at: datetime) -> AnswerSheet:
        return replace(self, status=COMPLETED, completed_at=at)


def now() -> datetime:
    """The current time, with the local time zone, to the second."""
    return datetime.now(timezone.utc).astimezone().replace(microsecond=0)


# --- reading --------------------------------------------------------------------------


class SealedFile(AnswerFileError):
    """An answer file that is sealed, read where no passphrase can be asked for."""


def read_answer_sheet(path: Path) -> AnswerSheet:
    """Read and strictly validate a plain answer file; raise AnswerFileError naming the
    problem (SealedFile for a sealed one)."""
    content = read_answer_bytes(path)
    if is_sealed(content):
        raise SealedFile(_(sealing_text.SEALED_NEEDS_PASSPHRASE, path=path))
    return parse_answer_bytes(content, source=str(path))


def read_answer_bytes(path: Path) -> bytes:
    """An answer file's bytes, plain or sealed, within the size limit of each."""
    try:
        # Past the largest limit of any kind, the limit of an answer file is the one named.
        content = read_limited(path, limit=FHIR_FILE_LIMIT, shown_limit=ANSWER_FILE_LIMIT)
        limit = _limit_for(content)
        if len(content) > limit:
            raise ReadError(_(errors.FILE_TOO_LARGE, path=path, kib=limit // 1024))
    except ReadError as error:
        raise AnswerFileError(str(error)) from None
    return content


def _limit_for(content: bytes) -> int:
    if is_sealed(content):
        return SEALED_FILE_LIMIT
    return FHIR_FILE_LIMIT if looks_like_fhir(content) else ANSWER_FILE_LIMIT


def is_sealed(content: bytes) -> bool:
    return content.startswith(SEALED_MAGIC)


def looks_like_fhir(content: bytes) -> bool:
    """Whether a file's bytes are JSON naming a FHIR resource type, not an answer file."""
    return content.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{" and b'"resourceType"' in content


_FORMAT_LINE = re.compile(rf"^format:[ \t]*[\"']?{re.escape(FORMAT)}", re.MULTILINE)


def _names_the_format_before(text: str, place: tuple[int, int]) -> bool:
    """Whether the answer-file format is named near the top, or before `place`: a broken
    answer file does so, a README or a note that mentions it further down does not."""
    found = _FORMAT_LINE.search(text)
    if found is None:
        return False
    line = text.count("\n", 0, found.start()) + 1
    return line <= _FORMAT_WITHIN_LINES or line < place[0]


_FORMAT_WITHIN_LINES = 10  # the format is the first key of every file this tool writes


def parse_answer_bytes(content: bytes, *, source: str) -> AnswerSheet:
    """Decode, parse and validate a plain answer file's bytes (as read, or as unsealed)."""
    limit = _limit_for(content)
    if len(content) > limit:
        raise AnswerFileError(_(errors.FILE_TOO_LARGE, path=source, kib=limit // 1024))
    try:
        text = decode_text(content, source=source)
        if looks_like_fhir(content):
            from intimacy_check import fhir  # only a FHIR file pays for reading one

            response = fhir.parse_response(text, source=source)
            sheet = parse_answer_sheet(response.document, source=source, shown=response.shown)
            return replace(sheet, omits_skipped=sheet.status == COMPLETED)
        document = parse_yaml(text, source=source)
    except ReadError as error:
        if error.not_yaml_at is not None and not _names_the_format_before(text, error.not_yaml_at):
            # Not YAML, and no sign of being an answer file before it fails: say that first.
            line, column = error.not_yaml_at
            raise AnswerFileError(
                _(errors.NOT_YAML_NOT_ANSWER_FILE, source=source, line=line, column=column)
            ) from None
        raise AnswerFileError(str(error)) from None
    return parse_answer_sheet(document, source=source)


def parse_answer_sheet(
    document: Any,
    *,
    source: str,
    clock: datetime | None = None,
    shown: Mapping[str, str] = MappingProxyType({}),
) -> AnswerSheet:
    """Validate a parsed answer-file document and build the AnswerSheet; `clock` is the
    time now, against which a completion in the future is refused. `shown` names a key
    as the file itself does, where it was read from another format (FHIR)."""

    def key(name: str) -> str:
        return repr(shown.get(name, name))

    if not isinstance(document, Mapping):
        if document is None:
            raise AnswerFileError(_(errors.EMPTY_NOT_ANSWER_FILE, source=source))
        raise AnswerFileError(_(errors.KIND_NOT_ANSWER_FILE, source=source, kind=_kind(document)))
    if document.get("format") != FORMAT:
        raise AnswerFileError(_(errors.NOT_ANSWER_FILE, source=source, format=FORMAT))
    unknown = [str(key) for key in document if key not in _TOP_KEYS]
    if unknown:
        raise AnswerFileError(_(errors.UNKNOWN_KEY, where=source, key=repr(unknown[0])))
    version = document.get("version")
    if type(version) is not int or version < 1:
        raise AnswerFileError(_(errors.VERSION_NOT_WHOLE, source=source, version=FORMAT_VERSION))
    if version > FORMAT_VERSION:
        raise AnswerFileError(_(errors.NEWER_FORMAT, source=source, version=version))
    questionnaire_id, questionnaire_version = _questionnaire(document.get("questionnaire"), source)
    status = document.get("status")
    if status not in STATUSES:
        statuses = {"in_progress": repr(IN_PROGRESS), "completed": repr(COMPLETED)}
        if status is None:
            raise AnswerFileError(_(errors.STATUS_MISSING, source=source, **statuses))
        raise AnswerFileError(
            _(errors.STATUS_WRONG, source=source, status=repr(status), **statuses)
        )
    respondent = _respondent(document.get("respondent"), source, key("respondent"))
    started_at = _timestamp(document, "started_at", source, shown=key("started_at"))
    completed_at = _timestamp(
        document, "completed_at", source, optional=status != COMPLETED, shown=key("completed_at")
    )
    assert started_at is not None  # not optional
    _check_times(started_at, completed_at, status=status, source=source, at=clock)
    return AnswerSheet(
        respondent=respondent,
        questionnaire_id=questionnaire_id,
        questionnaire_version=questionnaire_version,
        # The module's own string, so a caseload of sheets shares one copy.
        status=COMPLETED if status == COMPLETED else IN_PROGRESS,
        started_at=started_at,
        completed_at=completed_at,
        language=_language(document.get("language"), source),
        answers=MappingProxyType(_answers(document.get("answers"), source)),
        ideal=_ideal(document, version, source),
    )


def _kind(value: Any) -> str:
    kind = {list: errors.KIND_LIST, str: errors.KIND_TEXT, bool: errors.KIND_TRUE_FALSE}.get(
        type(value), errors.KIND_NUMBER if isinstance(value, (int, float)) else None
    )
    return type(value).__name__ if kind is None else _(kind)


def _questionnaire(raw: Any, source: str) -> tuple[str, int]:
    if (
        not isinstance(raw, Mapping)
        or set(raw) != {"id", "version"}
        or not isinstance(raw["id"], str)
        or not raw["id"]
        or type(raw["version"]) is not int
    ):
        raise AnswerFileError(_(errors.QUESTIONNAIRE_FIELD, source=source))
    return raw["id"], raw["version"]


def _language(raw: Any, source: str) -> str:
    if raw is None:
        return ENGLISH
    if not isinstance(raw, str) or not _LANGUAGE_TAG.fullmatch(raw):
        raise AnswerFileError(_(errors.LANGUAGE_TAG, source=source, language=repr(raw)))
    return ENGLISH if raw == ENGLISH else raw  # one shared string for the usual case


def _respondent(raw: Any, source: str, key: str) -> str:
    if not isinstance(raw, str):
        problem = errors.RESPONDENT_MISSING if raw is None else errors.RESPONDENT_NOT_TEXT
        raise AnswerFileError(_(problem, source=source, key=key))
    name = " ".join(raw.split())
    if not name:
        raise AnswerFileError(_(errors.RESPONDENT_EMPTY, source=source, key=key))
    if not "".join(inert(name).split()):
        raise AnswerFileError(_(errors.RESPONDENT_INVISIBLE, source=source, key=key))
    if len(name) > MAX_NAME_LENGTH:
        raise AnswerFileError(
            _(errors.RESPONDENT_TOO_LONG, source=source, key=key, limit=MAX_NAME_LENGTH)
        )
    return name


def _timestamp(
    document: Mapping[str, Any], key: str, source: str, *, optional: bool = False, shown: str
) -> datetime | None:
    raw = document.get(key)
    if raw is None and optional:
        return None
    date_only = type(raw) is date or (
        isinstance(raw, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw.strip()) is not None
    )
    if isinstance(raw, str):
        try:
            raw = datetime.fromisoformat(raw.strip().replace("Z", "+00:00"))
        except ValueError:
            raw = None
    if not isinstance(raw, datetime) or raw.tzinfo is None:
        message = errors.TIMESTAMP_DATE_ONLY if date_only else errors.TIMESTAMP
        raise AnswerFileError(_(message, source=source, key=shown))
    return raw.replace(tzinfo=_zone(raw.utcoffset()))


# A clock a little ahead, or a file written in another time zone, is not yet an error.
FUTURE_TOLERANCE = timedelta(days=1)


def _check_times(
    started_at: datetime,
    completed_at: datetime | None,
    *,
    status: str,
    source: str,
    at: datetime | None,
) -> None:
    """Refuse a completion time that cannot be true of this file."""
    if completed_at is None:
        return
    if status != COMPLETED:
        raise AnswerFileError(_(errors.COMPLETED_AT_IN_PROGRESS, source=source))
    shown = {"completed": completed_at.isoformat(), "started": started_at.isoformat()}
    if completed_at < started_at:
        raise AnswerFileError(_(errors.COMPLETED_BEFORE_STARTED, source=source, **shown))
    if completed_at > (at or now()) + FUTURE_TOLERANCE:
        raise AnswerFileError(_(errors.COMPLETED_IN_FUTURE, source=source, **shown))


@functools.lru_cache(maxsize=64)
def _zone(offset: timedelta | None) -> timezone:
    """One shared time zone per offset: the parser makes a new one for every timestamp."""
    return timezone(offset or timedelta(0))


def _ideal(
    document: Mapping[str, Any], version: int, source: str
) -> Mapping[str, int | None] | None:
    if "ideal" not in document:
        return None
    if version < IDEAL_SINCE:  # as an intimacy-check of that version would say
        raise AnswerFileError(_(errors.UNKNOWN_KEY, where=source, key=repr("ideal")))
    raw = document["ideal"]
    if raw is None:  # `ideal: {}` says the quiz asks it; null says nothing
        raise AnswerFileError(_(errors.ANSWERS_NOT_MAPPING, source=source, mapping="ideal"))
    return MappingProxyType(_answers(raw, source, key="ideal"))


def _answers(raw: Any, source: str, *, key: str = "answers") -> dict[str, int | None]:
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        raise AnswerFileError(_(errors.ANSWERS_NOT_MAPPING, source=source, mapping=key))
    answers: dict[str, int | None] = {}
    for sign_id, rating in raw.items():
        if not isinstance(sign_id, str):
            if isinstance(sign_id, bool):
                raise AnswerFileError(_(errors.ANSWER_KEY_YES_NO, source=source, mapping=key))
            raise AnswerFileError(
                _(errors.ANSWER_KEY_NOT_ID, source=source, mapping=key, key=repr(sign_id))
            )
        # bool is a subclass of int in Python, so `yes` would otherwise count as 1.
        if rating is not None and (type(rating) is not int or rating not in RATINGS):
            if isinstance(rating, bool):
                raise AnswerFileError(
                    _(errors.RATING_YES_NO, source=source, mapping=key, sign=sign_id)
                )
            raise AnswerFileError(
                _(
                    errors.RATING_NOT_VALID,
                    source=source,
                    mapping=key,
                    sign=sign_id,
                    rating=repr(rating),
                )
            )
        answers[sign_id] = rating
    return answers


def check_matches(sheet: AnswerSheet, *, questionnaire: Any, source: str) -> AnswerSheet:
    """The sheet, if it answers exactly this questionnaire's statements (AnswerFileError if
    not), with any a completed FHIR response left out filled in as skipped."""
    if (sheet.questionnaire_id, sheet.questionnaire_version) != (
        questionnaire.id,
        questionnaire.version,
    ):
        raise AnswerFileError(
            _(
                errors.WRONG_QUESTIONNAIRE,
                source=source,
                id=repr(sheet.questionnaire_id),
                version=sheet.questionnaire_version,
                loaded_id=repr(questionnaire.id),
                loaded_version=questionnaire.version,
            )
        )
    known = [sign.id for sign in questionnaire.signs]
    for mapping, ratings in (("answers", sheet.answers), ("ideal", sheet.ideal or {})):
        for sign_id in ratings:
            if sign_id not in known:
                raise AnswerFileError(
                    _(errors.NOT_A_STATEMENT, source=source, mapping=mapping, sign=repr(sign_id))
                )
    for sign_id, rating in (sheet.ideal or {}).items():
        # The quiz asks how a statement is wished to be only after it is rated.
        if rating is not None and sheet.answers.get(sign_id) is None:
            raise AnswerFileError(_(errors.IDEAL_WITHOUT_RATING, source=source, sign=repr(sign_id)))
    missing = [sign_id for sign_id in known if sign_id not in sheet.answers]
    if sheet.status != COMPLETED or not missing:
        return replace(sheet, omits_skipped=False) if sheet.omits_skipped else sheet
    if not sheet.omits_skipped:
        raise AnswerFileError(_(errors.COMPLETED_BUT_MISSING, source=source, sign=repr(missing[0])))
    answers = {sign_id: sheet.answers.get(sign_id) for sign_id in known}
    return replace(sheet, answers=MappingProxyType(answers), omits_skipped=False)


# --- writing ----------------------------------------------------------------------------


def format_answer_sheet(sheet: AnswerSheet, *, order: tuple[str, ...]) -> str:
    """The YAML text of an answer file, answers in questionnaire order."""
    lines = [
        "# " + _(quiz_text.ANSWER_FILE_HEADER),
        f"format: {FORMAT}",
        f"version: {FORMAT_VERSION if sheet.ideal is not None else IDEAL_SINCE - 1}",
        "questionnaire:",
        f"  id: {_yaml_string(sheet.questionnaire_id)}",
        f"  version: {sheet.questionnaire_version}",
        f"respondent: {_yaml_string(sheet.respondent)}",
        f"status: {sheet.status}",
        f"language: {sheet.language}",
        f"started_at: {sheet.started_at.isoformat()}",
        f"completed_at: {sheet.completed_at.isoformat() if sheet.completed_at else 'null'}",
        "answers:" if sheet.answers else "answers: {}",
    ]
    lines += _ratings(sheet.answers, order)
    if sheet.ideal is not None:
        lines.append("ideal:" if sheet.ideal else "ideal: {}")
        lines += _ratings(sheet.ideal, order)
    return "\n".join(lines) + "\n"


def _ratings(ratings: Mapping[str, int | None], order: tuple[str, ...]) -> list[str]:
    """A mapping's lines, in questionnaire order, then any ids the questionnaire lacks."""
    ordered = [sign_id for sign_id in order if sign_id in ratings]
    ordered += [sign_id for sign_id in ratings if sign_id not in order]
    return [
        f"  {sign_id}: {'null' if ratings[sign_id] is None else ratings[sign_id]}"
        for sign_id in ordered
    ]


# Characters YAML refuses even inside quotes; JSON leaves them raw unless ensure_ascii is on.
_NOT_YAML_PRINTABLE = re.compile("[\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def _yaml_string(text: str) -> str:
    """A double-quoted YAML scalar: JSON's escaping, plus the characters YAML forbids."""
    import json  # only writing needs it: a report that reads answer files never loads json

    quoted = json.dumps(text, ensure_ascii=False)
    return _NOT_YAML_PRINTABLE.sub(lambda match: f"\\u{ord(match.group()):04x}", quoted)


def write_private(path: Path, text: str | bytes) -> None:
    """Atomically replace `path` with `text` (UTF-8, or bytes as they are), readable by
    its owner only (mode 0600).

    A link is followed to the file it names; a character device (such as /dev/null or a
    terminal) is written in place; anything else that is not a regular file is refused.
    """
    kind = target_kind(path)
    if kind is TargetKind.DEVICE:
        _write_in_place(path, text)
        return
    _refuse_special(path, kind)
    target = Path(os.path.realpath(path)) if kind is TargetKind.LINKED else path
    folder = target.parent
    try:
        fd, temporary = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise SaveError(
            _(errors.CANNOT_SAVE_HERE, path=path, problem=error.strerror or error)
        ) from None
    content = text.encode("utf-8") if isinstance(text, str) else text
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o600)
        os.replace(temporary, target)
    except OSError as error:
        _remove_quietly(temporary)
        raise SaveError(_(errors.NOT_SAVED, path=path, problem=error.strerror or error)) from None
    except BaseException:
        _remove_quietly(temporary)
        raise
    _sync_folder(folder)


class TargetKind(enum.Enum):
    """What an output path is now, as far as writing over it goes."""

    NEW = "new"  # nothing there yet
    REGULAR = "regular"  # a regular file
    LINKED = "linked"  # a link to a regular file
    DEVICE = "device"  # a character device, or a link to one
    DANGLING = "dangling"  # a link to nothing
    SPECIAL = "special"  # a FIFO, a socket, a folder, a block device, or a link to one


def target_kind(path: Path) -> TargetKind:
    """Classify an output path without opening it, so that a FIFO never blocks."""
    try:
        own = os.lstat(path)
    except FileNotFoundError:
        return TargetKind.NEW
    except OSError:
        return TargetKind.NEW  # let the write itself report a folder that cannot be searched
    try:
        final = os.stat(path)
    except OSError:
        return TargetKind.DANGLING if stat.S_ISLNK(own.st_mode) else TargetKind.SPECIAL
    if stat.S_ISCHR(final.st_mode):
        return TargetKind.DEVICE
    if not stat.S_ISREG(final.st_mode):
        return TargetKind.SPECIAL
    return TargetKind.LINKED if stat.S_ISLNK(own.st_mode) else TargetKind.REGULAR


def resolve_link(path: Path) -> Path:
    """The file a link to a regular file names; any other path as it is."""
    if target_kind(path) is TargetKind.LINKED:
        return Path(os.path.realpath(path))
    return path


def _refuse_special(path: Path, kind: TargetKind, option: str = "--output") -> None:
    if kind is TargetKind.DANGLING:
        target = os.readlink(path)
        raise SaveError(_(errors.DANGLING_LINK, path=path, target=target, option=option))
    if kind is TargetKind.SPECIAL:
        raise SaveError(_(errors.NOT_REGULAR_TARGET, path=path, option=option))


def _write_in_place(path: Path, text: str | bytes) -> None:
    # A device is never renamed over: /dev/null must stay /dev/null, a terminal a terminal.
    content = text.encode("utf-8") if isinstance(text, str) else text
    try:
        fd = os.open(path, os.O_WRONLY | os.O_NOCTTY | os.O_APPEND)
        with os.fdopen(fd, "wb") as stream:
            stream.write(content)
    except OSError as error:
        raise SaveError(
            _(errors.CANNOT_SAVE_HERE, path=path, problem=error.strerror or error)
        ) from None


def _remove_quietly(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _sync_folder(folder: Path) -> None:
    # The rename is only durable once the folder entry reaches the disk too.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def check_writable(
    path: Path, *, force: bool, what: str = "answers", option: str = "--output"
) -> None:
    """Refuse, before any work is done, an output path that could not be saved; `option`
    is the one that named it."""
    if path.is_dir():
        raise SaveError(_(errors.OUTPUT_IS_FOLDER, path=path, option=option))
    kind = target_kind(path)
    if kind is TargetKind.DEVICE and what != "answers":
        return  # written in place, and nothing is replaced
    _refuse_special(path, TargetKind.SPECIAL if kind is TargetKind.DEVICE else kind, option)
    if kind is not TargetKind.NEW and not force:
        exists = errors.ANSWER_FILE_EXISTS if what == "answers" else errors.ALREADY_EXISTS
        raise SaveError(_(exists, path=path))
    folder = resolve_link(path).parent
    if not folder.exists():
        raise SaveError(_(errors.FOLDER_MISSING, path=path, folder=folder))
    if not folder.is_dir():
        raise SaveError(_(errors.NOT_A_FOLDER, path=path, folder=folder))
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as error:
        raise SaveError(
            _(errors.CANNOT_WRITE_IN, path=path, folder=folder, problem=error.strerror or error)
        ) from None


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


class AnswerFileLock:
    """An exclusive lock beside an answer file, so two quizzes cannot write it at once.

    The answer file itself is replaced on every save, so it cannot carry the lock; a
    hidden sidecar file does, and is removed when the quiz ends.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lock_path = path.with_name(f".{path.name}.lock")
        self._fd: int | None = None

    def __enter__(self) -> AnswerFileLock:
        while True:
            fd = self._open()
            if fd is None:
                continue  # the previous holder removed the lock file meanwhile
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                raise SaveError(_(errors.QUIZ_WRITING, path=self.path)) from None
            # The previous holder may have removed the lock file between our open and flock.
            try:
                if os.stat(self.lock_path, follow_symlinks=False).st_ino == os.fstat(fd).st_ino:
                    self._fd = fd
                    return self
            except FileNotFoundError:
                pass
            os.close(fd)

    def _open(self) -> int | None:
        """A new lock file, or the one a quiz that ended without cleaning up left; never
        a link or a special file someone planted in its place."""
        try:
            return os.open(self.lock_path, os.O_RDWR | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600)
        except FileExistsError:
            pass
        try:
            fd = os.open(self.lock_path, os.O_RDWR | os.O_NONBLOCK | _NOFOLLOW)
        except FileNotFoundError:
            return None
        except OSError as error:
            if error.errno not in (errno.ELOOP, errno.ENXIO):  # a link; a socket
                raise
            raise SaveError(
                _(errors.LOCK_NOT_REGULAR, lock=self.lock_path, path=self.path)
            ) from None
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise SaveError(_(errors.LOCK_NOT_REGULAR, lock=self.lock_path, path=self.path))
        return fd

    def __exit__(self, *exc: object) -> None:
        if self._fd is not None:
            _remove_quietly(str(self.lock_path))
            os.close(self._fd)
            self._fd = None
