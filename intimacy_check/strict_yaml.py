"""Read small YAML files strictly: no tags, no duplicate keys, no anchors, bounded size.

PyYAML's safe loader is safe against code execution but lenient in ways that would
let a shared answer file mislead us: it keeps the last of two duplicate keys,
expands aliases (the "billion laughs" bomb), reads `010` as octal 8 and builds a float
from `!!float five` only to fail with a traceback. This module closes those gaps, reads
only regular files (or standard input, named `-`) without ever blocking on anything
else, and turns every failure into a `ReadError` naming the file and, where the parser
knows it, the line and column.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
from pathlib import Path
from typing import Any, ClassVar

import yaml

from intimacy_check.messages import _, errors

# libyaml is much faster; the pure-Python parser is the fallback. Setting
# INTIMACY_CHECK_PURE_YAML=1 forces the fallback, so tests can hold both to the same rules.
_BaseLoader: Any = yaml.SafeLoader
if os.environ.get("INTIMACY_CHECK_PURE_YAML") != "1" and hasattr(yaml, "CSafeLoader"):
    _BaseLoader = yaml.CSafeLoader

# No `+`: a rating is written 5, never +5, and nothing this tool writes has a plus sign.
_PLAIN_INT = re.compile(r"-?(0|[1-9][0-9]*)")
_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")
_SURROGATE = re.compile("[\ud800-\udfff]")
MAX_DIGITS = 20
MAX_DEPTH = 50
STDIN = "-"
# O_NONBLOCK keeps open() from waiting for a FIFO's writer; regular files ignore it.
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
)
# Names of a descriptor this process was given, as in `report /dev/stdin` or `<(...)`.
_INHERITED = re.compile(r"/dev/stdin|/dev/fd/([0-9]+)|/proc/self/fd/([0-9]+)")


class ReadError(Exception):
    """A file could not be read as strict YAML; `str()` is a message for a person.
    `not_yaml_at` is the (line, column) where a file that is not YAML at all fails."""

    def __init__(self, message: str, *, not_yaml_at: tuple[int, int] | None = None) -> None:
        super().__init__(message)
        self.not_yaml_at = not_yaml_at


class _StrictLoader(_BaseLoader):  # type: ignore[misc]
    """A safe loader that refuses aliases, duplicate keys and non-plain numbers."""

    # A fresh table: only the core types, so !!binary, !!set, !!python/... all fail.
    yaml_constructors: ClassVar[dict[str | None, Any]] = {}

    # Nodes are built here directly rather than through construct_object, which is
    # generic and slow; `_seen` then catches aliases, which hand us a node a second time.
    def construct_document(self, node: yaml.Node) -> Any:
        self._seen: set[yaml.Node] = set()
        self._depth = 0
        return self._build(node)

    def _build(self, node: yaml.Node) -> Any:
        if node in self._seen:
            raise _problem(node, _(errors.ALIASES))
        self._seen.add(node)
        constructor = self.yaml_constructors.get(node.tag)
        if constructor is None:
            raise _problem(node, _(errors.TAG_NOT_ALLOWED, tag=repr(node.tag)))
        return constructor(self, node)

    def _enter(self, node: yaml.Node) -> None:
        # Our files are a few levels deep; a limit gives both parsers the same refusal.
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise _problem(node, _(errors.NESTED_TOO_DEEPLY_LEVELS, limit=MAX_DEPTH))

    def construct_strict_mapping(self, node: yaml.MappingNode) -> dict[Any, Any]:
        self._enter(node)
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _problem(key_node, _(errors.MERGE_KEY))
            key = self._build(key_node)
            if not isinstance(key, (str, int, bool, type(None))):
                raise _problem(key_node, _(errors.KEY_NOT_PLAIN_TEXT))
            if key in mapping:
                raise _problem(key_node, _(errors.KEY_TWICE, key=repr(key)))
            mapping[key] = self._build(value_node)
        self._depth -= 1
        return mapping

    def construct_strict_sequence(self, node: yaml.SequenceNode) -> list[Any]:
        self._enter(node)
        sequence = [self._build(child) for child in node.value]
        self._depth -= 1
        return sequence

    def construct_strict_int(self, node: yaml.ScalarNode) -> int:
        text = str(node.value)
        if text.isascii() and text.isdigit() and len(text) <= MAX_DIGITS and text[0] != "0":
            return int(text)  # the common case, checked without a regular expression
        if not _PLAIN_INT.fullmatch(text):
            raise _problem(node, _(errors.NOT_PLAIN_WHOLE_NUMBER, text=_short(text)))
        if len(text) > MAX_DIGITS:  # Python refuses to convert very long digit strings
            raise _problem(node, _(errors.NUMBER_TOO_LARGE, digits=len(text)))
        return int(text)

    def construct_strict_str(self, node: yaml.ScalarNode) -> str:
        text = str(self.construct_scalar(node))
        # The pure-Python parser lets an escape like "\uD800" through; libyaml refuses it.
        if _SURROGATE.search(text):
            raise _problem(node, _(errors.LONE_SURROGATE))
        return text

    def construct_strict_timestamp(self, node: yaml.ScalarNode) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            raise _problem(node, _(errors.NOT_REAL_DATE, text=repr(node.value))) from None


_StrictLoader.add_constructor("tag:yaml.org,2002:null", _BaseLoader.construct_yaml_null)
_StrictLoader.add_constructor("tag:yaml.org,2002:bool", _BaseLoader.construct_yaml_bool)
_StrictLoader.add_constructor("tag:yaml.org,2002:int", _StrictLoader.construct_strict_int)
_StrictLoader.add_constructor("tag:yaml.org,2002:float", _BaseLoader.construct_yaml_float)
# libyaml refuses lone surrogates itself; only the pure-Python parser needs the check.
_StrictLoader.add_constructor(
    "tag:yaml.org,2002:str",
    _BaseLoader.construct_yaml_str
    if _BaseLoader is not yaml.SafeLoader
    else _StrictLoader.construct_strict_str,
)
_StrictLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", _StrictLoader.construct_strict_timestamp
)
_StrictLoader.add_constructor("tag:yaml.org,2002:seq", _StrictLoader.construct_strict_sequence)
_StrictLoader.add_constructor("tag:yaml.org,2002:map", _StrictLoader.construct_strict_mapping)


class _Problem(Exception):
    """Raised inside the loader; turned into a ReadError once the file name is known."""


def _problem(node: yaml.Node, what: str) -> _Problem:
    return _problem_at(node.start_mark, what)


def _problem_at(mark: yaml.Mark, what: str) -> _Problem:
    return _Problem(_(errors.AT_PLACE, line=mark.line + 1, column=mark.column + 1, problem=what))


def read_limited(path: Path, *, limit: int, shown_limit: int | None = None) -> bytes:
    """Read at most `limit` bytes of a regular file, or of standard input for `-`; raise
    ReadError for anything else, without blocking on it. `shown_limit` is the limit a
    person is told of, where the bytes allowed include some of the format's own."""
    content = _read_stdin(path, limit) if str(path) == STDIN else _read_file(path, limit)
    if len(content) > limit:
        raise ReadError(_(errors.FILE_TOO_LARGE, path=path, kib=(shown_limit or limit) // 1024))
    return content


def _read_stdin(path: Path, limit: int) -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # no standard input at all, as under pythonw
        return b""
    try:
        return bytes(stream.read(limit + 1))
    except OSError as error:
        raise _os_error(path, error) from None


def _read_file(path: Path, limit: int) -> bytes:
    # Open first and ask the open descriptor what it is: a stat() before open() would
    # leave a moment in which the file could be swapped for a FIFO.
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        raise _os_error(path, error) from None
    try:
        opened = os.fstat(fd)
        if stat.S_ISDIR(opened.st_mode):
            raise ReadError(_(errors.IS_FOLDER_NOT_FILE, path=path))
        if not stat.S_ISREG(opened.st_mode) and not _is_inherited_pipe(path, opened):
            raise ReadError(_(errors.NOT_REGULAR_FILE, path=path))
        os.set_blocking(fd, True)  # a pipe given on purpose is waited for
        return _read_up_to(fd, limit + 1)
    except OSError as error:
        raise _os_error(path, error) from None
    finally:
        os.close(fd)


def _read_up_to(fd: int, size: int) -> bytes:
    pieces: list[bytes] = []
    while size > 0:
        piece = os.read(fd, size)
        if not piece:
            break
        pieces.append(piece)
        size -= len(piece)
    return b"".join(pieces)


def _is_inherited_pipe(path: Path, opened: os.stat_result) -> bool:
    """Whether `path` names a pipe this process was handed, such as /dev/stdin."""
    match = _INHERITED.fullmatch(str(path))
    if match is None or not stat.S_ISFIFO(opened.st_mode):
        return False
    try:
        given = os.fstat(int(match.group(1) or match.group(2) or 0))
    except OSError:
        return False
    return (given.st_dev, given.st_ino) == (opened.st_dev, opened.st_ino)


def _os_error(path: Path, error: OSError) -> ReadError:
    if isinstance(error, FileNotFoundError):
        return ReadError(_(errors.NO_SUCH_FILE, path=path))
    if isinstance(error, IsADirectoryError):
        return ReadError(_(errors.IS_FOLDER_NOT_FILE, path=path))
    if isinstance(error, PermissionError):
        return ReadError(_(errors.PERMISSION_DENIED, path=path))
    if error.errno in (errno.ENXIO, errno.EOPNOTSUPP):  # a socket, or a device with no driver
        return ReadError(_(errors.NOT_REGULAR_FILE, path=path))
    return ReadError(_(errors.CANNOT_BE_READ, path=path, problem=error.strerror or error))


def decode_text(content: bytes, *, source: str) -> str:
    """Decode UTF-8 (with or without a byte-order mark) or BOM-marked UTF-16."""
    # UTF-32's mark begins with UTF-16's, so it must be recognised (and refused) first.
    if content.startswith(_UTF32_BOMS):
        raise ReadError(_(errors.BINARY_DATA, source=source))
    if content.startswith(_UTF16_BOMS):
        try:
            return content.decode("utf-16")
        except UnicodeDecodeError:
            raise ReadError(_(errors.BAD_UTF16, source=source)) from None
    if b"\x00" in content:
        raise ReadError(_(errors.BINARY_DATA, source=source))
    if content.startswith(_UTF8_BOM):
        content = content[len(_UTF8_BOM) :]
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ReadError(_(errors.NOT_UTF8, source=source, offset=error.start)) from None


def parse_yaml(text: str, *, source: str) -> Any:
    """Parse one YAML document strictly; raise ReadError with the place of any problem."""
    loader = None
    try:
        _refuse_tags_and_anchors(text)
        # The pure-Python reader checks characters as soon as the loader is built.
        loader = _StrictLoader(text)
        return loader.get_single_data()
    except _Problem as problem:
        raise ReadError(_(errors.IN_FILE, source=source, problem=problem)) from None
    except yaml.reader.ReaderError as error:
        raise ReadError(
            _(
                errors.CHARACTER_NOT_ALLOWED,
                source=source,
                code=f"{error.character:04X}",
                position=error.position,
            )
        ) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        # libyaml's depth limit is a refusal of a hostile file, not a sign of another format.
        deep = "maximum nesting depth" in str(error.problem)
        raise ReadError(
            _(errors.IN_FILE, source=source, problem=_describe_yaml_error(error, text)),
            not_yaml_at=None if mark is None or deep else (mark.line + 1, mark.column + 1),
        ) from None
    except yaml.YAMLError as error:
        raise ReadError(
            _(errors.NOT_VALID_YAML_DETAIL, source=source, detail=_one_line(str(error)))
        ) from None
    except RecursionError:
        # libyaml stops at its own depth limit; the pure-Python parser recurses instead.
        raise ReadError(_(errors.NESTED_TOO_DEEPLY, source=source)) from None
    finally:
        if loader is not None:
            loader.dispose()


def _refuse_tags_and_anchors(text: str) -> None:
    """Raise _Problem at the first explicit tag (`!!float`, `!x`, `!`) or anchor (`&a`)."""
    # Both are written with one of these characters, so most files need no second look.
    if "!" not in text and "&" not in text:
        return
    # A pass over the parser's events, before any node is built: a tag decides what
    # would be built, and libyaml builds its nodes where no hook of ours can see tags.
    events = _StrictLoader(text)
    try:
        while not events.check_event(yaml.DocumentEndEvent, yaml.StreamEndEvent):
            event = events.get_event()
            if isinstance(event, yaml.AliasEvent):
                continue  # it names an anchor, which was refused where it was set
            if getattr(event, "tag", None) is not None:
                what = _(errors.TAG_NOT_ALLOWED, tag=repr(event.tag))
                raise _problem_at(event.start_mark, what)
            if getattr(event, "anchor", None) is not None:
                raise _problem_at(event.start_mark, _(errors.ALIASES))
    finally:
        events.dispose()


def _short(text: str) -> str:
    return repr(text) if len(text) <= 40 else repr(text[:37] + "...")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _describe_yaml_error(error: yaml.MarkedYAMLError, text: str) -> str:
    mark = error.problem_mark or error.context_mark
    problem = _one_line(error.problem or error.context or _(errors.INVALID_YAML))
    if "another document" in problem:
        problem = _(errors.MORE_THAN_ONE_DOCUMENT)
    if mark is not None and _char_at(text, mark.line, mark.column) == "\t":
        problem = _(errors.TAB_INDENTATION)
    described = _(errors.NOT_VALID_YAML_BECAUSE, problem=problem)
    if mark is None:
        return described
    return _(errors.AT_PLACE, line=mark.line + 1, column=mark.column + 1, problem=described)


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.splitlines()
    if line < len(lines) and column < len(lines[line]):
        return lines[line][column]
    return ""


def load_file(path: Path, *, limit: int) -> Any:
    """Read, decode and strictly parse one small YAML (or JSON) file."""
    source = str(path)
    return parse_yaml(decode_text(read_limited(path, limit=limit), source=source), source=source)
